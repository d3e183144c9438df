/*
 * gazetteer.c — finding the gazetteer's entities in a text.
 *
 * The automaton. Aliases are split into folded words (tokenize.c) and inserted into a trie
 * whose edges are labelled by whole words: a hash table keyed by (parent node, word). Matching
 * walks the trie from every word of the text and keeps the longest alias that ends on a
 * terminal node, so "mnzma shnghhay llt'awn" wins over a shorter alias inside it. Building costs
 * one hash insertion per alias word; matching costs about one lookup per word of text.
 *
 * Arabic clitics. Arabic writes the conjunctions w f, the prepositions b k l and the article
 * al as part of the next word: walsyn, balsyn, llsyn (l + alsyn, one alef elided), wbkyn.
 * The first word of every Arabic alias is stored without its article, and a word of the text
 * is tried as written and with the clitics stripped (w/f, then b/k/l or ll), each without its
 * article too. A word without the article matches only aliases written without it: ghrb (west)
 * is not alghrb (the West), while alaasyan matches aasyan. The form with the fewest strips wins a tie. A stripped form must keep at least
 * two letters. The mention's surface starts after the stripped clitic.
 *
 * Short mentions. Articles name a person in full once, then by one name: lafrwf after syrghy
 * lafrwf, Poutine after Vladimir Poutine, bynj after sha jyn bynj, wangh after wangh yy. After the
 * gazetteer pass, the last word of each person's mention (or the first when the last has fewer
 * than three letters, as in Chinese names) points to that person; the words of the text that no
 * alias covered are then looked up among these names. A name that would point to two people
 * points to none.
 *
 * Offices. "le président russe", "wzyr alkharjya alrwsy", "the Russian foreign minister": an
 * office phrase (data/roles.tsv) next to a country adjective names the person who holds that
 * office for that country now (the people files give roles with years, an open end meaning in
 * office). When exactly one person qualifies, the phrase is a mention of that person, unless
 * the name itself follows at once ("le président russe, Vladimir Poutine").
 *
 * Unknown people. A run of two to four capitalized Latin words that no alias covers, with a
 * title or role (data/lang/titles.txt: président, porte-parole, secrétaire, M. ...) at most
 * TITLE_WINDOW words before it in the same sentence, is a person the gazetteer does not know:
 * "le secrétaire de presse de l'OTSC, Vladimir Zainetdinov". Arabic has no capitals to mark a
 * name's extent; unknown Arabic names are not reported yet.
 *
 * Case. Aliases in capitals (UN, EAU, AU) only match capitals, so that French "un", "eau",
 * "au" do not become organizations; aliases with a capital first letter only match a word
 * with a capital. Arabic has no case and needs none of this.
 */
#include "gazetteer.h"

#include "arabic.h"
#include "stem_ar.h"

#include <stdlib.h>
#include <string.h>

/* How far before a capitalized name a title may stand, in words of the same sentence. */
#define TITLE_WINDOW 8

/* Length of an unknown name, in capitalized words. */
#define UNKNOWN_MIN_WORDS 2
#define UNKNOWN_MAX_WORDS 4

/* Shortest name a short mention may use, in letters. */
#define SHORT_NAME_MIN_CHARS 3

/* What each word of the text belongs to after pass 1. */
#define TOK_FREE UINT32_MAX		/* no alias */
#define TOK_TAKEN (UINT32_MAX - 1)	/* an adjective or an ambiguous alias */

/* Edges from this pseudo-node label the words of names (name words). */
#define NAME_WORDS_PARENT (UINT32_MAX - 2)

/*
 * Shortest name word, in letters: shorter words are not changed by the stemmers anyway, and
 * three-letter function words (les, des, une) sit in place names (Les Cayes).
 */
#define NAME_WORD_MIN_CHARS 4

/* Node flags. */
#define NODE_NAME 0x01			/* a name (not only an adjective) ends here */
#define NODE_ADJ 0x02			/* an adjective ends here */
#define NODE_AMBIGUOUS 0x04		/* aliases of two entities end here */
#define NODE_BARE_OK 0x08		/* an alias ending here starts without the Arabic article */

typedef struct gaz_node
{
	uint32_t	entity;			/* AKH_NO_ENTITY when no alias ends here */
	uint8_t		flags;
	uint8_t		caps;			/* akh_caps the text must have: the laxest of its aliases */
} gaz_node;

typedef struct gaz_edge
{
	uint64_t	hash;
	uint32_t	parent;
	uint32_t	child;			/* 0 marks a free slot (the root is never a child) */
	uint32_t	word_off;
	uint32_t	word_len;
} gaz_edge;

typedef struct gaz_entity
{
	int64_t		id;
	akh_kind	kind;
	char		country[2];		/* ISO 3166-1 alpha-2, or zeros */
	bool		has_adjective;	/* a country or region: "russe", "européen" */
	uint32_t	name_off;
	uint32_t	name_len;
} gaz_entity;

/* Rows of the data files roles.tsv and context.tsv: a key and a text. */
typedef struct pair_src
{
	const char *key;
	const char *text;
} pair_src;

/* Office phrases (data/roles.tsv). */
static const pair_src role_phrase_srcs[] = {
#include "gen/roles.h"
};

/* Context words for unknown names (data/context.tsv). */
static const pair_src context_srcs[] = {
#include "gen/context.h"
};

#define NCONTEXT_SRCS (sizeof(context_srcs) / sizeof(context_srcs[0]))

/* Kinds of context words, a bit each. */
#define CTX_TITLE 0x01
#define CTX_ORG_HEAD 0x02
#define CTX_LINK 0x04
#define CTX_STOP 0x08

typedef struct ctx_word
{
	uint32_t	off;			/* folded word in akh_gazetteer.phrase_words */
	uint32_t	len;
	uint8_t		kinds;
} ctx_word;

#define NROLE_PHRASES (sizeof(role_phrase_srcs) / sizeof(role_phrase_srcs[0]))
#define MAX_ROLES 16
#define MAX_PHRASE_WORDS 8

/* A phrase as folded words: offsets into akh_gazetteer.phrase_words. */
typedef struct role_phrase
{
	uint8_t		role;
	uint8_t		nwords;
	uint32_t	word_off[MAX_PHRASE_WORDS];
	uint32_t	word_len[MAX_PHRASE_WORDS];
} role_phrase;

/* Bits of the filter of context words: a clear bit spares the binary search. */
#define CTX_FILTER_BITS 4096

/* An office a person holds or held. */
typedef struct gaz_role
{
	uint32_t	person;
	uint8_t		role;
	char		country[2];
	int16_t		from;
	int16_t		to;				/* 0: still in office */
} gaz_role;

