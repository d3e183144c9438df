/*
 * fuzz_namekey.c — libFuzzer target for akh_name_key() and akh_name_similarity().
 *
 * The input is two names separated by the first tab (the second is empty without one).
 * Checks: AKH_OK on well-formed UTF-8 and AKH_EUTF8 otherwise, the buffer as it was after an
 * error; a key is made of the class letters only, no letter twice in a row (runs collapse);
 * similarity lies in [0, 1], is symmetric, is 0 for an invalid or keyless name and 1 for a name
 * compared with itself when it has a key (and is short enough not to be cut).
 */
#include "fuzz_common.h"

#include "namekey.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_folder_init();
	return 0;
}

/* Checks the key of s[0..n); *has_key receives whether it is non-empty. */
static void
check_key(const char *s, size_t n, bool valid, bool *has_key)
{
	akh_buf		out;
	akh_status	st;

	akh_buf_init(&out, &akh_env_malloc);
	FUZZ_CHECK(akh_buf_append(&out, HEADER, HEADER_LEN) == AKH_OK);
	st = akh_name_key(fuzz_folder, s, n, &out);
	fuzz_check_status(st, valid);
	FUZZ_CHECK(out.len >= HEADER_LEN && memcmp(out.data, HEADER, HEADER_LEN) == 0);
	if (st != AKH_OK)
		FUZZ_CHECK(out.len == HEADER_LEN);
	for (size_t i = HEADER_LEN; i < out.len; i++)
	{
		FUZZ_CHECK(out.data[i] != '\0' && strchr("bdfghklmnrst", out.data[i]) != NULL);
		FUZZ_CHECK(i == HEADER_LEN || out.data[i] != out.data[i - 1]);
	}
	*has_key = out.len > HEADER_LEN;
	akh_buf_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *a = (const char *) data;
	const char *tab = size > 0 ? memchr(a, '\t', size) : NULL;
	size_t		an = tab != NULL ? (size_t) (tab - a) : size;
	const char *b = tab != NULL ? tab + 1 : a + size;
	size_t		bn = size - an - (tab != NULL);
	bool		a_valid = fuzz_valid_utf8(a, an);
	bool		b_valid = fuzz_valid_utf8(b, bn);
	bool		a_key;
	bool		b_key;
	double		ab;
	double		ba;
	double		aa;

	check_key(a, an, a_valid, &a_key);
	check_key(b, bn, b_valid, &b_key);

	ab = akh_name_similarity(fuzz_folder, a, an, b, bn);
	ba = akh_name_similarity(fuzz_folder, b, bn, a, an);
	aa = akh_name_similarity(fuzz_folder, a, an, a, an);
	FUZZ_CHECK(ab >= 0.0 && ab <= 1.0);
	FUZZ_CHECK(ab == ba);
	/* Names within the cut are compared whole. */
	if (an <= AKH_NAME_CUT && bn <= AKH_NAME_CUT && (!a_valid || !b_valid || !a_key || !b_key))
		FUZZ_CHECK(ab == 0.0);
	if (an <= AKH_NAME_CUT)
		FUZZ_CHECK(aa == (a_valid && a_key ? 1.0 : 0.0));
	return 0;
}
