/*
 * stem_ar.c — the Arabic side of the text search analyzer: one word in, one lexeme out.
 *
 * Arabic is written in these comments in Buckwalter transliteration (A alef, b beh, t teh,
 * p teh marbuta, h heh, w waw, y yeh, Y alef maksura, l lam, k kaf, f feh, n noon, S sad),
 * and the letters the code compares are UTF-8 byte escapes: the engine's sources hold no
 * Arabic letters, and the stop words are data (data/lang/stop_ar.txt).
 *
 * A word goes through three steps:
 *
 *   1. fold(). Lucene's Arabic analyzer normalizes before it stems (ArabicNormalizationFilter:
 *      hamza-carrying alefs -> A, Y -> y, p -> h, no tatweel nor harakat); akhbar's fold()
 *      does all of that and more, so the stemmer sees the same letters as Lucene's, and the
 *      lexeme agrees with every other akhbar key.
 *   2. Stop words. If the folded word is in data/lang/stop_ar.txt (compiled into a sorted
 *      array at build time, looked up by binary search in byte order, the order of the
 *      generator's LC_ALL=C sort) it gives no lexeme. The list is written as fold() writes,
 *      so one entry covers every spelling (>n and <n are both An). Looking up the fold rather
 *      than the stem keeps the list readable: the words, not their stems.
 *   3. The light10 stemmer of Larkey, Ballesteros and Connell ("Light Stemming for Arabic
 *      Information Retrieval", 2007) as Lucene's ArabicStemmer implements it:
 *        - at most one prefix, the first of Al wAl bAl kAl fAl ll w that matches, when the
 *          word has at least two letters more than the prefix (w, a single letter, wants
 *          three: "wa- prefix requires at least 3 characters");
 *        - then every suffix of hA An At wn yn yh h y in that order, each at most once, each
 *          when two letters at least remain (so -At then -h: sAhdhAt -> sAhd).
 *      Lucene's list also has -yp and -p (teh marbuta). Its analyzer never meets them (its
 *      normalizer has turned p into h before the stemmer runs), and neither does this one
 *      (fold() has too): they are left out. Keeping them as -yh and -h a second time would
 *      cut a second h (wjhh, "his face", would lose both), which Lucene's chain never does.
 *      So on words whose p is word-final, as Arabic spelling wants, the lexeme is the fold
 *      of Lucene's stem; the unit test checks this on Lucene's own vectors.
 *
 * Lengths are Lucene's: UTF-16 units of the folded word. Every Arabic letter is one unit
 * and two UTF-8 bytes, so affixes are matched as bytes; a byte match of an affix is also a
 * match of whole characters, because an affix starts with a lead byte and UTF-8 lets no
 * character end inside another.
 *
 * Names. A word of a name is never stemmed (bwtyn, Putin, must not lose its -yn) and has no
 * stop words, so it does not come here. The text search parser (tsearch.c) runs the entity
 * matcher (gazetteer.c) first, which says where each name starts: after the clitics and the
 * article Arabic writes onto it (the conjunctions w f, the prepositions b k l, Al, ll). The
 * parser passes the name from there, to be folded only, and returns what comes before as a
 * blank: wbkyn and bbkyn give bkyn, wAlSyn, bAlSyn and llSyn give Syn. The matcher tells a
 * clitic from the first letter of a name by trying every reading against its aliases, which
 * no rule without a lexicon can do (bwtyn, Putin, begins with b).
 *
 * Memory: the fold is written into out and cut there in place; nothing else is allocated.
 * A folded word longer than STEM_MAX_BYTES is indexed folded and unstemmed: no Arabic word is
 * a tenth of that, and hostile input (a 1 MB "word") costs one fold, in linear time.
 */
#include "stem_ar.h"

#include "arabic.h"

#include <stdint.h>
#include <string.h>

/* Longer folded words are indexed without stemming. */
#define STEM_MAX_BYTES 256

/* Lucene's prefixes, in its order: the first that matches (and leaves enough) is removed. */
static const char *const prefixes[] = {
	AR_ALEF AR_LAM,				/* Al */
	AR_WAW AR_ALEF AR_LAM,		/* wAl */
	AR_BEH AR_ALEF AR_LAM,		/* bAl */
	AR_KAF AR_ALEF AR_LAM,		/* kAl */
	AR_FEH AR_ALEF AR_LAM,		/* fAl */
	AR_LAM AR_LAM,				/* ll */
	AR_WAW,						/* w */
};

