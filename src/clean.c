/*
 * clean.c — akhbar.clean(): an article without the boilerplate of the page it was scraped from.
 *
 * What scrapers keep besides the article is made of whole lines: a "Partager :" button above
 * the title, "Lire aussi : ..." links, a credit line, "Facebook | Twitter" links, a cookie
 * notice and its "J'accepte" button, a machine-translation disclaimer, a "Most read" header
 * followed by other articles' titles. So clean() decides line by line, keep or drop, and
 * copies what it keeps byte for byte.
 *
 * Each line is compared through its key: fold() of the line (data/fold.tsv: case, diacritics,
 * harakat, alef/ya/ta-marbuta forms), then every run of characters that are not letters or
 * digits made one space. Spelling, punctuation and decoration thus do not matter: "LIRE AUSSI:",
 * "» Lire aussi" and "lire aussi -" have the key "lire aussi". The patterns in
 * data/boilerplate.tsv are written in key form already (a unit test checks it), so nothing is
 * folded at run time but the input.
 *
 * A line is:
 *   blank       its fold is empty (white space, invisible controls): a paragraph separator;
 *   decoration  not blank, but its key is empty (bullets, pipes, dashes, emoji): dropped;
 *   boilerplate it matches a pattern (kinds below): dropped, or with "rest" it ends the text;
 *   article     anything else: kept.
 * Pattern kinds (data/boilerplate.tsv explains each): line_exact (key equals the pattern),
 * line_start (key begins with it), line (key contains it), line_any (contains, any length),
 * rest (key equals it: drop it and everything after), network (social network names listed
 * together). Patterns match whole words, or what follows an Arabic prefix (wa-, fa-, then bi-,
 * li-, ka-: wa-siyasa "and policy", li-milaffat "to files"), since Arabic writes these
 * particles joined to the next word.
 * A line of more than MAX_LINE_WORDS words is article text whatever it contains, except for
 * line_any patterns: boilerplate lines are short, and a paragraph quoting "suivez-nous" must
 * survive. A rest header met before REST_MIN_WORDS words of article were kept is dropped alone:
 * a "Most read" sidebar scraped above the article is followed by the article itself.
 *
 * Output: kept lines joined by the original bytes between them (their line breaks and blank
 * lines) when nothing between them was dropped; when something was, by the line break of the
 * first and, if there were blank lines between them, one blank line, so that removing a line
 * never leaves a hole of two blank lines. Nothing before the first kept line or after the last.
 *
 * Cost: the pattern index (a hash of each pattern's first word, on the stack, built per call
 * since the engine keeps no global state: about a hundred short strings) makes each word of
 * the key cost one hash and, rarely, a comparison, so clean() is linear in its input; one
 * scratch buffer from out->env holds the current line folded, then its key.
 */
#include "clean.h"

#include <string.h>

/* Lines longer than this are article text for every kind but line_any and rest. */
#define MAX_LINE_WORDS 40

/* A "rest" header before this many article words is a sidebar above the article. */
#define REST_MIN_WORDS 20

/* A run of this many network names with nothing between them is a list of links. */
#define NETWORK_RUN 4

typedef enum bp_kind
{
	BP_LINE,
	BP_LINE_ANY,
	BP_LINE_START,
	BP_LINE_EXACT,
	BP_REST,
	BP_NETWORK
} bp_kind;

typedef struct bp_pattern
{
	bp_kind		kind;
	const char *text;			/* key form: folded words separated by one space */
	size_t		len;
} bp_pattern;

#define AKH_BP(kind, text) {BP_##kind, text, sizeof(text) - 1},

static const bp_pattern patterns[] = {
#include "gen/boilerplate.h"
};

#undef AKH_BP

#define NPATTERNS (sizeof(patterns) / sizeof(patterns[0]))

/* Buckets of the first-word hash: a power of two, at least twice the number of patterns. */
#define NBUCKETS 1024

_Static_assert(NPATTERNS * 2 <= NBUCKETS, "NBUCKETS too small for data/boilerplate.tsv");
_Static_assert(NPATTERNS < UINT16_MAX, "too many patterns for uint16_t links");

