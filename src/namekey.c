/*
 * namekey.c — cross-script name keys.
 *
 * A news archive spells one person many ways: Poutine and Putin in French and English, the
 * same name in Arabic script as beh-waw-teh-yeh-noon; Sergueï, Sergey, Sergei, and two Arabic
 * spellings with ghain or jeem. The name key is what those spellings share: the skeleton of
 * consonants, each reduced to a coarse class (12 of them, written b d f g h k l m n r s t),
 * which is what Arabic script writes and what transliteration conventions preserve. Vowels are
 * dropped because Arabic leaves short ones unwritten and languages disagree on long ones (ou/u,
 * ei/ey/ei with diaeresis).
 *
 * How a key is made (the examples are in data/name_key.tsv and tests/test_namekey.c):
 *   1. the text is folded as by fold(): lowercase, no accents, and the Arabic alef, hamza, yeh
 *      and teh marbuta forms normalized (teh marbuta becomes heh);
 *   2. left to right, the longest pattern of data/name_key.tsv whose condition holds (at the
 *      end of a word, inside a word, at its start, as a whole word, before given letters)
 *      writes its class letters: "tch", "sch", "ch", "sh", "x" and the Arabic sibilants give s;
 *      "dj", "j", "g", jeem and ghain give g; "kh", "q", "c", khah, qaf and kaf give k ...;
 *      vowels, semivowels, alef, waw, yeh, hamza and ain, and letters without a row, nothing;
 *   3. an h at the end of a word (heh, hence teh marbuta, hah, or Latin h) writes nothing,
 *      since transcriptions are inconsistent about it (Fatima, Fatimah);
 *   4. the Arabic article is dropped wherever it can be told apart (the Arabic prefix, the
 *      Latin words al, el, ad, es ..., "abdel"), because French and English often leave it out
 *      (Kadhafi, Riyad) while Arabic always writes it;
 *   5. digits, punctuation and spaces write nothing, so the keys of the words are concatenated
 *      and word division does not matter: "Xi Jinping" and its Arabic spelling in three words
 *      both give "sgnbng";
 *   6. a run of one class collapses to one letter, across vowels and words (Hassan = "hsn").
 * The rules are data that linguists review in a diff; tools/gen_name_key.awk turns the TSV into
 * the table below, sorted by first letter, longer patterns first.
 *
 * With 12 classes unrelated names collide more often than under a spelling-exact key (Paris and
 * Biarritz are both "brs"); that is the price of recall across scripts. Callers that rank
 * candidates rather than join on keys use akh_name_similarity(), an edit distance on the keys.
 *
 * The text is folded one code point at a time (akh_fold_cp, the table akh_fold uses) rather
 * than as a whole, so that memory stays in fixed stack buffers whatever the input size: a small
 * window of folded code points gives the lookahead the patterns need. The two foldings differ
 * only inside combining sequences, where NFKC would compose a letter with a mark that fold()
 * deletes anyway, so the consonants are the same. The "raw" rows see a letter as written,
 * before folding: c cedilla, which fold() turns into c, is an s (Francois); and an alef with
 * hamza or madda is never the article, which fold() would make indistinguishable.
 */
#include "namekey.h"

#include <string.h>

/* Limits of a row, checked by the generator. */
#define NK_PAT_MAX 4			/* letters of a pattern */
#define NK_KEY_MAX 3			/* class letters a row writes */
#define NK_NEXT_MAX 8			/* letters of a "before:" condition */

/* When a row applies. */
enum
{
	NK_ANY,						/* always */
	NK_FINAL,					/* the next letter is not a letter: end of a word */
	NK_INNER,					/* a letter comes before */
	NK_INITIAL,					/* no letter comes before: start of a word */
	NK_WORD,					/* the pattern is a whole word */
	NK_BEFORE,					/* the next letter is one of next[] */
	NK_RAW						/* replaces the letter as written, before folding */
};

typedef struct name_rule
{
	uint32_t	pat[NK_PAT_MAX];	/* folded code points (raw rows: as written) */
	uint8_t		npat;
	uint8_t		when;
	char		key[NK_KEY_MAX + 1];	/* class letters, or raw rows' replacement */
	uint32_t	next[NK_NEXT_MAX];
	uint8_t		nnext;
} name_rule;

static const name_rule name_rules[] = {
#include "gen/name_key_rules.h"
};

#define NRULES (sizeof(name_rules) / sizeof(name_rules[0]))

/* Folded code points a match may look at: the longest pattern and the letter after it. */
#define LOOKAHEAD (NK_PAT_MAX + 1)

/* Window of folded code points: the lookahead plus room for the folds of many code points. */
#define WIN_CAP (LOOKAHEAD + 2 * AKH_FOLD_CP_MAX)

/* Key letters gathered on the stack before they are appended to the caller's buffer. */
#define KEY_CHUNK 256

