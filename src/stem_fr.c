/*
 * stem_fr.c — the French side of the text search analyzer: one word in, one lexeme out.
 *
 * A word goes through four steps:
 *
 *   1. Elision. French glues a short article, pronoun or conjunction onto the next word with an
 *      apostrophe (l'ONU, d’Ankara, qu'il, jusqu'à). As Lucene's ElisionFilter does with
 *      FrenchAnalyzer's articles, the part up to the first apostrophe (' or ’) is dropped when
 *      it is one of l m t qu n s j d c jusqu quoiqu lorsqu puisqu, in any case. "aujourd'hui"
 *      and "presqu'île" keep theirs: aujourd and presqu are not articles.
 *   2. Stop words. The rest is folded; if the fold is in data/lang/stop_fr.txt (compiled into
 *      a sorted array at build time) the word gives no lexeme. Looking up the fold rather than
 *      the stem keeps the list readable (sont, etaient, lesquelles, not their stems) and makes
 *      case and accents irrelevant (À, a, à).
 *   3. Savoy's light stemmer, exactly as Lucene's FrenchLightStemmer ("UniNE" algorithm,
 *      J. Savoy, Light Stemming Approaches for the French, Portuguese, German and Hungarian
 *      Languages): plural -x/-s, then at most one derivational rewrite (-issement, -ateur,
 *      -trice, -ive, -nnelle, -isation, ...), then norm(): some accents dropped, doubled
 *      letters squeezed, final -ie, -r, -e, -e and a doubled last letter removed. Its output is
 *      deliberately not a word (investissement -> investi, communicateur -> comuniqu): it only
 *      has to be the same for the forms of one word. The stemmer runs, like Lucene's, on the
 *      lowercased word with its accents, because some rules test them (-ère, -ète, -ième).
 *   4. fold() of the stem, so that the lexeme agrees with the rest of akhbar (œ -> oe, the
 *      accents norm() leaves, ï, ë).
 *
 * Names are neither stemmed nor filtered for stop words, and do not come here: the text search
 * parser (tsearch.c) passes a name from where the entity matcher (gazetteer.c) says it starts,
 * to be folded only.
 *
 * Faithfulness. Lucene's stemmer works on Java chars (UTF-16 units) and its length tests count
 * them; this one works on ICU UChars for the same counts. Its lowercasing is Java's
 * Character.toLowerCase per code point, here u_tolower per code point (the same simple case
 * mapping); Character.isLetter is u_isalpha (general category L). Two departures, both for
 * fold()'s sake. The word is put in NFKC first, as fold() does, so that a decomposed é (e + U+0301) or a ligature (ﬁ)
 * gives the lexeme of the composed spelling; Lucene would see other letters there. Likewise
 * default-ignorable code points (soft hyphen, zero-width space, joiners, bidi controls) are
 * left out of the stemmer's input, since fold() deletes them: "co<SHY>opération" must stem as
 * "coopération" does. Neither occurs in ordinary lowercase text, where the result is Lucene's:
 * the unit test compares it with the reference implementation's output on its 20,403-word
 * vocabulary.
 *
 * Memory: nothing but out and fixed stack buffers. A word longer than STEM_MAX_BYTES, or
 * whose NFKC form does not fit the buffers, is indexed folded and unstemmed: no French word is
 * that long, and hostile input (a 1 MB "word") costs one fold, in linear time.
 */
#include "stem_fr.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

/* Longer words are folded without stemming. */
#define STEM_MAX_BYTES 256

/* UTF-16 units of the NFKC form kept on the stack (NFKC may expand up to 18 times). */
#define STEM_MAX_UNITS 1024

/* Longest elided article (quoiqu, lorsqu, puisqu). */
#define ARTICLE_MAX 6

static const char *const stop_words[] = {
#include "gen/stop_fr_words.h"
};

#define NSTOP (sizeof(stop_words) / sizeof(stop_words[0]))

/* The articles Lucene's FrenchAnalyzer elides (its DEFAULT_ARTICLES). */
static const char *const articles[] = {
	"c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t",
};

/* Latin-1 letters the stemmer tests or rewrites (Latin-1 = the first 256 code points). */
#define A_GRAVE 0x00E0
#define A_ACUTE 0x00E1
#define A_CIRC 0x00E2
#define C_CEDIL 0x00E7
#define E_GRAVE 0x00E8
#define E_ACUTE 0x00E9
#define E_CIRC 0x00EA
#define I_CIRC 0x00EE
#define O_CIRC 0x00F4
#define U_GRAVE 0x00F9
#define U_CIRC 0x00FB


