/*
 * fuzz_clean.c — libFuzzer target for akh_clean().
 *
 * Checks: AKH_OK on well-formed UTF-8 and AKH_EUTF8 otherwise, the buffer as it was after an
 * error; the output is appended after what the buffer held, is UTF-8, no longer than the
 * input, without a line break at either end, and each of its non-empty lines is a line of the
 * input (kept lines are copied byte for byte).
 */
#include "fuzz_common.h"

#include "clean.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_folder_init();
	return 0;
}

/* Length of the line break at s[i] (\n, \r\n, \r, U+2028, U+2029, as clean.c), or 0. */
static size_t
break_at(const char *s, size_t n, size_t i)
{
	if (s[i] == '\n')
		return 1;
	if (s[i] == '\r')
		return i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
	if (i + 2 < n && memcmp(s + i, "\xE2\x80", 2) == 0 && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9'))
		return 3;
	return 0;
}

/* A line break ends just before s[i]. */
static bool
break_before(const char *s, size_t i)
{
	return i >= 1 && (s[i - 1] == '\n' || s[i - 1] == '\r' ||
					  (i >= 3 && memcmp(s + i - 3, "\xE2\x80", 2) == 0 &&
					   (s[i - 1] == '\xA8' || s[i - 1] == '\xA9')));
}

/* line[0..len) is a whole line of s[0..n): a substring between line breaks or the ends. */
static bool
is_line_of(const char *line, size_t len, const char *s, size_t n)
{
	for (size_t i = 0; i <= n && len <= n - i;)
	{
		const char *hit = len == 0 ? s + i : memmem(s + i, n - i, line, len);
		size_t		at;

		if (hit == NULL)
			return false;
		at = (size_t) (hit - s);
		if ((at == 0 || break_before(s, at)) && (at + len == n || break_at(s, n, at + len) > 0))
			return true;
		i = at + 1;
	}
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	akh_buf		out;
	akh_status	st;

	akh_buf_init(&out, &akh_env_malloc);
	FUZZ_CHECK(akh_buf_append(&out, HEADER, HEADER_LEN) == AKH_OK);
	st = akh_clean(fuzz_folder, s, size, &out);
	fuzz_check_status(st, fuzz_valid_utf8(s, size));
	FUZZ_CHECK(out.len >= HEADER_LEN && memcmp(out.data, HEADER, HEADER_LEN) == 0);
	if (st != AKH_OK)
		FUZZ_CHECK(out.len == HEADER_LEN);
	else
	{
		const char *c = out.data + HEADER_LEN;
		size_t		cn = out.len - HEADER_LEN;

		FUZZ_CHECK(cn <= size);
		FUZZ_CHECK(fuzz_valid_utf8(c, cn));
		if (cn > 0)
			FUZZ_CHECK(break_at(c, cn, 0) == 0 && !break_before(c, cn));
		/*
		 * Every line of the output is a line of the input (quadratic: short input only), but
		 * the empty line clean() writes where it dropped lines around blank ones.
		 */
		for (size_t i = 0; size <= 4096 && i < cn;)
		{
			size_t		j = i;

			while (j < cn && break_at(c, cn, j) == 0)
				j++;
			FUZZ_CHECK(j == i || is_line_of(c + i, j - i, s, size));
			i = j < cn ? j + break_at(c, cn, j) : cn;
		}
	}
	akh_buf_free(&out);
	return 0;
}
