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

/* fold(s[0..n)) as a new text value. */
extern text *akh_pg_fold_text(const char *s, size_t n);

#endif							/* AKHBAR_PG_H */
