/*
 * tsearch.c — text search that keeps names whole: the akhbar parser and dictionary templates
 * behind the configurations akhbar.arabic, akhbar.french and akhbar.news.
 *
 * The parser. PostgreSQL's default parser sees words one at a time; akhbar's sees the whole
 * document at once (prsstart gets it entire), so it runs the entity matcher first and knows
 * which words belong to a name. It returns:
 *   - Arabic and Latin words outside names (arword, latword): the stemming dictionaries;
 *   - words inside a gazetteer or unknown name (arname, latname): folded, never stemmed, so
 *     bwtyn stays bwtyn; clitics and the article before a name (w of wbkyn, bal of balsyn)
 *     are returned as blanks, so that bkyn, wbkyn, bbkyn give bkyn and alsyn, walsyn, balsyn,
 *     llsyn give syn. A word of a name standing alone (Poutine, lbwtyn, alwzara) is a name
 *     word too (Latin ones only with a capital);
 *   - after the last word of a gazetteer name, one extra token "entity_<id>": a lexeme that does
 *     not depend on the language or the spelling, what akhbar.entity_query() searches for;
 *     a country adjective (russe, aliyranya) gives its country's lexeme too, while its word is
 *     stemmed as any other;
 *   - numbers, and the text between words as blanks, so that ts_headline can rebuild the text.
 *
 * Token type ids follow the default parser's where its headline code gives them a meaning:
 * 12 is blank, and the entity token is 17, a type the headline generator skips, so that
 * ts_headline (pg_catalog.prsd_headline) shows the text as written.
 *
 * Because the parser reads akhbar.entity and akhbar.alias, an index on to_tsvector() built with
 * these configurations reflects the gazetteer at build time: after changing the gazetteer,
 * REINDEX, as after changing any dictionary.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/pg_list.h"
#include "tsearch/ts_public.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "akhbar_pg.h"
#include "gazetteer.h"
#include "stem_ar.h"
#include "stem_fr.h"

#define TT_ARWORD 1
#define TT_LATWORD 2
#define TT_ARNAME 3
#define TT_LATNAME 4
#define TT_BLANK 12
#define TT_ENTITY 17
#define TT_NUMBER 22

typedef struct ts_token
{
	int			type;
	char	   *text;
	int			len;
	int			word;			/* the engine's word whose folded form text has, or -1 */
} ts_token;

typedef struct parser_state
{
	ts_token   *tok;
	int			n;
	int			pos;
	akh_tokens	words;			/* the words with their folded forms */
} parser_state;

/*
 * The parse whose tokens the dictionaries are being given. PostgreSQL lexizes each token right
 * after the parser returns it, so the Arabic dictionary, handed the text of the token just
 * returned, takes its folded form from the parser instead of folding it again. A memory
 * context callback forgets the parse when its memory goes, even on error.
 */
static parser_state *active_parse = NULL;

static void
forget_parse(void *arg)
{
	if (active_parse == arg)
		active_parse = NULL;
}

/* The folded form of in[0..len) when it is the token the active parse returned last. */
static bool
parsed_fold(const char *in, int len, const char **folded, size_t *folded_len)
{
	const ts_token *last;
	const akh_token *w;

	if (active_parse == NULL || active_parse->pos == 0)
		return false;
	last = &active_parse->tok[active_parse->pos - 1];
	if (last->text != in || last->len != len || last->word < 0)
		return false;
	w = &active_parse->words.tok[last->word];
	*folded = akh_token_folded(&active_parse->words, w);
	*folded_len = w->fold_len;
	return true;
}

static void
push(parser_state *ps, int *cap, int type, char *text, int len, int word)
{
	if (len <= 0)
		return;
	if (ps->n == *cap)
	{
		*cap *= 2;
		ps->tok = repalloc_huge(ps->tok, (Size) *cap * sizeof(ts_token));
	}
	ps->tok[ps->n].type = type;
	ps->tok[ps->n].text = text;
	ps->tok[ps->n].len = len;
	ps->tok[ps->n].word = word;
	ps->n++;
}

