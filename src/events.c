/*
 * events.c — who did what with whom, where and when.
 *
 * The extractor reads the words of an article with the mentions the gazetteer found in them and
 * the dates the date engine resolved, and works sentence by sentence:
 *
 *  1. Triggers. Phrases of data/triggers.tsv, longest first, on folded words (phrases of kind
 *     none hold a trigger word and announce nothing: cessez-le-feu); an Arabic word
 *     may carry the clitics w f, b l k and the article (walajtma', llqma). Words inside a name
 *     the gazetteer knows are not triggers (La Réunion is an island). A sentence gives at most
 *     one event of each kind, at its first trigger; when it gives a meeting, a call, a visit or
 *     a summit, its statement triggers are the way that event is told ("said during a phone
 *     call") and give none, and when it gives a disaster, what "struck" is the disaster, not
 *     an attack.
 *  2. Actors. The people named in the sentence, nearest to the trigger first; failing people,
 *     the organizations. A statement has one actor, its speaker: the first person after the
 *     verb and before what was said (« a déclaré X que », «qal X in»), else the nearest person
 *     before it.
 *  3. Place. A city after a locative word (à, fy, or the clitic b) beats a country after one;
 *     an event that happens where the sentence names a city (a statement, an attack, a
 *     protest, a disaster: "Pékin a déclaré", "un séisme au sud-ouest de Marrakech") takes
 *     that city; the dateline ("Jakarta -" opening a paragraph) comes last, since it tells
 *     where the reporter was. A city merely named in the sentence of a meeting is a topic or a
 *     government ("an bkyn mst'da"), a country merely named is a topic, and regions
 *     (Asie-Pacifique) are never places.
 *  4. Period. The date of the sentence nearest to the trigger, else the publication date; the
 *     date of a dateline ("RABAT, 9 septembre 2025 –") is the day of the report, not a date
 *     of the event.
 *  5. Main event. The article is about the first event of its top lines that is not a
 *     statement, has actors and is not what a statement of its sentence reports ("sur la base
 *     de l'accord conclu par ..., a déclaré X"); else about the first statement with a speaker
 *     there; else the same further in the lead; else about its first event. What the main
 *     event lacks it takes from an event of a compatible kind in the lead: its place from one
 *     with no other actors (headlines often say where: «yltqyan fy kmbwdya»), its date from
 *     one with the same actors.
 */
#include "events.h"

#include "arabic.h"

#include <string.h>

#include "namekey.h"

/* Generated from data/triggers.tsv and data/event_words.tsv: {kind, phrase} pairs. */
static const struct
{
	const char *kind;
	const char *phrase;
}			trigger_srcs[] = {
#include "gen/triggers.h"
}, event_word_srcs[] = {
#include "gen/event_words.h"
};

#define NTRIGGER_SRCS (sizeof(trigger_srcs) / sizeof(trigger_srcs[0]))
#define NEVENT_WORD_SRCS (sizeof(event_word_srcs) / sizeof(event_word_srcs[0]))
#define MAX_PHRASE_WORDS 6

/*
 * Lines of an article that make its lead (the headline counts as one), and the first of them
 * where the main event is looked for first: news says what happened at the top, and what it
 * recalls ("À noter, ... ont tenu un sommet le 15 décembre") further down.
 */
#define LEAD_LINES 5
#define TOP_LINES 3
/* Words of the lead, at most. */
#define LEAD_WORDS 200

/* The kind of the phrases that hold a trigger word but announce no event (cessez-le-feu). */
#define KIND_NONE AKH_EV_NKINDS

typedef struct trigger
{
	uint8_t		kind;
	uint8_t		nwords;
	uint32_t	word_off[MAX_PHRASE_WORDS];
	uint32_t	word_len[MAX_PHRASE_WORDS];
} trigger;

typedef enum word_kind
{
	WORD_COMPLEMENTIZER,
	WORD_LOCATIVE,
	WORD_TOPIC
} word_kind;

typedef struct lex_word
{
	uint8_t		kind;
	uint32_t	off;
	uint32_t	len;
} lex_word;

/* Bits of the filter of the triggers' first words (a clear bit: no trigger begins so). */
#define FILTER_BITS 65536

struct akh_event_lexicon
{
	akh_env		env;
	akh_buf		words;			/* folded words, one after the other */
	trigger    *triggers;		/* sorted by first word */
	size_t		ntriggers;
	lex_word   *fwords;
	size_t		nfwords;
	uint64_t	first_words[FILTER_BITS / 64];
};

static size_t
filter_bit(const char *w, size_t n)
{
	uint32_t	h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char) w[i]) * 16777619u;
	return (h ^ (h >> 16)) & (FILTER_BITS - 1);
}

static int
bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int			c = memcmp(a, b, an < bn ? an : bn);

	return c != 0 ? c : (an > bn) - (an < bn);
}

/* Orders triggers by first word, longer phrases first among equals (insertion sort: once). */
static void
sort_triggers(akh_event_lexicon *x)
{
	const char *w = x->words.data;

	for (size_t i = 1; i < x->ntriggers; i++)
	{
		trigger		tr = x->triggers[i];
		size_t		j = i;

		for (; j > 0; j--)
		{
			const trigger *p = &x->triggers[j - 1];
			int			c = bytes_cmp(w + p->word_off[0], p->word_len[0],
									  w + tr.word_off[0], tr.word_len[0]);

			if (c < 0 || (c == 0 && p->nwords >= tr.nwords))
				break;
			x->triggers[j] = *p;
		}
		x->triggers[j] = tr;
	}
}

