/*
 * akhbar.c — the PostgreSQL layer: module entry, engine environment, akhbar.fold() and
 * akhbar.lang().
 *
 * The engine (fold.c, lang.c ...) knows nothing of PostgreSQL. This layer converts Datums,
 * gives the engine palloc for memory and CHECK_FOR_INTERRUPTS as its interrupt hook, keeps the
 * per-backend caches, and turns engine statuses into errors with SQLSTATEs.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "akhbar_pg.h"
#include "clean.h"
#include "lang.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	akh_pg_event_guc_init();
}

static void *
pg_alloc(void *ctx, size_t size)
{
	return palloc_extended(size, MCXT_ALLOC_HUGE);
}

static void *
pg_realloc(void *ctx, void *ptr, size_t size)
{
	return repalloc_huge(ptr, size);
}

static void
pg_free(void *ctx, void *ptr)
{
	pfree(ptr);
}

static void
pg_tick(void *ctx)
{
	CHECK_FOR_INTERRUPTS();
}

const akh_env akh_pg_env = {pg_alloc, pg_realloc, pg_free, pg_tick, NULL};

/* The folder lives as long as the backend, in TopMemoryContext. */
static void *
top_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended(TopMemoryContext, size, MCXT_ALLOC_HUGE);
}

static const akh_env top_env = {top_alloc, pg_realloc, pg_free, NULL, NULL};

static akh_folder *backend_folder = NULL;

const akh_folder *
akh_pg_folder(void)
{
	if (backend_folder == NULL)
		akh_pg_check(akh_folder_new(&top_env, &backend_folder), "akhbar.fold");
	return backend_folder;
}

void
akh_pg_check(akh_status st, const char *what)
{
	switch (st)
	{
		case AKH_OK:
			return;
		case AKH_ENOMEM:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory in %s", what)));
			break;
		case AKH_EUTF8:
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("invalid UTF-8 input to %s", what),
					 errhint("akhbar works only in databases whose encoding is UTF8.")));
			break;
		case AKH_ETOOBIG:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("result of %s is too large", what),
					 errdetail("Values are limited to %zu bytes.", (size_t) MaxAllocSize - VARHDRSZ)));
			break;
		case AKH_EICU:
			ereport(ERROR,
					(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
					 errmsg("ICU failed in %s", what)));
			break;
	}
	elog(ERROR, "unknown akhbar status %d in %s", (int) st, what);
}

void
akh_pg_varlena_begin(akh_buf *buf, size_t room, const char *what)
{
	akh_buf_init(buf, &akh_pg_env);
	akh_pg_check(akh_buf_reserve(buf, VARHDRSZ + room), what);
	buf->len = VARHDRSZ;
}

struct varlena *
akh_pg_varlena_end(akh_buf *buf, const char *what)
{
	struct varlena *result;

	if (buf->len > MaxAllocSize)
		akh_pg_check(AKH_ETOOBIG, what);
	result = (struct varlena *) buf->data;
	SET_VARSIZE(result, buf->len);
	return result;
}

text *
akh_pg_fold_text(const char *s, size_t n)
{
	akh_buf		buf;

	/* Room enough that akh_fold() does not grow the buffer for ordinary text. */
	akh_pg_varlena_begin(&buf, n + AKH_FOLD_SLACK, "akhbar.fold");
	akh_pg_check(akh_fold(akh_pg_folder(), s, n, &buf), "akhbar.fold");
	return (text *) akh_pg_varlena_end(&buf, "akhbar.fold");
}

PG_FUNCTION_INFO_V1(akhbar_fold);
Datum
akhbar_fold(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_TEXT_P(akh_pg_fold_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
}

PG_FUNCTION_INFO_V1(akhbar_lang);
Datum
akhbar_lang(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	akh_lang	lang;
	const char *code;

	akh_pg_check(akh_detect_lang(akh_pg_folder(), &akh_pg_env, VARDATA_ANY(t),
								 VARSIZE_ANY_EXHDR(t), &lang), "akhbar.lang");
	code = akh_lang_code(lang);
	if (code == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(code));
}

PG_FUNCTION_INFO_V1(akhbar_clean);
Datum
akhbar_clean(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	size_t		n = VARSIZE_ANY_EXHDR(t);
	akh_buf		buf;

	akh_pg_varlena_begin(&buf, n + 1, "akhbar.clean");
	akh_pg_check(akh_clean(akh_pg_folder(), VARDATA_ANY(t), n, &buf), "akhbar.clean");
	PG_RETURN_TEXT_P((text *) akh_pg_varlena_end(&buf, "akhbar.clean"));
}
