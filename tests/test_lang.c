/*
 * test_lang.c — unit tests of akh_detect_lang().
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "akh_test.h"

#include "lang.h"


static const char *
lang_of(const char *s)
{
	akh_lang	lang;

	assert_int_equal(akh_detect_lang(folder, &akh_env_malloc, s, strlen(s), &lang), AKH_OK);
	return akh_lang_code(lang);
}

static void
expect(const char *s, const char *code)
{
	const char *got = lang_of(s);

	if (code == NULL ? got != NULL : (got == NULL || strcmp(got, code) != 0))
		fail_msg("lang(\"%s\") = %s, expected %s", s, got ? got : "NULL", code ? code : "NULL");
}

static void
test_arabic(void **state)
{
	(void) state;
	expect("التقى وزير الخارجية الصيني نظيره الروسي في جاكرتا", "ar");
	expect("قال بوتين إن روسيا (Russia) ستواصل العمل مع الصين", "ar");
}

static void
test_french(void **state)
{
	(void) state;
	expect("Le président russe Vladimir Poutine a rencontré son homologue chinois.", "fr");
	expect("l’ONU et d’autres pays de l’OTSC", "fr");
	expect("Pékin", "fr");
}

static void
test_english(void **state)
{
	(void) state;
	expect("The Russian president met his Chinese counterpart in Beijing on Friday.", "en");
	expect("Lavrov said that the talks were useful", "en");
}

static void
test_unknown(void **state)
{
	(void) state;
	expect("", NULL);
	expect("2023-07-13 12:00 !!! 42", NULL);
	expect("Vladimir Putin", NULL);
	expect("Москва и Пекин", NULL);
}

/* A French paragraph inside a longer Arabic article does not flip it. */
static void
test_quotation_does_not_flip(void **state)
{
	(void) state;
	expect("قال رئيس الدبلوماسية الصينية وانغ يي يوم الخميس في جاكرتا إن الصين ستعزز علاقاتها "
		   "في الاتصالات والتنسيق الاستراتيجي مع روسيا، والتي تقدم لها بكين الدعم الدبلوماسي "
		   "والاقتصادي. Le patron de la diplomatie chinoise a également indiqué que la Chine "
		   "et la Russie allaient se prémunir.", "ar");
}

static void
test_invalid_utf8(void **state)
{
	akh_lang	lang;

	(void) state;
	assert_int_equal(akh_detect_lang(folder, &akh_env_malloc, "le \xC3", 4, &lang), AKH_EUTF8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arabic),
		cmocka_unit_test(test_french),
		cmocka_unit_test(test_english),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_quotation_does_not_flip),
		cmocka_unit_test(test_invalid_utf8),
	};

	return cmocka_run_group_tests_name("lang", tests, setup, teardown);
}