/* Folds and splits a phrase into words appended to x->words. */
static akh_status
add_words(akh_event_lexicon *x, const akh_folder *f, const char *phrase, uint32_t *off,
		  uint32_t *len, int max, int *n)
{
	akh_tokens	t;
	akh_status	st;

	akh_tokens_init(&t, &x->env);
	st = akh_tokenize(f, phrase, strlen(phrase), &t);
	*n = 0;
	for (size_t i = 0; st == AKH_OK && i < t.n && *n < max; i++)
	{
		off[*n] = (uint32_t) x->words.len;
		len[*n] = (uint32_t) t.tok[i].fold_len;
		st = akh_buf_append(&x->words, akh_token_folded(&t, &t.tok[i]), t.tok[i].fold_len);
		(*n)++;
	}
	akh_tokens_free(&t);
	return st;
}

akh_status
akh_event_lexicon_new(const akh_folder *f, const akh_env *env, akh_event_lexicon **out)
{
	akh_event_lexicon *x = env->alloc(env->ctx, sizeof(akh_event_lexicon));
	akh_status	st = AKH_OK;

	*out = NULL;
	if (x == NULL)
		return AKH_ENOMEM;
	memset(x, 0, sizeof(*x));
	x->env = *env;
	akh_buf_init(&x->words, &x->env);
	x->triggers = env->alloc(env->ctx, NTRIGGER_SRCS * sizeof(trigger));
	x->fwords = env->alloc(env->ctx, NEVENT_WORD_SRCS * sizeof(lex_word));
	if (x->triggers == NULL || x->fwords == NULL)
		st = AKH_ENOMEM;
	for (size_t i = 0; st == AKH_OK && i < NTRIGGER_SRCS; i++)
	{
		trigger    *tr = &x->triggers[x->ntriggers];
		const char *name = trigger_srcs[i].kind;
		int			kind = strcmp(name, "none") == 0 ? KIND_NONE : akh_event_kind_from_name(name, strlen(name));
		int			n;

		if (kind < 0)
			continue;			/* an unknown kind triggers nothing */
		st = add_words(x, f, trigger_srcs[i].phrase, tr->word_off, tr->word_len, MAX_PHRASE_WORDS, &n);
		if (st == AKH_OK && n > 0)
		{
			size_t		b = filter_bit(x->words.data + tr->word_off[0], tr->word_len[0]);

			tr->kind = (uint8_t) kind;
			tr->nwords = (uint8_t) n;
			x->ntriggers++;
			x->first_words[b / 64] |= (uint64_t) 1 << (b % 64);
		}
	}
	for (size_t i = 0; st == AKH_OK && i < NEVENT_WORD_SRCS; i++)
	{
		lex_word   *w = &x->fwords[x->nfwords];
		int			n;

		w->kind = strcmp(event_word_srcs[i].kind, "locative") == 0 ? WORD_LOCATIVE :
			strcmp(event_word_srcs[i].kind, "topic") == 0 ? WORD_TOPIC : WORD_COMPLEMENTIZER;
		st = add_words(x, f, event_word_srcs[i].phrase, &w->off, &w->len, 1, &n);
		if (st == AKH_OK && n == 1)
			x->nfwords++;
	}
	if (st != AKH_OK)
	{
		akh_event_lexicon_free(x);
		return st;
	}
	sort_triggers(x);
	*out = x;
	return AKH_OK;
}

void
akh_event_lexicon_free(akh_event_lexicon *x)
{
	if (x == NULL)
		return;
	if (x->triggers != NULL)
		x->env.free(x->env.ctx, x->triggers);
	if (x->fwords != NULL)
		x->env.free(x->env.ctx, x->fwords);
	akh_buf_free(&x->words);
	x->env.free(x->env.ctx, x);
}

void
akh_found_events_init(akh_found_events *e, const akh_env *env)
{
	e->e = NULL;
	e->n = e->cap = 0;
	e->env = env;
}

void
akh_found_events_free(akh_found_events *e)
{
	if (e->e != NULL)
		e->env->free(e->env->ctx, e->e);
	e->e = NULL;
	e->n = e->cap = 0;
}

static akh_status
push_event(akh_found_events *e, const akh_found_event *x)
{
	if (e->n == e->cap)
	{
		size_t		cap = e->cap ? e->cap * 2 : 16;
		akh_found_event *p = e->e == NULL ? e->env->alloc(e->env->ctx, cap * sizeof(*p))
			: e->env->realloc(e->env->ctx, e->e, cap * sizeof(*p));

		if (p == NULL)
			return AKH_ENOMEM;
		e->e = p;
		e->cap = cap;
	}
	e->e[e->n++] = *x;
	return AKH_OK;
}

/* ---- words --------------------------------------------------------------------------- */

static bool
starts_with(const char *w, size_t len, const char *prefix)
{
	size_t		n = strlen(prefix);

	return len >= n && memcmp(w, prefix, n) == 0;
}

/*
 * Offsets into the folded Arabic word w at which a trigger may begin: the word itself, after
 * w or f, after b l or k, after the article (or ll); at least three letters must remain.
 */
static int
arabic_starts(const char *w, size_t len, size_t *offs)
{
	akh_ar_split sp[AKH_AR_MAX_SPLITS];
	int			ns = akh_ar_splits(w, len, sp);
	int			n = 0;

	for (int i = 0; i < ns; i++)
		if (i == 0 || len - sp[i].off >= 3 * AR_LETTER_BYTES)
			offs[n++] = sp[i].off;
	return n;
}

