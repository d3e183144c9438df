/*
 * fuzz_common.h — what the libFuzzer targets of fuzz/ share: the folder (built once per
 * process, like the one PostgreSQL builds per backend), an invariant check that aborts, and a
 * UTF-8 validator written independently of the engine's decoder, so that a bug there cannot
 * hide itself.
 *
 * Every target takes arbitrary bytes, not necessarily UTF-8: that the engine answers AKH_EUTF8
 * exactly when the input is not well-formed, and never reads past it, is half of the point.
 *
 * The date and event targets also share how they read a publication date from the first bytes
 * of their input (fuzz_published).
 */
#ifndef AKH_FUZZ_COMMON_H
#define AKH_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "fold.h"

static akh_folder *fuzz_folder;

/*
 * What an output buffer holds before the engine appends to it, as PostgreSQL reserves a
 * varlena header: the engine must append after it and leave it alone.
 */
#define HEADER "hdr:"
#define HEADER_LEN 4

/* scripts/fuzz.sh reports the first line holding "INVARIANT" as the reason a target failed. */
#define FUZZ_CHECK(cond) \
	do { \
		if (!(cond)) \
			fuzz_fail(__FILE__, __LINE__, #cond); \
	} while (0)

static inline void
fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "INVARIANT %s:%d: %s\n", file, line, what);
	abort();
}

static inline void
fuzz_folder_init(void)
{
	if (fuzz_folder == NULL && akh_folder_new(&akh_env_malloc, &fuzz_folder) != AKH_OK)
	{
		fprintf(stderr, "akh_folder_new failed\n");
		abort();
	}
}

/* A status the engine can return: one of the enum's values. */
static inline bool
fuzz_status_ok(akh_status st)
{
	return st == AKH_OK || st == AKH_ENOMEM || st == AKH_EUTF8 || st == AKH_EICU ||
		st == AKH_ETOOBIG;
}

/*
 * Length of the well-formed UTF-8 sequence at s[0..n) (Unicode 15, table 3-7), 0 if there is
 * none: no overlong forms, no surrogates, nothing above U+10FFFF.
 */
static inline size_t
fuzz_utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char lo = 0x80;
	unsigned char hi = 0xBF;
	size_t		len;

	if (s[0] <= 0x7F)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
	{
		len = 3;
		if (s[0] == 0xE0)
			lo = 0xA0;
		else if (s[0] == 0xED)
			hi = 0x9F;
	}
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
	{
		len = 4;
		if (s[0] == 0xF0)
			lo = 0x90;
		else if (s[0] == 0xF4)
			hi = 0x8F;
	}
	else
		return 0;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t k = 2; k < len; k++)
		if (s[k] < 0x80 || s[k] > 0xBF)
			return 0;
	return len;
}

static inline bool
fuzz_valid_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *) s;

	for (size_t i = 0; i < n;)
	{
		size_t		l = fuzz_utf8_seq(p + i, n - i);

		if (l == 0)
			return false;
		i += l;
	}
	return true;
}

/* Code points in s[0..n) (valid UTF-8): every byte but continuation bytes starts one. */
static inline size_t
fuzz_chars(const char *s, size_t n)
{
	size_t		c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char) s[i] & 0xC0) != 0x80;
	return c;
}

/* Byte i of s[0..n) starts a code point, or is the end. */
static inline bool
fuzz_char_boundary(const char *s, size_t n, size_t i)
{
	return i == n || (i < n && ((unsigned char) s[i] & 0xC0) != 0x80);
}

/* a[0..an) and b[0..bn) hold the same bytes (either may be NULL when empty). */
static inline bool
fuzz_same(const char *a, size_t an, const char *b, size_t bn)
{
	return an == bn && (an == 0 || memcmp(a, b, an) == 0);
}

/* The status an input of this validity must give: AKH_OK, or AKH_EUTF8 for invalid bytes. */
static inline void
fuzz_check_status(akh_status st, bool valid)
{
	FUZZ_CHECK(fuzz_status_ok(st));
	if (valid)
		FUZZ_CHECK(st == AKH_OK);
	else
		FUZZ_CHECK(st == AKH_EUTF8);
}

/*
 * Days since 2000-01-01 of the first and after the last day PostgreSQL's date type holds
 * (4714-11-24 BC, 5874897-12-31), and of the years an event literal writes (0001..9999).
 */
#define FUZZ_PG_MIN_DAY (-2451545)
#define FUZZ_PG_END_DAY 2145031949
#define FUZZ_LITERAL_MIN_DAY (-730119)
#define FUZZ_LITERAL_END_DAY 2921940

/*
 * The publication date of the date and event targets, read from the first
 * FUZZ_PUBLISHED_BYTES of their input (the text follows): byte 0 picks the mode, bytes 1..3
 * are a number v. Modes 0-3 (ASCII '0'..'3'): a day of 1990..2049, 1990-01-01 + v mod 21915,
 * as news has; 4: AKH_NO_DATE; 5: PostgreSQL's infinities and their neighbours (INT32_MAX,
 * INT32_MIN + 1, INT32_MAX - 1, INT32_MIN + 2); 6: a few days inside either end of
 * PostgreSQL's range or of the years 1..9999; 7: the four bytes as they are.
 */
#define FUZZ_PUBLISHED_BYTES 4

static inline int32_t
fuzz_published(const uint8_t *p)
{
	uint32_t	v = p[1] | (uint32_t) p[2] << 8 | (uint32_t) p[3] << 16;
	int32_t		off = (int32_t) (v / 4 % 8);
	uint32_t	raw = p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
	int32_t		days;

	switch (p[0] & 7)
	{
		case 4:
			return AKH_NO_DATE;
		case 5:
			switch (v % 4)
			{
				case 0:
					return INT32_MAX;
				case 1:
					return INT32_MIN + 1;
				case 2:
					return INT32_MAX - 1;
				default:
					return INT32_MIN + 2;
			}
		case 6:
			switch (v % 4)
			{
				case 0:
					return FUZZ_PG_MIN_DAY + off;
				case 1:
					return FUZZ_PG_END_DAY - 1 - off;
				case 2:
					return FUZZ_LITERAL_MIN_DAY + off;
				default:
					return FUZZ_LITERAL_END_DAY - 1 - off;
			}
		case 7:
			memcpy(&days, &raw, 4);
			return days;
		default:
			return akh_days_from_civil(1990, 1, 1) + (int32_t) (v % 21915);
	}
}

#endif							/* AKH_FUZZ_COMMON_H */
