/*
 * Two deliberate memory bugs, for scripts/sanitizer.sh only (make test SANITIZE=1). They prove
 * that the server under test catches what akhbar's own code could do wrong with palloc'd
 * memory: if either call returns normally, AddressSanitizer is not watching palloc and a clean
 * server log would prove nothing. Never installed; built in a temporary folder and loaded there.
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(canary_write_past_end);
PG_FUNCTION_INFO_V1(canary_read_after_pfree);

/* Writes one byte past a palloc'd chunk of n bytes. */
Datum
canary_write_past_end(PG_FUNCTION_ARGS)
{
	int32 n = PG_GETARG_INT32(0);
	volatile char *p = palloc(n);

	p[n] = 1;
	PG_RETURN_INT32(p[n]);
}

/* Reads a chunk of n bytes after pfree. */
Datum
canary_read_after_pfree(PG_FUNCTION_ARGS)
{
	int32 n = PG_GETARG_INT32(0);
	volatile char *p = palloc0(n);

	pfree((void *) p);
	PG_RETURN_INT32(p[0]);
}