/* Word k of t, or the same after the article al: a later word of a phrase. */
static bool
word_is(const akh_tokens *t, size_t k, const char *w, size_t wlen)
{
	const akh_token *tok = &t->tok[k];
	const char *s = akh_token_folded(t, tok);
	size_t		len = tok->fold_len;

	if (bytes_cmp(s, len, w, wlen) == 0)
		return true;
	return tok->script == AKH_SCRIPT_ARABIC && starts_with(s, len, AR_ALEF AR_LAM) &&
		bytes_cmp(s + 2 * AR_LETTER_BYTES, len - 2 * AR_LETTER_BYTES, w, wlen) == 0;
}

/* A function word of the lexicon of that kind. */
static bool
is_word(const akh_event_lexicon *x, const akh_tokens *t, size_t k, word_kind kind)
{
	const akh_token *tok = &t->tok[k];

	for (size_t i = 0; i < x->nfwords; i++)
		if (x->fwords[i].kind == kind &&
			bytes_cmp(akh_token_folded(t, tok), tok->fold_len, x->words.data + x->fwords[i].off,
					  x->fwords[i].len) == 0)
			return true;
	return false;
}

/* The longest trigger at word i (its word count, 0 for none). */
static size_t
trigger_at(const akh_event_lexicon *x, const akh_tokens *t, size_t i, int *kind)
{
	const akh_token *tok = &t->tok[i];
	const char *w = akh_token_folded(t, tok);
	size_t		offs[AKH_AR_MAX_SPLITS];
	int			noffs = 1;
	size_t		best = 0;

	offs[0] = 0;
	if (tok->script == AKH_SCRIPT_ARABIC)
		noffs = arabic_starts(w, tok->fold_len, offs);
	for (int v = 0; v < noffs; v++)
	{
		const char *p = w + offs[v];
		size_t		plen = tok->fold_len - offs[v];
		size_t		lo = 0;
		size_t		hi = x->ntriggers;
		size_t		b = filter_bit(p, plen);

		if (!((x->first_words[b / 64] >> (b % 64)) & 1))
			continue;

		/* The first trigger whose first word is p. */
		while (lo < hi)
		{
			size_t		mid = (lo + hi) / 2;
			const trigger *tr = &x->triggers[mid];

			if (bytes_cmp(x->words.data + tr->word_off[0], tr->word_len[0], p, plen) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < x->ntriggers; lo++)
		{
			const trigger *tr = &x->triggers[lo];
			size_t		w2;

			if (bytes_cmp(x->words.data + tr->word_off[0], tr->word_len[0], p, plen) != 0)
				break;
			if (tr->nwords <= best || i + tr->nwords > t->n)
				continue;
			for (w2 = 1; w2 < tr->nwords; w2++)
				if (t->tok[i + w2].sentence_start ||
					!word_is(t, i + w2, x->words.data + tr->word_off[w2], tr->word_len[w2]))
					break;
			if (w2 == tr->nwords)
			{
				best = tr->nwords;
				*kind = tr->kind;
			}
		}
	}
	return best;
}

/* ---- the article's layout ------------------------------------------------------------- */

typedef struct layout
{
	size_t	   *sentence;		/* per word: its sentence */
	size_t	   *line;			/* per word: its non-empty line */
	size_t	   *mention;		/* per word: the mention covering it, or AKH_NO_MENTION */
	size_t	   *sentence_first; /* per sentence: its first word */
	size_t		nsentences;
	size_t		lead_end;		/* the words of the lead: [0, lead_end) */
	size_t		top_end;		/* the words of its first TOP_LINES lines */
} layout;

static akh_status
layout_of(const char *s, const akh_tokens *t, const akh_mentions *m, const akh_env *env,
		  layout *L)
{
	size_t		n = t->n;
	size_t		sentence = 0;
	size_t		line = 0;
	size_t		k = 0;

	memset(L, 0, sizeof(*L));
	if (n == 0)
		return AKH_OK;
	L->sentence = env->alloc(env->ctx, 4 * n * sizeof(size_t));
	if (L->sentence == NULL)
		return AKH_ENOMEM;
	L->line = L->sentence + n;
	L->mention = L->line + n;
	L->sentence_first = L->mention + n;
	L->lead_end = L->top_end = n;
	for (size_t i = 0; i < n; i++)
	{
		const akh_token *tok = &t->tok[i];

		if (i > 0)
		{
			const akh_token *prev = &t->tok[i - 1];

			if (memchr(s + prev->byte_start + prev->byte_len, '\n',
					   tok->byte_start - prev->byte_start - prev->byte_len) != NULL)
			{
				line++;
				if (line == LEAD_LINES && L->lead_end == n)
					L->lead_end = i;
				if (line == TOP_LINES && L->top_end == n)
					L->top_end = i;
			}
			if (tok->sentence_start)
				sentence++;
		}
		if (i == 0 || tok->sentence_start)
			L->sentence_first[sentence] = i;
		L->sentence[i] = sentence;
		L->line[i] = line;
		L->mention[i] = AKH_NO_MENTION;
	}
	L->nsentences = sentence + 1;
	if (L->lead_end > LEAD_WORDS)
		L->lead_end = LEAD_WORDS;
	if (L->top_end > L->lead_end)
		L->top_end = L->lead_end;

	/* Mentions and words are both in text order. */
	for (size_t j = 0; j < m->n; j++)
	{
		const akh_mention *x = &m->m[j];

		while (k < n && t->tok[k].byte_start + t->tok[k].byte_len <= x->byte_start)
			k++;
		for (size_t i = k; i < n && t->tok[i].byte_start < x->byte_start + x->byte_len; i++)
			L->mention[i] = j;
	}
	return AKH_OK;
}

/* Words [first, end) of mention j. */
static void
mention_words(const layout *L, const akh_tokens *t, size_t j, size_t *first, size_t *end)
{
	size_t		i = 0;

	/* Mentions are short and few; a scan from the sentence start would do as well. */
	while (i < t->n && L->mention[i] != j)
		i++;
	*first = i;
	while (i < t->n && L->mention[i] == j)
		i++;
	*end = i;
}

static size_t
distance(size_t a_first, size_t a_end, size_t b_first, size_t b_end)
{
	if (a_end <= b_first)
		return b_first - a_end;
	if (b_end <= a_first)
		return a_first - b_end;
	return 0;
}

/* Two mentions name the same one: the same entity, or the same unknown surface. */
static bool
same_referent(const char *s, const akh_mention *a, const akh_mention *b)
{
	if (a->entity != AKH_NO_ENTITY || b->entity != AKH_NO_ENTITY)
		return a->entity == b->entity;
	return a->byte_len == b->byte_len && memcmp(s + a->byte_start, s + b->byte_start, a->byte_len) == 0;
}

/* ---- one event ------------------------------------------------------------------------ */

typedef struct scope
{
	const akh_event_lexicon *x;
	const akh_gazetteer *g;
	const char *s;
	const akh_tokens *t;
	const akh_mentions *m;
	const layout *L;
	size_t		first;			/* the words of the sentence */
	size_t		end;
} scope;

/* needle (a C string) occurs in p[0..n). */
static bool
has_bytes(const char *p, size_t n, const char *needle)
{
	size_t		k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(p + i, needle, k) == 0)
			return true;
	return false;
}

