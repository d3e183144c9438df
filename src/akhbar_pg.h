/*
 * akhbar_pg.h — what the PostgreSQL layer of akhbar shares: the engine environment on palloc
 * and CHECK_FOR_INTERRUPTS, the per-backend folder, and error reporting.
 */
#ifndef AKHBAR_PG_H
#define AKHBAR_PG_H

#include "postgres.h"

#include "akh_env.h"
#include "fold.h"
#include "gazetteer.h"

/* Allocates in CurrentMemoryContext, checks for interrupts. */
extern const akh_env akh_pg_env;

/* The folder of this backend, built on first use. */
extern const akh_folder *akh_pg_folder(void);

/* The entity automaton of this backend, built from the gazetteer tables on first use. */
extern const akh_gazetteer *akh_pg_gazetteer(void);

/* Raises the error that matches an engine status (what: the function, for the message). */
extern void akh_pg_check(akh_status st, const char *what);

/*
 * A buffer that becomes a varlena value without a copy: begin reserves the header in front
 * and room more bytes; the engine appends; end sets the header (raising an error past the
 * largest value PostgreSQL stores) and returns the value.
 */
extern void akh_pg_varlena_begin(akh_buf *buf, size_t room, const char *what);
extern struct varlena *akh_pg_varlena_end(akh_buf *buf, const char *what);

/* fold(s[0..n)) as a new text value. */
extern text *akh_pg_fold_text(const char *s, size_t n);

/* The daterange [lo, hi) of days since 2000-01-01. */
extern Datum akh_pg_daterange(int32 lo, int32 hi);

/* Defines the GUC akhbar.event_window (from _PG_init). */
extern void akh_pg_event_guc_init(void);

#endif							/* AKHBAR_PG_H */
