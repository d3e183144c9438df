/*
 * fuzz_gazetteer.c — libFuzzer target for the entity matcher: akh_gaz_extract() and
 * akh_gaz_name_word() over a small gazetteer built once, with Arabic, French and English
 * aliases, country adjectives, offices and their holders, an ambiguous name, case-restricted
 * aliases and a name that begins with an office word (Premier League), so that every pass of
 * the matcher (aliases, offices, short mentions, unknown names) has something to find.
 *
 * Checks: AKH_OK on well-formed UTF-8 and AKH_EUTF8 otherwise; mentions lie within the input
 * on code point boundaries, in text order and without overlapping; their character offsets
 * count code points; the key starts inside the surface; the entity is known or AKH_NO_ENTITY,
 * with a kind of the enum and, when known, its entity's kind; only known entities are
 * adjectives. A name word's key start lies within the word.
 */
#include "fuzz_common.h"

#include "gazetteer.h"

static akh_gazetteer *gaz;

typedef struct fuzz_entity
{
	int64_t		id;
	akh_kind	kind;
	const char *name;
	const char *country;
	const char *roles;			/* NULL: none */
	const char *adjectives[4];
	const char *aliases[6];
} fuzz_entity;

static const fuzz_entity entities[] = {
	{156, AKH_KIND_PLACE, "China", "CN", NULL,
		{"الصيني", "الصينية", "chinois", NULL}, {"الصين", "Chine", "Chinese", NULL}},
	{643, AKH_KIND_PLACE, "Russia", "RU", NULL,
		{"الروسي", "russe", "Russian", NULL}, {"روسيا", "Russie", NULL}},
	{10001, AKH_KIND_PLACE, "Beijing", "CN", NULL, {NULL}, {"بكين", "Pékin", NULL}},
	{10002, AKH_KIND_PLACE, "Tripoli", "LY", NULL, {NULL}, {"طرابلس", NULL}},
	{10003, AKH_KIND_PLACE, "Tripoli, Lebanon", "LB", NULL, {NULL}, {"طرابلس", "Tripoli", NULL}},
	{10004, AKH_KIND_PLACE, "Nice", "FR", NULL, {NULL}, {"نيس", NULL}},
	{20000, AKH_KIND_ORG, "United Nations", NULL, NULL, {NULL},
		{"ONU", "UN", "الأمم المتحدة", "Nations unies", "Organisation des Nations unies", NULL}},
	{20001, AKH_KIND_ORG, "Shanghai Cooperation Organisation", NULL, NULL, {NULL},
		{"منظمة شنغهاي للتعاون", "Organisation de coopération de Shanghai", "OCS", NULL}},
	{20002, AKH_KIND_ORG, "Premier League", NULL, NULL, {NULL}, {"الدوري الممتاز", NULL}},
	{40000, AKH_KIND_PERSON, "Vladimir Putin", "RU", "head_of_state:RU:2000-2008;head_of_state:RU:2012-",
		{NULL}, {"Vladimir Poutine", "فلاديمير بوتين", NULL}},
	{40010, AKH_KIND_PERSON, "Sergey Lavrov", "RU", "foreign_minister:RU:2004-",
		{NULL}, {"Sergueï Lavrov", "سيرغي لافروف", "سيرجي لافروف", NULL}},
	{40001, AKH_KIND_PERSON, "Wang Yi", "CN", "foreign_minister:CN:2013-2022;foreign_minister:CN:2023-",
		{NULL}, {"وانغ يي", NULL}},
	{40002, AKH_KIND_PERSON, "Xi Jinping", "CN", "head_of_state:CN:2013-;unknown_role:CN:2000-",
		{NULL}, {"شي جين بينغ", "شى جين بينج", NULL}},
	{40003, AKH_KIND_PERSON, "Mikhail Mishustin", "RU", "head_of_government:RU:2020-",
		{NULL}, {"Mikhaïl Michoustine", "ميخائيل ميشوستين", NULL}},
};

#define NENTITIES (sizeof(entities) / sizeof(entities[0]))