/* Words of a line before the dash that ends its dateline, at most. */
#define DATELINE_SPAN 12

/* Between words k and k+1 stands a dash that is not a hyphen: " - ", "–", "—". */
static bool
dash_after(const scope *c, size_t k)
{
	const akh_tokens *t = c->t;
	const char *gap = c->s + t->tok[k].byte_start + t->tok[k].byte_len;
	size_t		len = t->tok[k + 1].byte_start - (size_t) (gap - c->s);

	return has_bytes(gap, len, "\xE2\x80\x93") || has_bytes(gap, len, "\xE2\x80\x94") ||
		(has_bytes(gap, len, "-") && has_bytes(gap, len, " "));
}

/*
 * The words [first, end) belong to a dateline: their line opens with a place (or an org:
 * Nations unies) and a dash follows them within its first words ("Nations unies
 * (États-Unis), 5 juin 2025 (AFP) -", «alqahra - (a f b) -»). The
 * city and the agency there tell where and by whom the report was filed: they act in nothing.
 */
static bool
in_dateline(const scope *c, size_t first, size_t end)
{
	size_t		line_start = first;
	size_t		j;

	/* Only the first words of a line can be a dateline's: look no further back. */
	while (line_start > 0 && c->L->line[line_start - 1] == c->L->line[first] &&
		   first - line_start <= DATELINE_SPAN)
		line_start--;
	if (line_start > 0 && c->L->line[line_start - 1] == c->L->line[first])
		return false;
	/* A dateline begins with where it was filed: a place (or Nations unies) opens the line. */
	j = c->L->mention[line_start];
	if (j == AKH_NO_MENTION || c->m->m[j].adjective ||
		(c->m->m[j].kind != AKH_KIND_PLACE && c->m->m[j].kind != AKH_KIND_ORG))
		return false;
	for (size_t k = end - 1; k + 1 < c->t->n && k < line_start + DATELINE_SPAN &&
		 c->L->line[k + 1] == c->L->line[first]; k++)
		if (dash_after(c, k))
			return true;
	return false;
}

/* Mentions of kind in the sentence, nearest to the trigger first, one per referent. */
static size_t
nearest_mentions(const scope *c, const akh_found_event *e, akh_kind kind, size_t *out, size_t max)
{
	size_t		n = 0;
	size_t		dist[AKH_FOUND_ACTORS];

	for (size_t i = c->first; i < c->end; i++)
	{
		size_t		j = c->L->mention[i];
		size_t		first;
		size_t		end;
		size_t		d;
		size_t		k;
		bool		dup = false;

		if (j == AKH_NO_MENTION || (i > c->first && c->L->mention[i - 1] == j) ||
			c->m->m[j].kind != kind || c->m->m[j].adjective)
			continue;
		for (k = 0; k < n && !dup; k++)
			dup = same_referent(c->s, &c->m->m[out[k]], &c->m->m[j]);
		if (dup)
			continue;
		mention_words(c->L, c->t, j, &first, &end);
		if (in_dateline(c, first, end))
			continue;
		d = distance(first, end, e->tok_first, e->tok_end);
		/* Insert by distance, keeping the max nearest. */
		for (k = n; k > 0 && dist[k - 1] > d; k--)
			if (k < max)
			{
				out[k] = out[k - 1];
				dist[k] = dist[k - 1];
			}
		if (k < max)
		{
			out[k] = j;
			dist[k] = d;
			if (n < max)
				n++;
		}
	}
	return n;
}

/* The speaker of a statement: after the verb and before what was said, else before it. */
static size_t
speaker(const scope *c, const akh_found_event *e)
{
	size_t		before = AKH_NO_MENTION;

	for (size_t i = e->tok_end; i < c->end; i++)
	{
		size_t		j = c->L->mention[i];
		const akh_token *tok = &c->t->tok[i];
		const akh_token *prev = &c->t->tok[i - 1];
		const char *gap = c->s + prev->byte_start + prev->byte_len;
		size_t		gap_len = tok->byte_start - prev->byte_start - prev->byte_len;

		/* What was said begins: a colon, a quotation mark, or que / in. */
		if (memchr(gap, ':', gap_len) != NULL || memchr(gap, '"', gap_len) != NULL ||
			has_bytes(gap, gap_len, "\xC2\xAB") || has_bytes(gap, gap_len, "\xE2\x80\x9C") ||
			is_word(c->x, c->t, i, WORD_COMPLEMENTIZER))
			break;
		if (j != AKH_NO_MENTION && c->m->m[j].kind == AKH_KIND_PERSON && !c->m->m[j].adjective)
			return j;
	}
	for (size_t i = e->tok_first; i > c->first; i--)
	{
		size_t		j = c->L->mention[i - 1];

		if (j != AKH_NO_MENTION && c->m->m[j].kind == AKH_KIND_PERSON && !c->m->m[j].adjective)
		{
			before = j;
			break;
		}
	}
	return before;
}