struct akh_gazetteer
{
	role_phrase phrases[NROLE_PHRASES];
	size_t		nphrases;
	const char *role_names[MAX_ROLES];
	size_t		nrole_names;
	akh_buf		phrase_words;	/* folded words of phrases and context words */
	ctx_word	ctx[NCONTEXT_SRCS * 2];
	uint64_t	ctx_filter[CTX_FILTER_BITS / 64];	/* bits of the context words */
	size_t		nctx;
	gaz_role   *roles;
	size_t		nroles;
	size_t		caproles;
	akh_env		env;
	const akh_folder *f;
	gaz_node   *nodes;
	size_t		nnodes;
	size_t		capnodes;
	gaz_edge   *edges;
	size_t		nedges;
	size_t		capedges;		/* a power of two */
	akh_buf		words;			/* edge labels */
	gaz_entity *ents;
	size_t		nents;
	size_t		capents;
	akh_buf		names;			/* entity names */
	uint64_t   *first_words;	/* FILTER_BITS bits: words that may begin a name or be a name word */
};

/*
 * Most words of a text begin no name. Before probing the edge table (megabytes, a cache miss
 * per probe) for a word under the root or among name words, the matcher tests one bit of a
 * 128 kB filter that fits in cache: the bit of every such word is set, so a clear bit means
 * no edge.
 */
#define FILTER_BITS ((size_t) 1 << 20)

static uint64_t
hash_word(uint32_t parent, const char *w, size_t len)
{
	uint64_t	h = 1469598103934665603ull ^ parent;

	for (size_t i = 0; i < len; i++)
	{
		h ^= (unsigned char) w[i];
		h *= 1099511628211ull;
	}
	return h ^ (h >> 29);
}

/* Grows *arr (elements of size elem) to hold at least need elements. */
static akh_status
grow(const akh_env *env, void **arr, size_t elem, size_t *cap, size_t need)
{
	size_t		ncap;
	void	   *p;

	if (need <= *cap)
		return AKH_OK;
	ncap = *cap < 16 ? 16 : *cap;
	while (ncap < need)
		ncap *= 2;
	if (ncap > SIZE_MAX / elem)
		return AKH_ETOOBIG;
	p = *arr == NULL ? env->alloc(env->ctx, ncap * elem) : env->realloc(env->ctx, *arr, ncap * elem);
	if (p == NULL)
		return AKH_ENOMEM;
	*arr = p;
	*cap = ncap;
	return AKH_OK;
}

/* The child of parent by word w, whose hash_word(parent, w) is h; 0 when there is none. */
static uint32_t
child_of_hashed(const akh_gazetteer *g, uint32_t parent, const char *w, size_t len, uint64_t h)
{
	size_t		mask = g->capedges - 1;

	for (size_t i = (size_t) h & mask;; i = (i + 1) & mask)
	{
		const gaz_edge *e = &g->edges[i];

		if (e->child == 0)
			return 0;
		if (e->hash == h && e->parent == parent && e->word_len == len &&
			memcmp(g->words.data + e->word_off, w, len) == 0)
			return e->child;
	}
}

static uint32_t
child_of(const akh_gazetteer *g, uint32_t parent, const char *w, size_t len)
{
	return child_of_hashed(g, parent, w, len, hash_word(parent, w, len));
}

static akh_status
new_node(akh_gazetteer *g, uint32_t *out)
{
	akh_status	st = grow(&g->env, (void **) &g->nodes, sizeof(gaz_node), &g->capnodes, g->nnodes + 1);

	if (st != AKH_OK)
		return st;
	g->nodes[g->nnodes].entity = AKH_NO_ENTITY;
	g->nodes[g->nnodes].flags = 0;
	g->nodes[g->nnodes].caps = AKH_CAPS_ALL;
	*out = (uint32_t) g->nnodes++;
	return AKH_OK;
}

static akh_status
rehash(akh_gazetteer *g)
{
	size_t		ncap = g->capedges * 2;
	gaz_edge   *old = g->edges;
	size_t		oldcap = g->capedges;
	gaz_edge   *e = g->env.alloc(g->env.ctx, ncap * sizeof(gaz_edge));

	if (e == NULL)
		return AKH_ENOMEM;
	memset(e, 0, ncap * sizeof(gaz_edge));
	for (size_t i = 0; i < oldcap; i++)
	{
		size_t		j;

		if (old[i].child == 0)
			continue;
		for (j = (size_t) old[i].hash & (ncap - 1); e[j].child != 0; j = (j + 1) & (ncap - 1))
			;
		e[j] = old[i];
	}
	g->env.free(g->env.ctx, old);
	g->edges = e;
	g->capedges = ncap;
	return AKH_OK;
}

/* The filter bit of a word (from its hash under the root, which pass 1 needs anyway). */
static inline size_t
filter_bit(uint64_t root_hash)
{
	return (size_t) (root_hash >> 32) & (FILTER_BITS - 1);
}

static inline bool
may_begin(const akh_gazetteer *g, uint64_t root_hash)
{
	size_t		b = filter_bit(root_hash);

	return (g->first_words[b >> 6] >> (b & 63)) & 1;
}

static akh_status
child_or_new(akh_gazetteer *g, uint32_t parent, const char *w, size_t len, uint32_t *out)
{
	uint64_t	h;
	size_t		i;
	akh_status	st;
	gaz_edge   *e;

	if (parent == 0 || parent == NAME_WORDS_PARENT)
	{
		size_t		b = filter_bit(hash_word(0, w, len));

		g->first_words[b >> 6] |= (uint64_t) 1 << (b & 63);
	}
	if ((*out = child_of(g, parent, w, len)) != 0)
		return AKH_OK;
	if (2 * (g->nedges + 1) > g->capedges && (st = rehash(g)) != AKH_OK)
		return st;
	if (g->words.len + len > UINT32_MAX)
		return AKH_ETOOBIG;
	if ((st = new_node(g, out)) != AKH_OK)
		return st;
	h = hash_word(parent, w, len);
	for (i = (size_t) h & (g->capedges - 1); g->edges[i].child != 0; i = (i + 1) & (g->capedges - 1))
		;
	e = &g->edges[i];
	e->hash = h;
	e->parent = parent;
	e->child = *out;
	e->word_off = (uint32_t) g->words.len;
	e->word_len = (uint32_t) len;
	g->nedges++;
	return akh_buf_append(&g->words, w, len);
}

/* The index of a role name, added when new; -1 when the table is full. */
static int
role_index(akh_gazetteer *g, const char *role, size_t len)
{
	for (size_t r = 0; r < g->nrole_names; r++)
		if (strlen(g->role_names[r]) == len && memcmp(g->role_names[r], role, len) == 0)
			return (int) r;
	return -1;
}

