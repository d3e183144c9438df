/*
 * fuzz_lang.c — libFuzzer target for akh_detect_lang().
 *
 * Checks: AKH_OK on well-formed UTF-8 and AKH_EUTF8 otherwise; the language is one of the
 * enum's values, unknown after an error, and has a code exactly when it is known; the answer
 * does not change when the text is read again (the detector keeps no state).
 */
#include "fuzz_common.h"

#include "lang.h"

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
	akh_lang	lang = AKH_LANG_EN;
	akh_lang	again = AKH_LANG_UNKNOWN;
	akh_status	st;

	st = akh_detect_lang(fuzz_folder, &akh_env_malloc, s, size, &lang);
	fuzz_check_status(st, fuzz_valid_utf8(s, size));
	FUZZ_CHECK(lang == AKH_LANG_UNKNOWN || lang == AKH_LANG_AR || lang == AKH_LANG_FR ||
			   lang == AKH_LANG_EN);
	FUZZ_CHECK((akh_lang_code(lang) == NULL) == (lang == AKH_LANG_UNKNOWN));
	if (st != AKH_OK)
		FUZZ_CHECK(lang == AKH_LANG_UNKNOWN);
	FUZZ_CHECK(akh_detect_lang(fuzz_folder, &akh_env_malloc, s, size, &again) == st);
	FUZZ_CHECK(again == lang);
	return 0;
}
