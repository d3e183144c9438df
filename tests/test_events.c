/*
 * test_events.c — the event extractor on invented sentences: triggers, actors, speakers,
 * places, periods and the main event.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "akh_test.h"
#include "events.h"

static akh_gazetteer *gaz;
static akh_event_lexicon *lex;

static void
entity(int64_t id, akh_kind kind, const char *name, const char *country, const char *roles,
	   const char *const *aliases, const char *const *adjectives)
{
	uint32_t	idx;

	assert_int_equal(akh_gaz_add_entity(gaz, id, kind, name, strlen(name), country, &idx), AKH_OK);
	assert_int_equal(akh_gaz_add_alias(gaz, idx, name, strlen(name), false), AKH_OK);
	for (; aliases != NULL && *aliases != NULL; aliases++)
		assert_int_equal(akh_gaz_add_alias(gaz, idx, *aliases, strlen(*aliases), false), AKH_OK);
	for (; adjectives != NULL && *adjectives != NULL; adjectives++)
		assert_int_equal(akh_gaz_add_alias(gaz, idx, *adjectives, strlen(*adjectives), true), AKH_OK);
	if (roles != NULL)
		assert_int_equal(akh_gaz_add_roles(gaz, idx, roles, strlen(roles)), AKH_OK);
}

static int
setup_all(void **state)
{
	if (setup(state) != 0 || akh_gaz_new(folder, &akh_env_malloc, &gaz) != AKH_OK ||
		akh_event_lexicon_new(folder, &akh_env_malloc, &lex) != AKH_OK)
		return -1;
	entity(1, AKH_KIND_PERSON, "Wang Yi", "CN", "foreign_minister:CN:2013-2022;foreign_minister:CN:2023-",
		   (const char *const[]) {"وانغ يي", NULL}, NULL);
	entity(2, AKH_KIND_PERSON, "Sergey Lavrov", "RU", "foreign_minister:RU:2004-",
		   (const char *const[]) {"Sergueï Lavrov", "سيرغي لافروف", "سيرجي لافروف", NULL}, NULL);
	entity(3, AKH_KIND_PLACE, "Jakarta", "ID", NULL, (const char *const[]) {"جاكرتا", NULL}, NULL);
	entity(4, AKH_KIND_PLACE, "Cambodia", "KH", NULL, (const char *const[]) {"كمبوديا", "Cambodge", NULL},
		   (const char *const[]) {"cambodgien", "الكمبودي", NULL});
	entity(5, AKH_KIND_PLACE, "China", "CN", NULL, (const char *const[]) {"الصين", "Chine", NULL},
		   (const char *const[]) {"chinois", "الصيني", NULL});
	entity(6, AKH_KIND_PLACE, "Russia", "RU", NULL, (const char *const[]) {"روسيا", "Russie", NULL},
		   (const char *const[]) {"russe", "الروسي", NULL});
	entity(7, AKH_KIND_PLACE, "Beijing", "CN", NULL, (const char *const[]) {"بكين", "Pékin", NULL}, NULL);
	entity(8, AKH_KIND_PLACE, "East Asia", NULL, NULL, (const char *const[]) {"شرق آسيا", NULL}, NULL);
	entity(11, AKH_KIND_PLACE, "Indonesia", "ID", NULL, (const char *const[]) {"Indonésie", "إندونيسيا", NULL},
		   (const char *const[]) {"indonésien", "الإندونيسي", NULL});
	entity(9, AKH_KIND_ORG, "Agence France-Presse", "FR", NULL, (const char *const[]) {"AFP", NULL}, NULL);
	entity(10, AKH_KIND_ORG, "United Nations Security Council", NULL, NULL,
		   (const char *const[]) {"Conseil de sécurité", NULL}, NULL);
	return 0;
}

static int
teardown_all(void **state)
{
	akh_event_lexicon_free(lex);
	akh_gaz_free(gaz);
	return teardown(state);
}

/*
 * The events of text published on day `published` (or AKH_NO_DATE), one literal per line, "*"
 * before the main one.
 */