/* Patterns chained by the hash of their first word; links are index + 1, 0 ends a chain. */
typedef struct bp_index
{
	uint16_t	head[NBUCKETS];
	uint16_t	next[NPATTERNS];
} bp_index;

typedef enum verdict
{
	V_KEEP,
	V_BLANK,
	V_DROP,
	V_REST
} verdict;

/* FNV-1a of the word at s (up to a space or n); its length goes to *wlen. */
static uint32_t
word_hash(const char *s, size_t n, size_t *wlen)
{
	uint32_t	h = 2166136261u;
	size_t		i = 0;

	while (i < n && s[i] != ' ')
	{
		h = (h ^ (unsigned char) s[i]) * 16777619u;
		i++;
	}
	*wlen = i;
	return h & (NBUCKETS - 1);
}

static inline size_t
word_len(const char *s, size_t n)
{
	const char *sp = memchr(s, ' ', n);

	return sp != NULL ? (size_t) (sp - s) : n;
}

static void
build_index(bp_index *idx)
{
	memset(idx->head, 0, sizeof(idx->head));
	/* Backwards, so that each chain lists patterns in file order. */
	for (size_t k = NPATTERNS; k-- > 0;)
	{
		size_t		wlen;
		uint32_t	h = word_hash(patterns[k].text, patterns[k].len, &wlen);

		idx->next[k] = idx->head[h];
		idx->head[h] = (uint16_t) (k + 1);
	}
}

/* Does pattern p stand at key[at..] and end at a word boundary? */
static inline bool
matches_at(const char *key, size_t keylen, size_t at, const bp_pattern *p)
{
	return at + p->len <= keylen &&
		memcmp(key + at, p->text, p->len) == 0 &&
		(at + p->len == keylen || key[at + p->len] == ' ');
}

/* Two-byte Arabic letters that prefix a word: the conjunctions, then the prepositions. */
static inline bool
is_conjunction(const char *s)
{
	/* waw U+0648, fa U+0641 */
	return (unsigned char) s[0] == 0xD9 &&
		((unsigned char) s[1] == 0x88 || (unsigned char) s[1] == 0x81);
}

static inline bool
is_preposition(const char *s)
{
	/* ba U+0628, lam U+0644, kaf U+0643 */
	return ((unsigned char) s[0] == 0xD8 && (unsigned char) s[1] == 0xA8) ||
		((unsigned char) s[0] == 0xD9 &&
		 ((unsigned char) s[1] == 0x84 || (unsigned char) s[1] == 0x83));
}

/*
 * Where a pattern may start in the word at key[w..]: the word itself, and after an Arabic
 * conjunction and/or preposition prefix (wa-siyasa, li-milaffat), as long as a letter remains.
 * Returns the number of starts written to starts[] (1 to 3).
 */
static int
word_starts(const char *key, size_t keylen, size_t w, size_t *starts)
{
	int			n = 0;
	size_t		at = w;

	starts[n++] = w;
	if (at + 2 < keylen && key[at + 2] != ' ' && is_conjunction(key + at))
	{
		at += 2;
		starts[n++] = at;
	}
	if (at + 2 < keylen && key[at + 2] != ' ' && is_preposition(key + at))
		starts[n++] = at + 2;
	return n;
}

/*
 * The verdict on a line whose key is key[0..keylen) (not empty) of nwords words.
 */