PG_FUNCTION_INFO_V1(akhbar_prs_start);
Datum
akhbar_prs_start(PG_FUNCTION_ARGS)
{
	char	   *doc = (char *) PG_GETARG_POINTER(0);
	int			len = PG_GETARG_INT32(1);
	parser_state *ps = palloc0(sizeof(parser_state));
	const akh_gazetteer *g = akh_pg_gazetteer();
	akh_tokens *tp = &ps->words;
	akh_mentions m;
	MemoryContextCallback *cb = palloc(sizeof(MemoryContextCallback));
	size_t		mi = 0;
	size_t		prev_end = 0;
	int			cap = 64;

	ps->tok = palloc(cap * sizeof(ts_token));
	akh_tokens_init(tp, &akh_pg_env);
	akh_mentions_init(&m, &akh_pg_env);
	akh_pg_check(akh_tokenize(akh_pg_folder(), doc, (size_t) len, tp), "akhbar parser");
	akh_pg_check(akh_gaz_extract_tokens(g, doc, tp, &akh_pg_env, &m), "akhbar parser");
	for (size_t i = 0; i < tp->n; i++)
	{
		const akh_token *k = &tp->tok[i];
		size_t		end = k->byte_start + k->byte_len;
		size_t		key_start = k->byte_start;
		bool		in_name;
		int			type;

		/* Mentions are in text order and never overlap: advance past those that end before. */
		while (mi < m.n && m.m[mi].byte_start + m.m[mi].byte_len <= k->byte_start)
			mi++;
		in_name = mi < m.n && m.m[mi].byte_start < end && !m.m[mi].adjective;
		if (in_name && m.m[mi].byte_start >= k->byte_start)
			key_start = m.m[mi].key_byte_start;
		else if (!in_name && k->script != AKH_SCRIPT_NONE)
			in_name = akh_gaz_name_word(g, doc, tp, i, &key_start);
		if (k->script == AKH_SCRIPT_ARABIC)
			type = in_name ? TT_ARNAME : TT_ARWORD;
		else if (k->script == AKH_SCRIPT_NONE)
			type = TT_NUMBER;
		else
			type = in_name ? TT_LATNAME : TT_LATWORD;
		push(ps, &cap, TT_BLANK, doc + prev_end, (int) (k->byte_start - prev_end), -1);
		/* Clitics and article before a name: kept for headlines, not indexed. */
		push(ps, &cap, TT_BLANK, doc + k->byte_start, (int) (key_start - k->byte_start), -1);
		/* An Arabic word outside names: the dictionary may take its folded form from here. */
		push(ps, &cap, type, doc + key_start, (int) (end - key_start),
			 type == TT_ARWORD && key_start == k->byte_start ? (int) i : -1);
		prev_end = end;
		/* After a gazetteer name's last word, its language-independent lexeme. */
		if (mi < m.n && m.m[mi].byte_start < end && m.m[mi].entity != AKH_NO_ENTITY &&
			end >= m.m[mi].byte_start + m.m[mi].byte_len)
		{
			char	   *lex = psprintf("entity_" INT64_FORMAT, akh_gaz_entity_id(g, m.m[mi].entity));

			push(ps, &cap, TT_ENTITY, lex, (int) strlen(lex), -1);
		}
		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	push(ps, &cap, TT_BLANK, doc + prev_end, len - (int) prev_end, -1);
	akh_mentions_free(&m);
	cb->func = forget_parse;
	cb->arg = ps;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, cb);
	active_parse = ps;
	PG_RETURN_POINTER(ps);
}

PG_FUNCTION_INFO_V1(akhbar_prs_nexttoken);
Datum
akhbar_prs_nexttoken(PG_FUNCTION_ARGS)
{
	parser_state *ps = (parser_state *) PG_GETARG_POINTER(0);
	char	  **t = (char **) PG_GETARG_POINTER(1);
	int		   *tlen = (int *) PG_GETARG_POINTER(2);

	if (ps->pos >= ps->n)
		PG_RETURN_INT32(0);
	/* PostgreSQL's loop over the tokens (parser, then dictionaries) checks for none itself. */
	if ((ps->pos & 4095) == 0)
		CHECK_FOR_INTERRUPTS();
	*t = ps->tok[ps->pos].text;
	*tlen = ps->tok[ps->pos].len;
	PG_RETURN_INT32(ps->tok[ps->pos++].type);
}

