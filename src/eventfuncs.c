/*
 * eventfuncs.c — akhbar.dates() and akhbar.events(): the PostgreSQL side of date and event
 * extraction. The trigger lexicon is built once per backend; the gazetteer is entities.c's.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/memutils.h"

#include "akhbar_pg.h"
#include "events.h"

static akh_event_lexicon *lexicon = NULL;

static void *
top_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended(TopMemoryContext, size, MCXT_ALLOC_HUGE);
}

static void *
top_realloc(void *ctx, void *ptr, size_t size)
{
	return repalloc_huge(ptr, size);
}

static void
top_free(void *ctx, void *ptr)
{
	pfree(ptr);
}

static const akh_env top_env = {top_alloc, top_realloc, top_free, NULL, NULL};

static const akh_event_lexicon *
event_lexicon(void)
{
	if (lexicon == NULL)
		akh_pg_check(akh_event_lexicon_new(akh_pg_folder(), &top_env, &lexicon), "akhbar.events");
	return lexicon;
}

/* The publication date argument: days since 2000-01-01, or AKH_NO_DATE (NULL, infinity). */
static int32
published_arg(FunctionCallInfo fcinfo, int n)
{
	DateADT		d;

	if (PG_ARGISNULL(n))
		return AKH_NO_DATE;
	d = PG_GETARG_DATEADT(n);
	return DATE_NOT_FINITE(d) ? AKH_NO_DATE : d;
}

/*
 * Sets up the result of a RETURNS TABLE function. With the row type PostgreSQL expects (always
 * there in FROM), not one built from the catalogs at every call: that one would be built in
 * per-query memory, row after row, and a query over a million rows would grow by hundreds of
 * megabytes (scripts/memory.sh).
 */
static void
init_result(FunctionCallInfo fcinfo)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, rsinfo != NULL && rsinfo->expectedDesc != NULL ?
						MAT_SRF_USE_EXPECTED_DESC : 0);
}

/* The words, dates and (for events) mentions of the body argument. */
typedef struct article
{
	const char *s;
	size_t		n;
	int32		published;
	akh_tokens	t;
	akh_dates	d;
} article;

static void
read_article(FunctionCallInfo fcinfo, article *a, const char *what)
{
	text	   *body = PG_GETARG_TEXT_PP(0);

	a->s = VARDATA_ANY(body);
	a->n = VARSIZE_ANY_EXHDR(body);
	a->published = published_arg(fcinfo, 1);
	akh_tokens_init(&a->t, &akh_pg_env);
	akh_dates_init(&a->d, &akh_pg_env);
	akh_pg_check(akh_tokenize(akh_pg_folder(), a->s, a->n, &a->t), what);
	akh_pg_check(akh_dates_find(a->s, &a->t, a->published, &akh_pg_env, &a->d), what);
}

PG_FUNCTION_INFO_V1(akhbar_dates);
Datum
akhbar_dates(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	article		a;

	init_result(fcinfo);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	read_article(fcinfo, &a, "akhbar.dates");
	for (size_t i = 0; i < a.d.n; i++)
	{
		const akh_date *x = &a.d.d[i];
		Datum		values[5];
		bool		nulls[5] = {false};

		values[0] = PointerGetDatum(cstring_to_text_with_len(a.s + x->byte_start, (int) x->byte_len));
		values[1] = Int32GetDatum((int32) (x->char_start + 1));
		values[2] = Int32GetDatum((int32) x->char_len);
		values[3] = akh_pg_daterange(x->lo, x->hi);
		values[4] = CStringGetTextDatum(akh_grain_name(x->grain));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	akh_dates_free(&a.d);
	akh_tokens_free(&a.t);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(akhbar_events);
Datum
akhbar_events(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const akh_gazetteer *g;
	const akh_event_lexicon *x;
	akh_mentions m;
	akh_found_events ev;
	article		a;
	int			year = 0;

	init_result(fcinfo);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	g = akh_pg_gazetteer();
	x = event_lexicon();
	read_article(fcinfo, &a, "akhbar.events");
	if (a.published != AKH_NO_DATE)
	{
		int			mo;
		int			d;

		akh_civil_from_days(a.published, &year, &mo, &d);
	}
	akh_mentions_init(&m, &akh_pg_env);
	akh_found_events_init(&ev, &akh_pg_env);
	akh_pg_check(akh_gaz_extract_tokens_at(g, a.s, &a.t, year, &akh_pg_env, &m), "akhbar.events");
	akh_pg_check(akh_events_find(x, g, a.s, &a.t, &m, &a.d, a.published, &ev), "akhbar.events");
	for (size_t i = 0; i < ev.n; i++)
	{
		const akh_found_event *e = &ev.e[i];
		Datum		values[5];
		bool		nulls[5] = {false};
		akh_buf		buf;

		akh_pg_varlena_begin(&buf, 128, "akhbar.events");
		akh_pg_check(akh_found_event_pack(akh_pg_folder(), g, a.s, &m, e, &buf), "akhbar.events");
		values[0] = PointerGetDatum(akh_pg_varlena_end(&buf, "akhbar.events"));
		values[1] = PointerGetDatum(cstring_to_text_with_len(a.s + e->byte_start, (int) e->byte_len));
		values[2] = Int32GetDatum((int32) (e->char_start + 1));
		values[3] = Int32GetDatum((int32) e->char_len);
		values[4] = BoolGetDatum(e->main);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	akh_found_events_free(&ev);
	akh_mentions_free(&m);
	akh_dates_free(&a.d);
	akh_tokens_free(&a.t);
	return (Datum) 0;
}
