/*
 * entities.c — the PostgreSQL side of entity extraction: the gazetteer cache, its
 * invalidation, akhbar.entities() and the trigger that keeps every session up to date.
 *
 * The gazetteer (tables akhbar.entity and akhbar.alias) is read once per backend into the
 * engine's automaton, in a memory context of its own. A statement-level trigger on both tables
 * sends a relcache invalidation for the table it fired on; every backend receives it before its
 * next statement (at transaction start, or at the next command of the same transaction) and
 * drops its automaton, so that an INSERT into akhbar.alias is used by the next statement of
 * every session, with no polling and no reconnection.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "akhbar_pg.h"
#include "gazetteer.h"
#include "namekey.h"

static akh_gazetteer *gazetteer = NULL;
static MemoryContext gazetteer_cxt = NULL;
static Oid	entity_relid = InvalidOid;
static Oid	alias_relid = InvalidOid;
static bool callback_registered = false;

static const char *const kind_names[] = {"person", "place", "org"};

static void *
gaz_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size, MCXT_ALLOC_HUGE);
}

static void *
gaz_realloc(void *ctx, void *ptr, size_t size)
{
	return repalloc_huge(ptr, size);
}

static void
gaz_free(void *ctx, void *ptr)
{
	pfree(ptr);
}

static void
gazetteer_reset(void)
{
	gazetteer = NULL;
	if (gazetteer_cxt != NULL)
		MemoryContextDelete(gazetteer_cxt);
	gazetteer_cxt = NULL;
}

static void
relcache_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == entity_relid || relid == alias_relid)
		gazetteer_reset();
}

static akh_kind
kind_from_text(const char *kind)
{
	for (int k = 0; k < 3; k++)
		if (strcmp(kind, kind_names[k]) == 0)
			return (akh_kind) k;
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("unknown entity kind \"%s\" in akhbar.entity", kind),
			 errhint("The kind of an entity is person, place or org.")));
	return AKH_KIND_PLACE;		/* not reached */
}

/* Adds the rows of akhbar.entity and akhbar.alias to g. */
static void
gazetteer_fill(akh_gazetteer *g)
{
	static const char *query =
		"SELECT e.id, e.kind, e.name_en, n.alias, n.adj, e.country, e.roles"
		" FROM akhbar.entity e"
		" CROSS JOIN LATERAL ("
		"   SELECT e.name_en AS alias, false AS adj"
		"   UNION ALL SELECT e.name_fr, false"
		"   UNION ALL SELECT e.name_ar, false"
		"   UNION ALL SELECT a.alias, a.form OPERATOR(pg_catalog.=) 'adj'"
		"     FROM akhbar.alias a WHERE a.entity_id OPERATOR(pg_catalog.=) e.id) n"
		" WHERE n.alias IS NOT NULL"
		" ORDER BY e.id";
	int64		last_id = 0;
	uint32		index = 0;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute(query, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "reading the akhbar gazetteer failed");
	for (uint64 r = 0; r < SPI_processed; r++)
	{
		HeapTuple	tup = SPI_tuptable->vals[r];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		isnull;
		int64		id = DatumGetInt64(SPI_getbinval(tup, desc, 1, &isnull));
		char	   *alias = SPI_getvalue(tup, desc, 4);
		bool		adj = DatumGetBool(SPI_getbinval(tup, desc, 5, &isnull));

		CHECK_FOR_INTERRUPTS();
		if (r == 0 || id != last_id)
		{
			char	   *name = SPI_getvalue(tup, desc, 3);
			char	   *kind = SPI_getvalue(tup, desc, 2);
			char	   *country = SPI_getvalue(tup, desc, 6);
			char	   *roles = SPI_getvalue(tup, desc, 7);

			akh_pg_check(akh_gaz_add_entity(g, id, kind_from_text(kind), name, strlen(name),
											country, &index), "akhbar gazetteer");
			if (roles != NULL)
				akh_pg_check(akh_gaz_add_roles(g, index, roles, strlen(roles)), "akhbar gazetteer");
			last_id = id;
		}
		akh_pg_check(akh_gaz_add_alias(g, index, alias, strlen(alias), adj), "akhbar gazetteer");
	}
	SPI_finish();
}

