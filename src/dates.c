/*
 * dates.c — the dates of a news text, resolved against its publication date.
 *
 * What is a date. News dates its events in a handful of shapes, in every language akhbar
 * reads; each is a core, optionally with small words before and after it:
 *
 *   numeric    15/12/2021, 15.12.2021, 15-12-2021, 2021-12-15 (day grain)
 *   day+month  le 18 décembre, 5 aghsts 2022, 12 tmwz/ywlyw 2023, le 1er mars dernier,
 *              March 5, 2022; after a weekday too: lundi 5 août, ywm aljm'a (5 aghsts)
 *   month      en mars, mars 2022, mars almady, shhr mars (month grain)
 *   year       en 2001, 'am 2001, l'an 2001, mndh 2001 (year grain)
 *   weekday    vendredi, lundi prochain, alahd almady, ywm alkhmys, next Monday
 *   relative   hier, awl ams, aujourd'hui, ghda, allyla almadya, msa' ams, hier vendredi
 *   unit       la semaine dernière, al'am almqbl, ce mois-ci, this year (the grain of the unit)
 *
 * The words come from data/dates.tsv (src/gen/dates.h): months of the three Arabic calendars
 * of names (Egypt and the Gulf, the Levant, the Maghreb), French and English ones, weekdays,
 * relative days, units, markers (dernier, almqbl, this), and the small words a date takes:
 * articles and time prepositions, which are part of its surface (le 18 décembre, fy 'am
 * 2001); words that announce a lone month or year (en, fy, depuis, 'am) — a bare "mars" may be
 * the planet, a bare 2001 a count; ywm; times of day (msa', soir). The table is written
 * folded, sorted, and searched by binary search; a word of several words (kanwn althany,
 * aujourd hui) is found by extending the key word by word while some entry begins with it.
 *
 * Arabic clitics. A word not in the table as written is looked up without w f, then b k l
 * (or ll), fewest strips first, as the gazetteer does (walkhmys, balams, l'am); without the
 * article only for relative days, units and block words (alams, al'am), since the table lists
 * the article where the other kinds take it. Months take w and f only, so that bab ("door")
 * is not b + aab. The surface starts after the stripped clitic letters (wams gives ams).
 *
 * Matching. Left to right, at each word: is it a core? If so, its words after (year, second
 * month name, marker, time of day, weekday in apposition) are taken greedily, then the small
 * words before it that this kind of core accepts, back to the end of the previous date. The
 * date is kept if its shape is complete (a lone month or year needs a word that announces
 * it, a unit needs a marker, an Arabic weekday without its article needs ywm), nothing
 * cancels it (dhlk alywm, alywm altaly, ce soir-là: the day of something else) and it
 * resolves; matching resumes after it, and after a rejected phrase too, so that nothing
 * inside "le 29 février 2023" is reported. Words of a date are separated by space,
 * apostrophes or hyphens, or by the one mark a shape allows (tmwz/ywlyw, aljm'a (5 aghsts),
 * March 5, 2022); a word carrying a clitic only starts a date (alkhmys w12 tmwz is two: w is
 * "and"). Each word is examined a bounded number of times, through a small cache of the last
 * words' lookups, so the cost is linear in the number of words.
 *
 * Resolution against the publication date P:
 *   a weekday alone: the last such day on or before P; marked past (lundi dernier): strictly
 *   before; marked future (prochain, almqbl, a future verb syzwr or swf right before it, a
 *   plan word such as prévu, doit, mn almqrr or a French verb in the future, se rendra, a few
 *   words before it in the same clause):
 *   strictly after; "ce lundi", "this Monday": that day of P's ISO week.
 *   day+month without year: this year's when it comes within SOON_DAYS after P, else the
 *   year that puts it nearest on or before P (strictly before if marked past, strictly after
 *   if marked future); 29 February goes to a leap year.
 *   month without year: the last such month on or before P's month (strictly before if past,
 *   strictly after if future).
 *   units: the week (ISO, Monday first), month or year before, of, or after P's.
 *   relative days: P plus the offset; times of day do not change the day.
 * Without P (AKH_NO_DATE, or a day PostgreSQL cannot store, such as its infinities) only
 * dates that carry a year resolve. Years are 1900..2100; a four-digit number outside them
 * after a month makes the whole phrase no date.
 */
#include "dates.h"

#include "arabic.h"

#include <string.h>

/* The columns of data/dates.tsv, as the generator writes them (AKH_DW rows). */
typedef enum dw_lang
{
	L_ar,
	L_fr,
	L_en
} dw_lang;

typedef enum dw_kind
{
	K_month,
	K_weekday,
	K_relative,
	K_unit,
	K_past,
	K_future,
	K_this,
	K_article,
	K_prep,
	K_part,
	K_since,
	K_day,
	K_daypart,
	K_ordinal,
	K_of,
	K_block,
	K_plan,
	K_not_future,
	K_range,
	K_NONE						/* not in the table */
} dw_kind;

/* Symbolic values: where a marker stands, which grain a unit is. */
#define V_BEFORE 1
#define V_AFTER 2
#define V_WEEK AKH_GRAIN_WEEK
#define V_MONTH AKH_GRAIN_MONTH
#define V_YEAR AKH_GRAIN_YEAR

typedef struct date_word
{
	const char *word;			/* folded; words separated by one space */
	uint8_t		lang;
	uint8_t		kind;
	int8_t		value;
} date_word;

#define AKH_DW(word, lang, kind, value) {word, L_##lang, K_##kind, value}

static const date_word date_words[] = {
#include "gen/dates.h"
};

#define NDATE_WORDS (sizeof(date_words) / sizeof(date_words[0]))

/* Longest entry of the table, in words and bytes (tools/gen_dates.awk enforces both). */
#define MAX_PHRASE_WORDS 4
#define MAX_KEY_BYTES 64

/* How far before a date a plan word (prévu, doit, mn almqrr) makes it future, in words. */
#define PLAN_WINDOW 6

/* Small words a date may take before its core. */
#define MAX_PREFIX_WORDS 4

/*
 * The dates PostgreSQL can store (4714-11-24 BC to 5874897-12-31), in days since 2000-01-01.
 * A publication date outside them (the infinities among others) is no publication date, and
 * no resolved date leaves them.
 */
#define MIN_DAY (-2451545)
#define END_DAY 2145031949

/* Years that count as years. */
#define MIN_YEAR 1900
#define MAX_YEAR 2100

/* The word that makes a verb future, sawfa (letters from arabic.h). */
#define AR_SAWFA AR_SEEN AR_WAW AR_FEH

/* ---- the calendar ------------------------------------------------------------------------ */

/* Days from 1970-01-01 (the algorithm's epoch) to 2000-01-01 (PostgreSQL's). */
#define EPOCH_2000 10957

