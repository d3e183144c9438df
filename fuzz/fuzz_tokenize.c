/*
 * fuzz_tokenize.c — libFuzzer target for akh_tokenize().
 *
 * Checks: AKH_OK on well-formed UTF-8 and AKH_EUTF8 otherwise; on success, every word is
 * non-empty, lies within the input on code point boundaries, follows the previous one without
 * overlapping it, and its character offsets count the code points before and inside it; its
 * folded form lies within the folded buffer, after the previous word's, and is UTF-8; script
 * and caps are values of their enums. Tokens are freed on error too.
 */
#include "fuzz_common.h"

#include "tokenize.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_folder_init();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	akh_tokens	t;
	akh_status	st;
	size_t		byte_end = 0;	/* end of the previous word */
	size_t		chars = 0;		/* code points in s[0..byte_end) */
	size_t		fold_end = 0;

	akh_tokens_init(&t, &akh_env_malloc);
	st = akh_tokenize(fuzz_folder, s, size, &t);
	fuzz_check_status(st, fuzz_valid_utf8(s, size));
	for (size_t k = 0; st == AKH_OK && k < t.n; k++)
	{
		const akh_token *tok = &t.tok[k];

		FUZZ_CHECK(tok->byte_len > 0 && tok->char_len > 0);
		FUZZ_CHECK(tok->byte_start >= byte_end && tok->byte_start <= size &&
				   tok->byte_len <= size - tok->byte_start);
		FUZZ_CHECK(fuzz_char_boundary(s, size, tok->byte_start) &&
				   fuzz_char_boundary(s, size, tok->byte_start + tok->byte_len));
		chars += fuzz_chars(s + byte_end, tok->byte_start - byte_end);
		FUZZ_CHECK(tok->char_start == chars);
		FUZZ_CHECK(tok->char_len == fuzz_chars(s + tok->byte_start, tok->byte_len));
		chars += tok->char_len;
		byte_end = tok->byte_start + tok->byte_len;

		FUZZ_CHECK(tok->fold_off >= fold_end && tok->fold_off <= t.folded.len &&
				   tok->fold_len <= t.folded.len - tok->fold_off);
		FUZZ_CHECK(fuzz_valid_utf8(akh_token_folded(&t, tok), tok->fold_len));
		fold_end = tok->fold_off + tok->fold_len;

		FUZZ_CHECK(tok->script <= AKH_SCRIPT_OTHER);
		FUZZ_CHECK(tok->caps <= AKH_CAPS_ALL);
	}
	akh_tokens_free(&t);
	return 0;
}