/* Longest key akh_name_similarity() compares (a cut name rarely has more than 200). */
#define SIM_KEY_MAX 512

/* The folded text not yet consumed, and where the input stands. */
typedef struct nk_reader
{
	const akh_folder *f;
	const unsigned char *p;
	size_t		n;
	size_t		i;				/* next input byte */
	size_t		next_tick;
	const akh_env *env;			/* for the interrupt hook; may be NULL */
	uint32_t	win[WIN_CAP];
	size_t		head;			/* first unconsumed code point of win */
	size_t		tail;			/* end of win */
	bool		prev_letter;	/* the last consumed code point was a letter */
} nk_reader;

/*
 * Where key letters go: straight into a fixed array (akh_name_similarity, which cuts the key
 * when the array is full), or through a stack chunk into the caller's buffer.
 */
typedef struct nk_sink
{
	akh_buf    *out;			/* NULL for a fixed array */
	char	   *data;
	size_t		len;
	size_t		cap;
	char		last;			/* last class written: runs of one class collapse */
	akh_status	st;
} nk_sink;

/* First row whose pattern starts with cp, or NRULES. */
static size_t
rules_lower_bound(uint32_t cp)
{
	size_t		lo = 0;
	size_t		hi = NRULES;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (name_rules[mid].pat[0] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Whether cp belongs to a word. The apostrophe does: inside a name it stands for an ain
 * (Ra'ad), and "ad" there is not the article.
 */
static inline bool
is_letter(const akh_folder *f, uint32_t cp)
{
	return cp == '\'' || akh_folder_script(f, cp) != AKH_SCRIPT_NONE;
}

/* The raw row of a code point as written, if any (only non-ASCII letters have one). */
static const name_rule *
raw_rule(uint32_t cp)
{
	if (cp < 0x80)
		return NULL;
	for (size_t k = rules_lower_bound(cp); k < NRULES && name_rules[k].pat[0] == cp; k++)
		if (name_rules[k].when == NK_RAW)
			return &name_rules[k];
	return NULL;
}

/*
 * Tops up the window to LOOKAHEAD code points (fewer at the end of the input), folding the
 * input one code point at a time.
 */
static akh_status
reader_fill(nk_reader *r)
{
	while (r->tail - r->head < LOOKAHEAD && r->i < r->n)
	{
		uint32_t	cp;
		int			cl = akh_utf8_decode(r->p + r->i, r->n - r->i, &cp);
		const name_rule *raw;
		char		folded[AKH_FOLD_CP_MAX];
		int			fl;

		if (cl == 0)
			return AKH_EUTF8;
		if (r->i >= r->next_tick)
		{
			if (r->env != NULL && r->env->tick != NULL)
				r->env->tick(r->env->ctx);
			r->next_tick = r->i + AKH_TICK_BYTES;
		}
		r->i += (size_t) cl;

		/* Slide the window back when the fold of one code point might not fit. */
		if (r->tail + AKH_FOLD_CP_MAX > WIN_CAP)
		{
			memmove(r->win, r->win + r->head, (r->tail - r->head) * sizeof(uint32_t));
			r->tail -= r->head;
			r->head = 0;
		}
		if ((raw = raw_rule(cp)) != NULL)
		{
			for (const char *k = raw->key; *k != '\0'; k++)
				r->win[r->tail++] = (uint32_t) (unsigned char) *k;
			continue;
		}
		if ((fl = akh_fold_cp(r->f, cp, folded)) < 0)
			return AKH_EICU;
		/* At most AKH_FOLD_CP_MAX code points (one per byte): the window has room for them. */
		for (int k = 0; k < fl;)
		{
			uint32_t	c;
			int			l = akh_utf8_decode((const unsigned char *) folded + k,
											(size_t) (fl - k), &c);

			if (l == 0)
				return AKH_EICU;
			r->win[r->tail++] = c;
			k += l;
		}
	}
	return AKH_OK;
}

/* The row that applies at the head of the window, or NULL (the letter writes nothing). */
static const name_rule *
match_rule(const nk_reader *r)
{
	const uint32_t *w = r->win + r->head;
	size_t		avail = r->tail - r->head;

	for (size_t k = rules_lower_bound(w[0]); k < NRULES && name_rules[k].pat[0] == w[0]; k++)
	{
		const name_rule *rule = &name_rules[k];
		size_t		np = rule->npat;
		bool		has_next = np < avail;
		size_t		j;

		if (rule->when == NK_RAW || np > avail)
			continue;
		for (j = 1; j < np && w[j] == rule->pat[j]; j++)
			;
		if (j < np)
			continue;
		switch (rule->when)
		{
			case NK_FINAL:
				if (has_next && is_letter(r->f, w[np]))
					continue;
				break;
			case NK_INNER:
				if (!r->prev_letter)
					continue;
				break;
			case NK_INITIAL:
				if (r->prev_letter)
					continue;
				break;
			case NK_WORD:
				if (r->prev_letter || (has_next && is_letter(r->f, w[np])))
					continue;
				break;
			case NK_BEFORE:
				if (!has_next)
					continue;
				for (j = 0; j < rule->nnext && rule->next[j] != w[np]; j++)
					;
				if (j == rule->nnext)
					continue;
				break;
			default:
				break;
		}
		return rule;
	}
	return NULL;
}

static void
sink_put(nk_sink *s, char c)
{
	if (c == s->last)
		return;
	s->last = c;
	if (s->len == s->cap)
	{
		if (s->out == NULL)
			return;				/* fixed array: the key is cut */
		if (s->st == AKH_OK)
			s->st = akh_buf_append(s->out, s->data, s->len);
		s->len = 0;
	}
	s->data[s->len++] = c;
}

/* Reads the whole input and writes its key into the sink. */
static akh_status
name_key_run(const akh_folder *f, const char *s, size_t n, const akh_env *env, nk_sink *sink)
{
	nk_reader	r;
	akh_status	st;

	r.f = f;
	r.p = (const unsigned char *) s;
	r.n = n;
	r.i = 0;
	r.next_tick = AKH_TICK_BYTES;
	r.env = env;
	r.head = r.tail = 0;
	r.prev_letter = false;
	for (;;)
	{
		const name_rule *rule;

		if ((st = reader_fill(&r)) != AKH_OK)
			return st;
		if (r.head == r.tail)
			break;
		if ((rule = match_rule(&r)) != NULL)
		{
			for (const char *k = rule->key; *k != '\0'; k++)
				sink_put(sink, *k);
			r.head += rule->npat;
			r.prev_letter = true;
		}
		else
		{
			r.prev_letter = is_letter(f, r.win[r.head]);
			r.head++;
		}
		if (sink->st != AKH_OK)
			return sink->st;
	}
	return AKH_OK;
}

akh_status
akh_name_key(const akh_folder *f, const char *s, size_t n, akh_buf *out)
{
	char		chunk[KEY_CHUNK];
	nk_sink		sink = {out, chunk, 0, sizeof(chunk), 0, AKH_OK};
	size_t		start = out->len;
	akh_status	st = name_key_run(f, s, n, out->env, &sink);

	if (st == AKH_OK && sink.len > 0)
		st = akh_buf_append(out, chunk, sink.len);
	if (st != AKH_OK)
		out->len = start;
	return st;
}

/* The key of a name cut to AKH_NAME_CUT bytes, into key[SIM_KEY_MAX]; -1 on error. */
static int
key_of_cut_name(const akh_folder *f, const char *s, size_t n, char *key)
{
	nk_sink		sink = {NULL, key, 0, SIM_KEY_MAX, 0, AKH_OK};

	if (n > AKH_NAME_CUT)
	{
		/* Cut before the code point that straddles the limit (at most 3 trailing bytes). */
		n = AKH_NAME_CUT;
		for (int k = 0; k < 3 && ((unsigned char) s[n] & 0xC0) == 0x80; k++)
			n--;
	}
	if (name_key_run(f, s, n, NULL, &sink) != AKH_OK)
		return -1;
	return (int) sink.len;
}

/* Levenshtein distance with two rows on the stack (keys are at most SIM_KEY_MAX letters). */
static int
levenshtein(const char *a, int an, const char *b, int bn)
{
	uint16_t	rows[2][SIM_KEY_MAX + 1];
	uint16_t   *prev = rows[0];
	uint16_t   *cur = rows[1];

	for (int j = 0; j <= bn; j++)
		prev[j] = (uint16_t) j;
	for (int i = 1; i <= an; i++)
	{
		uint16_t   *tmp;

		cur[0] = (uint16_t) i;
		for (int j = 1; j <= bn; j++)
		{
			uint16_t	del = prev[j] + 1;
			uint16_t	ins = cur[j - 1] + 1;
			uint16_t	sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			uint16_t	best = del < ins ? del : ins;

			cur[j] = sub < best ? sub : best;
		}
		tmp = prev;
		prev = cur;
		cur = tmp;
	}
	return prev[bn];
}

double
akh_name_similarity(const akh_folder *f, const char *a, size_t an, const char *b, size_t bn)
{
	char		ka[SIM_KEY_MAX];
	char		kb[SIM_KEY_MAX];
	int			la = key_of_cut_name(f, a, an, ka);
	int			lb = key_of_cut_name(f, b, bn, kb);

	/* An empty key (digits, punctuation, a name in another script) says nothing about a name. */
	if (la <= 0 || lb <= 0)
		return 0.0;
	if (la == lb && memcmp(ka, kb, (size_t) la) == 0)
		return 1.0;
	return 1.0 - (double) levenshtein(ka, la, kb, lb) / (double) (la > lb ? la : lb);
}
