/*
 * fuzz_events.c — libFuzzer target for the event extractor: akh_events_find() on the words,
 * mentions and dates of a text, and akh_found_event_pack() of what it finds, over a small
 * gazetteer and the trigger lexicon built once: people whose offices have years (so that
 * "le ministre chinois des Affaires étrangères" resolves by the year of publication), countries
 * with codes and adjectives, cities, a region without a country code (never a place), an
 * organization.
 *
 * The input is a publication date (its first FUZZ_PUBLISHED_BYTES, see fuzz_published), then
 * the text, which goes through akh_tokenize, akh_gaz_extract_tokens_at (the year of
 * publication, or 0), akh_dates_find and akh_events_find as akhbar.events() does.
 *
 * Checks: AKH_OK; events in text order without overlapping, their trigger inside the text on
 * code point boundaries with counted character offsets, over words that exist; kinds of the
 * enum, at most one event per kind and sentence; exactly one main event when there is any; at
 * most AKH_FOUND_ACTORS actors, each a mention of a person or an organization (not an
 * adjective); the place a known place with a country code, or none; a period, when there is
 * one, is a date of the text or the day of publication, within the years 1..9999 that a
 * literal writes, and there is one whenever the text was published in those years. Each event packs, akh_event_view_of accepts the packed form and finds the
 * event's kind and period in it, and its printed literal parses back to the same bytes.
 */
#include "fuzz_common.h"

#include "dates.h"
#include "event.h"
#include "events.h"
#include "gazetteer.h"

static akh_gazetteer *gaz;
static akh_event_lexicon *lexicon;

typedef struct fuzz_entity
{
	int64_t		id;
	akh_kind	kind;
	const char *name;
	const char *country;		/* NULL: none (a region, an organization) */
	const char *roles;			/* NULL: none */
	const char *adjectives[4];
	const char *aliases[5];
} fuzz_entity;

static const fuzz_entity entities[] = {
	{156, AKH_KIND_PLACE, "China", "CN", NULL,
		{"chinois", "الصيني", "Chinese", NULL}, {"الصين", "Chine", NULL}},
	{643, AKH_KIND_PLACE, "Russia", "RU", NULL,
		{"russe", "الروسي", "Russian", NULL}, {"روسيا", "Russie", NULL}},
	{250, AKH_KIND_PLACE, "France", "FR", NULL,
		{"français", "الفرنسي", NULL}, {"فرنسا", NULL}},
	{116, AKH_KIND_PLACE, "Cambodia", "KH", NULL,
		{"cambodgien", "الكمبودي", NULL}, {"كمبوديا", "Cambodge", NULL}},
	{10001, AKH_KIND_PLACE, "Beijing", "CN", NULL, {NULL}, {"بكين", "Pékin", NULL}},
	{10002, AKH_KIND_PLACE, "Jakarta", "ID", NULL, {NULL}, {"جاكرتا", NULL}},
	{10003, AKH_KIND_PLACE, "Marrakesh", "MA", NULL, {NULL}, {"مراكش", "Marrakech", NULL}},
	{10004, AKH_KIND_PLACE, "Moscow", "RU", NULL, {NULL}, {"موسكو", "Moscou", NULL}},
	{10005, AKH_KIND_PLACE, "Izmir", "TR", NULL, {NULL}, {"إزمير", NULL}},
	{19001, AKH_KIND_PLACE, "East Asia", NULL, NULL, {NULL}, {"شرق آسيا", "Asie de l'Est", NULL}},
	{20000, AKH_KIND_ORG, "United Nations", NULL, NULL, {NULL},
		{"ONU", "الأمم المتحدة", "Nations unies", NULL}},
	{40000, AKH_KIND_PERSON, "Vladimir Putin", "RU", "head_of_state:RU:2000-2008;head_of_state:RU:2012-",
		{NULL}, {"Vladimir Poutine", "فلاديمير بوتين", "بوتين", NULL}},
	{40001, AKH_KIND_PERSON, "Wang Yi", "CN", "foreign_minister:CN:2013-2022;foreign_minister:CN:2023-",
		{NULL}, {"وانغ يي", NULL}},
	{40002, AKH_KIND_PERSON, "Qin Gang", "CN", "foreign_minister:CN:2022-2023",
		{NULL}, {"تشين قانغ", NULL}},
	{40010, AKH_KIND_PERSON, "Sergey Lavrov", "RU", "foreign_minister:RU:2004-",
		{NULL}, {"Sergueï Lavrov", "سيرغي لافروف", "سيرجي لافروف", NULL}},
	{40020, AKH_KIND_PERSON, "Emmanuel Macron", "FR", "head_of_state:FR:2017-",
		{NULL}, {"إيمانويل ماكرون", "ماكرون", NULL}},
};

