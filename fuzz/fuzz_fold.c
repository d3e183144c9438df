/*
 * fuzz_fold.c — libFuzzer target for akh_fold().
 *
 * Checks: AKH_OK on well-formed UTF-8 and AKH_EUTF8 otherwise; the output is UTF-8 with its
 * white space collapsed (single spaces, none at either end, no tab or line break); on short
 * input without long combining sequences, the fast path agrees with akh_fold_reference(), the
 * ICU-only path.
 *
 * Not checked: fold(fold(x)) = fold(x). It holds for every code point alone (tests/test_fold.c)
 * but not for every text, because fold() deletes code points after NFKC and what the deletion
 * brings together is not normalized again: ᄀ U+0300 ᅡ folds to the jamo 가, which fold
 * composes to 가; न ZWSP ़ folds to ऩ, then to ऩ; ب U+0610 tatweel U+0618 folds to two
 * marks out of canonical order, which a second fold reorders.
 */
#include "fuzz_common.h"

#include <unicode/unorm2.h>

/* The ICU-only path allocates about 430 bytes per input byte: compare on short input only. */
#define REFERENCE_MAX 4096

/*
 * Longest run of code points without an NFKC boundary before them that the comparison accepts:
 * akh_fold cuts such runs at 32 code points (UAX #15 stream-safe format), the reference does
 * not, so beyond that the two differ by design.
 */
#define COMBINING_RUN_MAX 16

static const UNormalizer2 *nfkc;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	UErrorCode	err = U_ZERO_ERROR;

	fuzz_folder_init();
	nfkc = unorm2_getNFKCInstance(&err);
	if (U_FAILURE(err))
		abort();
	return 0;
}

/* s[0..n) (valid UTF-8) has a run of more than COMBINING_RUN_MAX code points that combine. */
static bool
long_combining_run(const char *s, size_t n)
{
	size_t		run = 0;

	for (size_t i = 0; i < n;)
	{
		uint32_t	cp;
		int			l = akh_utf8_decode((const unsigned char *) s + i, n - i, &cp);

		i += (size_t) l;
		run = unorm2_hasBoundaryBefore(nfkc, (UChar32) cp) ? 0 : run + 1;
		if (run > COMBINING_RUN_MAX)
			return true;
	}
	return false;
}

static void
check_white_space(const char *s, size_t n)
{
	if (n == 0)
		return;
	FUZZ_CHECK(s[0] != ' ' && s[n - 1] != ' ');
	for (size_t i = 0; i < n; i++)
	{
		FUZZ_CHECK(s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\v' && s[i] != '\f');
		FUZZ_CHECK(!(s[i] == ' ' && i + 1 < n && s[i + 1] == ' '));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	bool		valid = fuzz_valid_utf8(s, size);
	akh_buf		out;
	akh_status	st;

	akh_buf_init(&out, &akh_env_malloc);
	FUZZ_CHECK(akh_buf_append(&out, HEADER, HEADER_LEN) == AKH_OK);
	st = akh_fold(fuzz_folder, s, size, &out);
	fuzz_check_status(st, valid);
	FUZZ_CHECK(out.len >= HEADER_LEN && memcmp(out.data, HEADER, HEADER_LEN) == 0);
	if (st == AKH_OK)
	{
		const char *folded = out.data + HEADER_LEN;
		size_t		folded_len = out.len - HEADER_LEN;

		FUZZ_CHECK(fuzz_valid_utf8(folded, folded_len));
		check_white_space(folded, folded_len);

		if (size <= REFERENCE_MAX && !long_combining_run(s, size))
		{
			akh_buf		ref;

			akh_buf_init(&ref, &akh_env_malloc);
			FUZZ_CHECK(akh_fold_reference(fuzz_folder, s, size, &ref) == AKH_OK);
			FUZZ_CHECK(fuzz_same(ref.data, ref.len, folded, folded_len));
			akh_buf_free(&ref);
		}
	}
	akh_buf_free(&out);
	return 0;
}
