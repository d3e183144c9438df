/*
 * fuzz_dates.c — libFuzzer target for akh_dates_find(): the dates of a text, resolved against
 * its publication date.
 *
 * The input is a publication date (its first FUZZ_PUBLISHED_BYTES, see fuzz_published: a day
 * of 1990..2049 mostly, sometimes none, PostgreSQL's infinities, the ends of its range, any
 * int32), then the text. Invalid UTF-8 stops at the tokenizer (fuzz_tokenize checks that).
 *
 * Checks: AKH_OK; dates in text order without overlapping, in words and in bytes; the words
 * [tok_first, tok_end) exist, the surface starts inside the first (after its clitics) and ends
 * with the last, on code point boundaries, and its character offsets count code points; the
 * period [lo, hi) is not empty and is what its grain says: one day, an ISO week from Monday,
 * a calendar month, a calendar year, days of one month; no period leaves PostgreSQL's dates; without a
 * publication date PostgreSQL can hold, only dates that carry their year (1900..2100) are
 * reported, and no week. Results are appended: what out held before stays.
 */
#include "fuzz_common.h"

#include "dates.h"
#include "tokenize.h"

/* What akh_dates_find() says of years: those of 1900..2100 only. */
#define YEAR_MIN 1900
#define YEAR_MAX 2100

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_folder_init();
	return 0;
}

static void
check_period(const akh_date *d)
{
	int			y;
	int			m;
	int			day;

	FUZZ_CHECK(d->hi > d->lo);
	FUZZ_CHECK(d->lo >= FUZZ_PG_MIN_DAY && d->hi <= FUZZ_PG_END_DAY);
	akh_civil_from_days(d->lo, &y, &m, &day);
	switch (d->grain)
	{
		case AKH_GRAIN_DAY:
			FUZZ_CHECK(d->hi - d->lo == 1);
			break;
		case AKH_GRAIN_WEEK:
			FUZZ_CHECK(d->hi - d->lo == 7);
			FUZZ_CHECK(akh_weekday(d->lo) == 1);
			break;
		case AKH_GRAIN_MONTH:
			FUZZ_CHECK(day == 1);
			FUZZ_CHECK(d->hi == (m == 12 ? akh_days_from_civil(y + 1, 1, 1)
								 : akh_days_from_civil(y, m + 1, 1)));
			FUZZ_CHECK(d->hi - d->lo >= 28 && d->hi - d->lo <= 31);
			break;
		case AKH_GRAIN_YEAR:
			FUZZ_CHECK(m == 1 && day == 1);
			FUZZ_CHECK(d->hi == akh_days_from_civil(y + 1, 1, 1));
			FUZZ_CHECK(d->hi - d->lo == 365 || d->hi - d->lo == 366);
			break;
		case AKH_GRAIN_DAYS:
			{
				int			y2,
							m2,
							day2;

				/* a range of days within one month */
				akh_civil_from_days(d->hi - 1, &y2, &m2, &day2);
				FUZZ_CHECK(d->hi - d->lo >= 2 && y2 == y && m2 == m);
				break;
			}
		default:
			FUZZ_CHECK(!"a grain of the enum");
	}
	FUZZ_CHECK(akh_grain_name(d->grain) != NULL);
}

static void
check_dates(const char *s, size_t n, const akh_tokens *t, const akh_dates *ds, size_t from,
			bool published)
{
	size_t		end = 0;		/* end of the previous date, in bytes */
	size_t		tok_end = 0;	/* and in words */
	size_t		chars = 0;		/* code points in s[0..end) */

	for (size_t k = from; k < ds->n; k++)
	{
		const akh_date *d = &ds->d[k];
		const akh_token *a;
		const akh_token *b;

		FUZZ_CHECK(d->tok_first < d->tok_end && d->tok_end <= t->n);
		FUZZ_CHECK(d->tok_first >= tok_end);
		a = &t->tok[d->tok_first];
		b = &t->tok[d->tok_end - 1];
		FUZZ_CHECK(d->byte_len > 0 && d->byte_start >= end && d->byte_start <= n &&
				   d->byte_len <= n - d->byte_start);
		FUZZ_CHECK(d->byte_start >= a->byte_start && d->byte_start < a->byte_start + a->byte_len);
		FUZZ_CHECK(d->byte_start + d->byte_len == b->byte_start + b->byte_len);
		FUZZ_CHECK(fuzz_char_boundary(s, n, d->byte_start) &&
				   fuzz_char_boundary(s, n, d->byte_start + d->byte_len));
		chars += fuzz_chars(s + end, d->byte_start - end);
		FUZZ_CHECK(d->char_start == chars);
		FUZZ_CHECK(d->char_len == fuzz_chars(s + d->byte_start, d->byte_len));
		chars += d->char_len;
		end = d->byte_start + d->byte_len;
		tok_end = d->tok_end;

		check_period(d);
		if (!published)
		{
			/* Only a year of the text can place it. */
			FUZZ_CHECK(d->grain != AKH_GRAIN_WEEK);
			FUZZ_CHECK(d->lo >= akh_days_from_civil(YEAR_MIN, 1, 1) &&
					   d->hi <= akh_days_from_civil(YEAR_MAX + 1, 1, 1));
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data + FUZZ_PUBLISHED_BYTES;
	size_t		n;
	int32_t		published;
	akh_tokens	t;
	akh_dates	ds;
	akh_date	sentinel;
	akh_status	st;

	if (size < FUZZ_PUBLISHED_BYTES)
		return 0;
	published = fuzz_published(data);
	n = size - FUZZ_PUBLISHED_BYTES;

	akh_tokens_init(&t, &akh_env_malloc);
	akh_dates_init(&ds, &akh_env_malloc);
	if (akh_tokenize(fuzz_folder, s, n, &t) == AKH_OK)
	{
		/* One date already there: the engine appends after it and leaves it alone. */
		memset(&sentinel, 0x5A, sizeof(sentinel));
		ds.d = malloc(sizeof(akh_date));
		FUZZ_CHECK(ds.d != NULL);
		memcpy(ds.d, &sentinel, sizeof(sentinel));
		ds.n = ds.cap = 1;

		st = akh_dates_find(s, &t, published, &akh_env_malloc, &ds);
		FUZZ_CHECK(st == AKH_OK);
		FUZZ_CHECK(ds.n >= 1 && memcmp(&ds.d[0], &sentinel, sizeof(sentinel)) == 0);
		check_dates(s, n, &t, &ds, 1,
					published >= FUZZ_PG_MIN_DAY && published < FUZZ_PG_END_DAY);
	}
	akh_dates_free(&ds);
	akh_tokens_free(&t);
	return 0;
}