/* Lucene's suffixes on folded words (-yp and -p gone, see above), in its order. */
static const char *const suffixes[] = {
	AR_HEH AR_ALEF,				/* hA */
	AR_ALEF AR_NOON,			/* An */
	AR_ALEF AR_TEH,				/* At */
	AR_WAW AR_NOON,				/* wn */
	AR_YEH AR_NOON,				/* yn */
	AR_YEH AR_HEH,				/* yh */
	AR_HEH,						/* h */
	AR_YEH,						/* y */
};

static const char *const stop_words[] = {
#include "gen/stop_ar_words.h"
};

#define NSTOP (sizeof(stop_words) / sizeof(stop_words[0]))


static bool
is_stop_word(const char *s, size_t n)
{
	return akh_word_in(stop_words, NSTOP, s, n);
}

bool
akh_stop_word_ar(const char *folded, size_t n)
{
	return is_stop_word(folded, n);
}

static bool
starts_with(const char *s, size_t len, const char *prefix)
{
	size_t		pl = strlen(prefix);

	return len >= pl && memcmp(s, prefix, pl) == 0;
}

static bool
ends_with(const char *s, size_t len, const char *suffix)
{
	size_t		sl = strlen(suffix);

	return len >= sl && memcmp(s + len - sl, suffix, sl) == 0;
}

/*
 * Length of valid UTF-8 s[0..len) in UTF-16 units, as Lucene counts: one per character, two
 * for a character past U+FFFF (four bytes in UTF-8). Counting stops at limit, which is all
 * the callers need to know and keeps a long word from being read to its end.
 */
static size_t
utf16_units(const char *s, size_t len, size_t limit)
{
	size_t		units = 0;

	for (size_t i = 0; i < len && units < limit; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if ((c & 0xC0) != 0x80)
			units += c >= 0xF0 ? 2 : 1;
	}
	return units;
}

/*
 * light10 on the folded word s[0..len), in place; returns the stem's length in bytes. Every
 * affix is made of Arabic letters, one UTF-16 unit and AR_LETTER_BYTES bytes each.
 */
static size_t
light10(char *s, size_t len)
{
	/* Counted in full: suffixes come off one after another, each tested on what is left. */
	size_t		units = utf16_units(s, len, SIZE_MAX);

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
	{
		size_t		pl = strlen(prefixes[i]);
		size_t		letters = pl / AR_LETTER_BYTES;

		if (units < (letters == 1 ? 4 : letters + 2) || !starts_with(s, len, prefixes[i]))
			continue;
		memmove(s, s + pl, len - pl);
		len -= pl;
		units -= letters;
		break;
	}
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
	{
		size_t		sl = strlen(suffixes[i]);
		size_t		letters = sl / AR_LETTER_BYTES;

		if (units < letters + 2 || !ends_with(s, len, suffixes[i]))
			continue;
		len -= sl;
		units -= letters;
	}
	return len;
}

/* The lexeme of the folded word now at out->data[start..out->len), in place. */
static void
lexeme_in_place(akh_buf *out, size_t start, bool *is_stop)
{
	if (out->len == start || is_stop_word(out->data + start, out->len - start))
	{
		out->len = start;
		*is_stop = true;
		return;
	}
	if (out->len - start > STEM_MAX_BYTES)
		return;
	out->len = start + light10(out->data + start, out->len - start);
}

akh_status
akh_lexeme_ar(const akh_folder *f, const char *w, size_t n, akh_buf *out, bool *is_stop)
{
	size_t		start = out->len;
	akh_status	st;

	*is_stop = false;

	/* The fold, in out itself: the stop word key, the stemmer's input, and its validation. */
	if ((st = akh_fold(f, w, n, out)) != AKH_OK)
	{
		out->len = start;
		return st;
	}
	lexeme_in_place(out, start, is_stop);
	return AKH_OK;
}

akh_status
akh_lexeme_ar_folded(const char *folded, size_t n, akh_buf *out, bool *is_stop)
{
	size_t		start = out->len;
	akh_status	st;

	*is_stop = false;
	if ((st = akh_buf_append(out, folded, n)) != AKH_OK)
		return st;
	lexeme_in_place(out, start, is_stop);
	return AKH_OK;
}
