/*
 * test_gazetteer.c — unit tests of the entity matcher: clitics, elision, case, longest match,
 * adjectives, short mentions, offsets, ambiguity, hostile input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gazetteer.h"

static akh_folder *folder;
static akh_gazetteer *gaz;

static uint32_t
entity_in(int64_t id, akh_kind kind, const char *name, const char *country,
		  const char *const *aliases, bool adj)
{
	uint32_t	index;

	assert_int_equal(akh_gaz_add_entity(gaz, id, kind, name, strlen(name), country, &index), AKH_OK);
	assert_int_equal(akh_gaz_add_alias(gaz, index, name, strlen(name), false), AKH_OK);
	for (int i = 0; aliases[i] != NULL; i++)
		assert_int_equal(akh_gaz_add_alias(gaz, index, aliases[i], strlen(aliases[i]),
										   adj && i == 0), AKH_OK);
	return index;
}

static void
entity(int64_t id, akh_kind kind, const char *name, const char *const *aliases, bool adj)
{
	entity_in(id, kind, name, NULL, aliases, adj);
}

static void
person(int64_t id, const char *name, const char *country, const char *roles, const char *const *aliases)
{
	uint32_t	index = entity_in(id, AKH_KIND_PERSON, name, country, aliases, false);

	assert_int_equal(akh_gaz_add_roles(gaz, index, roles, strlen(roles)), AKH_OK);
}

static int
setup(void **state)
{
	(void) state;
	if (akh_folder_new(&akh_env_malloc, &folder) != AKH_OK ||
		akh_gaz_new(folder, &akh_env_malloc, &gaz) != AKH_OK)
		return -1;
	entity_in(156, AKH_KIND_PLACE, "China", "CN", (const char *const[]) {"الصيني", "الصين", "Chine", NULL}, true);
	entity(10001, AKH_KIND_PLACE, "Beijing", (const char *const[]) {"بكين", "Pékin", NULL}, false);
	entity_in(643, AKH_KIND_PLACE, "Russia", "RU", (const char *const[]) {"russe", "روسيا", "Russie", NULL}, true);
	entity_in(644, AKH_KIND_PLACE, "Russia (adjectives)", "RU", (const char *const[]) {"الروسي", NULL}, true);
	entity_in(645, AKH_KIND_PLACE, "Russia (English)", "RU", (const char *const[]) {"Russian", NULL}, true);
	person(40010, "Sergey Lavrov", "RU", "foreign_minister:RU:2004-", (const char *const[]) {"Sergueï Lavrov", NULL});
	person(40011, "Dmitry Medvedev", "RU", "head_of_state:RU:2008-2012;head_of_government:RU:2012-2020",
		   (const char *const[]) {"Dmitri Medvedev", NULL});
	entity(20000, AKH_KIND_ORG, "United Nations", (const char *const[]) {"ONU", "الأمم المتحدة", "Nations unies", NULL}, false);
	entity(20001, AKH_KIND_ORG, "Shanghai Cooperation Organisation",
		   (const char *const[]) {"منظمة شنغهاي للتعاون", "شنغهاي", NULL}, false);
	person(40000, "Vladimir Putin", "RU", "head_of_state:RU:2000-2008;head_of_state:RU:2012-",
		   (const char *const[]) {"Vladimir Poutine", "فلاديمير بوتين", NULL});
	entity(40001, AKH_KIND_PERSON, "Wang Yi", (const char *const[]) {"وانغ يي", NULL}, false);
	entity(40002, AKH_KIND_PERSON, "Xi Jinping", (const char *const[]) {"شي جين بينغ", "شى جين بينج", NULL}, false);
	entity(10002, AKH_KIND_PLACE, "Tripoli", (const char *const[]) {"طرابلس", NULL}, false);
	entity(10003, AKH_KIND_PLACE, "Tripoli, Lebanon", (const char *const[]) {"طرابلس", NULL}, false);
	entity(20002, AKH_KIND_PLACE, "President Hotel", (const char *const[]) {NULL}, false);
	entity(10004, AKH_KIND_PLACE, "Cannes", (const char *const[]) {"كان", "مدينة كان", NULL}, false);
	return 0;
}

static int
teardown(void **state)
{
	(void) state;
	akh_gaz_free(gaz);
	akh_folder_free(folder);
	return 0;
}

/* "name:surface:start:len" of every mention, joined by '|'. */
static char *
extract(const char *s)
{
	akh_mentions m;
	static char out[4096];
	size_t		o = 0;

	akh_mentions_init(&m, &akh_env_malloc);
	assert_int_equal(akh_gaz_extract(gaz, s, strlen(s), &akh_env_malloc, &m), AKH_OK);
	out[0] = '\0';
	for (size_t i = 0; i < m.n; i++)
	{
		size_t		nl = 0;

		if (m.m[i].adjective)
		{
			/* Adjectives show as "+name", for the tests that look at them. */
			const char *an = akh_gaz_entity_name(gaz, m.m[i].entity, &nl);

			o += (size_t) snprintf(out + o, sizeof(out) - o, "%s+%.*s", o ? "|" : "", (int) nl, an);
			continue;
		}
		{
		const char *name = m.m[i].entity == AKH_NO_ENTITY ? "?" :
			akh_gaz_entity_name(gaz, m.m[i].entity, &nl);

		if (m.m[i].entity == AKH_NO_ENTITY)
			nl = 1;
		o += (size_t) snprintf(out + o, sizeof(out) - o, "%s%.*s:%.*s:%zu:%zu", o ? "|" : "",
							   (int) nl, name, (int) m.m[i].byte_len, s + m.m[i].byte_start,
							   m.m[i].char_start, m.m[i].char_len);
		}
	}
	akh_mentions_free(&m);
	return out;
}