/*
 * Bytes of the elided article at the start of w, apostrophe included, or 0. Articles are
 * ASCII letters, so a prefix is one only if it is made of ASCII letters and ends at the first
 * apostrophe: looking at the first ARTICLE_MAX + 1 bytes is enough, however long the word.
 */
static size_t
elision_length(const char *w, size_t n)
{
	char		lower[ARTICLE_MAX];
	size_t		i;
	size_t		apos;

	for (i = 0; i < n; i++)
	{
		/* ASCII letters with the case bit set; anything else, UTF-8 included, lands outside. */
		unsigned char c = (unsigned char) w[i] | 0x20;

		if (c < 'a' || c > 'z')
			break;
		if (i == ARTICLE_MAX)
			return 0;
		lower[i] = (char) c;
	}
	if (i == 0 || i == n)
		return 0;
	if (w[i] == '\'')
		apos = 1;
	else if (n - i >= 3 && memcmp(w + i, "\xE2\x80\x99", 3) == 0)	/* U+2019 */
		apos = 3;
	else
		return 0;
	for (size_t k = 0; k < sizeof(articles) / sizeof(articles[0]); k++)
	{
		if (strlen(articles[k]) == i && memcmp(articles[k], lower, i) == 0)
			return i + apos;
	}
	return 0;
}

static bool
is_stop_word(const char *s, size_t n)
{
	return akh_word_in(stop_words, NSTOP, s, n);
}

/*
 * Whether s[0..len) ends with suffix[0..n). Suffixes are written in Latin-1, one byte per
 * UTF-16 unit ("i\xe8me" is ième), which is all the stemmer needs. Compared from the end: most
 * words differ in the last letter, and the rules are tried one after the other.
 */
static inline bool
ends_with(const UChar *s, int len, const char *suffix, int n)
{
	if (n > len)
		return false;
	s += len - n;
	for (int i = n - 1; i >= 0; i--)
	{
		if (s[i] != (UChar) (unsigned char) suffix[i])
			return false;
	}
	return true;
}

/*
 * Savoy's rules are all "if the word is longer than min and ends with suffix, rewrite that
 * suffix as rep" (rep never longer than suffix, so in place). Returns whether it applied.
 * Lucene writes them as length arithmetic and character stores; spelled out as suffix pairs
 * they can be read against the paper.
 */
static inline bool
rewrite_suffix(UChar *s, int *len, int min, const char *suffix, int n, const char *rep, int m)
{
	if (*len <= min || !ends_with(s, *len, suffix, n))
		return false;
	*len -= n;
	for (int i = 0; i < m; i++)
		s[(*len)++] = (UChar) (unsigned char) rep[i];
	return true;
}

/*
 * The same with string literals, their lengths known at compile time. REWRITE tests the last
 * letter inline: a word goes past some thirty rules, and nearly all fail there.
 */
#define ENDS_WITH(s, len, suffix) ends_with((s), (len), (suffix), (int) sizeof(suffix) - 1)
#define REWRITE(s, len, min, suffix, rep) \
	(*(len) > (min) && \
	 (s)[*(len) - 1] == (UChar) (unsigned char) (suffix)[sizeof(suffix) - 2] && \
	 rewrite_suffix((s), (len), (min), (suffix), (int) sizeof(suffix) - 1, (rep), \
					(int) sizeof(rep) - 1))

/* Savoy's norm(): the common tail of every path through the stemmer. */
static int
savoy_norm(UChar *s, int len)
{
	if (len > 4)
	{
		int			kept = 1;

		for (int i = 0; i < len; i++)
		{
			switch (s[i])
			{
				case A_GRAVE:
				case A_ACUTE:
				case A_CIRC:
					s[i] = 'a';
					break;
				case O_CIRC:
					s[i] = 'o';
					break;
				case E_GRAVE:
				case E_ACUTE:
				case E_CIRC:
					s[i] = 'e';
					break;
				case U_GRAVE:
				case U_CIRC:
					s[i] = 'u';
					break;
				case I_CIRC:
					s[i] = 'i';
					break;
				case C_CEDIL:
					s[i] = 'c';
					break;
			}
		}

		/*
		 * A run of one letter becomes one letter (anneau -> aneau, 22hh00 -> 22h00); digits
		 * are not letters, so numbers keep theirs.
		 */
		for (int i = 1; i < len; i++)
		{
			if (!(s[i] == s[kept - 1] && u_isalpha(s[kept - 1])))
				s[kept++] = s[i];
		}
		len = kept;
	}
	if (len > 4 && ENDS_WITH(s, len, "ie"))
		len -= 2;
	if (len > 4)
	{
		if (s[len - 1] == 'r')
			len--;
		if (s[len - 1] == 'e')
			len--;
		if (s[len - 1] == 'e')
			len--;
		if (s[len - 1] == s[len - 2] && u_isalpha(s[len - 1]))
			len--;
	}
	return len;
}