static verdict
match_key(const bp_index *idx, const char *key, size_t keylen, size_t nwords)
{
	bool		short_line = nwords <= MAX_LINE_WORDS;
	size_t		wlen;
	uint32_t	h;
	size_t		w;

	/* Network runs: names found so far in a row, where the run began, where it may go on. */
	size_t		run = 0;
	size_t		run_first = 0;
	size_t		run_next = 0;

	/* Whole-line kinds look at the first word only. */
	h = word_hash(key, keylen, &wlen);
	for (uint16_t k = idx->head[h]; k != 0; k = idx->next[k - 1])
	{
		const bp_pattern *p = &patterns[k - 1];

		if ((p->kind == BP_LINE_EXACT || p->kind == BP_REST) &&
			p->len == keylen && memcmp(key, p->text, keylen) == 0)
			return p->kind == BP_REST ? V_REST : V_DROP;
		if (p->kind == BP_LINE_START && short_line && matches_at(key, keylen, 0, p))
			return V_DROP;
	}

	/* Contained kinds, at every word. */
	for (w = 0; w < keylen; w += word_len(key + w, keylen - w) + 1)
	{
		size_t		starts[3];
		int			nstarts = word_starts(key, keylen, w, starts);
		bool		network_here = false;

		for (int j = 0; j < nstarts; j++)
		{
			size_t		at = starts[j];

			h = word_hash(key + at, keylen - at, &wlen);
			for (uint16_t k = idx->head[h]; k != 0; k = idx->next[k - 1])
			{
				const bp_pattern *p = &patterns[k - 1];

				if (p->kind == BP_LINE_ANY || (p->kind == BP_LINE && short_line))
				{
					if (matches_at(key, keylen, at, p))
						return V_DROP;
				}
				else if (p->kind == BP_NETWORK && short_line && !network_here &&
						 (run == 0 || w >= run_next) && matches_at(key, keylen, at, p))
				{
					/*
					 * The run goes on when this name starts the word right after the last
					 * one; the words inside a two-word name ("google news") are skipped by
					 * the w >= run_next test above rather than starting a run of their own.
					 */
					if (run > 0 && w == run_next)
						run++;
					else
					{
						run = 1;
						run_first = w;
					}
					run_next = at + p->len + 1;
					network_here = true;
					if (run >= NETWORK_RUN)
						return V_DROP;
				}
			}
		}
	}
	/* A line of network names and nothing else. */
	if (run > 0 && run_first == 0 && run_next == keylen + 1)
		return V_DROP;
	return V_KEEP;
}

/*
 * Writes the key of folded text in[0..len) to key: letters and digits kept, every other run of
 * characters one space, trimmed; © is a word of its own. key has room for 2 * len bytes (a
 * space before each word at most, and no word is shorter than one byte). Returns the key's
 * length and counts its words in *nwords.
 */
static size_t
make_key(const akh_folder *f, const char *in, size_t len, char *key, size_t *nwords)
{
	const unsigned char *u = (const unsigned char *) in;
	size_t		i = 0;
	size_t		o = 0;
	size_t		words = 0;
	bool		in_word = false;

	while (i < len)
	{
		uint32_t	c = u[i];
		int			cl = 1;
		bool		letter;
		bool		alone = false;

		/* fold() writes valid UTF-8; a byte it could not have written counts as a separator. */
		if (c >= 0x80 && (cl = akh_utf8_decode(u + i, len - i, &c)) == 0)
		{
			cl = 1;
			letter = false;
		}
		else if (c < 0x80)
			letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
		else if (c == 0xA9)
			letter = alone = true;	/* "©AFP" is "© afp": credits start with the sign */
		else
			letter = akh_folder_script(f, c) != AKH_SCRIPT_NONE;

		if (letter)
		{
			if (!in_word || alone)
			{
				if (o > 0)
					key[o++] = ' ';
				words++;
			}
			for (int b = 0; b < cl; b++)
				key[o++] = in[i + b];
			in_word = !alone;
		}
		else
			in_word = false;
		i += (size_t) cl;
	}
	*nwords = words;
	return o;
}

/* Checks that p[i..n) is UTF-8, ticking as it goes (the text after a "rest" header). */
static akh_status
validate_rest(const unsigned char *p, size_t i, size_t n, const akh_env *env, size_t *next_tick)
{
	while (i < n)
	{
		uint32_t	c;
		int			cl;

		if (i >= *next_tick)
		{
			if (env->tick != NULL)
				env->tick(env->ctx);
			*next_tick = i + AKH_TICK_BYTES;
		}
		if (p[i] < 0x80)
		{
			i++;
			continue;
		}
		if ((cl = akh_utf8_decode(p + i, n - i, &c)) == 0)
			return AKH_EUTF8;
		i += (size_t) cl;
	}
	return AKH_OK;
}