/* Tokenizes the office phrases once. */
static akh_status
build_phrases(akh_gazetteer *g)
{
	for (size_t p = 0; p < NROLE_PHRASES; p++)
	{
		const pair_src *src = &role_phrase_srcs[p];
		int			r = role_index(g, src->key, strlen(src->key));
		role_phrase *rp = &g->phrases[g->nphrases];
		akh_tokens	t;
		akh_status	st;

		if (r < 0)
		{
			if (g->nrole_names == MAX_ROLES)
				continue;
			r = (int) g->nrole_names;
			g->role_names[g->nrole_names++] = src->key;
		}
		akh_tokens_init(&t, &g->env);
		if ((st = akh_tokenize(g->f, src->text, strlen(src->text), &t)) != AKH_OK)
		{
			akh_tokens_free(&t);
			return st;
		}
		if (t.n > 0 && t.n <= MAX_PHRASE_WORDS)
		{
			rp->role = (uint8_t) r;
			rp->nwords = (uint8_t) t.n;
			for (size_t k = 0; k < t.n && st == AKH_OK; k++)
			{
				rp->word_off[k] = (uint32_t) g->phrase_words.len;
				rp->word_len[k] = (uint32_t) t.tok[k].fold_len;
				st = akh_buf_append(&g->phrase_words, akh_token_folded(&t, &t.tok[k]), t.tok[k].fold_len);
			}
			g->nphrases++;
		}
		akh_tokens_free(&t);
		if (st != AKH_OK)
			return st;
	}
	return AKH_OK;
}

static int
ctx_cmp(const void *a, const void *b, const char *base)
{
	const ctx_word *x = a;
	const ctx_word *y = b;
	int			c = memcmp(base + x->off, base + y->off, x->len < y->len ? x->len : y->len);

	return c != 0 ? c : (x->len < y->len ? -1 : x->len > y->len);
}

/* The kinds of the folded word w, 0 when it is no context word. */
static size_t
ctx_bit(const char *w, size_t len)
{
	return (size_t) (hash_word(0, w, len) >> 40) & (CTX_FILTER_BITS - 1);
}

