/*
 * eventtype.c — the PostgreSQL type akhbar.event: input and output, binary send and receive,
 * accessors, the same-event operator ~=, similarity and the distance <->, a btree order, the
 * GiST operator class, the window function that clusters events, and the GUC
 * akhbar.event_window.
 *
 * A value is the engine's packed form (event.c) behind a varlena header. The rules of "the same
 * event" and the GiST box live in the engine; this file converts Datums and owns memory.
 *
 * GiST. Keys are akh_event_box values (the kinds, the period hull, signatures of actors and
 * places) in a varlena of their own, akhbar.event_box. Leaves hold the box of one event, so
 * every answer is rechecked against the heap value: ~= with the operator itself, <-> with the
 * distance. Page splits cut the entries in two halves by the start of their period, which
 * makes the tree a calendar: a join probes only the pages of the days around each event.
 */
#include "postgres.h"

#include "access/gist.h"
#include "access/stratnum.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"
#include "windowapi.h"

#include "akhbar_pg.h"
#include "dates.h"
#include "event.h"

#define EVENT_SAME_STRATEGY 1
#define EVENT_DISTANCE_STRATEGY 15

/* Days two reports of one event may be apart (GUC akhbar.event_window). */
static int	event_window = 3;

void
akh_pg_event_guc_init(void)
{
	DefineCustomIntVariable("akhbar.event_window",
							"Days two reports of the same event may be apart.",
							"Used by the operator ~= on akhbar.event, its GiST index and "
							"akhbar.event_cluster().",
							&event_window,
							3, 0, 3660,
							PGC_USERSET, 0,
							NULL, NULL, NULL);
	MarkGUCPrefixReserved("akhbar");
}

/* ---- values ----------------------------------------------------------------------------- */

#define DatumGetEventP(d) ((struct varlena *) PG_DETOAST_DATUM(d))
#define PG_GETARG_EVENT_P(n) DatumGetEventP(PG_GETARG_DATUM(n))

/* The view of a stored value; a malformed one is corrupt data. */
static void
event_view(const struct varlena *v, akh_event_view *view)
{
	if (!akh_event_view_of(VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), view))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt akhbar.event value")));
}

static void
arg_view(FunctionCallInfo fcinfo, int n, akh_event_view *view)
{
	event_view(PG_GETARG_EVENT_P(n), view);
}

PG_FUNCTION_INFO_V1(akhbar_event_in);
Datum
akhbar_event_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		n = strlen(str);
	akh_buf		buf;
	akh_event_error err;
	akh_status	st;

	akh_pg_varlena_begin(&buf, 64 + n, "akhbar.event");
	st = akh_event_parse(akh_pg_folder(), str, n, &buf, &err);
	if (st == AKH_ETOOBIG && err.detail != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type akhbar.event: \"%s\"", str),
				 errdetail("At character %d: %s.",
						   pg_mbstrlen_with_len(str, (int) err.pos) + 1, err.detail),
				 errhint("An event reads kind{actor,actor}@place[YYYY-MM-DD,YYYY-MM-DD), "
						 "for example meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14).")));
	akh_pg_check(st, "akhbar.event input");
	PG_RETURN_POINTER(akh_pg_varlena_end(&buf, "akhbar.event"));
}

PG_FUNCTION_INFO_V1(akhbar_event_out);
Datum
akhbar_event_out(PG_FUNCTION_ARGS)
{
	akh_event_view v;
	akh_buf		buf;

	arg_view(fcinfo, 0, &v);
	akh_buf_init(&buf, &akh_pg_env);
	akh_pg_check(akh_event_print(&v, &buf), "akhbar.event output");
	akh_pg_check(akh_buf_append(&buf, "", 1), "akhbar.event output");
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary form: int8 version (1), int8 kind, int8 flags (1 period, 2 place), int32 lo, int32 hi
 * (days since 2000-01-01), the place as text if any, int32 number of actors, each as text.
 * Names travel as text in the client encoding, and the receiver recomputes their folded keys.
 */
PG_FUNCTION_INFO_V1(akhbar_event_send);
Datum
akhbar_event_send(PG_FUNCTION_ARGS)
{
	akh_event_view v;
	StringInfoData out;
	size_t		cursor = 0;

	arg_view(fcinfo, 0, &v);
	pq_begintypsend(&out);
	pq_sendint8(&out, 1);
	pq_sendint8(&out, (int8) v.kind);
	pq_sendint8(&out, (int8) ((v.has_period ? 1 : 0) | (v.place != NULL ? 2 : 0)));
	pq_sendint32(&out, v.lo);
	pq_sendint32(&out, v.hi);
	if (v.place != NULL)
		pq_sendcountedtext(&out, v.place, (int) v.place_len, false);
	pq_sendint32(&out, (int32) v.nactors);
	for (size_t i = 0; i < v.nactors; i++)
	{
		const char *name;
		const char *key;
		size_t		name_len;
		size_t		key_len;

		akh_event_actor(&v, &cursor, &name, &name_len, &key, &key_len);
		pq_sendcountedtext(&out, name, (int) name_len, false);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&out));
}