static void
gaz_check(akh_status st)
{
	if (st != AKH_OK)
	{
		fprintf(stderr, "building the gazetteer failed: status %d\n", (int) st);
		abort();
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_folder_init();
	gaz_check(akh_gaz_new(fuzz_folder, &akh_env_malloc, &gaz));
	for (size_t e = 0; e < NENTITIES; e++)
	{
		const fuzz_entity *x = &entities[e];
		uint32_t	index;

		gaz_check(akh_gaz_add_entity(gaz, x->id, x->kind, x->name, strlen(x->name), x->country,
									 &index));
		gaz_check(akh_gaz_add_alias(gaz, index, x->name, strlen(x->name), false));
		for (int k = 0; x->aliases[k] != NULL; k++)
			gaz_check(akh_gaz_add_alias(gaz, index, x->aliases[k], strlen(x->aliases[k]), false));
		for (int k = 0; x->adjectives[k] != NULL; k++)
			gaz_check(akh_gaz_add_alias(gaz, index, x->adjectives[k], strlen(x->adjectives[k]),
										true));
		if (x->roles != NULL)
			gaz_check(akh_gaz_add_roles(gaz, index, x->roles, strlen(x->roles)));
	}
	return 0;
}

static void
check_mentions(const char *s, size_t n, const akh_mentions *m)
{
	size_t		end = 0;		/* end of the previous mention */
	size_t		chars = 0;		/* code points in s[0..end) */

	for (size_t k = 0; k < m->n; k++)
	{
		const akh_mention *x = &m->m[k];

		FUZZ_CHECK(x->byte_len > 0 && x->char_len > 0);
		FUZZ_CHECK(x->byte_start >= end && x->byte_start <= n && x->byte_len <= n - x->byte_start);
		FUZZ_CHECK(fuzz_char_boundary(s, n, x->byte_start) &&
				   fuzz_char_boundary(s, n, x->byte_start + x->byte_len));
		chars += fuzz_chars(s + end, x->byte_start - end);
		FUZZ_CHECK(x->char_start == chars);
		FUZZ_CHECK(x->char_len == fuzz_chars(s + x->byte_start, x->byte_len));
		chars += x->char_len;
		end = x->byte_start + x->byte_len;

		FUZZ_CHECK(x->key_byte_start >= x->byte_start && x->key_byte_start <= end);
		FUZZ_CHECK(fuzz_char_boundary(s, n, x->key_byte_start));
		FUZZ_CHECK(x->kind == AKH_KIND_PERSON || x->kind == AKH_KIND_PLACE || x->kind == AKH_KIND_ORG);
		if (x->entity == AKH_NO_ENTITY)
			FUZZ_CHECK(!x->adjective);
		else
		{
			FUZZ_CHECK(x->entity < akh_gaz_entity_count(gaz));
			FUZZ_CHECK(x->kind == akh_gaz_entity_kind(gaz, x->entity));
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	bool		valid = fuzz_valid_utf8(s, size);
	akh_mentions m;
	akh_tokens	t;
	akh_status	st;

	akh_mentions_init(&m, &akh_env_malloc);
	st = akh_gaz_extract(gaz, s, size, &akh_env_malloc, &m);
	fuzz_check_status(st, valid);
	if (st == AKH_OK)
		check_mentions(s, size, &m);
	akh_mentions_free(&m);

	/* The text search parser's question, on each word. */
	akh_tokens_init(&t, &akh_env_malloc);
	if (akh_tokenize(fuzz_folder, s, size, &t) == AKH_OK)
	{
		for (size_t k = 0; k < t.n; k++)
		{
			size_t		key = SIZE_MAX;

			if (akh_gaz_name_word(gaz, s, &t, k, &key))
			{
				FUZZ_CHECK(key >= t.tok[k].byte_start &&
						   key <= t.tok[k].byte_start + t.tok[k].byte_len);
				FUZZ_CHECK(fuzz_char_boundary(s, size, key));
			}
		}
	}
	akh_tokens_free(&t);
	return 0;
}