/*
 * The end of the line that starts at i: the index of its line break (or n), and the break's
 * length in *brk: "\n", "\r\n", a lone "\r", U+2028 LINE SEPARATOR or U+2029 PARAGRAPH
 * SEPARATOR. Ticks every AKH_TICK_BYTES, since a line may be the whole input.
 */
static size_t
line_end(const unsigned char *p, size_t i, size_t n, size_t *brk, const akh_env *env,
		 size_t *next_tick)
{
	for (;;)
	{
		size_t		limit = n < *next_tick ? n : *next_tick;

		while (i < limit)
		{
			unsigned char b = p[i];

			if (b == '\n')
			{
				*brk = 1;
				return i;
			}
			if (b == '\r')
			{
				*brk = (i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
				return i;
			}
			if (b == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
				(p[i + 2] == 0xA8 || p[i + 2] == 0xA9))
			{
				*brk = 3;
				return i;
			}
			i++;
		}
		if (i >= n)
		{
			*brk = 0;
			return n;
		}
		if (env->tick != NULL)
			env->tick(env->ctx);
		*next_tick = i + AKH_TICK_BYTES;
	}
}

akh_status
akh_clean(const akh_folder *f, const char *s, size_t n, akh_buf *out)
{
	const unsigned char *p = (const unsigned char *) s;
	const akh_env *env = out->env;
	size_t		out_len0 = out->len;
	bp_index	idx;
	akh_buf		scratch;
	akh_status	st = AKH_OK;
	size_t		i = 0;
	size_t		next_tick = AKH_TICK_BYTES;

	/* The last kept line: whether there is one, where its text ends, its line break. */
	bool		kept_any = false;
	size_t		kept_end = 0;
	size_t		kept_brk = 0;
	size_t		kept_words = 0;

	/* Since the last kept line: a line was dropped, a blank line was seen. */
	bool		dropped = false;
	bool		blank = false;

	build_index(&idx);
	akh_buf_init(&scratch, env);
	while (i < n)
	{
		size_t		brk;
		size_t		end = line_end(p, i, n, &brk, env, &next_tick);
		size_t		nwords = 0;
		size_t		keylen;
		verdict		v;

		/* The folded line, then its key after it in the same buffer. */
		scratch.len = 0;
		if ((st = akh_fold(f, s + i, end - i, &scratch)) != AKH_OK ||
			(st = akh_buf_reserve(&scratch, 2 * scratch.len)) != AKH_OK)
			break;
		if (scratch.len == 0)
			v = V_BLANK;
		else if ((keylen = make_key(f, scratch.data, scratch.len, scratch.data + scratch.len,
									&nwords)) == 0)
			v = V_DROP;			/* decoration: no letter, no digit */
		else
			v = match_key(&idx, scratch.data + scratch.len, keylen, nwords);
		if (v == V_REST && kept_words < REST_MIN_WORDS)
			v = V_DROP;

		if (v == V_REST)
		{
			st = validate_rest(p, end, n, env, &next_tick);
			break;
		}
		if (v == V_BLANK)
			blank = true;
		else if (v == V_DROP)
			dropped = true;
		else
		{
			if (kept_any && !dropped)
				st = akh_buf_append(out, s + kept_end, i - kept_end);
			else if (kept_any)
			{
				st = akh_buf_append(out, s + kept_end, kept_brk);
				if (st == AKH_OK && blank)
					st = akh_buf_append(out, s + kept_end, kept_brk);
			}
			if (st == AKH_OK)
				st = akh_buf_append(out, s + i, end - i);
			if (st != AKH_OK)
				break;
			kept_any = true;
			kept_end = end;
			kept_brk = brk;
			kept_words += nwords;
			dropped = blank = false;
		}
		i = end + brk;
		if (i >= next_tick)
		{
			if (env->tick != NULL)
				env->tick(env->ctx);
			next_tick = i + AKH_TICK_BYTES;
		}
	}
	akh_buf_free(&scratch);
	if (st != AKH_OK)
		out->len = out_len0;
	return st;
}