/* A counted text of the binary form, converted to the server encoding. */
static char *
recv_text(StringInfo in, int *len)
{
	int			n = pq_getmsgint(in, 4);
	char	   *s;

	if (n < 0 || n > in->len - in->cursor)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid name length %d in external akhbar.event value", n)));
	s = pq_getmsgtext(in, n, len);
	return s;
}

PG_FUNCTION_INFO_V1(akhbar_event_recv);
Datum
akhbar_event_recv(PG_FUNCTION_ARGS)
{
	StringInfo	in = (StringInfo) PG_GETARG_POINTER(0);
	akh_event_input ev;
	int			version = pq_getmsgint(in, 1);
	int			flags;
	int			nactors;
	int			place_len = 0;
	char	  **actors;
	size_t	   *lens;
	akh_buf		buf;

	memset(&ev, 0, sizeof(ev));
	ev.kind = pq_getmsgint(in, 1);
	flags = pq_getmsgint(in, 1);
	ev.lo = (int32) pq_getmsgint(in, 4);
	ev.hi = (int32) pq_getmsgint(in, 4);
	if (version != 1 || ev.kind >= AKH_EV_NKINDS || (flags & ~3) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external akhbar.event value"),
				 errdetail("Version %d, kind %d, flags %d; expected version 1, a kind below %d and flags 0 to 3.",
						   version, ev.kind, flags, AKH_EV_NKINDS)));
	ev.has_period = (flags & 1) != 0;
	if (ev.has_period && (ev.hi <= ev.lo || ev.lo < akh_days_from_civil(1, 1, 1) ||
						  ev.hi > akh_days_from_civil(10000, 1, 1)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external akhbar.event value"),
				 errdetail("The period must be a non-empty range of days between 0001-01-01 and 9999-12-31.")));
	if (flags & 2)
	{
		ev.place = recv_text(in, &place_len);
		ev.place_len = (size_t) place_len;
	}
	nactors = pq_getmsgint(in, 4);
	if (nactors < 0 || nactors > AKH_EVENT_ACTORS_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid number of actors %d in external akhbar.event value", nactors)));
	actors = palloc(sizeof(char *) * (nactors + 1));
	lens = palloc(sizeof(size_t) * (nactors + 1));
	for (int i = 0; i < nactors; i++)
	{
		int			len;

		actors[i] = recv_text(in, &len);
		lens[i] = (size_t) len;
	}
	ev.nactors = (size_t) nactors;
	ev.actors = (const char *const *) actors;
	ev.actor_lens = lens;
	akh_pg_varlena_begin(&buf, 64, "akhbar.event");
	if (akh_event_pack(akh_pg_folder(), &ev, &buf) == AKH_ETOOBIG)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external akhbar.event value"),
				 errdetail("Names are limited to %d bytes.", AKH_EVENT_NAME_MAX)));
	PG_RETURN_POINTER(akh_pg_varlena_end(&buf, "akhbar.event"));
}