static char *
events_at(const char *text, int32_t published)
{
	int			y = 0;
	int			m;
	int			d;
	akh_tokens	t;
	akh_mentions ms;
	akh_dates	ds;
	akh_found_events ev;
	akh_buf		out;
	size_t		n = strlen(text);

	akh_tokens_init(&t, &akh_env_malloc);
	akh_mentions_init(&ms, &akh_env_malloc);
	akh_dates_init(&ds, &akh_env_malloc);
	akh_found_events_init(&ev, &akh_env_malloc);
	akh_buf_init(&out, &akh_env_malloc);
	/* The year offices are resolved in, as akhbar.events() takes it. */
	if (published != AKH_NO_DATE)
		akh_civil_from_days(published, &y, &m, &d);
	assert_int_equal(akh_tokenize(folder, text, n, &t), AKH_OK);
	assert_int_equal(akh_gaz_extract_tokens_at(gaz, text, &t, y, &akh_env_malloc, &ms), AKH_OK);
	assert_int_equal(akh_dates_find(text, &t, published, &akh_env_malloc, &ds), AKH_OK);
	assert_int_equal(akh_events_find(lex, gaz, text, &t, &ms, &ds, published, &ev), AKH_OK);
	for (size_t i = 0; i < ev.n; i++)
	{
		akh_buf		packed;
		akh_event_view v;

		akh_buf_init(&packed, &akh_env_malloc);
		assert_int_equal(akh_found_event_pack(folder, gaz, text, &ms, &ev.e[i], &packed), AKH_OK);
		assert_true(akh_event_view_of(packed.data, packed.len, &v));
		if (ev.e[i].main)
			assert_int_equal(akh_buf_append(&out, "*", 1), AKH_OK);
		assert_int_equal(akh_event_print(&v, &out), AKH_OK);
		assert_int_equal(akh_buf_append(&out, "\n", 1), AKH_OK);
		/* The trigger's offsets point into the text. */
		assert_true(ev.e[i].byte_start + ev.e[i].byte_len <= n);
		akh_buf_free(&packed);
	}
	assert_int_equal(akh_buf_append(&out, "", 1), AKH_OK);
	akh_found_events_free(&ev);
	akh_dates_free(&ds);
	akh_mentions_free(&ms);
	akh_tokens_free(&t);
	return out.data;
}

/* The same, published on y-m-d (or without a publication date when y is 0). */
static char *
events_of(const char *text, int y, int m, int d)
{
	return events_at(text, y > 0 ? akh_days_from_civil(y, m, d) : AKH_NO_DATE);
}

static void
assert_events(const char *text, int y, int m, int d, const char *expected)
{
	char	   *got = events_of(text, y, m, d);

	assert_string_equal(got, expected);
	free(got);
}

static void
test_meeting_in_french(void **state)
{
	(void) state;
	/* Saturday 2023-07-15: "vendredi" is the 14th; the office and the name are one actor. */
	assert_events("Le ministre russe des Affaires étrangères Sergueï Lavrov a rencontré vendredi "
				  "à Jakarta son homologue chinois Wang Yi.", 2023, 7, 15,
				  "*meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-14,2023-07-15)\n");
}

static void
test_statement_speaker(void **state)
{
	(void) state;
	/* The speaker follows the verb and comes before what was said. */
	assert_events("قال وانغ يي إن الصين مستعدة للعمل مع لافروف.", 2023, 7, 13,
				  "*statement{Wang Yi}[2023-07-13,2023-07-14)\n");
	/* After a quotation, the speaker follows the verb. */
	assert_events("« Nous sommes prêts », a déclaré Wang Yi.", 2023, 7, 13,
				  "*statement{Wang Yi}[2023-07-13,2023-07-14)\n");
}

static void
test_statement_told_in_a_call(void **state)
{
	(void) state;
	assert_events("وقال وانغ يي في اتصال هاتفي مع سيرغي لافروف أمس إن البلدين سيعززان التعاون.",
				  2023, 7, 13, "*call{Sergey Lavrov,Wang Yi}[2023-07-12,2023-07-13)\n");
}

static void
test_main_event_and_headline_place(void **state)
{
	(void) state;
	/*
	 * The headline says where; the lead says who and when; a statement comes later. The
	 * headline's event takes the people of the lead, and the date of the lead's event.
	 */
	assert_events("وزيرا خارجية الصين وروسيا يلتقيان في كمبوديا\n\n"
				  "التقى وزير الخارجية الصيني وانغ يي يوم الجمعة مع سيرجي لافروف على هامش اجتماعات في شرق آسيا.\n\n"
				  "وقال وانغ إن البلدين سيعززان التعاون.", 2022, 8, 5,
				  "*meet{Sergey Lavrov,Wang Yi}@Cambodia[2022-08-05,2022-08-06)\n"
				  "meet{Sergey Lavrov,Wang Yi}[2022-08-05,2022-08-06)\n"
				  "statement{Wang Yi}[2022-08-05,2022-08-06)\n");
}

static void
test_dateline_comes_last(void **state)
{
	(void) state;
	assert_events("Jakarta - Pékin défendra ses intérêts, a déclaré vendredi Wang Yi.", 2021, 12, 18,
				  "*statement{Wang Yi}@Beijing[2021-12-17,2021-12-18)\n");
}

static void
test_topic_is_no_place(void **state)
{
	(void) state;
	/* « la guerre en Russie » is what they discussed; the dateline says where */
	assert_events("Jakarta - Wang Yi a rencontré jeudi Sergueï Lavrov pour évoquer la guerre en Russie.",
				  2023, 7, 14, "*meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14)\n");
}

static void
test_lead_completes_headline(void **state)
{
	(void) state;
	/* The headline's visit takes the host and the city that the lead adds */
	assert_events("Wang Yi attendu jeudi en Indonésie pour une visite\n\n"
				  "Pékin, 12 juillet 2023 (AFP) - Wang Yi se rendra jeudi à Jakarta pour une visite à "
				  "l'invitation de Sergueï Lavrov.", 2023, 7, 12,
				  "*visit{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14)\n"
				  "visit{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14)\n");
}