/* Kinds that happen where the sentence names a city: a statement, an attack, a disaster... */
static bool
located(int kind)
{
	return kind == AKH_EV_STATEMENT || kind == AKH_EV_ATTACK || kind == AKH_EV_PROTEST ||
		kind == AKH_EV_DISASTER;
}

/* Kinds that someone does: a protest, an attack or a disaster may have nobody named. */
static bool
needs_actors(int kind)
{
	return kind != AKH_EV_PROTEST && kind != AKH_EV_ATTACK && kind != AKH_EV_DISASTER;
}

/*
 * How good a place mention j is for event e: 0 not a place for it. A city after a locative
 * word (4) beats a country after one (3); for a statement, an attack, a protest or a disaster,
 * a city merely named in the sentence (2: "Pékin a déclaré", "un séisme au sud-ouest de
 * Marrakech"); the dateline (1) comes last. A city merely named in the sentence of
 * a meeting is mostly a topic or a government ("an bkyn mst'da"), not where it took place,
 * and so is a place after a locative that follows a topic word (la guerre en Ukraine).
 */
static int
place_rank(const scope *c, const akh_found_event *e, size_t j, size_t first)
{
	const akh_mention *x = &c->m->m[j];
	const char *cc;
	bool		country;
	bool		locative;

	if (x->kind != AKH_KIND_PLACE || x->adjective || x->entity == AKH_NO_ENTITY)
		return 0;
	cc = akh_gaz_entity_country(c->g, x->entity);
	if (cc == NULL)
		return 0;				/* a region: Asie-Pacifique, le Golfe */
	country = akh_gaz_entity_is_region(c->g, x->entity);
	/* fy jakrta, à Jakarta, or bjakrta (the clitic b, not part of the key) */
	locative = (first > c->first && is_word(c->x, c->t, first - 1, WORD_LOCATIVE)) ||
		(x->key_byte_start > x->byte_start && starts_with(c->s + x->byte_start, x->byte_len, AR_BEH));
	/*
	 * « la guerre en Ukraine », «alhrb fy awkranya»: what they discussed, not where. (Fighting
	 * in a place is where an attack happened.)
	 */
	if (locative && first >= c->first + 2 && needs_actors(e->kind) &&
		(is_word(c->x, c->t, first - 2, WORD_TOPIC) ||
		 (first >= c->first + 3 && is_word(c->x, c->t, first - 3, WORD_TOPIC))))
		return 0;			/* la guerre en Ukraine, la guerre russe en Ukraine */
	if (locative)
		return country ? 3 : 4;
	if (country)
		return 0;
	/* A dateline opens its line: "Jakarta - ...", "(jakrta)". */
	if (first == 0 || c->L->line[first - 1] != c->L->line[first])
		return 1;
	return located(e->kind) ? 2 : 0;
}

static size_t
best_place(const scope *c, const akh_found_event *e)
{
	size_t		best = AKH_NO_MENTION;
	int			best_rank = 0;
	size_t		best_dist = 0;

	for (size_t i = c->first; i < c->end; i++)
	{
		size_t		j = c->L->mention[i];
		size_t		first;
		size_t		end;
		int			rank;
		size_t		d;

		if (j == AKH_NO_MENTION || (i > c->first && c->L->mention[i - 1] == j))
			continue;
		mention_words(c->L, c->t, j, &first, &end);
		rank = place_rank(c, e, j, first);
		d = distance(first, end, e->tok_first, e->tok_end);
		if (rank > best_rank || (rank == best_rank && rank > 0 && d < best_dist))
		{
			best = j;
			best_rank = rank;
			best_dist = d;
		}
	}
	return best;
}

/* Words a dateline may hold before its date: "NATIONS UNIES (États-Unis), 18 novembre 2025 –". */
#define DATELINE_WORDS 6

/*
 * The date of a dateline ("RABAT, 9 septembre 2025 –", «mraksh, 8 sbtmbr 2025 —») near the start
 * of its line and followed by a dash: the day of the report, not of the event.
 */
static bool
dateline_date(const scope *c, const akh_date *x)
{
	const akh_tokens *t = c->t;
	size_t		line_start = x->tok_first;
	const char *gap;
	size_t		gap_len;

	while (line_start > 0 && c->L->line[line_start - 1] == c->L->line[x->tok_first])
		line_start--;
	if (x->tok_first - line_start > DATELINE_WORDS || x->tok_end >= t->n)
		return false;
	gap = c->s + t->tok[x->tok_end - 1].byte_start + t->tok[x->tok_end - 1].byte_len;
	gap_len = t->tok[x->tok_end].byte_start - (size_t) (gap - c->s);
	return has_bytes(gap, gap_len, "-") || has_bytes(gap, gap_len, "\xE2\x80\x93") ||
		has_bytes(gap, gap_len, "\xE2\x80\x94");
}

/*
 * The days an event literal writes, 0001-01-01 to 9999-12-31 (as days since 2000-01-01; the
 * end is 10000-01-01): a period outside them would print as no date that reads back. The date
 * engine resolves over all of PostgreSQL's dates: a publication date out there counts as none,
 * and a date counted from one near the edge ("demain" on 9999-12-31) is not taken.
 */
