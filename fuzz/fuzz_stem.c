/*
 * fuzz_stem.c — libFuzzer target for the Arabic and French lexemes of text search,
 * akh_lexeme_ar() and akh_lexeme_fr(); each input goes through both.
 *
 * Checks: AKH_OK on well-formed UTF-8 and AKH_EUTF8 otherwise; the lexeme is appended after
 * what the buffer held, which nothing touches; after an error or for a stop word nothing is
 * appended, otherwise a non-empty UTF-8 lexeme. The Arabic stemmer only strips affixes from
 * the folded word: its lexeme is a part of fold(word).
 */
#include "fuzz_common.h"

#include "stem_ar.h"
#include "stem_fr.h"

typedef akh_status (*lexeme_fn) (const akh_folder *f, const char *w, size_t n, akh_buf *out,
								 bool *is_stop);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_folder_init();
	return 0;
}

/* Runs one stemmer on w into out (initialized here, freed by the caller) and checks it. */
static void
check_lexeme(lexeme_fn fn, const char *w, size_t n, bool valid, akh_buf *out)
{
	bool		is_stop = false;
	akh_status	st;

	akh_buf_init(out, &akh_env_malloc);
	FUZZ_CHECK(akh_buf_append(out, HEADER, HEADER_LEN) == AKH_OK);
	st = fn(fuzz_folder, w, n, out, &is_stop);
	fuzz_check_status(st, valid);
	FUZZ_CHECK(out->len >= HEADER_LEN && memcmp(out->data, HEADER, HEADER_LEN) == 0);
	if (st != AKH_OK || is_stop)
		FUZZ_CHECK(out->len == HEADER_LEN);
	else
	{
		FUZZ_CHECK(out->len > HEADER_LEN);
		FUZZ_CHECK(fuzz_valid_utf8(out->data + HEADER_LEN, out->len - HEADER_LEN));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *w = (const char *) data;
	bool		valid = fuzz_valid_utf8(w, size);
	akh_buf		ar;
	akh_buf		fr;

	check_lexeme(akh_lexeme_ar, w, size, valid, &ar);
	if (ar.len > HEADER_LEN)
	{
		akh_buf		folded;

		akh_buf_init(&folded, &akh_env_malloc);
		FUZZ_CHECK(akh_fold(fuzz_folder, w, size, &folded) == AKH_OK);
		FUZZ_CHECK(memmem(folded.data, folded.len, ar.data + HEADER_LEN, ar.len - HEADER_LEN) != NULL);
		akh_buf_free(&folded);
	}
	akh_buf_free(&ar);

	check_lexeme(akh_lexeme_fr, w, size, valid, &fr);
	akh_buf_free(&fr);
	return 0;
}