static void
expect(const char *s, const char *expected)
{
	const char *got = extract(s);

	if (strcmp(got, expected) != 0)
		fail_msg("extract(\"%s\")\n  got      %s\n  expected %s", s, got, expected);
}

static void
test_arabic_clitics(void **state)
{
	(void) state;
	expect("بكين", "Beijing:بكين:0:4");
	expect("وبكين", "Beijing:بكين:1:4");
	expect("لبكين ببكين", "Beijing:بكين:1:4|Beijing:بكين:7:4");
	expect("الصين والصين", "China:الصين:0:5|China:الصين:7:5");
	expect("بالصين للصين", "China:الصين:1:5|China:لصين:8:4");
	expect("بالأمم المتحدة وللأمم المتحدة", "United Nations:الأمم المتحدة:1:13|United Nations:لأمم المتحدة:17:12");
	/* Without its article a word is not the name written with it: صين is not الصين. */
	expect("صين وصين", "");
	/* A one-word alias that is an Arabic function word names nothing: كان is "was". */
	expect("وكان الوزير في مدينة كان", "Cannes:مدينة كان:15:9");
}

static void
test_french_elision_and_case(void **state)
{
	(void) state;
	expect("l’ONU et d’autres", "United Nations:ONU:2:3");
	expect("un pays", "");
	expect("les Nations unies", "United Nations:Nations unies:4:13");
	expect("Pékin et PEKIN et pékin", "Beijing:Pékin:0:5|Beijing:PEKIN:9:5");
}

static void
test_longest_match(void **state)
{
	(void) state;
	expect("في إطار منظمة شنغهاي للتعاون", "Shanghai Cooperation Organisation:منظمة شنغهاي للتعاون:8:20");
	expect("قمة شنغهاي", "Shanghai Cooperation Organisation:شنغهاي:4:6");
}

static void
test_adjectives_are_not_mentions(void **state)
{
	(void) state;
	/* Flagged (+), so that entities() leaves them out and text search indexes them. */
	expect("une entreprise russe", "+Russia");
	expect("الرئيس الصيني", "+China");
}

static void
test_short_mentions(void **state)
{
	(void) state;
	expect("Vladimir Poutine a dit. Poutine a ajouté", "Vladimir Putin:Vladimir Poutine:0:16|Vladimir Putin:Poutine:24:7");
	expect("قال وانغ يي إن ... وأضاف وانغ", "Wang Yi:وانغ يي:4:7|Wang Yi:وانغ:25:4");
	expect("أكد شى جين بينج ... وقال بينج", "Xi Jinping:شى جين بينج:4:11|Xi Jinping:بينج:25:4");
	expect("وقال بوتين", "");	/* no full mention, no short one */
}

static void
test_unknown_people(void **state)
{
	(void) state;
	expect("le secrétaire de presse de l’ONU, Vladimir Zainetdinov, a déclaré",
		   "United Nations:ONU:29:3|?:Vladimir Zainetdinov:34:20");
	expect("M. Jean Dupont est arrivé", "?:Jean Dupont:3:11");
	/* No title, or a title in another sentence: nothing. */
	expect("Hier, Jean Dupont est arrivé", "");
	expect("Le ministre parle. Jean Dupont arrive", "");
	/* A single capitalized word is not enough. */
	expect("le ministre Dupont", "");
	/* Arabic: title, its complements, then a bare two-word name ended by a function word. */
	expect("وقال السفير الروسي في بكين جيورجي بوريسينكو إن",
		   "+Russia (adjectives)|Beijing:بكين:22:4|?:جيورجي بوريسينكو:27:16");
	/* A title whose person is known takes no other name. */
	expect("والرئيس شي جين بينغ الصين تناقش دائما هذه", "Xi Jinping:شي جين بينغ:8:11|China:الصين:20:5");
	/* A clause after the title is not a name. */
	expect("وقال الرئيس إن بلاده ستواصل العمل", "");
}