#define LITERAL_FIRST_DAY (-730119)
#define LITERAL_END_DAY 2921940

static bool
writable(int64_t lo, int64_t hi)
{
	return lo >= LITERAL_FIRST_DAY && hi <= LITERAL_END_DAY;
}

/* The date of the sentence nearest to the trigger, else the publication date. */
static void
period_of(const scope *c, const akh_dates *d, int32_t published, akh_found_event *e)
{
	size_t		best_dist = SIZE_MAX;

	for (size_t k = 0; k < d->n; k++)
	{
		const akh_date *x = &d->d[k];
		size_t		dist;

		if (x->tok_first < c->first || x->tok_first >= c->end || dateline_date(c, x) ||
			!writable(x->lo, x->hi))
			continue;
		dist = distance(x->tok_first, x->tok_end, e->tok_first, e->tok_end);
		if (dist < best_dist)
		{
			best_dist = dist;
			e->lo = x->lo;
			e->hi = x->hi;
			e->has_period = e->dated = true;
		}
	}
	if (!e->dated && published != AKH_NO_DATE && writable(published, (int64_t) published + 1))
	{
		e->lo = published;
		e->hi = published + 1;
		e->has_period = true;
	}
}

/*
 * A headline names the event and leaves the people to the lead («trfa alnza' fy alswdan
 * ywq'an fy jda», « À Pékin, un sommet UE-Chine »): an event of the headline without people
 * takes those of the first sentence of the top lines, after the headline, that names any;
 * without people or organizations, the organizations of the first that names any.
 */
/* At most as many words as a headline has. */
#define HEADLINE_WORDS 30

static size_t
headline_actors(const scope *c, akh_found_event *e, akh_kind kind)
{
	const layout *L = c->L;

	/* A headline: the first line, one short sentence. */
	if (L->sentence[e->tok_first] != 0 || L->nsentences < 2 || L->sentence_first[1] > HEADLINE_WORDS ||
		L->line[L->sentence_first[1]] == 0)
		return 0;
	for (size_t k = 1; k < L->nsentences && L->sentence_first[k] < L->top_end; k++)
	{
		scope		lead = *c;
		size_t		n;

		lead.first = L->sentence_first[k];
		lead.end = k + 1 < L->nsentences ? L->sentence_first[k + 1] : c->t->n;
		if ((n = nearest_mentions(&lead, e, kind, e->actors, AKH_FOUND_ACTORS)) > 0)
			return n;
	}
	return 0;
}

static void
fill_event(const scope *c, const akh_dates *d, int32_t published, akh_found_event *e)
{
	if (e->kind == AKH_EV_STATEMENT)
	{
		size_t		j = speaker(c, e);

		e->nactors = 0;
		if (j != AKH_NO_MENTION)
			e->actors[e->nactors++] = j;
	}
	else
	{
		e->nactors = nearest_mentions(c, e, AKH_KIND_PERSON, e->actors, AKH_FOUND_ACTORS);
		if (e->nactors == 0 && needs_actors(e->kind))
			e->nactors = headline_actors(c, e, AKH_KIND_PERSON);
		if (e->nactors == 0)
			e->nactors = nearest_mentions(c, e, AKH_KIND_ORG, e->actors, AKH_FOUND_ACTORS);
		if (e->nactors == 0 && needs_actors(e->kind))
			e->nactors = headline_actors(c, e, AKH_KIND_ORG);
	}
	/* A call joins two places; the text names neither as where it happened. */
	e->place = e->kind == AKH_EV_CALL ? AKH_NO_MENTION : best_place(c, e);
	period_of(c, d, published, e);
}

/* An event of kind a in a sentence makes the trigger of kind b there part of it. */
static bool
absorbs(int a, int b)
{
	if (b == AKH_EV_STATEMENT)
		return a == AKH_EV_MEET || a == AKH_EV_CALL || a == AKH_EV_VISIT || a == AKH_EV_SUMMIT;
	/*
	 * « s'est entretenu au téléphone avec »: talks by phone are a call; « lors de sa visite, il
	 * a rencontré », «astqbl bwtyn alshr' aldhy yzwr mwskw»: the meeting is part of the visit.
	 */
	if (b == AKH_EV_MEET)
		return a == AKH_EV_CALL || a == AKH_EV_VISIT;
	return b == AKH_EV_ATTACK && a == AKH_EV_DISASTER;
}

/* ---- the main event ------------------------------------------------------------------- */

static bool
share_actor(const char *s, const akh_mentions *m, const akh_found_event *a, const akh_found_event *b)
{
	for (size_t i = 0; i < a->nactors; i++)
		for (size_t k = 0; k < b->nactors; k++)
			if (same_referent(s, &m->m[a->actors[i]], &m->m[b->actors[k]]))
				return true;
	return false;
}

/* Event i shares its sentence with a statement: it is what was said, not what happened. */
static bool
told(const layout *L, const akh_found_events *out, size_t i)
{
	for (size_t k = 0; k < out->n; k++)
		if (out->e[k].kind == AKH_EV_STATEMENT &&
			L->sentence[out->e[k].tok_first] == L->sentence[out->e[i].tok_first])
			return true;
	return false;
}

/*
 * Event i is something that took place or will: not a statement, not what a statement of its
 * sentence reports, and done by someone, unless its kind needs nobody (a protest, an attack,
 * a disaster: « des milliers de personnes ont manifesté »).
 */
static bool
an_event(const layout *L, const akh_found_events *out, size_t i)
{
	const akh_found_event *e = &out->e[i];

	return e->kind != AKH_EV_STATEMENT && !told(L, out, i) &&
		(e->nactors > 0 || e->kind == AKH_EV_PROTEST || e->kind == AKH_EV_ATTACK ||
		 e->kind == AKH_EV_DISASTER);
}