/*
 * Savoy's light stemmer on the lowercased word s[0..len); returns the stem's length. The rules
 * are tried in this order and, except where a comment says it goes on, the first that applies
 * ends the stemming with norm(); the length bounds are the reference implementation's.
 */
static int
savoy_stem(UChar *s, int len)
{
	/* Plurals: chevaux -> cheval (but not -eaux: peaux -> peau), hiboux -> hibou. */
	if (len > 5 && s[len - 1] == 'x')
	{
		if (s[len - 3] == 'a' && s[len - 2] == 'u' && s[len - 4] != 'e')
			s[len - 2] = 'l';
		len--;
	}
	if (len > 3 && s[len - 1] == 'x')
		len--;
	if (len > 3 && s[len - 1] == 's')
		len--;

	if (REWRITE(s, &len, 9, "issement", "ir") ||
		REWRITE(s, &len, 8, "issant", "ir"))
		return savoy_norm(s, len);
	if (REWRITE(s, &len, 6, "ement", "e"))
	{
		/* administrativement -> administratif */
		(void) REWRITE(s, &len, 3, "ive", "if");
		return savoy_norm(s, len);
	}
	if (REWRITE(s, &len, 11, "ficatrice", "fier") ||
		REWRITE(s, &len, 10, "ficateur", "fier") ||
		REWRITE(s, &len, 9, "catrice", "quer") ||
		REWRITE(s, &len, 8, "cateur", "quer") ||
		REWRITE(s, &len, 8, "atrice", "er") ||
		REWRITE(s, &len, 7, "ateur", "er"))
		return savoy_norm(s, len);
	/* productrice -> producteur, and on to the -teur rule below */
	(void) REWRITE(s, &len, 6, "trice", "teur");
	if (REWRITE(s, &len, 5, "i\xe8me", "") ||
		REWRITE(s, &len, 7, "teuse", "ter") ||
		REWRITE(s, &len, 6, "teur", "ter") ||
		REWRITE(s, &len, 5, "euse", "eu") ||
		REWRITE(s, &len, 8, "\xe8re", "er") ||
		REWRITE(s, &len, 7, "ive", "if") ||
		REWRITE(s, &len, 4, "folle", "fou") ||
		REWRITE(s, &len, 4, "molle", "mou") ||
		REWRITE(s, &len, 9, "nnelle", "n") ||
		REWRITE(s, &len, 9, "nnel", "n"))
		return savoy_norm(s, len);
	/* complète -> complet, and on */
	(void) REWRITE(s, &len, 4, "\xe8te", "et");
	/* aromatique -> aromat, and on */
	(void) REWRITE(s, &len, 8, "ique", "");
	if (REWRITE(s, &len, 8, "esse", "e") ||
		REWRITE(s, &len, 7, "inage", "in"))
		return savoy_norm(s, len);
	if (REWRITE(s, &len, 9, "isation", ""))
	{
		/* ritualisation -> rituel */
		(void) REWRITE(s, &len, 5, "ual", "uel");
		return savoy_norm(s, len);
	}
	/* The last three rules (at most one applies), then norm() in any case. */
	(void) (REWRITE(s, &len, 9, "isateur", "") ||
			REWRITE(s, &len, 8, "ation", "") ||
			REWRITE(s, &len, 8, "ition", ""));
	return savoy_norm(s, len);
}

/*
 * The stem of w[0..n) (valid UTF-8, at most STEM_MAX_BYTES) as UTF-8 in stem[], which holds
 * 3 * STEM_MAX_UNITS bytes (a UTF-16 unit is at most three UTF-8 bytes). Sets *fits = false
 * when the word's NFKC form is too long for the buffers; the caller then keeps the fold.
 */