static uint8_t
ctx_kinds(const akh_gazetteer *g, const char *w, size_t len)
{
	size_t		lo = 0;
	size_t		hi = g->nctx;
	size_t		b = ctx_bit(w, len);

	if (!((g->ctx_filter[b / 64] >> (b % 64)) & 1))
		return 0;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;
		const ctx_word *c = &g->ctx[mid];
		int			d = memcmp(w, g->phrase_words.data + c->off, len < c->len ? len : c->len);

		if (d == 0)
			d = len < c->len ? -1 : len > c->len;
		if (d == 0)
			return c->kinds;
		if (d < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* Folds the context words once, sorted for binary search (insertion sort: a few hundred). */
static akh_status
build_context(akh_gazetteer *g)
{
	for (size_t c = 0; c < NCONTEXT_SRCS; c++)
	{
		const char *k = context_srcs[c].key;
		uint8_t		kind = strcmp(k, "title") == 0 ? CTX_TITLE : strcmp(k, "org_head") == 0 ? CTX_ORG_HEAD :
			strcmp(k, "link") == 0 ? CTX_LINK : strcmp(k, "stop") == 0 ? CTX_STOP : 0;
		akh_tokens	t;
		akh_status	st;

		akh_tokens_init(&t, &g->env);
		if ((st = akh_tokenize(g->f, context_srcs[c].text, strlen(context_srcs[c].text), &t)) != AKH_OK)
		{
			akh_tokens_free(&t);
			return st;
		}
		/* "porte-parole" gives two words, each a title. */
		for (size_t w = 0; w < t.n && g->nctx < NCONTEXT_SRCS * 2 && st == AKH_OK; w++)
		{
			ctx_word	x = {(uint32_t) g->phrase_words.len, (uint32_t) t.tok[w].fold_len, kind};
			size_t		pos = g->nctx;

			size_t		b = ctx_bit(akh_token_folded(&t, &t.tok[w]), t.tok[w].fold_len);

			g->ctx_filter[b / 64] |= (uint64_t) 1 << (b % 64);
			st = akh_buf_append(&g->phrase_words, akh_token_folded(&t, &t.tok[w]), t.tok[w].fold_len);
			while (st == AKH_OK && pos > 0 && ctx_cmp(&g->ctx[pos - 1], &x, g->phrase_words.data) > 0)
				pos--;
			if (st != AKH_OK)
				break;
			if (pos > 0 && ctx_cmp(&g->ctx[pos - 1], &x, g->phrase_words.data) == 0)
			{
				g->ctx[pos - 1].kinds |= kind;
				continue;
			}
			memmove(&g->ctx[pos + 1], &g->ctx[pos], (g->nctx - pos) * sizeof(ctx_word));
			g->ctx[pos] = x;
			g->nctx++;
		}
		akh_tokens_free(&t);
		if (st != AKH_OK)
			return st;
	}
	return AKH_OK;
}

akh_status
akh_gaz_new(const akh_folder *f, const akh_env *env, akh_gazetteer **out)
{
	akh_gazetteer *g = env->alloc(env->ctx, sizeof(akh_gazetteer));
	uint32_t	root;
	akh_status	st;

	*out = NULL;
	if (g == NULL)
		return AKH_ENOMEM;
	memset(g, 0, sizeof(*g));
	g->env = *env;
	g->f = f;
	akh_buf_init(&g->words, &g->env);
	akh_buf_init(&g->names, &g->env);
	g->capedges = 1024;
	g->edges = env->alloc(env->ctx, g->capedges * sizeof(gaz_edge));
	g->first_words = env->alloc(env->ctx, FILTER_BITS / 8);
	if (g->edges == NULL || g->first_words == NULL)
	{
		akh_gaz_free(g);
		return AKH_ENOMEM;
	}
	memset(g->edges, 0, g->capedges * sizeof(gaz_edge));
	memset(g->first_words, 0, FILTER_BITS / 8);
	akh_buf_init(&g->phrase_words, &g->env);
	if ((st = new_node(g, &root)) != AKH_OK || (st = build_phrases(g)) != AKH_OK ||
		(st = build_context(g)) != AKH_OK)
	{
		akh_gaz_free(g);
		return st;
	}
	*out = g;
	return AKH_OK;
}

void
akh_gaz_free(akh_gazetteer *g)
{
	akh_env		env;

	if (g == NULL)
		return;
	env = g->env;
	if (g->nodes != NULL)
		env.free(env.ctx, g->nodes);
	if (g->edges != NULL)
		env.free(env.ctx, g->edges);
	if (g->first_words != NULL)
		env.free(env.ctx, g->first_words);
	if (g->ents != NULL)
		env.free(env.ctx, g->ents);
	if (g->roles != NULL)
		env.free(env.ctx, g->roles);
	akh_buf_free(&g->words);
	akh_buf_free(&g->names);
	akh_buf_free(&g->phrase_words);
	env.free(env.ctx, g);
}

akh_status
akh_gaz_add_entity(akh_gazetteer *g, int64_t id, akh_kind kind, const char *name,
				   size_t name_len, const char *country, uint32_t *index)
{
	akh_status	st = grow(&g->env, (void **) &g->ents, sizeof(gaz_entity), &g->capents, g->nents + 1);
	gaz_entity *e;

	if (st != AKH_OK)
		return st;
	if (g->names.len + name_len > UINT32_MAX || g->nents >= AKH_NO_ENTITY)
		return AKH_ETOOBIG;
	e = &g->ents[g->nents];
	e->id = id;
	e->kind = kind;
	e->country[0] = country != NULL && strlen(country) == 2 ? country[0] : 0;
	e->country[1] = country != NULL && strlen(country) == 2 ? country[1] : 0;
	e->has_adjective = false;
	e->name_off = (uint32_t) g->names.len;
	e->name_len = (uint32_t) name_len;
	if ((st = akh_buf_append(&g->names, name, name_len)) != AKH_OK)
		return st;
	*index = (uint32_t) g->nents++;
	return AKH_OK;
}

static bool
starts_with(const char *w, size_t len, const char *prefix)
{
	size_t		pl = strlen(prefix);

	return len >= pl && memcmp(w, prefix, pl) == 0;
}

/* Bytes of the Arabic article at the start of w, when two letters or more remain after it. */
static size_t
article_len(const char *w, size_t len)
{
	return starts_with(w, len, AR_ALEF AR_LAM) && len >= 4 * AR_LETTER_BYTES ? 2 * AR_LETTER_BYTES : 0;
}

akh_status
akh_gaz_add_alias(akh_gazetteer *g, uint32_t index, const char *alias, size_t alias_len,
				  bool adjective)
{
	akh_tokens	t;
	uint32_t	node = 0;
	akh_status	st;
	uint8_t		caps = AKH_CAPS_ALL;
	bool		article = false;
	gaz_node   *nd;

	if (index >= g->nents)
		return AKH_ETOOBIG;
	if (adjective)
		g->ents[index].has_adjective = true;
	akh_tokens_init(&t, &g->env);
	if ((st = akh_tokenize(g->f, alias, alias_len, &t)) != AKH_OK || t.n == 0 ||
		(t.n == 1 && t.tok[0].script == AKH_SCRIPT_ARABIC &&
		 akh_stop_word_ar(akh_token_folded(&t, &t.tok[0]), t.tok[0].fold_len)))
	{
		akh_tokens_free(&t);
		return st;				/* an alias without words, or a function word (kan, the
								 * Arabic name of Cannes, is "was"), matches nothing */
	}
	for (size_t i = 0; i < t.n && st == AKH_OK; i++)
	{
		const char *w = akh_token_folded(&t, &t.tok[i]);
		size_t		len = t.tok[i].fold_len;

		if (i == 0 && t.tok[i].script == AKH_SCRIPT_ARABIC)
		{
			size_t		a = article_len(w, len);

			w += a;
			len -= a;
			article = a > 0;
		}
		if (t.tok[i].script == AKH_SCRIPT_LATIN && t.tok[i].caps < caps)
			caps = t.tok[i].caps;
		if (t.tok[i].script != AKH_SCRIPT_LATIN && caps == AKH_CAPS_ALL)
			caps = AKH_CAPS_NONE;	/* mixed or non-Latin aliases carry no case constraint */
		st = child_or_new(g, node, w, len, &node);
	}
	/* The words of names are never stemmed by the text search parser. */
	for (size_t i = 0; i < t.n && st == AKH_OK && !adjective; i++)
	{
		const char *w = akh_token_folded(&t, &t.tok[i]);
		size_t		len = t.tok[i].fold_len;
		size_t		a = t.tok[i].script == AKH_SCRIPT_ARABIC ? article_len(w, len) : 0;
		uint32_t	dummy;

		if (t.tok[i].char_len >= NAME_WORD_MIN_CHARS)
			st = child_or_new(g, NAME_WORDS_PARENT, w + a, len - a, &dummy);
	}
	/* A one-word alias in capitals is an acronym; longer ones only need capital initials. */
	if (caps == AKH_CAPS_ALL && t.n > 1)
		caps = AKH_CAPS_FIRST;
	akh_tokens_free(&t);
	if (st != AKH_OK)
		return st;
	nd = &g->nodes[node];
	if (nd->entity != AKH_NO_ENTITY && nd->entity != index)
		nd->flags |= NODE_AMBIGUOUS;
	nd->entity = index;
	nd->flags |= adjective ? NODE_ADJ : NODE_NAME;
	if (!article)
		nd->flags |= NODE_BARE_OK;
	if (caps < nd->caps)
		nd->caps = caps;
	return AKH_OK;
}

/* The year written at p (digits before end), 0 when there is none. */
static int
parse_year(const char *p, const char *end)
{
	int			y = 0;

	for (int k = 0; p < end && k < 4 && *p >= '0' && *p <= '9'; p++, k++)
		y = y * 10 + (*p - '0');
	return y;
}

akh_status
akh_gaz_add_roles(akh_gazetteer *g, uint32_t index, const char *roles, size_t len)
{
	size_t		i = 0;

	if (index >= g->nents)
		return AKH_ETOOBIG;
	while (i < len)
	{
		/* role:CC:from-to, items separated by ';' */
		size_t		end = i;
		const char *item = roles + i;
		const char *c1;
		const char *c2;
		int			r;
		gaz_role   *x;
		akh_status	st;

		while (end < len && roles[end] != ';')
			end++;
		c1 = memchr(item, ':', end - i);
		c2 = c1 != NULL ? memchr(c1 + 1, ':', (size_t) (roles + end - c1 - 1)) : NULL;
		i = end + 1;
		if (c1 == NULL || c2 == NULL || c2 - c1 != 3 ||
			(r = role_index(g, item, (size_t) (c1 - item))) < 0)
			continue;			/* international offices and unknown roles resolve nothing */
		if ((st = grow(&g->env, (void **) &g->roles, sizeof(gaz_role), &g->caproles, g->nroles + 1)) != AKH_OK)
			return st;
		x = &g->roles[g->nroles++];
		x->person = index;
		x->role = (uint8_t) r;
		x->country[0] = c1[1];
		x->country[1] = c1[2];
		x->from = (int16_t) parse_year(c2 + 1, roles + end);
		{
			const char *dash = memchr(c2 + 1, '-', (size_t) (roles + end - c2 - 1));

			x->to = dash != NULL ? (int16_t) parse_year(dash + 1, roles + end) : 0;
		}
	}
	return AKH_OK;
}

size_t
akh_gaz_entity_count(const akh_gazetteer *g)
{
	return g->nents;
}

int64_t
akh_gaz_entity_id(const akh_gazetteer *g, uint32_t index)
{
	return g->ents[index].id;
}

akh_kind
akh_gaz_entity_kind(const akh_gazetteer *g, uint32_t index)
{
	return g->ents[index].kind;
}

const char *
akh_gaz_entity_country(const akh_gazetteer *g, uint32_t index)
{
	return g->ents[index].country[0] != 0 ? g->ents[index].country : NULL;
}

bool
akh_gaz_entity_is_region(const akh_gazetteer *g, uint32_t index)
{
	return g->ents[index].has_adjective;
}

const char *
akh_gaz_entity_name(const akh_gazetteer *g, uint32_t index, size_t *len)
{
	*len = g->ents[index].name_len;
	return g->names.data + g->ents[index].name_off;
}

size_t
akh_gaz_memory(const akh_gazetteer *g)
{
	return sizeof(*g) + FILTER_BITS / 8 + g->capnodes * sizeof(gaz_node) + g->capedges * sizeof(gaz_edge) +
		g->capents * sizeof(gaz_entity) + g->words.cap + g->names.cap;
}

void
akh_mentions_init(akh_mentions *m, const akh_env *env)
{
	m->m = NULL;
	m->n = m->cap = 0;
	m->env = env;
}

void
akh_mentions_free(akh_mentions *m)
{
	if (m->m != NULL)
		m->env->free(m->env->ctx, m->m);
	m->m = NULL;
	m->n = m->cap = 0;
}

static akh_status
push_mention(akh_mentions *m, const akh_mention *x)
{
	akh_status	st = grow(m->env, (void **) &m->m, sizeof(akh_mention), &m->cap, m->n + 1);

	if (st == AKH_OK)
		m->m[m->n++] = *x;
	return st;
}

/* A form of the first word of a match: where its key starts, and how many clitics it drops. */
typedef struct variant
{
	size_t		off;			/* bytes of the folded word skipped (clitics and article) */
	size_t		clitics;		/* clitic letters stripped (the surface starts after them) */
	bool		article;		/* the word had the article (stripped from the key) */
} variant;

#define MAX_VARIANTS 8

static void
add_variant(variant *v, int *nv, const char *w, size_t len, size_t off, size_t clitics,
			bool elided_article)
{
	size_t		a;

	/* Clitics must leave a word of two letters or more. */
	if (clitics > 0 && len - off < 2 * AR_LETTER_BYTES)
		return;
	a = article_len(w + off, len - off);
	off += a;
	for (int i = 0; i < *nv; i++)
		if (v[i].off == off)
			return;
	v[*nv].off = off;
	v[*nv].clitics = clitics;
	v[*nv].article = a > 0 || elided_article;
	(*nv)++;
}

/* The forms under which the word w may begin a name, fewest strips first. */
static int
word_variants(const akh_token *tok, const char *w, size_t len, variant *v)
{
	akh_ar_split sp[AKH_AR_MAX_SPLITS];
	int			nv = 0;
	int			ns;

	add_variant(v, &nv, w, len, 0, 0, false);
	if (tok->script != AKH_SCRIPT_ARABIC)
		return nv;
	/* A name keeps its article (add_variant skips it): only clitics are readings here. */
	ns = akh_ar_splits(w, len, sp);
	for (int i = 1; i < ns; i++)
		if (sp[i].article != AKH_AR_ARTICLE)
			add_variant(v, &nv, w, len, sp[i].off, sp[i].clitics, sp[i].article == AKH_AR_ELIDED);
	return nv;
}

/* Bytes and code points of the first `letters` letters of a word (and the marks after them). */
static void
skip_letters(const akh_folder *f, const char *s, const akh_token *tok, size_t letters,
			 size_t *bytes, size_t *chars)
{
	const unsigned char *p = (const unsigned char *) s + tok->byte_start;
	size_t		i = 0;
	size_t		c = 0;
	size_t		seen = 0;

	while (i < tok->byte_len)
	{
		uint32_t	cp;
		int			l = akh_utf8_decode(p + i, tok->byte_len - i, &cp);

		if (l == 0)
			break;
		if (akh_folder_script(f, cp) != AKH_SCRIPT_NONE)
		{
			if (seen == letters)
				break;
			seen++;
		}
		i += (size_t) l;
		c++;
	}
	*bytes = i;
	*chars = c;
}

bool
akh_gaz_name_word(const akh_gazetteer *g, const char *s, const akh_tokens *t, size_t k,
				  size_t *key_byte_start)
{
	const akh_token *tok = &t->tok[k];
	const char *w = akh_token_folded(t, tok);
	variant		v[MAX_VARIANTS];
	int			nv;

	if (tok->char_len < NAME_WORD_MIN_CHARS ||
		(tok->script == AKH_SCRIPT_LATIN && tok->caps == AKH_CAPS_NONE))
		return false;
	nv = word_variants(tok, w, tok->fold_len, v);
	for (int i = 0; i < nv; i++)
	{
		if (may_begin(g, hash_word(0, w + v[i].off, tok->fold_len - v[i].off)) &&
			child_of(g, NAME_WORDS_PARENT, w + v[i].off, tok->fold_len - v[i].off) != 0)
		{
			size_t		bytes = 0;
			size_t		chars = 0;

			if (v[i].off > 0)
				skip_letters(g->f, s, tok, v[i].off / AR_LETTER_BYTES, &bytes, &chars);
			*key_byte_start = tok->byte_start + bytes;
			return true;
		}
	}
	return false;
}

static bool
caps_ok(const akh_tokens *t, size_t first, size_t ntok, uint8_t need)
{
	if (need == AKH_CAPS_NONE)
		return true;
	for (size_t k = first; k < first + ntok; k++)
	{
		if (t->tok[k].script != AKH_SCRIPT_LATIN)
			continue;
		if (t->tok[k].caps < need)
			return false;
		if (need == AKH_CAPS_FIRST)
			break;				/* only the first Latin word needs its capital */
	}
	return true;
}

/* A short name of a person, valid in one text. */
typedef struct short_name
{
	const char *w;
	size_t		len;
	uint32_t	entity;			/* AKH_NO_ENTITY when two people share it */
} short_name;

typedef struct short_names
{
	short_name *s;
	size_t		n;
	size_t		cap;
} short_names;

static short_name *
short_find(short_names *sn, const char *w, size_t len)
{
	for (size_t i = 0; i < sn->n; i++)
		if (sn->s[i].len == len && memcmp(sn->s[i].w, w, len) == 0)
			return &sn->s[i];
	return NULL;
}

static akh_status
short_add(const akh_env *env, short_names *sn, const char *w, size_t len, uint32_t entity)
{
	short_name *x = short_find(sn, w, len);
	akh_status	st;

	if (x != NULL)
	{
		if (x->entity != entity)
			x->entity = AKH_NO_ENTITY;
		return AKH_OK;
	}
	if ((st = grow(env, (void **) &sn->s, sizeof(short_name), &sn->cap, sn->n + 1)) != AKH_OK)
		return st;
	sn->s[sn->n].w = w;
	sn->s[sn->n].len = len;
	sn->s[sn->n].entity = entity;
	sn->n++;
	return AKH_OK;
}

static akh_status
emit(const akh_gazetteer *g, const char *s, const akh_tokens *t, size_t first, size_t ntok,
	 size_t clitics, size_t key_letters, uint32_t entity, akh_kind kind, akh_mentions *out)
{
	const akh_token *a = &t->tok[first];
	const akh_token *z = &t->tok[first + ntok - 1];
	akh_mention m;
	size_t		skip_bytes = 0;
	size_t		skip_chars = 0;

	if (key_letters > 0)
	{
		skip_letters(g->f, s, a, key_letters, &skip_bytes, &skip_chars);
		m.key_byte_start = a->byte_start + skip_bytes;
	}
	else
		m.key_byte_start = a->byte_start;
	skip_bytes = skip_chars = 0;
	if (clitics > 0)
		skip_letters(g->f, s, a, clitics, &skip_bytes, &skip_chars);
	m.entity = entity;
	m.kind = kind;
	m.adjective = false;
	m.byte_start = a->byte_start + skip_bytes;
	m.byte_len = z->byte_start + z->byte_len - m.byte_start;
	m.char_start = a->char_start + skip_chars;
	m.char_len = z->char_start + z->char_len - m.char_start;
	return push_mention(out, &m);
}

/* The context kinds of word k of the text, as written or without a leading w or f. */
static uint8_t
word_kinds(const akh_gazetteer *g, const akh_tokens *t, size_t k)
{
	const akh_token *tok = &t->tok[k];
	const char *w = akh_token_folded(t, tok);
	uint8_t		kinds = ctx_kinds(g, w, tok->fold_len);

	if (kinds == 0 && tok->script == AKH_SCRIPT_ARABIC && tok->fold_len > 2 * AR_LETTER_BYTES &&
		(starts_with(w, tok->fold_len, AR_WAW) || starts_with(w, tok->fold_len, AR_FEH)))
		kinds = ctx_kinds(g, w + AR_LETTER_BYTES, tok->fold_len - AR_LETTER_BYTES);
	return kinds;
}

/* A title among the words before first, in the same sentence. */
static bool
title_before(const akh_gazetteer *g, const akh_tokens *t, size_t first)
{
	for (size_t k = first; k > 0 && first - k < TITLE_WINDOW; k--)
	{
		if (t->tok[k].sentence_start)
			return false;
		if (word_kinds(g, t, k - 1) & CTX_TITLE)
			return true;
	}
	return false;
}

/* An Arabic word with the article (al, wal, bal ...): a noun or adjective, not a name. */
static bool
has_article(const akh_tokens *t, size_t k)
{
	const akh_token *tok = &t->tok[k];
	variant		v[MAX_VARIANTS];
	int			nv = word_variants(tok, akh_token_folded(t, tok), tok->fold_len, v);

	for (int i = 0; i < nv; i++)
		if (v[i].article)
			return true;
	return false;
}

/* Length of a run of capitalized Latin words from i that no alias covers and that are not titles. */
static size_t
capitalized_run(const akh_gazetteer *g, const akh_tokens *t, const uint32_t *owner, size_t i,
				size_t max)
{
	size_t		j = i;

	while (j < t->n && j - i < max && owner[j] == TOK_FREE &&
		   t->tok[j].script == AKH_SCRIPT_LATIN && t->tok[j].caps == AKH_CAPS_FIRST &&
		   !(word_kinds(g, t, j) & CTX_TITLE) &&
		   (j == i || (!t->tok[j].sentence_start && !t->tok[j].comma_before)))
		j++;
	return j - i;
}

/*
 * An Arabic name after the title at word i: the title's complements (covered words, words with
 * the article, links such as fy or basm) are skipped, then two or three bare words that are
 * neither function words nor titles, ended by punctuation, a function word or a known entity:
 * "alsfyr alrwsy fy alqahra jywrjy bwrysynkw in". Returns the name's length, its start in *first.
 */
static size_t
arabic_name_after_title(const akh_gazetteer *g, const akh_tokens *t, const uint32_t *owner,
						size_t i, size_t *first)
{
	size_t		k = i + 1;
	size_t		r;

	while (k < t->n && k - i <= 5 && !t->tok[k].sentence_start &&
		   (owner[k] != TOK_FREE || has_article(t, k) || (word_kinds(g, t, k) & CTX_LINK)))
	{
		/* The title already has its person: "walr'ys shy jyn byngh". */
		if (owner[k] < TOK_TAKEN && g->ents[owner[k]].kind == AKH_KIND_PERSON)
			return 0;
		k++;
	}
	for (r = k; r < t->n && r - k < 3; r++)
	{
		if (owner[r] != TOK_FREE || t->tok[r].script != AKH_SCRIPT_ARABIC || has_article(t, r) ||
			(word_kinds(g, t, r) & (CTX_STOP | CTX_TITLE | CTX_LINK | CTX_ORG_HEAD)) ||
			(r > k && (t->tok[r].sentence_start || t->tok[r].comma_before)))
			break;
	}
	if (r - k < UNKNOWN_MIN_WORDS)
		return 0;
	/* What follows must end the name. */
	if (r < t->n && !t->tok[r].sentence_start && !t->tok[r].comma_before &&
		owner[r] == TOK_FREE && !(word_kinds(g, t, r) & CTX_STOP))
		return 0;
	*first = k;
	return r - k;
}

/* An Arabic organization: a bare head word (hzb, mnzma) and one to three words with the article. */
static size_t
arabic_org(const akh_gazetteer *g, const akh_tokens *t, const uint32_t *owner, size_t i)
{
	size_t		r = i + 1;

	if (!(word_kinds(g, t, i) & CTX_ORG_HEAD) || has_article(t, i))
		return 0;
	while (r < t->n && r - i <= 3 && owner[r] == TOK_FREE && t->tok[r].script == AKH_SCRIPT_ARABIC &&
		   has_article(t, r) && !t->tok[r].sentence_start && !t->tok[r].comma_before)
		r++;
	return r - i >= 2 ? r - i : 0;
}

/* Pass 3: people and organizations the gazetteer does not know, from their context. */
static akh_status
unknown_names(const akh_gazetteer *g, const char *s, const akh_tokens *t, uint32_t *owner,
			  akh_mentions *out)
{
	for (size_t i = 0; i < t->n; i++)
	{
		const akh_token *tok = &t->tok[i];
		size_t		first = i;
		size_t		len = 0;
		akh_kind	kind = AKH_KIND_PERSON;
		akh_status	st;

		if (owner[i] != TOK_FREE)
			continue;
		if (tok->script == AKH_SCRIPT_LATIN)
		{
			size_t		run;

			/* Cheap tests first: most words are followed by no capitalized word. */
			if (i + 1 < t->n && t->tok[i + 1].caps == AKH_CAPS_FIRST &&
				!t->tok[i + 1].comma_before && !t->tok[i + 1].sentence_start &&
				(word_kinds(g, t, i) & CTX_ORG_HEAD) &&
				(run = capitalized_run(g, t, owner, i + 1, 3)) >= 1)
			{
				len = run + 1;
				kind = AKH_KIND_ORG;
			}
			else if ((run = capitalized_run(g, t, owner, i, UNKNOWN_MAX_WORDS + 1)) >= UNKNOWN_MIN_WORDS &&
					 run <= UNKNOWN_MAX_WORDS && title_before(g, t, i))
				len = run;
			else if (run > 0)
			{
				i += run - 1;
				continue;
			}
		}
		else if (tok->script == AKH_SCRIPT_ARABIC)
		{
			uint8_t		kinds = word_kinds(g, t, i);

			if (kinds & CTX_TITLE)
				len = arabic_name_after_title(g, t, owner, i, &first);
			else if ((kinds & CTX_ORG_HEAD) && (len = arabic_org(g, t, owner, i)) > 0)
				kind = AKH_KIND_ORG;
		}
		if (len == 0)
			continue;
		if ((st = emit(g, s, t, first, len, 0, 0, AKH_NO_ENTITY, kind, out)) != AKH_OK)
			return st;
		for (size_t k = first; k < first + len; k++)
			owner[k] = TOK_TAKEN;
		i = first + len - 1;
	}
	return AKH_OK;
}

static int
mention_cmp(const void *a, const void *b)
{
	const akh_mention *x = a;
	const akh_mention *y = b;

	return x->byte_start < y->byte_start ? -1 : x->byte_start > y->byte_start;
}

/* Country adjectives found in pass 1. */
typedef struct adj_span
{
	size_t		first;
	size_t		ntok;
	uint32_t	country;		/* entity index of the country */
} adj_span;

typedef struct adj_spans
{
	adj_span   *a;
	size_t		n;
	size_t		cap;
} adj_spans;

static akh_status
push_adj(const akh_env *env, adj_spans *as, size_t first, size_t ntok, uint32_t country)
{
	akh_status	st = grow(env, (void **) &as->a, sizeof(adj_span), &as->cap, as->n + 1);

	if (st == AKH_OK)
	{
		as->a[as->n].first = first;
		as->a[as->n].ntok = ntok;
		as->a[as->n].country = country;
		as->n++;
	}
	return st;
}

/* Word k of the text is word w of phrase p (the first word may carry w or f). */
static bool
phrase_word_at(const akh_gazetteer *g, const akh_tokens *t, size_t k, const role_phrase *p, int w)
{
	const char *x = akh_token_folded(t, &t->tok[k]);
	size_t		xl = t->tok[k].fold_len;
	const char *y = g->phrase_words.data + p->word_off[w];
	size_t		yl = p->word_len[w];

	if (xl == yl && memcmp(x, y, yl) == 0)
		return true;
	return w == 0 && xl == yl + AR_LETTER_BYTES &&
		(starts_with(x, xl, AR_WAW) || starts_with(x, xl, AR_FEH)) &&
		memcmp(x + AR_LETTER_BYTES, y, yl) == 0;
}

/* Words [first, first + n) of the text are the words [w0, w0 + n) of phrase p. */
static bool
phrase_at(const akh_gazetteer *g, const akh_tokens *t, size_t first, const role_phrase *p, int w0, int n)
{
	if (first + (size_t) n > t->n)
		return false;
	for (int w = 0; w < n; w++)
		if (!phrase_word_at(g, t, first + (size_t) w, p, w0 + w))
			return false;
	return true;
}

/*
 * Words [first, end) of the text, but the adjective's, belong to no other mention: a name
 * ("Premier League" after "the Russian") or another office may hold the phrase's words.
 */
static bool
office_words_free(const uint32_t *owner, size_t first, size_t end, const adj_span *adj)
{
	for (size_t k = first; k < end; k++)
		if ((k < adj->first || k >= adj->first + adj->ntok) && owner[k] != TOK_FREE)
			return false;
	return true;
}

/*
 * The one person who holds role r for country cc in year (0: now), or AKH_NO_ENTITY. In a year
 * when the office changed hands two people qualify, and the office resolves to nobody.
 */
static uint32_t
office_holder(const akh_gazetteer *g, uint8_t r, const char *cc, int year)
{
	uint32_t	found = AKH_NO_ENTITY;

	for (size_t k = 0; k < g->nroles; k++)
	{
		const gaz_role *x = &g->roles[k];

		if (x->role != r || x->country[0] != cc[0] || x->country[1] != cc[1])
			continue;
		if (year == 0 ? x->to != 0 : (x->from > year || (x->to != 0 && x->to < year)))
			continue;
		if (found != AKH_NO_ENTITY && found != x->person)
			return AKH_NO_ENTITY;
		found = x->person;
	}
	return found;
}

/*
 * For each country adjective, an office phrase before it (le président russe, wzyr alkharjya
 * alrwsy), around it (le ministre russe des Affaires étrangères) or after it (the Russian
 * foreign minister) names the holder of that office.
 */
static akh_status
resolve_offices(const akh_gazetteer *g, const char *s, const akh_tokens *t, uint32_t *owner,
				const adj_spans *adjs, int year, akh_mentions *out)
{
	for (size_t a = 0; a < adjs->n; a++)
	{
		const adj_span *adj = &adjs->a[a];
		const char *cc = g->ents[adj->country].country;
		size_t		best_first = 0;
		size_t		best_end = 0;
		const role_phrase *best = NULL;
		uint32_t	person;
		size_t		clitics;
		akh_status	st;

		if (cc[0] == 0)
			continue;
		for (size_t p = 0; p < g->nphrases; p++)
		{
			const role_phrase *rp = &g->phrases[p];
			size_t		nw = rp->nwords;
			size_t		adj_end = adj->first + adj->ntok;

			if (best != NULL && nw <= best->nwords)
				continue;
			if (adj->first >= nw && phrase_at(g, t, adj->first - nw, rp, 0, (int) nw) &&
				office_words_free(owner, adj->first - nw, adj_end, adj))
			{
				best = rp;
				best_first = adj->first - nw;
				best_end = adj_end;
			}
			else if (nw > 1 && adj->first >= 1 && phrase_at(g, t, adj->first - 1, rp, 0, 1) &&
					 phrase_at(g, t, adj_end, rp, 1, (int) nw - 1) &&
					 office_words_free(owner, adj->first - 1, adj_end + nw - 1, adj))
			{
				best = rp;
				best_first = adj->first - 1;
				best_end = adj_end + nw - 1;
			}
			else if (phrase_at(g, t, adj_end, rp, 0, (int) nw) &&
					 office_words_free(owner, adj->first, adj_end + nw, adj))
			{
				best = rp;
				best_first = adj->first;
				best_end = adj_end + nw;
			}
		}
		if (best == NULL || (person = office_holder(g, best->role, cc, year)) == AKH_NO_ENTITY)
			continue;
		/* The name right after the office ("le président russe, Vladimir Poutine") says it. */
		if ((best_end < t->n && owner[best_end] == person) ||
			(best_end + 1 < t->n && owner[best_end + 1] == person))
			continue;
		/* A w or f on the office's first word is not part of the surface. */
		clitics = best_first < adj->first && t->tok[best_first].fold_len > best->word_len[0] ? 1 : 0;
		if ((st = emit(g, s, t, best_first, best_end - best_first, clitics, clitics, person,
					   AKH_KIND_PERSON, out)) != AKH_OK)
			return st;
		for (size_t k = best_first; k < best_end; k++)
			owner[k] = person;
	}
	return AKH_OK;
}

akh_status
akh_gaz_extract(const akh_gazetteer *g, const char *s, size_t n, const akh_env *env,
				akh_mentions *out)
{
	akh_tokens	t;
	akh_status	st;

	akh_tokens_init(&t, env);
	if ((st = akh_tokenize(g->f, s, n, &t)) == AKH_OK)
		st = akh_gaz_extract_tokens_at(g, s, &t, 0, env, out);
	akh_tokens_free(&t);
	return st;
}

akh_status
akh_gaz_extract_tokens(const akh_gazetteer *g, const char *s, const akh_tokens *words,
					   const akh_env *env, akh_mentions *out)
{
	return akh_gaz_extract_tokens_at(g, s, words, 0, env, out);
}

akh_status
akh_gaz_extract_tokens_at(const akh_gazetteer *g, const char *s, const akh_tokens *words,
						  int year, const akh_env *env, akh_mentions *out)
{
	akh_tokens	t = *words;		/* a copy of the header, read only */
	short_names sn = {NULL, 0, 0};
	uint32_t   *owner = NULL;
	adj_spans	adjs = {NULL, 0, 0};
	akh_status	st = AKH_OK;
	size_t		i = 0;

	if (t.n > 0 && (owner = env->alloc(env->ctx, t.n * sizeof(uint32_t))) == NULL)
	{
		st = AKH_ENOMEM;
		goto done;
	}
	for (i = 0; i < t.n; i++)
		owner[i] = TOK_FREE;
	i = 0;

	/* Pass 1: the longest alias from each word. */
	while (i < t.n)
	{
		const akh_token *tok = &t.tok[i];
		const char *w = akh_token_folded(&t, tok);
		variant		v[MAX_VARIANTS];
		int			nv = word_variants(tok, w, tok->fold_len, v);
		size_t		best_len = 0;
		uint32_t	best_node = 0;
		size_t		best_clitics = 0;
		size_t		best_key = 0;

		if ((i & 1023) == 0 && env->tick != NULL)
			env->tick(env->ctx);
		for (int k = 0; k < nv; k++)
		{
			uint64_t	h0 = hash_word(0, w + v[k].off, tok->fold_len - v[k].off);
			uint32_t	node = may_begin(g, h0) ? child_of_hashed(g, 0, w + v[k].off, tok->fold_len - v[k].off, h0) : 0;
			size_t		j = i;

			while (node != 0)
			{
				const gaz_node *nd = &g->nodes[node];

				if (nd->entity != AKH_NO_ENTITY && j - i + 1 > best_len &&
					(v[k].article || (nd->flags & NODE_BARE_OK)) &&
					caps_ok(&t, i, j - i + 1, nd->caps))
				{
					best_len = j - i + 1;
					best_node = node;
					best_clitics = v[k].clitics;
					best_key = v[k].off / AR_LETTER_BYTES;	/* Arabic letters are two bytes */
				}
				if (++j >= t.n)
					break;
				node = child_of(g, node, akh_token_folded(&t, &t.tok[j]), t.tok[j].fold_len);
			}
		}
		if (best_len == 0)
		{
			i++;
			continue;
		}
		{
			const gaz_node *nd = &g->nodes[best_node];

			bool		named = (nd->flags & NODE_NAME) && !(nd->flags & NODE_AMBIGUOUS);

			for (size_t k = i; k < i + best_len; k++)
				owner[k] = named ? nd->entity : TOK_TAKEN;
			if (!named && (nd->flags & NODE_ADJ) && !(nd->flags & NODE_AMBIGUOUS) &&
				(st = push_adj(env, &adjs, i, best_len, nd->entity)) != AKH_OK)
				goto done;
			if (named)
			{
				akh_kind	kind = g->ents[nd->entity].kind;

				if ((st = emit(g, s, &t, i, best_len, best_clitics, best_key, nd->entity, kind, out)) != AKH_OK)
					goto done;
				if (kind == AKH_KIND_PERSON)
				{
					/* The surname, or the first name of a name like "Wang Yi". */
					const akh_token *last = &t.tok[i + best_len - 1];
					const akh_token *name = last->char_len >= SHORT_NAME_MIN_CHARS || best_len == 1
						? last : &t.tok[i];

					if (name->char_len >= SHORT_NAME_MIN_CHARS &&
						(st = short_add(env, &sn, akh_token_folded(&t, name), name->fold_len,
										nd->entity)) != AKH_OK)
						goto done;
				}
			}
		}
		i += best_len;
	}

	/* Offices next to country adjectives. */
	if (adjs.n > 0 && (st = resolve_offices(g, s, &t, owner, &adjs, year, out)) != AKH_OK)
		goto done;

	/* Pass 2: short mentions of the people found, among the words no alias covered. */
	for (i = 0; sn.n > 0 && i < t.n; i++)
	{
		const akh_token *tok = &t.tok[i];
		const char *w = akh_token_folded(&t, tok);
		variant		v[MAX_VARIANTS];
		int			nv;

		if (owner[i] != TOK_FREE || (tok->script == AKH_SCRIPT_LATIN && tok->caps == AKH_CAPS_NONE))
			continue;
		nv = word_variants(tok, w, tok->fold_len, v);
		for (int k = 0; k < nv; k++)
		{
			short_name *x = short_find(&sn, w + v[k].off, tok->fold_len - v[k].off);

			if (x != NULL && x->entity != AKH_NO_ENTITY)
			{
				if ((st = emit(g, s, &t, i, 1, v[k].clitics, v[k].off / AR_LETTER_BYTES, x->entity,
								AKH_KIND_PERSON, out)) != AKH_OK)
					goto done;
				/* Taken, so that no unknown name of pass 3 overlaps it. */
				owner[i] = x->entity;
				break;
			}
		}
	}
	/* Pass 3: unknown names. */
	if ((st = unknown_names(g, s, &t, owner, out)) != AKH_OK)
		goto done;

	/* Country adjectives that no office took, flagged. */
	for (size_t a = 0; a < adjs.n; a++)
	{
		const adj_span *adj = &adjs.a[a];

		if (owner[adj->first] != TOK_TAKEN)
			continue;
		if ((st = emit(g, s, &t, adj->first, adj->ntok, 0, 0, adj->country,
					   g->ents[adj->country].kind, out)) != AKH_OK)
			goto done;
		out->m[out->n - 1].adjective = true;
	}
	if (out->n > 1)
		qsort(out->m, out->n, sizeof(akh_mention), mention_cmp);

done:
	if (owner != NULL)
		env->free(env->ctx, owner);
	if (adjs.a != NULL)
		env->free(env->ctx, adjs.a);
	if (sn.s != NULL)
		env->free(env->ctx, sn.s);
	return st;
}