/* Place mention a is a city of the country that place mention b is. */
static bool
within(const akh_gazetteer *g, const akh_mentions *m, size_t a, size_t b)
{
	const akh_mention *x = &m->m[a];
	const akh_mention *y = &m->m[b];
	const char *xc;
	const char *yc;

	if (x->entity == AKH_NO_ENTITY || y->entity == AKH_NO_ENTITY ||
		akh_gaz_entity_is_region(g, x->entity) || !akh_gaz_entity_is_region(g, y->entity))
		return false;
	xc = akh_gaz_entity_country(g, x->entity);
	yc = akh_gaz_entity_country(g, y->entity);
	return xc != NULL && yc != NULL && memcmp(xc, yc, 2) == 0;	/* two letters, no NUL */
}

/* The actors of o that e lacks join e's, while there is room. */
static void
add_actors(const char *s, const akh_mentions *m, const akh_found_event *o, akh_found_event *e)
{
	for (size_t i = 0; i < o->nactors && e->nactors < AKH_FOUND_ACTORS; i++)
	{
		bool		have = false;

		for (size_t k = 0; k < e->nactors && !have; k++)
			have = same_referent(s, &m->m[e->actors[k]], &m->m[o->actors[i]]);
		if (!have)
			e->actors[e->nactors++] = o->actors[i];
	}
}

/*
 * The city of the article's dateline, or AKH_NO_MENTION: a city that opens a line of the top
 * lines, the line then short («mwskw - sbwtnyk», «anqra / alanadwl») or the city soon followed
 * by a dash ("MUNICH, 19 février (Reuters) -").
 */
static size_t
dateline_city(const scope *c)
{
	const layout *L = c->L;

	for (size_t k = 0; k < L->top_end; k++)
	{
		size_t		j = L->mention[k];
		size_t		line_end = k;
		const akh_mention *x;

		if ((k > 0 && L->line[k - 1] == L->line[k]) || j == AKH_NO_MENTION)
			continue;
		x = &c->m->m[j];
		if (x->kind != AKH_KIND_PLACE || x->adjective || x->entity == AKH_NO_ENTITY ||
			akh_gaz_entity_country(c->g, x->entity) == NULL || akh_gaz_entity_is_region(c->g, x->entity))
			continue;
		while (line_end + 1 < c->t->n && L->line[line_end + 1] == L->line[k])
			line_end++;
		if (line_end - k < 6)
			return j;
		for (size_t w = k; w < line_end && w < k + DATELINE_SPAN; w++)
			if (dash_after(c, w))
				return j;
	}
	return AKH_NO_MENTION;
}

static void
choose_main(const scope *c, int32_t published, akh_found_events *out)
{
	const char *s = c->s;
	const akh_gazetteer *g = c->g;
	const akh_mentions *m = c->m;
	const layout *L = c->L;
	size_t		main = SIZE_MAX;
	size_t		city;

	if (out->n == 0)
		return;
	/*
	 * In the top lines, what took place, then what will (« candidat à l'élection du 18 avril
	 * prochain » is not what a report of yesterday's protest is about; an announced visit
	 * is, when nothing else took place), then who said something; in the rest of the lead,
	 * the same, then anything.
	 */
	for (int tier = 0; tier < 7 && main == SIZE_MAX; tier++)
		for (size_t i = 0; i < out->n && main == SIZE_MAX; i++)
		{
			const akh_found_event *e = &out->e[i];
			bool		future = published != AKH_NO_DATE && e->has_period && e->lo > published;
			bool		event = an_event(L, out, i);

			if (e->tok_first >= (tier < 3 ? L->top_end : L->lead_end))
				break;
			switch (tier % 3 + (tier == 6 ? 3 : 0))
			{
				case 0:
					if (event && !future)
						main = i;
					break;
				case 1:
					if (event && future)
						main = i;
					break;
				case 2:
					if (e->kind == AKH_EV_STATEMENT && e->nactors > 0)
						main = i;
					break;
				default:
					main = i;
					break;
			}
		}
	if (main == SIZE_MAX)
		main = 0;
	out->e[main].main = true;

	/* What the lead says elsewhere of the same event. */
	for (size_t i = 0; i < out->n; i++)
	{
		akh_found_event *e = &out->e[main];
		const akh_found_event *o = &out->e[i];
		bool		shared;

		if (i == main || o->tok_first >= L->lead_end ||
			!akh_event_kinds_compatible(o->kind, e->kind) || o->kind == AKH_EV_STATEMENT ||
			(o->nactors > 0 && e->nactors > 0 && !share_actor(s, m, o, e)))
			continue;
		/* A headline without names may say where; only the same people (or none) say when. */
		shared = o->nactors > 0 || e->nactors == 0;
		if (e->place == AKH_NO_MENTION && o->place != AKH_NO_MENTION)
			e->place = o->place;
		else if (o->place != AKH_NO_MENTION && within(g, m, o->place, e->place))
			e->place = o->place;	/* au Maroc, then à Rabat: the city says more */
		/* « Macron se rendra au Maroc », then « à l'invitation du roi Mohammed VI » */
		if (o->nactors > 0 && e->nactors > 0)
			add_actors(s, m, o, e);
		if (!e->dated && o->dated && shared)
		{
			e->lo = o->lo;
			e->hi = o->hi;
			e->has_period = e->dated = true;
		}
	}
	/*
	 * What the dateline says last: where the reporter filed from, when the main event names no
	 * place, or the city when it names only the country (au Maroc; RABAT -). A call has none.
	 */
	city = dateline_city(c);
	if (city != AKH_NO_MENTION && out->e[main].kind != AKH_EV_CALL &&
		(out->e[main].place == AKH_NO_MENTION || within(g, m, city, out->e[main].place)))
		out->e[main].place = city;
}