/* ---- accessors -------------------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(akhbar_event_kind);
Datum
akhbar_event_kind(PG_FUNCTION_ARGS)
{
	akh_event_view v;

	arg_view(fcinfo, 0, &v);
	PG_RETURN_TEXT_P(cstring_to_text(akh_event_kind_name(v.kind)));
}

PG_FUNCTION_INFO_V1(akhbar_event_actors);
Datum
akhbar_event_actors(PG_FUNCTION_ARGS)
{
	akh_event_view v;
	Datum	   *items;
	size_t		cursor = 0;

	arg_view(fcinfo, 0, &v);
	items = palloc(sizeof(Datum) * (v.nactors + 1));
	for (size_t i = 0; i < v.nactors; i++)
	{
		const char *name;
		const char *key;
		size_t		name_len;
		size_t		key_len;

		akh_event_actor(&v, &cursor, &name, &name_len, &key, &key_len);
		items[i] = PointerGetDatum(cstring_to_text_with_len(name, (int) name_len));
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(items, (int) v.nactors, TEXTOID, -1, false, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(akhbar_event_place);
Datum
akhbar_event_place(PG_FUNCTION_ARGS)
{
	akh_event_view v;

	arg_view(fcinfo, 0, &v);
	if (v.place == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(v.place, (int) v.place_len));
}

Datum
akh_pg_daterange(int32 lo, int32 hi)
{
	TypeCacheEntry *typcache = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	RangeBound	lower;
	RangeBound	upper;

	lower.val = DateADTGetDatum(lo);
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = DateADTGetDatum(hi);
	upper.infinite = false;
	upper.inclusive = false;
	upper.lower = false;
	return RangeTypePGetDatum(make_range(typcache, &lower, &upper, false));
}

PG_FUNCTION_INFO_V1(akhbar_event_period);
Datum
akhbar_event_period(PG_FUNCTION_ARGS)
{
	akh_event_view v;

	arg_view(fcinfo, 0, &v);
	if (!v.has_period)
		PG_RETURN_NULL();
	return akh_pg_daterange(v.lo, v.hi);
}

/* ---- same event, similarity, order ----------------------------------------------------- */

PG_FUNCTION_INFO_V1(akhbar_event_same);
Datum
akhbar_event_same(PG_FUNCTION_ARGS)
{
	akh_event_view a;
	akh_event_view b;

	arg_view(fcinfo, 0, &a);
	arg_view(fcinfo, 1, &b);
	PG_RETURN_BOOL(akh_event_same(&a, &b, event_window));
}

PG_FUNCTION_INFO_V1(akhbar_event_similarity);
Datum
akhbar_event_similarity(PG_FUNCTION_ARGS)
{
	akh_event_view a;
	akh_event_view b;

	arg_view(fcinfo, 0, &a);
	arg_view(fcinfo, 1, &b);
	PG_RETURN_FLOAT4((float4) akh_event_similarity(&a, &b));
}

PG_FUNCTION_INFO_V1(akhbar_event_distance);
Datum
akhbar_event_distance(PG_FUNCTION_ARGS)
{
	akh_event_view a;
	akh_event_view b;

	arg_view(fcinfo, 0, &a);
	arg_view(fcinfo, 1, &b);
	PG_RETURN_FLOAT4((float4) (1.0 - akh_event_similarity(&a, &b)));
}

static int
event_cmp_args(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_GETARG_EVENT_P(0);
	struct varlena *b = PG_GETARG_EVENT_P(1);

	return akh_event_cmp(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
}

PG_FUNCTION_INFO_V1(akhbar_event_cmp);
Datum
akhbar_event_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(event_cmp_args(fcinfo));
}

PG_FUNCTION_INFO_V1(akhbar_event_eq);
Datum
akhbar_event_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(event_cmp_args(fcinfo) == 0);
}

PG_FUNCTION_INFO_V1(akhbar_event_ne);
Datum
akhbar_event_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(event_cmp_args(fcinfo) != 0);
}

