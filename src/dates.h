/*
 * dates.h — the dates a news text mentions, resolved against its publication date
 * (see dates.c for what is recognised and how it resolves).
 */
#ifndef AKH_DATES_H
#define AKH_DATES_H

#include "tokenize.h"

/* Days since 2000-01-01 (PostgreSQL's DateADT epoch). */
#define AKH_NO_DATE INT32_MIN

typedef enum akh_grain
{
	AKH_GRAIN_DAY = 0,
	AKH_GRAIN_WEEK,
	AKH_GRAIN_MONTH,
	AKH_GRAIN_YEAR,
	AKH_GRAIN_DAYS				/* a range of whole days: du 5 au 7 mars */
} akh_grain;

/* "day", "week", "month", "year", "days". */
extern const char *akh_grain_name(akh_grain g);

/*
 * The proleptic Gregorian calendar, in days since 2000-01-01. Exact for every date whose day
 * count fits in an int32_t (years about -5.8 to +5.8 million).
 */
extern int32_t akh_days_from_civil(int y, int m, int d);
extern void akh_civil_from_days(int32_t days, int *y, int *m, int *d);

/* ISO weekday: 1 = Monday … 7 = Sunday. */
extern int	akh_weekday(int32_t days);

typedef struct akh_date
{
	size_t		byte_start;		/* the surface in the original text */
	size_t		byte_len;
	size_t		char_start;		/* in code points, 0-based */
	size_t		char_len;
	size_t		tok_first;		/* the words [tok_first, tok_end) of the akh_tokens it was */
	size_t		tok_end;		/* found in */
	int32_t		lo;				/* the period [lo, hi) in days; hi > lo */
	int32_t		hi;
	akh_grain	grain;
	bool		future;			/* the text marks it as after publication (prochain,
								 * almqbl, demain, a future verb before it) */
} akh_date;

typedef struct akh_dates
{
	akh_date   *d;
	size_t		n;
	size_t		cap;
	const akh_env *env;
} akh_dates;

extern void akh_dates_init(akh_dates *d, const akh_env *env);
extern void akh_dates_free(akh_dates *d);

/*
 * The dates of s, whose words t were made by akh_tokenize (folded forms available through
 * akh_token_folded), resolved against the publication date `published` (days, or AKH_NO_DATE:
 * then only dates that carry a year resolve; the others are not reported). In text order,
 * never overlapping; appended to out. Allocations through env.
 */
extern akh_status akh_dates_find(const char *s, const akh_tokens *t, int32_t published,
								 const akh_env *env, akh_dates *out);

#endif							/* AKH_DATES_H */