/* ---- the article ---------------------------------------------------------------------- */

akh_status
akh_events_find(const akh_event_lexicon *x, const akh_gazetteer *g, const char *s,
				const akh_tokens *t, const akh_mentions *m, const akh_dates *d,
				int32_t published, akh_found_events *out)
{
	const akh_env *env = out->env;
	layout		L;
	akh_status	st;
	size_t		i = 0;
	size_t		sentence_events = out->n;	/* the first event of the current sentence */

	if ((st = layout_of(s, t, m, env, &L)) != AKH_OK)
		return st;
	while (i < t->n)
	{
		int			kind = -1;
		size_t		len;
		akh_found_event e;
		bool		seen = false;

		if ((i & 1023) == 0 && env->tick != NULL)
			env->tick(env->ctx);
		if (i > 0 && L.sentence[i] != L.sentence[i - 1])
			sentence_events = out->n;
		if (L.mention[i] != AKH_NO_MENTION && !m->m[L.mention[i]].adjective)
		{
			i++;
			continue;
		}
		if ((len = trigger_at(x, t, i, &kind)) == 0)
		{
			i++;
			continue;
		}
		seen = kind == KIND_NONE;
		for (size_t k = sentence_events; k < out->n && !seen; k++)
			seen = out->e[k].kind == kind;
		if (!seen)
		{
			const akh_token *a = &t->tok[i];
			const akh_token *b = &t->tok[i + len - 1];
			scope		c = {x, g, s, t, m, &L, L.sentence_first[L.sentence[i]], 0};

			c.end = L.sentence[i] + 1 < L.nsentences ? L.sentence_first[L.sentence[i] + 1] : t->n;
			memset(&e, 0, sizeof(e));
			e.kind = kind;
			e.byte_start = a->byte_start;
			e.byte_len = b->byte_start + b->byte_len - a->byte_start;
			e.char_start = a->char_start;
			e.char_len = b->char_start + b->char_len - a->char_start;
			e.tok_first = i;
			e.tok_end = i + len;
			fill_event(&c, d, published, &e);
			if ((st = push_event(out, &e)) != AKH_OK)
				goto done;
		}
		i += len;
	}

	/*
	 * A statement told in the sentence of a meeting, a call, a visit or a summit is part of it;
	 * what strikes in the sentence of an earthquake or a storm (a frappé, drb) is the disaster.
	 */
	{
		size_t		kept = 0;

		for (size_t k = 0; k < out->n; k++)
		{
			bool		absorbed = false;

			for (size_t o = 0; o < out->n && !absorbed; o++)
				absorbed = L.sentence[out->e[o].tok_first] == L.sentence[out->e[k].tok_first] &&
					absorbs(out->e[o].kind, out->e[k].kind);
			if (!absorbed)
				out->e[kept++] = out->e[k];
		}
		out->n = kept;
	}
	{
		scope		all = {x, g, s, t, m, &L, 0, t->n};

		choose_main(&all, published, out);
	}

done:
	if (L.sentence != NULL)
		env->free(env->ctx, L.sentence);
	return st;
}

/* The name an event gives mention j: its entity's name, or the name key of an unknown name. */
static akh_status
mention_name(const akh_folder *f, const akh_gazetteer *g, const char *s, const akh_mention *x,
			 akh_buf *names, size_t *off, size_t *len)
{
	akh_status	st;

	*off = names->len;
	if (x->entity != AKH_NO_ENTITY)
	{
		size_t		n;
		const char *name = akh_gaz_entity_name(g, x->entity, &n);

		st = akh_buf_append(names, name, n);
	}
	else
		st = akh_name_key(f, s + x->byte_start, x->byte_len, names);
	*len = names->len - *off;
	return st;
}

akh_status
akh_found_event_pack(const akh_folder *f, const akh_gazetteer *g, const char *s,
					 const akh_mentions *m, const akh_found_event *e, akh_buf *out)
{
	akh_buf		names;
	size_t		offs[AKH_FOUND_ACTORS];
	size_t		lens[AKH_FOUND_ACTORS];
	const char *ptrs[AKH_FOUND_ACTORS];
	size_t		place_off = 0;
	size_t		place_len = 0;
	size_t		nactors = 0;
	akh_event_input in;
	akh_status	st = AKH_OK;

	akh_buf_init(&names, out->env);
	for (size_t i = 0; i < e->nactors && st == AKH_OK; i++)
	{
		st = mention_name(f, g, s, &m->m[e->actors[i]], &names, &offs[nactors], &lens[nactors]);
		if (lens[nactors] > 0)
			nactors++;			/* a name with no name key (digits only) names nobody */
	}
	if (st == AKH_OK && e->place != AKH_NO_MENTION)
		st = mention_name(f, g, s, &m->m[e->place], &names, &place_off, &place_len);
	if (st == AKH_OK)
	{
		for (size_t i = 0; i < nactors; i++)
			ptrs[i] = names.data + offs[i];
		memset(&in, 0, sizeof(in));
		in.kind = e->kind;
		in.has_period = e->has_period;
		in.lo = e->lo;
		in.hi = e->hi;
		in.place = e->place != AKH_NO_MENTION && place_len > 0 ? names.data + place_off : NULL;
		in.place_len = place_len;
		in.nactors = nactors;
		in.actors = ptrs;
		in.actor_lens = lens;
		st = akh_event_pack(f, &in, out);
	}
	akh_buf_free(&names);
	return st;
}