PG_FUNCTION_INFO_V1(akhbar_event_lt);
Datum
akhbar_event_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(event_cmp_args(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(akhbar_event_le);
Datum
akhbar_event_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(event_cmp_args(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(akhbar_event_gt);
Datum
akhbar_event_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(event_cmp_args(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(akhbar_event_ge);
Datum
akhbar_event_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(event_cmp_args(fcinfo) >= 0);
}

PG_FUNCTION_INFO_V1(akhbar_event_hash);
Datum
akhbar_event_hash(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_EVENT_P(0);

	return hash_any((const unsigned char *) VARDATA_ANY(a), (int) VARSIZE_ANY_EXHDR(a));
}

PG_FUNCTION_INFO_V1(akhbar_event_hash_extended);
Datum
akhbar_event_hash_extended(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_EVENT_P(0);

	return hash_any_extended((const unsigned char *) VARDATA_ANY(a), (int) VARSIZE_ANY_EXHDR(a),
							 PG_GETARG_INT64(1));
}

/* ---- GiST --------------------------------------------------------------------------------- */

typedef struct box_value
{
	int32		vl_len_;
	akh_event_box box;
} box_value;

#define DatumGetBox(d) (&((box_value *) DatumGetPointer(d))->box)

static Datum
box_datum(const akh_event_box *b)
{
	box_value  *v = palloc(sizeof(box_value));

	SET_VARSIZE(v, sizeof(box_value));
	v->box = *b;
	return PointerGetDatum(v);
}

/* akhbar.event_box has no text form: it exists only inside indexes. */
PG_FUNCTION_INFO_V1(akhbar_event_box_in);
Datum
akhbar_event_box_in(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("akhbar.event_box values cannot be written"),
			 errdetail("The type is the key of the GiST operator class for akhbar.event.")));
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(akhbar_event_box_out);
Datum
akhbar_event_box_out(PG_FUNCTION_ARGS)
{
	akh_event_box *b = DatumGetBox(PG_GETARG_DATUM(0));

	PG_RETURN_CSTRING(psprintf("event_box(kinds %04x, days %d..%d)", b->kinds, b->lo, b->hi));
}

PG_FUNCTION_INFO_V1(akhbar_event_gist_compress);
Datum
akhbar_event_gist_compress(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *ret;
	akh_event_view v;
	akh_event_box b;

	if (!entry->leafkey)
		PG_RETURN_POINTER(entry);
	event_view(DatumGetEventP(entry->key), &v);
	akh_event_box_of(&v, &b);
	ret = palloc(sizeof(GISTENTRY));
	gistentryinit(*ret, box_datum(&b), entry->rel, entry->page, entry->offset, false);
	PG_RETURN_POINTER(ret);
}

/*
 * The query of an index scan, viewed, with its box: computed once per query value, not for
 * every key the scan looks at (a join probes with a new query per outer row).
 */
typedef struct query_cache
{
	struct varlena *query;		/* a copy, in fn_mcxt */
	akh_event_view view;
	akh_event_box box;
} query_cache;

static query_cache *
cached_query(FunctionCallInfo fcinfo, Datum arg)
{
	struct varlena *q = DatumGetEventP(arg);
	query_cache *c = fcinfo->flinfo->fn_extra;
	Size		size = VARSIZE_ANY(q);

	if (c != NULL && VARSIZE_ANY(c->query) == size && memcmp(c->query, q, size) == 0)
		return c;
	if (c == NULL)
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(query_cache));
	else
		pfree(c->query);
	c->query = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, size);
	memcpy(c->query, q, size);
	event_view(c->query, &c->view);
	akh_event_box_of(&c->view, &c->box);
	fcinfo->flinfo->fn_extra = c;
	return c;
}

PG_FUNCTION_INFO_V1(akhbar_event_gist_consistent);
Datum
akhbar_event_gist_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	query_cache *q;

	if (strategy != EVENT_SAME_STRATEGY)
		elog(ERROR, "unrecognized strategy number %d for akhbar.event", strategy);
	q = cached_query(fcinfo, PG_GETARG_DATUM(1));
	*recheck = true;			/* leaves hold boxes, not events */
	PG_RETURN_BOOL(akh_event_box_may_match(DatumGetBox(entry->key), &q->view, &q->box, event_window));
}

PG_FUNCTION_INFO_V1(akhbar_event_gist_distance);
Datum
akhbar_event_gist_distance(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	query_cache *q;

	if (strategy != EVENT_DISTANCE_STRATEGY)
		elog(ERROR, "unrecognized strategy number %d for akhbar.event", strategy);
	q = cached_query(fcinfo, PG_GETARG_DATUM(1));
	*recheck = true;			/* a lower bound: the executor computes the real distance */
	PG_RETURN_FLOAT8(akh_event_box_distance(DatumGetBox(entry->key), &q->view, &q->box));
}

PG_FUNCTION_INFO_V1(akhbar_event_gist_union);
Datum
akhbar_event_gist_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *entries = (GistEntryVector *) PG_GETARG_POINTER(0);
	int		   *size = (int *) PG_GETARG_POINTER(1);
	akh_event_box acc = *DatumGetBox(entries->vector[0].key);

	for (int i = 1; i < entries->n; i++)
		akh_event_box_union(&acc, DatumGetBox(entries->vector[i].key));
	*size = sizeof(box_value);
	return box_datum(&acc);
}

