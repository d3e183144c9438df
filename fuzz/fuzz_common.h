/*
 * fuzz_common.h — what the libFuzzer targets of fuzz/ share: the folder (built once per
 * process, like the one PostgreSQL builds per backend), an invariant check that aborts, and a
 * UTF-8 validator written independently of the engine's decoder, so that a bug there cannot
 * hide itself.
 *
 * Every target takes arbitrary bytes, not necessarily UTF-8: that the engine answers AKH_EUTF8
 * exactly when the input is not well-formed, and never reads past it, is half of the point.
 */
#ifndef AKH_FUZZ_COMMON_H
#define AKH_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#endif							/* AKH_FUZZ_COMMON_H */