static void
test_unknown_organizations(void **state)
{
	(void) state;
	expect("le parti Avenir Radieux a gagné", "?:parti Avenir Radieux:3:20");
	expect("حزب العدالة والتنمية", "?:حزب العدالة والتنمية:0:20");
	expect("حزب واحد", "");
}

static void
test_offices(void **state)
{
	(void) state;
	expect("Selon le président russe, la Russie", "Vladimir Putin:président russe:9:15|Russia:Russie:29:6");
	expect("وقال الرئيس الروسي إن", "Vladimir Putin:الرئيس الروسي:5:13");
	expect("le ministre russe des Affaires étrangères", "Sergey Lavrov:ministre russe des Affaires étrangères:3:38");
	expect("the Russian foreign minister said", "Sergey Lavrov:Russian foreign minister:4:24");
	/* The name right after the office is the mention. */
	expect("le président russe, Vladimir Poutine", "+Russia|Vladimir Putin:Vladimir Poutine:20:16");
	/* No office holder now (Medvedev left both): nothing. */
	expect("le Premier ministre russe", "+Russia");
}

/*
 * Mentions never overlap (found by fuzz/fuzz_gazetteer.c): a short mention is not the first
 * word of an unknown name, an office does not take the words of a name (nor of another
 * office: "le russe président chinois" made two offices of one président).
 */
static void
test_no_overlap(void **state)
{
	(void) state;
	expect("Wang Yi est venu. Le ministre Wang Bo a parlé", "Wang Yi:Wang Yi:0:7|Wang Yi:Wang:30:4");
	expect("قال وانغ يي ثم قال الوزير وانغ ون بين", "Wang Yi:وانغ يي:4:7|Wang Yi:وانغ:26:4");
	expect("the Russian President Hotel", "+Russia (English)|President Hotel:President Hotel:12:15");
}

static void
test_ambiguous_alias(void **state)
{
	(void) state;
	expect("في طرابلس", "");
}

static void
test_hostile_input(void **state)
{
	akh_mentions m;
	size_t		n = 1 << 20;
	char	   *s = malloc(n);

	(void) state;
	for (size_t i = 0; i + 2 <= n; i += 2)
		memcpy(s + i, "\xD9\x8E", 2);	/* harakat only */
	akh_mentions_init(&m, &akh_env_malloc);
	assert_int_equal(akh_gaz_extract(gaz, s, n, &akh_env_malloc, &m), AKH_OK);
	assert_int_equal(m.n, 0);
	memset(s, 'a', n);			/* one 1 MB word */
	assert_int_equal(akh_gaz_extract(gaz, s, n, &akh_env_malloc, &m), AKH_OK);
	assert_int_equal(m.n, 0);
	assert_int_equal(akh_gaz_extract(gaz, "\xC3", 1, &akh_env_malloc, &m), AKH_EUTF8);
	/*
	 * Words that fold to nothing (tatweel) left the buffer of folded words unallocated, and
	 * appending their zero bytes to it, then reading them from it, computed NULL + 0:
	 * undefined behaviour (found by fuzz/fuzz_tokenize.c; UBSan of clang reports it, run
	 * make unit SANITIZE=1 CC=clang).
	 */
	assert_int_equal(akh_gaz_extract(gaz, "\xD9\x80", 2, &akh_env_malloc, &m), AKH_OK);
	assert_int_equal(m.n, 0);
	akh_mentions_free(&m);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arabic_clitics),
		cmocka_unit_test(test_french_elision_and_case),
		cmocka_unit_test(test_longest_match),
		cmocka_unit_test(test_adjectives_are_not_mentions),
		cmocka_unit_test(test_short_mentions),
		cmocka_unit_test(test_unknown_people),
		cmocka_unit_test(test_offices),
		cmocka_unit_test(test_unknown_organizations),
		cmocka_unit_test(test_no_overlap),
		cmocka_unit_test(test_ambiguous_alias),
		cmocka_unit_test(test_hostile_input),
	};

	return cmocka_run_group_tests_name("gazetteer", tests, setup, teardown);
}