PG_FUNCTION_INFO_V1(akhbar_event_gist_penalty);
Datum
akhbar_event_gist_penalty(PG_FUNCTION_ARGS)
{
	GISTENTRY  *orig = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *add = (GISTENTRY *) PG_GETARG_POINTER(1);
	float	   *penalty = (float *) PG_GETARG_POINTER(2);

	*penalty = (float) akh_event_box_penalty(DatumGetBox(orig->key), DatumGetBox(add->key));
	PG_RETURN_POINTER(penalty);
}

typedef struct split_item
{
	OffsetNumber off;
	const akh_event_box *box;
	uint32		group;			/* kinds and the lowest actor bit: who did what */
} split_item;

/* Days a page may span before it is cut by time rather than by kind and actors. */
#define SPLIT_SPAN_DAYS 14

/* By period start; entries without a period last. */
static int
split_by_time(const void *a, const void *b)
{
	const akh_event_box *x = ((const split_item *) a)->box;
	const akh_event_box *y = ((const split_item *) b)->box;
	bool		xp = (x->flags & AKH_BOX_PERIOD) != 0;
	bool		yp = (y->flags & AKH_BOX_PERIOD) != 0;

	if (xp != yp)
		return xp ? -1 : 1;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	return (int) x->kinds - (int) y->kinds;
}

/* By kind, then actor, then period start. */
static int
split_by_group(const void *a, const void *b)
{
	const split_item *x = a;
	const split_item *y = b;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return split_by_time(a, b);
}

static uint32
lowest_actor_bit(const akh_event_box *b)
{
	for (int i = 0; i < AKH_BOX_ACTOR_WORDS; i++)
		if (b->actors[i] != 0)
			return (uint32) (i * 64 + __builtin_ctzll(b->actors[i]));
	return AKH_BOX_ACTOR_WORDS * 64;
}

/*
 * Entries spanning weeks are cut in two halves by period start, which makes the tree a
 * calendar. Entries of the same days (many events, few days) are cut by kind and actor
 * instead, so that a probe for one meeting skips the pages of other kinds and other people
 * of those days.
 */