/*
 * H. Hinnant's days_from_civil: eras of 400 years (146097 days) counted from 0000-03-01, so
 * that the leap day ends the computed year. 64-bit throughout: no input overflows.
 */
static int64_t
days64(int64_t y, int64_t m, int64_t d)
{
	int64_t		era;
	int64_t		yoe;
	int64_t		doy;
	int64_t		doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468 - EPOCH_2000;
}

int32_t
akh_days_from_civil(int y, int m, int d)
{
	return (int32_t) days64(y, m, d);
}

void
akh_civil_from_days(int32_t days, int *y, int *m, int *d)
{
	int64_t		z = (int64_t) days + EPOCH_2000 + 719468;
	int64_t		era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t		doe = z - era * 146097;
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;
	int64_t		mm = mp < 10 ? mp + 3 : mp - 9;

	*y = (int) (yoe + era * 400 + (mm <= 2));
	*m = (int) mm;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
}

int
akh_weekday(int32_t days)
{
	/* 2000-01-01 was a Saturday (6). */
	return (int) ((((int64_t) days % 7) + 7 + 5) % 7) + 1;
}

const char *
akh_grain_name(akh_grain g)
{
	static const char *const names[] = {"day", "week", "month", "year", "days"};

	return (unsigned) g < sizeof(names) / sizeof(names[0]) ? names[g] : NULL;
}

static bool
leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int64_t y, int m)
{
	return m == 2 ? 28 + leap(y) : 30 + ((m + (m >> 3)) & 1);
}

static bool
valid_date(int64_t y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

/* ---- words of the text ------------------------------------------------------------------- */

/* What separates two words: nothing but space, apostrophes and hyphens; or one mark. */
#define GAP_SOFT 0
#define GAP_HARD UINT32_MAX		/* a line break, two marks, the start of the text */

/* A number's suffix: 1er, 5th; 2001m (Arabic "AD"). */
#define SUF_NONE 0
#define SUF_ORD 1
#define SUF_AD 2

typedef struct word_info
{
	size_t		k;				/* the word + 1; 0 for an empty cache slot */
	int			entry;			/* in date_words, or -1 */
	uint8_t		nwords;			/* words the entry spans, from this one */
	uint8_t		clitics;		/* clitic letters before the entry or number (not the article) */
	uint32_t	gap;			/* what stands before this word: GAP_SOFT, GAP_HARD or a mark */
	int32_t		number;			/* an ASCII number of at most 9 digits, or -1 */
	uint8_t		digits;
	uint8_t		suffix;
} word_info;

/* Cache of lookups, by word index modulo CACHE: matching looks a few words back and ahead. */
#define CACHE 32

/*
 * Bits of a filter of the lexicon's first words, built once per call: most words of a text
 * begin no date, and one hash tells so without a binary search of the lexicon.
 */
#define FILTER_WORDS 64

typedef struct scan
{
	const char *s;
	const akh_tokens *t;
	word_info	cache[CACHE];
	uint64_t	first_words[FILTER_WORDS];
} scan;

static size_t
filter_bit(const char *w, size_t n)
{
	uint32_t	h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char) w[i]) * 16777619u;
	return (h ^ (h >> 15)) & (FILTER_WORDS * 64 - 1);
}

/* Sets the bit of the first word of every lexicon entry. */
static void
build_filter(scan *sc)
{
	memset(sc->first_words, 0, sizeof(sc->first_words));
	for (size_t i = 0; i < sizeof(date_words) / sizeof(date_words[0]); i++)
	{
		const char *w = date_words[i].word;
		const char *space = strchr(w, ' ');
		size_t		b = filter_bit(w, space != NULL ? (size_t) (space - w) : strlen(w));

		sc->first_words[b >> 6] |= (uint64_t) 1 << (b & 63);
	}
}

static bool
may_begin(const scan *sc, const char *w, size_t n)
{
	size_t		b = filter_bit(w, n);

	return (sc->first_words[b >> 6] >> (b & 63)) & 1;
}

/* Space-like code points: they join the words of a date. */
static bool
soft_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\'' || cp == '-' || cp == 0xA0 || cp == 0xAD ||
		cp == 0x02BC || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 ||
		cp == 0x061C || (cp >= 0x2000 && cp <= 0x2011) || cp == 0x2018 || cp == 0x2019 ||
		(cp >= 0x202A && cp <= 0x202F) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0x3000 ||
		cp == 0xFEFF;
}

/* What stands between word k-1 and word k. */
static uint32_t
gap_before(const scan *sc, size_t k)
{
	const akh_token *a;
	const akh_token *b;
	const unsigned char *p;
	size_t		i;
	size_t		end;
	uint32_t	mark = GAP_SOFT;

	if (k == 0 || k >= sc->t->n)
		return GAP_HARD;
	a = &sc->t->tok[k - 1];
	b = &sc->t->tok[k];
	p = (const unsigned char *) sc->s;
	end = b->byte_start;
	for (i = a->byte_start + a->byte_len; i < end;)
	{
		uint32_t	cp;
		int			l = akh_utf8_decode(p + i, end - i, &cp);

		if (l == 0 || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029)
			return GAP_HARD;
		i += (size_t) l;
		if (soft_cp(cp))
			continue;
		if (mark != GAP_SOFT)
			return GAP_HARD;
		mark = cp;
	}
	return mark;
}

static bool
starts_with(const char *w, size_t len, const char *prefix)
{
	size_t		n = strlen(prefix);

	return len >= n && memcmp(w, prefix, n) == 0;
}

/*
 * The entry that is key[0..n), or -1; *longer tells whether some entry begins with the key
 * and a space (a phrase may go on).
 */
static int
find_key(const char *key, size_t n, bool *longer)
{
	size_t		lo = 0;
	size_t		hi = NDATE_WORDS;
	int			exact = -1;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (akh_word_cmp(key, n, date_words[mid].word) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < NDATE_WORDS && akh_word_cmp(key, n, date_words[lo].word) == 0)
		exact = (int) lo++;
	/* Entries that extend the key by " ..." sort right after it: ' ' is below every letter. */
	*longer = lo < NDATE_WORDS && strncmp(date_words[lo].word, key, n) == 0 &&
		date_words[lo].word[n] == ' ';
	return exact;
}

/* A way to read the first word of a match: how many bytes of its folded form to skip. */
typedef struct variant
{
	uint8_t		off;			/* bytes skipped */
	uint8_t		clitics;		/* clitic letters among them (w f b k l) */
	bool		preposition;	/* b k l stripped */
	bool		article;		/* al stripped, or elided after l (ll) */
} variant;

#define MAX_VARIANTS 10