/* Reads the gazetteer tables into a new automaton, in a memory context of its own. */
static void
gazetteer_load(void)
{
	MemoryContext cxt;
	akh_env		env = {gaz_alloc, gaz_realloc, gaz_free, NULL, NULL};
	akh_gazetteer *g;
	Oid			nsp = get_namespace_oid("akhbar", false);

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(relcache_callback, (Datum) 0);
		callback_registered = true;
	}
	entity_relid = get_relname_relid("entity", nsp);
	alias_relid = get_relname_relid("alias", nsp);

	cxt = AllocSetContextCreate(TopMemoryContext, "akhbar gazetteer", ALLOCSET_DEFAULT_SIZES);
	env.ctx = cxt;
	PG_TRY();
	{
		akh_pg_check(akh_gaz_new(akh_pg_folder(), &env, &g), "akhbar gazetteer");
		gazetteer_fill(g);
	}
	PG_CATCH();
	{
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	gazetteer_cxt = cxt;
	gazetteer = g;
}

const akh_gazetteer *
akh_pg_gazetteer(void)
{
	if (gazetteer == NULL)
		gazetteer_load();
	return gazetteer;
}

/* The name key of s[0..n) as text. */
static text *
name_key_text(const char *s, size_t n)
{
	akh_buf		buf;

	akh_pg_varlena_begin(&buf, n + 1, "akhbar.name_key");
	akh_pg_check(akh_name_key(akh_pg_folder(), s, n, &buf), "akhbar.name_key");
	return (text *) akh_pg_varlena_end(&buf, "akhbar.name_key");
}

PG_FUNCTION_INFO_V1(akhbar_entities);
Datum
akhbar_entities(PG_FUNCTION_ARGS)
{
	text	   *body = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(body);
	size_t		n = VARSIZE_ANY_EXHDR(body);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const akh_gazetteer *g;
	akh_mentions m;

	InitMaterializedSRF(fcinfo, 0);
	g = akh_pg_gazetteer();
	akh_mentions_init(&m, &akh_pg_env);
	akh_pg_check(akh_gaz_extract(g, s, n, &akh_pg_env, &m), "akhbar.entities");
	for (size_t i = 0; i < m.n; i++)
	{
		const akh_mention *x = &m.m[i];
		Datum		values[7];
		bool		nulls[7] = {false};
		const char *name;
		size_t		name_len;

		if (x->adjective)
			continue;			/* "russe" is not a mention of Russia */
		if (x->entity != AKH_NO_ENTITY)
		{
			values[0] = Int64GetDatum(akh_gaz_entity_id(g, x->entity));
			name = akh_gaz_entity_name(g, x->entity, &name_len);
		}
		else
		{
			nulls[0] = true;
			name = s + x->byte_start;
			name_len = x->byte_len;
		}
		values[1] = CStringGetTextDatum(kind_names[x->kind]);
		values[2] = PointerGetDatum(cstring_to_text_with_len(name, (int) name_len));
		values[3] = PointerGetDatum(cstring_to_text_with_len(s + x->byte_start, (int) x->byte_len));
		values[4] = Int32GetDatum((int32) (x->char_start + 1));
		values[5] = Int32GetDatum((int32) x->char_len);
		values[6] = PointerGetDatum(name_key_text(name, name_len));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	akh_mentions_free(&m);
	return (Datum) 0;
}

/* Statement trigger on akhbar.entity and akhbar.alias: every backend rebuilds its automaton. */
PG_FUNCTION_INFO_V1(akhbar_gazetteer_changed);
Datum
akhbar_gazetteer_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("akhbar.gazetteer_changed() must be called as a trigger")));
	CacheInvalidateRelcache(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}

/* Bytes the automaton of this backend holds (0 before first use). */
PG_FUNCTION_INFO_V1(akhbar_gazetteer_memory);
Datum
akhbar_gazetteer_memory(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) akh_gaz_memory(akh_pg_gazetteer()));
}

PG_FUNCTION_INFO_V1(akhbar_name_key);
Datum
akhbar_name_key(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_TEXT_P(name_key_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
}

PG_FUNCTION_INFO_V1(akhbar_name_similarity);
Datum
akhbar_name_similarity(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);

	PG_RETURN_FLOAT4((float4) akh_name_similarity(akh_pg_folder(), VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a),
												  VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)));
}