PG_FUNCTION_INFO_V1(akhbar_event_gist_picksplit);
Datum
akhbar_event_gist_picksplit(PG_FUNCTION_ARGS)
{
	GistEntryVector *entries = (GistEntryVector *) PG_GETARG_POINTER(0);
	GIST_SPLITVEC *v = (GIST_SPLITVEC *) PG_GETARG_POINTER(1);
	int			n = entries->n - 1;	/* entries are 1-based */
	split_item *items = palloc(sizeof(split_item) * n);
	akh_event_box all;
	akh_event_box left;
	akh_event_box right;

	for (int i = 0; i < n; i++)
	{
		items[i].off = (OffsetNumber) (i + FirstOffsetNumber);
		items[i].box = DatumGetBox(entries->vector[i + FirstOffsetNumber].key);
		items[i].group = ((uint32) items[i].box->kinds << 10) | lowest_actor_bit(items[i].box);
		if (i == 0)
			all = *items[i].box;
		else
			akh_event_box_union(&all, items[i].box);
	}
	if (!(all.flags & AKH_BOX_PERIOD) || (int64) all.hi - all.lo > SPLIT_SPAN_DAYS)
		qsort(items, n, sizeof(split_item), split_by_time);
	else
		qsort(items, n, sizeof(split_item), split_by_group);
	v->spl_left = palloc(sizeof(OffsetNumber) * n);
	v->spl_right = palloc(sizeof(OffsetNumber) * n);
	v->spl_nleft = v->spl_nright = 0;
	for (int i = 0; i < n; i++)
	{
		bool		to_left = i < n / 2;
		akh_event_box *side = to_left ? &left : &right;

		if ((to_left ? v->spl_nleft : v->spl_nright) == 0)
			*side = *items[i].box;
		else
			akh_event_box_union(side, items[i].box);
		if (to_left)
			v->spl_left[v->spl_nleft++] = items[i].off;
		else
			v->spl_right[v->spl_nright++] = items[i].off;
	}
	v->spl_ldatum = box_datum(&left);
	v->spl_rdatum = box_datum(&right);
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(akhbar_event_gist_same);
Datum
akhbar_event_gist_same(PG_FUNCTION_ARGS)
{
	akh_event_box *a = DatumGetBox(PG_GETARG_DATUM(0));
	akh_event_box *b = DatumGetBox(PG_GETARG_DATUM(1));
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = memcmp(a, b, sizeof(akh_event_box)) == 0;
	PG_RETURN_POINTER(result);
}

/* ---- clustering -------------------------------------------------------------------------- */

/*
 * akhbar.event_cluster(event) OVER (...): rows of the window partition whose events are the
 * same event (~=), directly or through others, share a cluster id: the 1-based position, in
 * the window's order, of the cluster's first row. Rows are read once per partition; pairs are
 * tried in order of period start, only within the window, so the cost grows with the number
 * of events reported in the same days, not with the square of the table.
 */
typedef struct cluster_state
{
	bool		done;
	int64		n;
	int64	   *cluster;		/* per row position */
} cluster_state;

typedef struct cluster_row
{
	int64		pos;
	struct varlena *ev;
	akh_event_view v;
} cluster_row;

static int
cluster_row_cmp(const void *a, const void *b)
{
	const cluster_row *x = a;
	const cluster_row *y = b;

	if (x->v.lo != y->v.lo)
		return x->v.lo < y->v.lo ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int64
find_root(int64 *parent, int64 i)
{
	while (parent[i] != i)
	{
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

static void
cluster_partition(WindowObject win, cluster_state *state)
{
	int64		n = WinGetPartitionRowCount(win);
	cluster_row *rows = palloc(sizeof(cluster_row) * (n + 1));
	int64		nrows = 0;
	int64	   *parent;

	state->cluster = MemoryContextAllocHuge(GetMemoryChunkContext(state), sizeof(int64) * (n + 1));
	parent = palloc(sizeof(int64) * (n + 1));
	for (int64 i = 0; i < n; i++)
	{
		bool		isnull;
		bool		isout;
		Datum		d = WinGetFuncArgInPartition(win, 0, (int) i, WINDOW_SEEK_HEAD, false,
												 &isnull, &isout);

		CHECK_FOR_INTERRUPTS();
		parent[i] = i;
		if (isnull || isout)
			continue;
		rows[nrows].pos = i;
		/* A copy: the next fetch may reuse the slot d points into. */
		rows[nrows].ev = (struct varlena *) PG_DETOAST_DATUM_COPY(d);
		event_view(rows[nrows].ev, &rows[nrows].v);
		if (rows[nrows].v.has_period)
			nrows++;			/* an event without a period is the same as no other */
	}
	qsort(rows, nrows, sizeof(cluster_row), cluster_row_cmp);
	for (int64 i = 0; i < nrows; i++)
	{
		CHECK_FOR_INTERRUPTS();
		for (int64 j = i + 1; j < nrows; j++)
		{
			/* Sorted by start: once j starts past i's end and the window, so do the rest. */
			if ((int64) rows[j].v.lo - rows[i].v.hi + 1 > event_window)
				break;
			if (akh_event_same(&rows[i].v, &rows[j].v, event_window))
			{
				int64		a = find_root(parent, rows[i].pos);
				int64		b = find_root(parent, rows[j].pos);

				/* The root is the first row in window order. */
				if (a < b)
					parent[b] = a;
				else if (b < a)
					parent[a] = b;
			}
		}
	}
	for (int64 i = 0; i < n; i++)
		state->cluster[i] = find_root(parent, i) + 1;
	state->n = n;
	state->done = true;
	pfree(parent);
	pfree(rows);
}

PG_FUNCTION_INFO_V1(akhbar_event_cluster);
Datum
akhbar_event_cluster(PG_FUNCTION_ARGS)
{
	WindowObject win = PG_WINDOW_OBJECT();
	cluster_state *state = WinGetPartitionLocalMemory(win, sizeof(cluster_state));
	int64		pos = WinGetCurrentPosition(win);

	if (!state->done)
		cluster_partition(win, state);
	if (pos < 0 || pos >= state->n)
		elog(ERROR, "akhbar.event_cluster: row %lld outside its partition", (long long) pos);
	PG_RETURN_INT64(state->cluster[pos]);
}