static void
test_dateline_city_refines(void **state)
{
	(void) state;
	/* The dateline on its own line: the city of the country the lead names */
	assert_events("جاكرتا - أ ف ب\n"
				  "التقى وانغ يي يوم الخميس سيرغي لافروف في إندونيسيا.", 2023, 7, 14,
				  "*meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14)\n");
}

static void
test_call_takes_its_meeting(void **state)
{
	(void) state;
	/* « s'est entretenu » is a meeting word; « au téléphone » in the same sentence makes it a call */
	assert_events("Wang Yi s'est entretenu jeudi au téléphone avec Sergueï Lavrov.", 2023, 7, 14,
				  "*call{Sergey Lavrov,Wang Yi}[2023-07-13,2023-07-14)\n");
}

static void
test_dateline_agency_acts_in_nothing(void **state)
{
	(void) state;
	/* The agency of a dateline is not who voted; its city is where the report was filed */
	assert_events("Jakarta, 13 juillet 2023 (AFP) - Le Conseil de sécurité a voté jeudi une résolution.",
				  2023, 7, 13, "*vote{United Nations Security Council}@Jakarta[2023-07-13,2023-07-14)\n");
}

static void
test_what_took_place_first(void **state)
{
	(void) state;
	/* The election is still to come; the protest took place yesterday */
	assert_events("Candidat à l'élection du 18 juillet prochain, Wang Yi a été hier la cible de milliers "
				  "de manifestants à Pékin.", 2023, 7, 13,
				  "election{Wang Yi}@Beijing[2023-07-18,2023-07-19)\n"
				  "*protest{Wang Yi}@Beijing[2023-07-12,2023-07-13)\n");
}

static void
test_no_publication_date(void **state)
{
	(void) state;
	assert_events("Wang Yi a rencontré Sergueï Lavrov.", 0, 0, 0, "*meet{Sergey Lavrov,Wang Yi}\n");
	assert_events("Wang Yi a rencontré Sergueï Lavrov le 13 juillet 2023.", 0, 0, 0,
				  "*meet{Sergey Lavrov,Wang Yi}[2023-07-13,2023-07-14)\n");
}

/*
 * Found by fuzz/fuzz_events.c: a publication date outside the years 1..9999 an event literal
 * writes is none (PostgreSQL's infinities are not days, published + 1 overflowed for one), and
 * a date of the text counted past 9999-12-31 is not the event's period.
 */
static void
test_publication_date_out_of_range(void **state)
{
	static const struct
	{
		int32_t		published;
		const char *expected;
	}			cases[] = {
		{INT32_MAX, "*meet{Sergey Lavrov,Wang Yi}\n"},
		{INT32_MIN + 1, "*meet{Sergey Lavrov,Wang Yi}\n"},
		{2145031948, "*meet{Sergey Lavrov,Wang Yi}\n"},	/* 5874897-12-31 */
		{-2451545, "*meet{Sergey Lavrov,Wang Yi}\n"},	/* 4714-11-24 BC */
		{2921939, "*meet{Sergey Lavrov,Wang Yi}[9999-12-31,9999-12-31]\n"},	/* 9999-12-31 */
		{-730119, "*meet{Sergey Lavrov,Wang Yi}[0001-01-01,0001-01-02)\n"},	/* 0001-01-01 */
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		char	   *got = events_at("Wang Yi a rencontré Sergueï Lavrov.", cases[i].published);

		assert_string_equal(got, cases[i].expected);
		free(got);
	}
	/* "demain" on 9999-12-31 would be 10000-01-01: the day of publication instead. */
	{
		char	   *got = events_at("Wang Yi rencontrera Sergueï Lavrov demain.", 2921939);

		assert_string_equal(got, "*meet{Sergey Lavrov,Wang Yi}[9999-12-31,9999-12-31]\n");
		free(got);
	}
}

static void
test_no_events(void **state)
{
	(void) state;
	assert_events("", 2023, 1, 1, "");
	assert_events("Wang Yi et Sergueï Lavrov.", 2023, 1, 1, "");
	assert_events("\xD9\x91\xD9\x91\xD9\x91 \xE2\x80\x8F\xE2\x80\x8F", 2023, 1, 1, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_meeting_in_french),
		cmocka_unit_test(test_statement_speaker),
		cmocka_unit_test(test_statement_told_in_a_call),
		cmocka_unit_test(test_main_event_and_headline_place),
		cmocka_unit_test(test_dateline_comes_last),
		cmocka_unit_test(test_topic_is_no_place),
		cmocka_unit_test(test_lead_completes_headline),
		cmocka_unit_test(test_dateline_city_refines),
		cmocka_unit_test(test_call_takes_its_meeting),
		cmocka_unit_test(test_dateline_agency_acts_in_nothing),
		cmocka_unit_test(test_what_took_place_first),
		cmocka_unit_test(test_no_publication_date),
		cmocka_unit_test(test_publication_date_out_of_range),
		cmocka_unit_test(test_no_events),
	};

	return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