/* The readings of an Arabic word that leave two letters at least, fewest strips first. */
static int
arabic_variants(const char *w, size_t len, variant *v)
{
	akh_ar_split sp[AKH_AR_MAX_SPLITS];
	int			ns = akh_ar_splits(w, len, sp);
	int			nv = 0;

	for (int i = 0; i < ns; i++)
		if (i == 0 || sp[i].off + 2 * AR_LETTER_BYTES <= len)
			v[nv++] = (variant) {sp[i].off, sp[i].clitics, sp[i].preposition,
				sp[i].article != AKH_AR_NO_ARTICLE};
	/* Stable insertion sort by the number of strips. */
	for (int i = 1; i < nv; i++)
	{
		variant		x = v[i];
		int			sx = x.clitics + x.article;
		int			j = i;

		while (j > 0 && v[j - 1].clitics + v[j - 1].article > sx)
		{
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
	return nv;
}

/* A stripped reading suits only some kinds. */
static bool
variant_fits(const variant *v, dw_kind kind)
{
	if (v->article && kind != K_relative && kind != K_unit && kind != K_block)
		return false;
	if (v->preposition && kind == K_month)
		return false;
	return true;
}

/* The longest entry that starts at word k read through variant v, or -1. */
static int
longest_entry(const scan *sc, size_t k, const variant *v, uint8_t *nwords)
{
	const akh_token *tok = &sc->t->tok[k];
	char		key[MAX_KEY_BYTES];
	size_t		n = tok->fold_len - v->off;
	int			best = -1;
	bool		longer;
	int			e;

	if (n >= MAX_KEY_BYTES || !may_begin(sc, akh_token_folded(sc->t, tok) + v->off, n))
		return -1;
	memcpy(key, akh_token_folded(sc->t, tok) + v->off, n);
	e = find_key(key, n, &longer);
	if (e >= 0)
	{
		best = e;
		*nwords = 1;
	}
	for (size_t w = 1; longer && w < MAX_PHRASE_WORDS && k + w < sc->t->n; w++)
	{
		const akh_token *next = &sc->t->tok[k + w];

		if (gap_before(sc, k + w) != GAP_SOFT || n + 1 + next->fold_len >= MAX_KEY_BYTES)
			break;
		key[n++] = ' ';
		memcpy(key + n, akh_token_folded(sc->t, next), next->fold_len);
		n += next->fold_len;
		if ((e = find_key(key, n, &longer)) >= 0)
		{
			best = e;
			*nwords = (uint8_t) (w + 1);
		}
	}
	return best;
}

static void
compute_info(const scan *sc, size_t k, word_info *wi)
{
	const akh_token *tok = &sc->t->tok[k];
	const char *w = akh_token_folded(sc->t, tok);
	size_t		len = tok->fold_len;
	variant		v[MAX_VARIANTS];
	int			nv = 1;
	size_t		i;
	size_t		d0;

	wi->k = k + 1;
	wi->entry = -1;
	wi->nwords = 0;
	wi->clitics = 0;
	wi->gap = gap_before(sc, k);

	/*
	 * A number: its digits, then nothing, an ordinal suffix or m. Arabic glues w f b l to a
	 * number as to a word (w12 tmwz): they are skipped, and left out of the surface.
	 */
	wi->number = -1;
	wi->digits = 0;
	wi->suffix = SUF_NONE;
	for (d0 = 0; d0 < 2 * AR_LETTER_BYTES && tok->script == AKH_SCRIPT_ARABIC &&
		 (starts_with(w + d0, len - d0, AR_WAW) || starts_with(w + d0, len - d0, AR_FEH) ||
		  starts_with(w + d0, len - d0, AR_BEH) || starts_with(w + d0, len - d0, AR_LAM));
		 d0 += AR_LETTER_BYTES)
		;
	if (d0 == len || w[d0] < '0' || w[d0] > '9')
		d0 = 0;
	for (i = d0; i < len && w[i] >= '0' && w[i] <= '9'; i++)
	{
		if (i - d0 < 9)
			wi->number = (wi->number < 0 ? 0 : wi->number * 10) + (w[i] - '0');
	}
	if (i > d0)
	{
		const char *rest = w + i;
		size_t		rlen = len - i;

		wi->clitics = (uint8_t) (d0 / AR_LETTER_BYTES);
		i -= d0;
		wi->digits = (uint8_t) (i > 9 ? 10 : i);
		if (i > 9)
			wi->number = -1;	/* too long to be anything a date holds */
		else if (rlen == 0)
			wi->suffix = SUF_NONE;
		else if ((rlen == 2 && (memcmp(rest, "er", 2) == 0 || memcmp(rest, "st", 2) == 0 ||
								memcmp(rest, "nd", 2) == 0 || memcmp(rest, "rd", 2) == 0 ||
								memcmp(rest, "th", 2) == 0)))
			wi->suffix = SUF_ORD;
		else if (rlen == strlen(AR_MEEM) && memcmp(rest, AR_MEEM, rlen) == 0)
			wi->suffix = SUF_AD;
		else
			wi->number = -1, wi->digits = 0, wi->clitics = 0;
	}

	v[0] = (variant) {0, 0, false, false};
	if (tok->script == AKH_SCRIPT_ARABIC)
		nv = arabic_variants(w, len, v);
	for (int j = 0; j < nv; j++)
	{
		uint8_t		nw = 0;
		int			e = longest_entry(sc, k, &v[j], &nw);

		if (e >= 0 && variant_fits(&v[j], (dw_kind) date_words[e].kind))
		{
			wi->entry = e;
			wi->nwords = nw;
			wi->clitics = (uint8_t) (wi->clitics + v[j].clitics);
			break;
		}
	}
}

/* What the lexicon and the number parser say about word k (a copy: the cache moves on). */
static word_info
info(scan *sc, size_t k)
{
	word_info  *wi = &sc->cache[k % CACHE];

	if (wi->k != k + 1)
		compute_info(sc, k, wi);
	return *wi;
}

static dw_kind
kind_at(scan *sc, size_t k)
{
	word_info	wi;

	if (k >= sc->t->n)
		return K_NONE;
	wi = info(sc, k);
	return wi.entry < 0 ? K_NONE : (dw_kind) date_words[wi.entry].kind;
}

static int
value_at(scan *sc, size_t k)
{
	return date_words[info(sc, k).entry].value;
}

/*
 * What separates word k from the previous one, as far as a date may span both: a word that
 * carries a clitic (w12, walkhmys) only starts a date, since its w is "and".
 */
static uint32_t
gap_at(scan *sc, size_t k)
{
	word_info	wi;

	if (k >= sc->t->n)
		return GAP_HARD;
	wi = info(sc, k);
	return wi.clitics > 0 ? GAP_HARD : wi.gap;
}

/* Word k follows the previous one with only space, apostrophes or hyphens between. */
static bool
soft(scan *sc, size_t k)
{
	return gap_at(sc, k) == GAP_SOFT;
}

/* ---- the shapes of dates ----------------------------------------------------------------- */

typedef enum core
{
	C_NUMERIC,
	C_DAY_MONTH,
	C_MONTH,
	C_YEAR,
	C_WEEKDAY,
	C_RELATIVE,
	C_UNIT
} core;

typedef enum mark
{
	MARK_NONE = 0,
	MARK_PAST,
	MARK_THIS,
	MARK_FUTURE
} mark;

typedef struct expr
{
	core		core;
	size_t		first;			/* the words of the surface [first, end) */
	size_t		end;
	int			day;			/* 0 when not given */
	int			month;
	int			year;
	int			weekday;
	int			offset;			/* relative days */
	akh_grain	unit;
	mark		mark;
	bool		bare_weekday;	/* an Arabic weekday without its article: needs ywm */
	bool		cue;			/* a word announces the month or year (en, fy, 'am, depuis) */
	bool		yom;			/* ywm stands before */
	bool		blocked;		/* a block word shows it does not count from publication */
	bool		future_verb;	/* swf, syzwr, or a plan word (prévu, doit) before it */
	int			day_from;		/* the first day of a range (du 5 au 7 mars), or 0 */
} expr;

static mark
marker_of(dw_kind k)
{
	return k == K_past ? MARK_PAST : k == K_future ? MARK_FUTURE : k == K_this ? MARK_THIS : MARK_NONE;
}

/* A marker standing after its word at k: lundi *prochain*, alasbw' *almady*, ce mois-*ci*. */
static mark
marker_after(scan *sc, size_t k)
{
	dw_kind		kind = kind_at(sc, k);

	if (marker_of(kind) == MARK_NONE || !soft(sc, k) || value_at(sc, k) != V_AFTER ||
		info(sc, k).nwords != 1)
		return MARK_NONE;
	return marker_of(kind);
}

/* A time of day after word k-1 (hier *soir*, vendredi *matin*): the words it spans, or 0. */
static size_t
daypart_after(scan *sc, size_t k)
{
	if (kind_at(sc, k) != K_daypart || !soft(sc, k) || value_at(sc, k) != V_AFTER)
		return 0;
	return info(sc, k).nwords;
}

/* A day of the month at k: 5, 05, 1er, 5th, premier. */
static bool
day_at(scan *sc, size_t k, int *day)
{
	word_info	wi;

	if (k >= sc->t->n)
		return false;
	wi = info(sc, k);
	if (wi.entry >= 0 && date_words[wi.entry].kind == K_ordinal && wi.nwords == 1)
	{
		*day = date_words[wi.entry].value;
		return true;
	}
	if (wi.number < 1 || wi.number > 31 || wi.digits > 2 || wi.suffix == SUF_AD)
		return false;
	*day = (int) wi.number;
	return true;
}

/* A four-digit year at k (2001, 2001m): 1 in range, -1 out of range, 0 not a year. */
static int
year_at(scan *sc, size_t k, int *year)
{
	word_info	wi;

	if (k >= sc->t->n)
		return 0;
	wi = info(sc, k);
	if (wi.digits != 4 || wi.number < 0 || wi.suffix == SUF_ORD)
		return 0;
	if (wi.number < MIN_YEAR || wi.number > MAX_YEAR)
		return -1;
	*year = (int) wi.number;
	return 1;
}

/* A month name at k: the words it spans (kanwn althany is two), or 0. */
static size_t
month_at(scan *sc, size_t k, int *month, dw_lang *lang)
{
	word_info	wi;

	if (kind_at(sc, k) != K_month)
		return 0;
	wi = info(sc, k);
	*month = date_words[wi.entry].value;
	if (lang != NULL)
		*lang = (dw_lang) date_words[wi.entry].lang;
	return wi.nwords;
}

/*
 * After a month name ending before word end: the same month in another calendar
 * (tmwz/ywlyw, tmwz (ywlyw)), then a year (with 'am or sna before it: dysmbr 'am 2021) or a
 * marker (mars dernier). Returns the new end, or 0 when a four-digit number outside the years
 * follows (le 5 mars 1850 is no date akhbar resolves).
 */
static size_t
after_month(scan *sc, size_t end, expr *e)
{
	int			m2;
	size_t		nw;
	size_t		y;
	int			r;
	bool		paren = false;

	if ((gap_at(sc, end) == '/' || gap_at(sc, end) == '(') &&
		(nw = month_at(sc, end, &m2, NULL)) > 0 && m2 == e->month)
	{
		paren = gap_at(sc, end) == '(';
		end += nw;
	}
	y = end;
	if (kind_at(sc, y) == K_unit && value_at(sc, y) == V_YEAR && soft(sc, y) && soft(sc, y + 1) &&
		year_at(sc, y + 1, &e->year) != 0)
		y++;
	/* tmwz (ywlyw) 2023: the year after the closing parenthesis */
	if ((gap_at(sc, y) == GAP_SOFT || (paren && y == end && gap_at(sc, y) == ')')) &&
		(r = year_at(sc, y, &e->year)) != 0)
		return r > 0 ? y + 1 : 0;
	if ((e->mark = marker_after(sc, end)) != MARK_NONE)
		end++;
	return end;
}

/*
 * Day and month from word k: 18 décembre, 12 tmwz/ywlyw 2023, 5 mars dernier, le premier mars,
 * and an Arabic ordinal day, of one or two words, with mn before the month: alkhams mn aghsts,
 * alhady wal'shryn mn mars. End, or 0.
 */
static size_t
day_month_at(scan *sc, size_t k, expr *e)
{
	word_info	wi = info(sc, k);
	size_t		m = k + 1;		/* where the month begins */
	size_t		nw;

	if (wi.entry >= 0 && date_words[wi.entry].kind == K_ordinal)
	{
		e->day = date_words[wi.entry].value;
		m = k + wi.nwords;
		if (date_words[wi.entry].lang == L_ar && soft(sc, m) && kind_at(sc, m) == K_of &&
			date_words[info(sc, m).entry].lang == L_ar)
			m++;
	}
	else if (!day_at(sc, k, &e->day))
		return 0;
	if (!soft(sc, m) || (nw = month_at(sc, m, &e->month, NULL)) == 0)
		return 0;
	e->core = C_DAY_MONTH;
	return after_month(sc, m + nw, e);
}

/* English month then day from word k: March 5, March 5, 2022. End, or 0. */
static size_t
month_day_at(scan *sc, size_t k, expr *e)
{
	dw_lang		lang;
	size_t		nw = month_at(sc, k, &e->month, &lang);
	size_t		end;
	int			r;

	if (nw == 0 || lang != L_en || !soft(sc, k + nw) || !day_at(sc, k + nw, &e->day))
		return 0;
	e->core = C_DAY_MONTH;
	end = k + nw + 1;
	if ((gap_at(sc, end) == ',' || gap_at(sc, end) == GAP_SOFT) &&
		(r = year_at(sc, end, &e->year)) != 0)
		return r > 0 ? end + 1 : 0;
	return end;
}

/* The separator right after word k in the original text, when it is one byte of "/.-". */
static char
numeric_sep(const scan *sc, size_t k)
{
	const akh_token *a = &sc->t->tok[k];
	size_t		end = a->byte_start + a->byte_len;
	char		c;

	if (k + 1 >= sc->t->n || sc->t->tok[k + 1].byte_start != end + 1)
		return 0;
	c = sc->s[end];
	return c == '/' || c == '.' || c == '-' ? c : 0;
}

static bool
plain_number(scan *sc, size_t k)
{
	word_info	wi = info(sc, k);

	return wi.number >= 0 && wi.suffix == SUF_NONE;
}

/*
 * 15/12/2021, 15.12.2021, 15-12-2021, 2021-12-15 at word k: three numbers joined by the same
 * one-byte separator, and no number joined to them on either side (1.15.12.2021 and IP
 * addresses are not dates). End, or 0.
 */
static size_t
numeric_at(scan *sc, size_t k, expr *e)
{
	char		c = numeric_sep(sc, k);
	word_info	a,
				b,
				y;

	if (c == 0 || k + 2 >= sc->t->n || numeric_sep(sc, k + 1) != c ||
		!plain_number(sc, k) || !plain_number(sc, k + 1) || !plain_number(sc, k + 2))
		return 0;
	if ((k > 0 && numeric_sep(sc, k - 1) != 0 && info(sc, k - 1).digits > 0) ||
		(numeric_sep(sc, k + 2) != 0 && info(sc, k + 3).digits > 0))
		return 0;
	a = info(sc, k);
	b = info(sc, k + 1);
	y = info(sc, k + 2);
	if (a.digits == 4 && b.digits <= 2 && y.digits <= 2)
	{
		word_info	t = a;

		a = y;					/* year first: 2021-12-15 */
		y = t;
	}
	if (a.digits > 2 || b.digits > 2 || y.digits != 4 ||
		y.number < MIN_YEAR || y.number > MAX_YEAR || !valid_date(y.number, (int) b.number, (int) a.number))
		return 0;
	e->core = C_NUMERIC;
	e->day = (int) a.number;
	e->month = (int) b.number;
	e->year = (int) y.number;
	return k + 3;
}

/* Word k's entry starts with the Arabic article (alkhmys, not khmys). */
static bool
entry_has_article(scan *sc, size_t k)
{
	const char *w = date_words[info(sc, k).entry].word;

	return strncmp(w, AR_ALEF AR_LAM, 2 * AR_LETTER_BYTES) == 0;
}

/* A weekday at k and what follows it: a day and month, a marker, a time of day. */
static size_t
weekday_at(scan *sc, size_t k, expr *e)
{
	size_t		end = k + 1;
	uint32_t	g = gap_at(sc, end);
	size_t		dm;
	size_t		nw;

	e->core = C_WEEKDAY;
	e->weekday = value_at(sc, k);
	e->bare_weekday = date_words[info(sc, k).entry].lang == L_ar && !entry_has_article(sc, k);
	/* lundi 5 août; ywm aljm'a (5 aghsts); Monday, March 5 */
	if (g == GAP_SOFT || g == '(' || g == ',' || g == 0x060C)
	{
		expr		d = *e;

		if ((dm = day_month_at(sc, end, &d)) > 0 || (dm = month_day_at(sc, end, &d)) > 0)
		{
			*e = d;
			e->core = C_DAY_MONTH;
			return dm;
		}
	}
	if ((e->mark = marker_after(sc, end)) != MARK_NONE)
		end++;
	if ((nw = daypart_after(sc, end)) > 0)
		end += nw;
	return end;
}

/* A relative day at k, a time of day, a weekday in apposition: hier soir, ams (alarb'a'). */
static size_t
relative_at(scan *sc, size_t k, expr *e)
{
	size_t		end = k + info(sc, k).nwords;
	dw_kind		next = kind_at(sc, end);
	uint32_t	g = gap_at(sc, end);
	size_t		nw;

	e->core = C_RELATIVE;
	e->offset = value_at(sc, k);
	/* alywm altaly, alywm alkhams (an Arabic ordinal), la veille du sommet, de l'élection */
	if (g == GAP_SOFT && ((next == K_block && value_at(sc, end) == V_AFTER) || next == K_of ||
						  (next == K_ordinal && date_words[info(sc, end).entry].lang == L_ar)))
		e->blocked = true;
	if ((g == GAP_SOFT || g == '(' || g == ',' || g == 0x060C) && next == K_weekday &&
		info(sc, end).nwords == 1 &&
		!(date_words[info(sc, end).entry].lang == L_ar && !entry_has_article(sc, end)))
		end++;
	if ((nw = daypart_after(sc, end)) > 0)
		end += nw;
	return end;
}

/*
 * "-là" after word end-1: ce soir-là, cette semaine-là, ce lundi-là are "that evening, that
 * week", not counted from publication.
 */
static bool
la_after(const scan *sc, size_t end)
{
	const akh_token *a;
	const akh_token *b;
	size_t		gap;
	const char *g;

	if (end == 0 || end >= sc->t->n)
		return false;
	a = &sc->t->tok[end - 1];
	b = &sc->t->tok[end];
	gap = b->byte_start - (a->byte_start + a->byte_len);
	g = sc->s + a->byte_start + a->byte_len;
	return b->fold_len == 2 && memcmp(akh_token_folded(sc->t, b), "la", 2) == 0 &&
		((gap == 1 && g[0] == '-') ||
		 (gap == 3 && (memcmp(g, "\xE2\x80\x90", 3) == 0 || memcmp(g, "\xE2\x80\x91", 3) == 0)));
}

/* The core that starts at word k, and the words after it; false when none does. */
static bool
core_at(scan *sc, size_t k, expr *e)
{
	word_info	wi = info(sc, k);
	size_t		end = 0;

	memset(e, 0, sizeof(*e));
	e->first = k;
	if (wi.digits > 0)
	{
		if ((end = numeric_at(sc, k, e)) == 0 && (end = day_month_at(sc, k, e)) == 0 &&
			year_at(sc, k, &e->year) > 0)
		{
			e->core = C_YEAR;
			end = k + 1;
		}
	}
	else if (wi.entry >= 0)
	{
		switch ((dw_kind) date_words[wi.entry].kind)
		{
			case K_ordinal:
				end = day_month_at(sc, k, e);
				break;
			case K_weekday:
				end = weekday_at(sc, k, e);
				break;
			case K_relative:
				end = relative_at(sc, k, e);
				break;
			case K_month:
				if ((end = month_day_at(sc, k, e)) == 0)
				{
					e->core = C_MONTH;
					e->month = date_words[wi.entry].value;
					end = after_month(sc, k + wi.nwords, e);
				}
				break;
			case K_unit:
				e->core = C_UNIT;
				e->unit = (akh_grain) date_words[wi.entry].value;
				end = k + 1;
				if ((e->mark = marker_after(sc, end)) != MARK_NONE)
					end++;
				break;
			default:
				break;
		}
	}
	e->end = end;
	e->blocked |= end > k && la_after(sc, end);
	return end > k;
}

/*
 * The small words before the core that belong to the date, back to word floor: articles,
 * prepositions, ywm, times of day, markers that stand before (ce, hdha, last, next), the unit
 * that announces a year or month ('am 2001, shhr mars, mois de mars). Then what the word
 * before the surface says: depuis/mndh announce a lone month or year; a block word cancels a
 * relative day or unit; swf or a verb in s marks the date future.
 */
static void
take_prefixes(scan *sc, expr *e, size_t floor)
{
	size_t		core_first = e->first;
	size_t		k = e->first;
	uint32_t	seen = 0;

	while (k > floor && core_first - k < MAX_PREFIX_WORDS && soft(sc, k))
	{
		dw_kind		kind = kind_at(sc, k - 1);
		core		c = e->core;
		bool		ok;
		bool		cue = false;
		bool		yom = false;

		if (kind == K_NONE || info(sc, k - 1).nwords != 1 || (seen & (1u << kind)))
			break;
		switch (kind)
		{
			case K_article:
				ok = true;
				break;
			case K_prep:
				ok = cue = true;
				break;
			case K_part:
				ok = cue = c == C_MONTH || c == C_YEAR || c == C_UNIT;
				break;
			case K_day:
				ok = yom = c == C_WEEKDAY || c == C_DAY_MONTH || c == C_NUMERIC || c == C_RELATIVE;
				break;
			case K_daypart:
				ok = value_at(sc, k - 1) == V_BEFORE &&
					(c == C_WEEKDAY || c == C_RELATIVE || c == C_DAY_MONTH);
				break;
			case K_this:
			case K_past:
			case K_future:
				ok = value_at(sc, k - 1) == V_BEFORE && (c == C_WEEKDAY || c == C_UNIT || c == C_MONTH);
				if (ok && e->mark == MARK_NONE)
					e->mark = marker_of(kind);
				break;
			case K_unit:
				ok = cue = k == core_first &&
					((c == C_YEAR && value_at(sc, k - 1) == V_YEAR) ||
					 (c == C_MONTH && value_at(sc, k - 1) == V_MONTH));
				break;
			case K_of:
				/* le mois de mars: "mois de" together */
				ok = cue = c == C_MONTH && k == core_first && k - 1 > floor && soft(sc, k - 1) &&
					kind_at(sc, k - 2) == K_unit && value_at(sc, k - 2) == V_MONTH &&
					info(sc, k - 2).nwords == 1;
				if (ok)
					k--;
				break;
			default:
				ok = false;
				break;
		}
		if (!ok)
			break;
		e->cue |= cue;
		e->yom |= yom;
		seen |= 1u << kind;
		k--;
	}
	e->first = k;

	if (k > 0 && soft(sc, k))
	{
		dw_kind		before = kind_at(sc, k - 1);

		if (before == K_since)
			e->cue = true;
		if (before == K_block && value_at(sc, k - 1) == V_BEFORE &&
			(e->core == C_RELATIVE || e->core == C_UNIT))
			e->blocked = true;
	}
}

/*
 * A range of days ending at a day and month: du 5 au 7 mars, les 5 et 6 mars, entre le 5 et le
 * 7 mars, 5-7 mars, mn 5 ila 7 mars. The first day, joined to the date by a range word or a
 * hyphen, starts the period and joins the surface, with the words before it that a date
 * takes. A first day that is not before the last (le 7 et 5 mars) is no range.
 */
static void
take_range(scan *sc, expr *e, size_t floor)
{
	size_t		k = e->first;
	int			from;

	if (e->core != C_DAY_MONTH || k == 0 || !soft(sc, k))
		return;
	if (kind_at(sc, k - 1) == K_range && info(sc, k - 1).nwords == 1)
	{
		if (k < 2 || !soft(sc, k - 1))
			return;
		k--;
	}
	else if (numeric_sep(sc, k - 1) != '-')
		return;
	if (k - 1 < floor || !day_at(sc, k - 1, &from) || from >= e->day)
		return;
	e->day_from = from;
	e->first = k - 1;
	take_prefixes(sc, e, floor);
}

/* The folded word k without a leading w or f. */
static const char *
without_conjunction(const scan *sc, size_t k, size_t *len)
{
	const akh_token *tok = &sc->t->tok[k];
	const char *w = akh_token_folded(sc->t, tok);

	*len = tok->fold_len;
	if (*len > 3 * AR_LETTER_BYTES && (starts_with(w, *len, AR_WAW) || starts_with(w, *len, AR_FEH)))
	{
		*len -= AR_LETTER_BYTES;
		return w + AR_LETTER_BYTES;
	}
	return w;
}

static bool
is_sawfa(const scan *sc, size_t k)
{
	size_t		len;
	const char *w = without_conjunction(sc, k, &len);

	return sc->t->tok[k].script == AKH_SCRIPT_ARABIC && len == strlen(AR_SAWFA) &&
		memcmp(w, AR_SAWFA, len) == 0;
}

/*
 * An Arabic verb in the future: s before the prefix of the imperfect (y t n a): syzwr,
 * st'qd, wsnwasl. Four letters at least, and not a word of the table (nouns that begin the
 * same way are listed there as not_future: syara, syasa, sta).
 */
static bool
is_future_verb(scan *sc, size_t k)
{
	size_t		len;
	const char *w = without_conjunction(sc, k, &len);
	const char *p = w + AR_LETTER_BYTES;
	size_t		plen = len - AR_LETTER_BYTES;

	if (sc->t->tok[k].script != AKH_SCRIPT_ARABIC || len < 4 * AR_LETTER_BYTES ||
		!starts_with(w, len, AR_SEEN) || info(sc, k).entry >= 0)
		return false;
	return starts_with(p, plen, AR_YEH) || starts_with(p, plen, AR_TEH) ||
		starts_with(p, plen, AR_NOON) || starts_with(p, plen, AR_ALEF);
}

static bool
ends_with(const char *w, size_t len, const char *suffix)
{
	size_t		n = strlen(suffix);

	return len >= n && memcmp(w + len - n, suffix, n) == 0;
}

/*
 * A French verb in the simple future, third person, the tense news uses for what is planned:
 * se rendra, rencontreront, sera, aura, ira. A lowercase word ending in -ra or -ront, and not
 * a word of the table (nouns that end the same way are listed there as not_future: caméra,
 * opéra, front).
 */
static bool
is_future_verb_fr(scan *sc, size_t k)
{
	const akh_token *tok = &sc->t->tok[k];
	const char *w = akh_token_folded(sc->t, tok);
	size_t		len = tok->fold_len;

	if (tok->script != AKH_SCRIPT_LATIN || tok->caps != AKH_CAPS_NONE || len < 3 ||
		info(sc, k).entry >= 0)
		return false;
	return ends_with(w, len, "ra") || ends_with(w, len, "ront");
}

/*
 * The date starting at word first is marked future by what stands before it: swf or a verb
 * in s right before it (syzwr alkhmys, swf ysl alahd), or a plan word a few words before it in
 * the same clause (doit quitter Alger mercredi, prévu fin août) or a French verb in the
 * future there (se rendra à Pékin vendredi).
 */
static bool
future_before(scan *sc, size_t first)
{
	if (first > 0 && soft(sc, first))
	{
		if (is_sawfa(sc, first - 1) || is_future_verb(sc, first - 1))
			return true;
		if (first >= 2 && soft(sc, first - 1) && is_sawfa(sc, first - 2))
			return true;
	}
	for (size_t k = first; k > 0 && first - k < PLAN_WINDOW; k--)
	{
		const akh_token *tok = &sc->t->tok[k];

		if (tok->sentence_start || tok->comma_before)
			break;
		if (kind_at(sc, k - 1) == K_plan || is_future_verb_fr(sc, k - 1))
			return true;
	}
	return false;
}

/* ---- resolution -------------------------------------------------------------------------- */

/* Which way from publication a date without year lies. */
typedef enum direction
{
	ON_OR_BEFORE,
	BEFORE,
	AFTER
} direction;

static direction
direction_of(const expr *e)
{
	if (e->mark == MARK_PAST)
		return BEFORE;
	if (e->mark == MARK_FUTURE || (e->mark == MARK_NONE && e->future_verb))
		return AFTER;
	return ON_OR_BEFORE;
}

static void
month_period(int64_t y, int64_t m, int64_t *lo, int64_t *hi)
{
	*lo = days64(y, m, 1);
	*hi = m == 12 ? days64(y + 1, 1, 1) : days64(y, m + 1, 1);
}

/* How many days after publication an unmarked day and month may lie (« le 28 octobre »). */
#define SOON_DAYS 45

/* The period of e against publication p: false when it has none. */
static bool
resolve(const expr *e, int32_t p, int64_t *lo, int64_t *hi, akh_grain *grain)
{
	int			py = 0,
				pm = 0,
				pd = 0;
	direction	dir = direction_of(e);

	*grain = AKH_GRAIN_DAY;
	if (e->year != 0 && (e->core == C_NUMERIC || e->core == C_DAY_MONTH))
	{
		if (!valid_date(e->year, e->month, e->day))
			return false;
		*lo = days64(e->year, e->month, e->day);
		*hi = *lo + 1;
		return true;
	}
	if (e->year != 0 && e->core == C_MONTH)
	{
		*grain = AKH_GRAIN_MONTH;
		month_period(e->year, e->month, lo, hi);
		return true;
	}
	if (e->core == C_YEAR)
	{
		*grain = AKH_GRAIN_YEAR;
		*lo = days64(e->year, 1, 1);
		*hi = days64(e->year + 1, 1, 1);
		return true;
	}
	if (p == AKH_NO_DATE)
		return false;
	akh_civil_from_days(p, &py, &pm, &pd);

	switch (e->core)
	{
		case C_DAY_MONTH:
			{
				/* The nearest year that way; 29 February waits for a leap year. */
				int64_t		y = py;

				if (e->day > month_days(2000, e->month))
					return false;
				/*
				 * Unmarked, a day soon after publication is the coming one (« le 28 octobre »
				 * on 25 October): news names past days and days about to come, not last year's.
				 */
				for (int64_t soon = py; dir == ON_OR_BEFORE && soon <= py + 1; soon++)
					if (valid_date(soon, e->month, e->day) && days64(soon, e->month, e->day) > p &&
						days64(soon, e->month, e->day) <= p + SOON_DAYS)
					{
						*lo = days64(soon, e->month, e->day);
						*hi = *lo + 1;
						return true;
					}
				for (int i = 0; i < 9; i++, y += dir == AFTER ? 1 : -1)
				{
					int64_t		x;

					if (!valid_date(y, e->month, e->day))
						continue;
					x = days64(y, e->month, e->day);
					if ((dir == ON_OR_BEFORE && x <= p) || (dir == BEFORE && x < p) || (dir == AFTER && x > p))
					{
						*lo = x;
						*hi = x + 1;
						return true;
					}
				}
				return false;
			}
		case C_MONTH:
			{
				int64_t		y = py;

				*grain = AKH_GRAIN_MONTH;
				if (dir == AFTER)
					y += e->month > pm ? 0 : 1;
				else if (dir == BEFORE)
					y -= e->month < pm ? 0 : 1;
				else if (e->mark != MARK_THIS)
					y -= e->month <= pm ? 0 : 1;
				month_period(y, e->month, lo, hi);
				return true;
			}
		case C_WEEKDAY:
			{
				int			wd = akh_weekday(p);

				if (e->mark == MARK_THIS)
					*lo = (int64_t) p - (wd - 1) + (e->weekday - 1);
				else if (dir == AFTER)
					*lo = (int64_t) p + ((e->weekday - wd + 6) % 7 + 1);
				else if (dir == BEFORE)
					*lo = (int64_t) p - ((wd - e->weekday + 6) % 7 + 1);
				else
					*lo = (int64_t) p - (wd - e->weekday + 7) % 7;
				*hi = *lo + 1;
				return true;
			}
		case C_RELATIVE:
			*lo = (int64_t) p + e->offset;
			*hi = *lo + 1;
			return true;
		case C_UNIT:
			{
				int			shift = e->mark == MARK_PAST ? -1 : e->mark == MARK_FUTURE ? 1 : 0;

				*grain = e->unit;
				if (e->unit == AKH_GRAIN_WEEK)
				{
					*lo = (int64_t) p - (akh_weekday(p) - 1) + 7 * shift;
					*hi = *lo + 7;
				}
				else if (e->unit == AKH_GRAIN_MONTH)
				{
					int64_t		mi = (int64_t) py * 12 + (pm - 1) + shift;

					month_period(mi / 12 - (mi < 0 && mi % 12 != 0), ((mi % 12) + 12) % 12 + 1, lo, hi);
				}
				else
				{
					*lo = days64((int64_t) py + shift, 1, 1);
					*hi = days64((int64_t) py + shift + 1, 1, 1);
				}
				return true;
			}
		default:
			return false;
	}
}

/*
 * The period of e, a range of days included: the year is the one its first day takes (a
 * summit "du 5 au 7 mars" reported on 6 March is this year's), and the period, of grain
 * days, runs to the end of its last day.
 */
static bool
resolve_range(const expr *e, int32_t p, int64_t *lo, int64_t *hi, akh_grain *grain)
{
	expr		first;
	int			y,
				m,
				d;

	if (e->day_from == 0)
		return resolve(e, p, lo, hi, grain);
	first = *e;
	first.day = e->day_from;
	if (!resolve(&first, p, lo, hi, grain) || *lo < MIN_DAY || *lo >= END_DAY)
		return false;
	/* the last day in the first day's month and year: no 29 February 2025 */
	akh_civil_from_days((int32_t) *lo, &y, &m, &d);
	if (!valid_date(y, e->month, e->day))
		return false;
	*hi = *lo + (e->day - e->day_from) + 1;
	*grain = AKH_GRAIN_DAYS;
	return true;
}

/* Is the shape complete: is this a date at all? */
static bool
complete(const expr *e)
{
	if (e->blocked)
		return false;
	switch (e->core)
	{
		case C_MONTH:
			return e->year != 0 || e->mark != MARK_NONE || e->cue;
		case C_YEAR:
			return e->cue;
		case C_UNIT:
			return e->mark != MARK_NONE;
		case C_WEEKDAY:
			return !e->bare_weekday || e->yom;
		default:
			return true;
	}
}

/* ---- output ------------------------------------------------------------------------------ */

void
akh_dates_init(akh_dates *d, const akh_env *env)
{
	d->d = NULL;
	d->n = d->cap = 0;
	d->env = env;
}

void
akh_dates_free(akh_dates *d)
{
	if (d->d != NULL)
		d->env->free(d->env->ctx, d->d);
	d->d = NULL;
	d->n = d->cap = 0;
}

static akh_status
push_date(akh_dates *out, const akh_date *x)
{
	if (out->n == out->cap)
	{
		size_t		cap = out->cap < 16 ? 16 : out->cap * 2;
		akh_date   *p;

		if (cap > SIZE_MAX / sizeof(akh_date))
			return AKH_ETOOBIG;
		p = out->d == NULL
			? out->env->alloc(out->env->ctx, cap * sizeof(akh_date))
			: out->env->realloc(out->env->ctx, out->d, cap * sizeof(akh_date));
		if (p == NULL)
			return AKH_ENOMEM;
		out->d = p;
		out->cap = cap;
	}
	out->d[out->n++] = *x;
	return AKH_OK;
}

/* Code points that fold to nothing inside an Arabic word: harakat, tatweel, joiners. */
static bool
arabic_transparent(uint32_t cp)
{
	return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 ||
		(cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF;
}

/*
 * Bytes and code points of the first `letters` letters of word tok in the original (and the
 * harakat on them): the clitics the surface leaves out. When the original does not spell
 * them as plain letters (presentation forms), nothing is left out.
 */
static void
skip_clitics(const char *s, const akh_token *tok, size_t letters, size_t *bytes, size_t *chars)
{
	const unsigned char *p = (const unsigned char *) s + tok->byte_start;
	size_t		i = 0;
	size_t		c = 0;
	size_t		seen = 0;

	*bytes = *chars = 0;
	while (i < tok->byte_len)
	{
		uint32_t	cp;
		int			l = akh_utf8_decode(p + i, tok->byte_len - i, &cp);

		if (l == 0)
			return;
		if (!arabic_transparent(cp))
		{
			if (seen == letters)
				break;
			if (cp < 0x0621 || cp > 0x064A)
				return;
			seen++;
		}
		i += (size_t) l;
		c++;
	}
	if (seen == letters && i < tok->byte_len)
	{
		*bytes = i;
		*chars = c;
	}
}

akh_status
akh_dates_find(const char *s, const akh_tokens *t, int32_t published, const akh_env *env,
			   akh_dates *out)
{
	scan		sc;
	size_t		floor = 0;
	size_t		next_tick = AKH_TICK_BYTES;
	size_t		j = 0;

	if (published < MIN_DAY || published >= END_DAY)
		published = AKH_NO_DATE;
	sc.s = s;
	sc.t = t;
	memset(sc.cache, 0, sizeof(sc.cache));
	build_filter(&sc);
	while (j < t->n)
	{
		expr		e;
		int64_t		lo,
					hi;
		akh_grain	grain;

		if (t->tok[j].byte_start >= next_tick && env->tick != NULL)
		{
			env->tick(env->ctx);
			next_tick = t->tok[j].byte_start + AKH_TICK_BYTES;
		}
		if (!core_at(&sc, j, &e))
		{
			j++;
			continue;
		}
		take_prefixes(&sc, &e, floor);
		take_range(&sc, &e, floor);
		e.future_verb = future_before(&sc, e.first);
		if (complete(&e) && resolve_range(&e, published, &lo, &hi, &grain) &&
			lo >= MIN_DAY && hi <= END_DAY && hi > lo)
		{
			const akh_token *a = &t->tok[e.first];
			const akh_token *b = &t->tok[e.end - 1];
			word_info	wi = info(&sc, e.first);
			size_t		skip_bytes = 0;
			size_t		skip_chars = 0;
			akh_date	d;
			akh_status	st;

			if (wi.clitics > 0)
				skip_clitics(s, a, wi.clitics, &skip_bytes, &skip_chars);
			d.byte_start = a->byte_start + skip_bytes;
			d.byte_len = b->byte_start + b->byte_len - d.byte_start;
			d.char_start = a->char_start + skip_chars;
			d.char_len = b->char_start + b->char_len - d.char_start;
			d.tok_first = e.first;
			d.tok_end = e.end;
			d.lo = (int32_t) lo;
			d.hi = (int32_t) hi;
			d.grain = grain;
			d.future = e.mark == MARK_FUTURE ||
				(e.core == C_RELATIVE ? e.offset > 0 : e.mark == MARK_NONE && e.future_verb);
			if ((st = push_date(out, &d)) != AKH_OK)
				return st;
			floor = j = e.end;
			continue;
		}
		/*
		 * Not a date (le 29 février 2023, la veille du sommet, a year-less date without a
		 * publication date): nor is any part of it. Its words may still introduce the next
		 * date ('am before 2001), so floor stays.
		 */
		j = e.end;
	}
	return AKH_OK;
}