PG_FUNCTION_INFO_V1(akhbar_prs_end);
Datum
akhbar_prs_end(PG_FUNCTION_ARGS)
{
	parser_state *ps = (parser_state *) PG_GETARG_POINTER(0);

	forget_parse(ps);
	akh_tokens_free(&ps->words);
	pfree(ps->tok);
	pfree(ps);					/* its callback compares pointers only */
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(akhbar_prs_lextype);
Datum
akhbar_prs_lextype(PG_FUNCTION_ARGS)
{
	static const struct
	{
		int			id;
		const char *alias;
		const char *descr;
	}			types[] = {
		{TT_ARWORD, "arword", "Arabic word"},
		{TT_LATWORD, "latword", "Latin-script word"},
		{TT_ARNAME, "arname", "Arabic word of a name"},
		{TT_LATNAME, "latname", "Latin-script word of a name"},
		{TT_BLANK, "blank", "Space symbols"},
		{TT_ENTITY, "entity", "Gazetteer entity"},
		{TT_NUMBER, "number", "Number"},
	};
	int			n = lengthof(types);
	LexDescr   *d = palloc((n + 1) * sizeof(LexDescr));

	for (int i = 0; i < n; i++)
	{
		d[i].lexid = types[i].id;
		d[i].alias = pstrdup(types[i].alias);
		d[i].descr = pstrdup(types[i].descr);
	}
	d[n].lexid = 0;
	PG_RETURN_POINTER(d);
}

/*
 * Dictionaries. Each takes a word and gives at most one lexeme; a stop word gives the empty
 * list (recognised, dropped), which is what PostgreSQL expects of a stop word.
 */
typedef enum dict_kind
{
	DICT_ARABIC,				/* fold, Arabic stop words, light10 stemmer */
	DICT_FRENCH,				/* elision, fold, French stop words, Savoy's light stemmer */
	DICT_FOLD					/* fold only */
} dict_kind;

static TSLexeme *
lexemes(akh_buf *buf, bool stop)
{
	TSLexeme   *res = palloc0(2 * sizeof(TSLexeme));

	if (!stop && buf->len > 0)
		res[0].lexeme = pnstrdup(buf->data, buf->len);
	return res;
}

static Datum
lexize(dict_kind kind, FunctionCallInfo fcinfo)
{
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int			len = PG_GETARG_INT32(2);
	const akh_folder *f = akh_pg_folder();
	akh_buf		buf;
	bool		stop = false;

	akh_buf_init(&buf, &akh_pg_env);
	switch (kind)
	{
		case DICT_ARABIC:
			{
				const char *folded;
				size_t		folded_len;

				if (parsed_fold(in, len, &folded, &folded_len))
					akh_pg_check(akh_lexeme_ar_folded(folded, folded_len, &buf, &stop),
								 "akhbar Arabic dictionary");
				else
					akh_pg_check(akh_lexeme_ar(f, in, (size_t) len, &buf, &stop),
								 "akhbar Arabic dictionary");
			}
			break;
		case DICT_FRENCH:
			akh_pg_check(akh_lexeme_fr(f, in, (size_t) len, &buf, &stop), "akhbar French dictionary");
			break;
		case DICT_FOLD:
			akh_pg_check(akh_fold(f, in, (size_t) len, &buf), "akhbar fold dictionary");
			break;
	}
	PG_RETURN_POINTER(lexemes(&buf, stop));
}

/* The templates take no options. */
PG_FUNCTION_INFO_V1(akhbar_dict_init);
Datum
akhbar_dict_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);

	if (options != NIL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("akhbar text search dictionaries take no options")));
	PG_RETURN_POINTER(NULL);
}

PG_FUNCTION_INFO_V1(akhbar_dict_arabic);
Datum
akhbar_dict_arabic(PG_FUNCTION_ARGS)
{
	return lexize(DICT_ARABIC, fcinfo);
}

PG_FUNCTION_INFO_V1(akhbar_dict_french);
Datum
akhbar_dict_french(PG_FUNCTION_ARGS)
{
	return lexize(DICT_FRENCH, fcinfo);
}

PG_FUNCTION_INFO_V1(akhbar_dict_fold);
Datum
akhbar_dict_fold(PG_FUNCTION_ARGS)
{
	return lexize(DICT_FOLD, fcinfo);
}