#define NENTITIES (sizeof(entities) / sizeof(entities[0]))

static void
init_check(akh_status st, const char *what)
{
	if (st != AKH_OK)
	{
		fprintf(stderr, "building the %s failed: status %d\n", what, (int) st);
		abort();
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_folder_init();
	init_check(akh_event_lexicon_new(fuzz_folder, &akh_env_malloc, &lexicon), "trigger lexicon");
	init_check(akh_gaz_new(fuzz_folder, &akh_env_malloc, &gaz), "gazetteer");
	for (size_t e = 0; e < NENTITIES; e++)
	{
		const fuzz_entity *x = &entities[e];
		uint32_t	index;

		init_check(akh_gaz_add_entity(gaz, x->id, x->kind, x->name, strlen(x->name), x->country,
									  &index), "gazetteer");
		init_check(akh_gaz_add_alias(gaz, index, x->name, strlen(x->name), false), "gazetteer");
		for (int k = 0; x->aliases[k] != NULL; k++)
			init_check(akh_gaz_add_alias(gaz, index, x->aliases[k], strlen(x->aliases[k]), false),
					   "gazetteer");
		for (int k = 0; x->adjectives[k] != NULL; k++)
			init_check(akh_gaz_add_alias(gaz, index, x->adjectives[k], strlen(x->adjectives[k]),
										 true), "gazetteer");
		if (x->roles != NULL)
			init_check(akh_gaz_add_roles(gaz, index, x->roles, strlen(x->roles)), "gazetteer");
	}
	return 0;
}

/* The period [lo, hi) is one of the dates, or the day of publication. */
static bool
known_period(const akh_dates *ds, int32_t published, int32_t lo, int32_t hi, bool dated)
{
	for (size_t k = 0; k < ds->n; k++)
		if (ds->d[k].lo == lo && ds->d[k].hi == hi)
			return true;
	return !dated && published != AKH_NO_DATE && lo == published && (int64_t) hi == (int64_t) lo + 1;
}

/* Packs e, views it, prints it and parses the literal back: the same bytes. */
static void
check_packed(const char *s, const akh_mentions *m, const akh_found_event *e)
{
	akh_buf		packed;
	akh_buf		printed;
	akh_buf		again;
	akh_event_view v;
	akh_event_error err;
	akh_status	st;

	akh_buf_init(&packed, &akh_env_malloc);
	akh_buf_init(&printed, &akh_env_malloc);
	akh_buf_init(&again, &akh_env_malloc);
	FUZZ_CHECK(akh_buf_append(&packed, HEADER, HEADER_LEN) == AKH_OK);
	FUZZ_CHECK(akh_buf_append(&again, HEADER, HEADER_LEN) == AKH_OK);

	st = akh_found_event_pack(fuzz_folder, gaz, s, m, e, &packed);
	FUZZ_CHECK(st == AKH_OK);
	FUZZ_CHECK(memcmp(packed.data, HEADER, HEADER_LEN) == 0);
	FUZZ_CHECK(akh_event_view_of(packed.data + HEADER_LEN, packed.len - HEADER_LEN, &v));
	FUZZ_CHECK(v.kind == e->kind);
	FUZZ_CHECK(v.has_period == e->has_period);
	if (v.has_period)
		FUZZ_CHECK(v.lo == e->lo && v.hi == e->hi);
	FUZZ_CHECK(v.nactors <= e->nactors);
	if (e->place == AKH_NO_MENTION)
		FUZZ_CHECK(v.place == NULL);

	FUZZ_CHECK(akh_event_print(&v, &printed) == AKH_OK);
	st = akh_event_parse(fuzz_folder, printed.data, printed.len, &again, &err);
	if (st != AKH_OK)
		fprintf(stderr, "%.*s: %s at %zu\n", (int) printed.len, printed.data,
				err.detail != NULL ? err.detail : "?", err.pos);
	FUZZ_CHECK(st == AKH_OK);
	FUZZ_CHECK(fuzz_same(packed.data, packed.len, again.data, again.len));

	akh_buf_free(&again);
	akh_buf_free(&printed);
	akh_buf_free(&packed);
}

static void
check_events(const char *s, size_t n, const akh_tokens *t, const akh_mentions *m,
			 const akh_dates *ds, int32_t published, const akh_found_events *ev)
{
	size_t	   *sentence = NULL;	/* per word: its sentence, as events.c counts them */
	size_t		nmain = 0;
	size_t		end = 0;		/* end of the previous trigger, in bytes */
	size_t		tok_end = 0;	/* and in words */
	size_t		chars = 0;		/* code points in s[0..end) */

	if (t->n > 0)
	{
		sentence = malloc(t->n * sizeof(size_t));
		FUZZ_CHECK(sentence != NULL);
		for (size_t i = 0; i < t->n; i++)
			sentence[i] = i == 0 ? 0 : sentence[i - 1] + t->tok[i].sentence_start;
	}
	for (size_t k = 0; k < ev->n; k++)
	{
		const akh_found_event *e = &ev->e[k];
		const akh_token *a;
		const akh_token *b;

		FUZZ_CHECK(e->kind >= 0 && e->kind < AKH_EV_NKINDS);
		FUZZ_CHECK(e->tok_first < e->tok_end && e->tok_end <= t->n && e->tok_first >= tok_end);
		a = &t->tok[e->tok_first];
		b = &t->tok[e->tok_end - 1];
		FUZZ_CHECK(e->byte_start == a->byte_start &&
				   e->byte_start + e->byte_len == b->byte_start + b->byte_len);
		FUZZ_CHECK(e->byte_len > 0 && e->byte_start >= end && e->byte_start <= n &&
				   e->byte_len <= n - e->byte_start);
		FUZZ_CHECK(fuzz_char_boundary(s, n, e->byte_start) &&
				   fuzz_char_boundary(s, n, e->byte_start + e->byte_len));
		chars += fuzz_chars(s + end, e->byte_start - end);
		FUZZ_CHECK(e->char_start == chars);
		FUZZ_CHECK(e->char_len == fuzz_chars(s + e->byte_start, e->byte_len));
		chars += e->char_len;
		end = e->byte_start + e->byte_len;
		tok_end = e->tok_end;

		for (size_t o = 0; o < k; o++)
			FUZZ_CHECK(ev->e[o].kind != e->kind ||
					   sentence[ev->e[o].tok_first] != sentence[e->tok_first]);
		nmain += e->main;

		FUZZ_CHECK(e->nactors <= AKH_FOUND_ACTORS);
		for (size_t i = 0; i < e->nactors; i++)
		{
			FUZZ_CHECK(e->actors[i] < m->n);
			FUZZ_CHECK(m->m[e->actors[i]].kind != AKH_KIND_PLACE && !m->m[e->actors[i]].adjective);
		}
		if (e->place != AKH_NO_MENTION)
		{
			const akh_mention *x;

			FUZZ_CHECK(e->place < m->n);
			x = &m->m[e->place];
			FUZZ_CHECK(e->kind != AKH_EV_CALL);
			FUZZ_CHECK(x->kind == AKH_KIND_PLACE && !x->adjective && x->entity != AKH_NO_ENTITY);
			FUZZ_CHECK(akh_gaz_entity_country(gaz, x->entity) != NULL);
		}

		if (published >= FUZZ_LITERAL_MIN_DAY && published < FUZZ_LITERAL_END_DAY)
			FUZZ_CHECK(e->has_period);
		if (e->dated)
			FUZZ_CHECK(e->has_period);
		if (e->has_period)
		{
			FUZZ_CHECK(e->hi > e->lo && known_period(ds, published, e->lo, e->hi, e->dated));
			FUZZ_CHECK(e->lo >= FUZZ_LITERAL_MIN_DAY && e->hi <= FUZZ_LITERAL_END_DAY);
		}

		check_packed(s, m, e);
	}
	FUZZ_CHECK(nmain == (ev->n > 0 ? 1 : 0));
	free(sentence);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data + FUZZ_PUBLISHED_BYTES;
	size_t		n;
	int32_t		published;
	int			year = 0;
	akh_tokens	t;
	akh_mentions m;
	akh_dates	ds;
	akh_found_events ev;

	if (size < FUZZ_PUBLISHED_BYTES)
		return 0;
	published = fuzz_published(data);
	n = size - FUZZ_PUBLISHED_BYTES;
	if (published != AKH_NO_DATE)
	{
		int			mo;
		int			d;

		akh_civil_from_days(published, &year, &mo, &d);
	}

	akh_tokens_init(&t, &akh_env_malloc);
	akh_mentions_init(&m, &akh_env_malloc);
	akh_dates_init(&ds, &akh_env_malloc);
	akh_found_events_init(&ev, &akh_env_malloc);
	if (akh_tokenize(fuzz_folder, s, n, &t) == AKH_OK)
	{
		FUZZ_CHECK(akh_gaz_extract_tokens_at(gaz, s, &t, year, &akh_env_malloc, &m) == AKH_OK);
		FUZZ_CHECK(akh_dates_find(s, &t, published, &akh_env_malloc, &ds) == AKH_OK);
		FUZZ_CHECK(akh_events_find(lexicon, gaz, s, &t, &m, &ds, published, &ev) == AKH_OK);
		check_events(s, n, &t, &m, &ds, published, &ev);
	}
	akh_found_events_free(&ev);
	akh_dates_free(&ds);
	akh_mentions_free(&m);
	akh_tokens_free(&t);
	return 0;
}