static akh_status
stem_word(const char *w, size_t n, char *stem, size_t *stem_len, bool *fits)
{
	UChar		a[STEM_MAX_UNITS];
	UChar		b[STEM_MAX_UNITS];
	int32_t		alen = 0;
	int32_t		blen = 0;
	bool		latin1 = true;
	bool		overflow = false;
	size_t		o = 0;

	*fits = false;
	for (size_t i = 0; i < n;)
	{
		uint32_t	c;
		int			l = akh_utf8_decode((const unsigned char *) w + i, n - i, &c);

		if (l == 0)
			return AKH_EUTF8;
		i += (size_t) l;

		/*
		 * Soft hyphens, zero-width spaces, joiners: fold() drops them, so must the stemmer.
		 * Below U+034F the soft hyphen is the only default-ignorable code point.
		 */
		if (c == 0xAD ||
			(c >= 0x34F && u_hasBinaryProperty((UChar32) c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)))
			continue;
		if (c >= 0xA0 && (c < 0xC0 || c > 0xFF))
			latin1 = false;
		U16_APPEND(a, alen, STEM_MAX_UNITS, (UChar32) c, overflow);
		if (overflow)
			return AKH_OK;
	}

	if (latin1)
	{
		/*
		 * Nearly every French word: ASCII and the letters U+00C0..U+00FF, which NFKC leaves
		 * alone (no compatibility mapping, nothing that composes with them below U+0300), and
		 * whose lowercase is the code point + 0x20 for A..Z and U+00C0..U+00DE but the sign ×.
		 * This is u_tolower restricted to them, without its lookups.
		 */
		for (int32_t i = 0; i < alen; i++)
		{
			UChar		c = a[i];

			if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
				c += 0x20;
			b[i] = c;
		}
		blen = alen;
	}
	else
	{
		const UNormalizer2 *nfkc;
		const UChar *src = a;
		int32_t		srclen = alen;
		UErrorCode	err = U_ZERO_ERROR;

		/* NFKC, skipped when ICU's quick check says the word is in it already. */
		nfkc = unorm2_getNFKCInstance(&err);
		if (U_FAILURE(err))
			return AKH_EICU;
		if (unorm2_spanQuickCheckYes(nfkc, a, alen, &err) != alen || U_FAILURE(err))
		{
			err = U_ZERO_ERROR;
			srclen = unorm2_normalize(nfkc, a, alen, b, STEM_MAX_UNITS, &err);
			if (err == U_BUFFER_OVERFLOW_ERROR)
				return AKH_OK;
			if (U_FAILURE(err))
				return AKH_EICU;
			memcpy(a, b, (size_t) srclen * sizeof(UChar));
		}

		/* Lowercase into b, code point by code point, as Lucene's LowerCaseFilter. */
		for (int32_t i = 0; i < srclen;)
		{
			UChar32		c;

			U16_NEXT(src, i, srclen, c);
			U16_APPEND(b, blen, STEM_MAX_UNITS, u_tolower(c), overflow);
			if (overflow)
				return AKH_OK;
		}
	}

	blen = savoy_stem(b, blen);

	/*
	 * Back to UTF-8. The stemmer cuts and rewrites only at letters of Latin-1, never inside a
	 * surrogate pair, and squeezes only letters (a surrogate unit is not one); so pairs stay
	 * whole. An unpaired unit would be a bug: it is dropped rather than written as bad UTF-8.
	 */
	for (int32_t i = 0; i < blen;)
	{
		UChar32		c;

		U16_NEXT(b, i, blen, c);
		if (U_IS_SURROGATE(c))
			continue;
		o += (size_t) akh_utf8_encode((uint32_t) c, stem + o);
	}
	*stem_len = o;
	*fits = true;
	return AKH_OK;
}

akh_status
akh_lexeme_fr(const akh_folder *f, const char *w, size_t n, akh_buf *out, bool *is_stop)
{
	size_t		start = out->len;
	size_t		e = elision_length(w, n);
	char		stem[3 * STEM_MAX_UNITS];
	size_t		stem_len = 0;
	bool		fits = false;
	akh_status	st;

	*is_stop = false;
	if (e > 0)
	{
		w += e;
		n -= e;
	}

	/*
	 * The fold of the whole word, in out itself (no other memory): the stop word key, and the
	 * lexeme of a word too long to stem. It also validates the UTF-8.
	 */
	if ((st = akh_fold(f, w, n, out)) != AKH_OK)
	{
		out->len = start;
		return st;
	}
	if (out->len == start || is_stop_word(out->data + start, out->len - start))
	{
		out->len = start;
		*is_stop = true;
		return AKH_OK;
	}
	if (n > STEM_MAX_BYTES)
		return AKH_OK;
	if ((st = stem_word(w, n, stem, &stem_len, &fits)) != AKH_OK)
	{
		out->len = start;
		return st;
	}
	if (!fits)
		return AKH_OK;
	out->len = start;
	if ((st = akh_fold(f, stem, stem_len, out)) != AKH_OK)
	{
		out->len = start;
		return st;
	}

	/*
	 * A stem that folds to nothing (the stemmer took the only letter of a word padded with
	 * characters fold() deletes) would be an empty lexeme: index the word's fold instead.
	 */
	if (out->len == start && (st = akh_fold(f, w, n, out)) != AKH_OK)
		out->len = start;
	return st;
}
