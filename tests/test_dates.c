/*
 * test_dates.c — unit tests of the date engine: the calendar, the lexicon (every word its own
 * fold, sorted), French, Arabic and English dates resolved against a publication date, the
 * year-less mode, offsets, texts without dates, hostile input.
 *
 * Each expectation lists the dates found as "surface=grain lo..hi" (hi exclusive, ISO dates),
 * with " future" when the text marks the date as after publication, joined by " | ". Every
 * result is also checked for what holds of all dates: the surface is the original bytes at
 * its offsets, character offsets count code points, the words [tok_first, tok_end) cover the
 * surface, dates come in text order without overlap, and [lo, hi) is one whole day, ISO week
 * (Monday first), month or year.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "akh_test.h"
#include "dates.h"
#include "tokenize.h"

/* The compiled lexicon, as dates.c includes it: the words only. */
#define AKH_DW(word, lang, kind, value) word
static const char *const compiled_words[] = {
#include "gen/dates.h"
};

#define NCOMPILED (sizeof(compiled_words) / sizeof(compiled_words[0]))

static int32_t
D(int y, int m, int d)
{
	return akh_days_from_civil(y, m, d);
}

static size_t
code_points(const char *s, size_t n)
{
	size_t		c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char) s[i] & 0xC0) != 0x80;
	return c;
}

static int
iso(char *out, size_t size, int32_t days)
{
	int			y,
				m,
				d;

	akh_civil_from_days(days, &y, &m, &d);
	return snprintf(out, size, "%04d-%02d-%02d", y, m, d);
}

/* What holds of every date found in s. */
static void
check_invariants(const char *s, const akh_tokens *t, const akh_dates *ds)
{
	size_t		n = strlen(s);

	for (size_t i = 0; i < ds->n; i++)
	{
		const akh_date *d = &ds->d[i];
		int			y,
					m,
					dd;

		assert_true(d->tok_first < d->tok_end && d->tok_end <= t->n);
		assert_true(d->byte_len > 0 && d->byte_start + d->byte_len <= n);
		assert_true(d->byte_start >= t->tok[d->tok_first].byte_start);
		assert_true(d->byte_start < t->tok[d->tok_first].byte_start + t->tok[d->tok_first].byte_len);
		assert_int_equal(d->byte_start + d->byte_len,
						 t->tok[d->tok_end - 1].byte_start + t->tok[d->tok_end - 1].byte_len);
		assert_int_equal(d->char_start, code_points(s, d->byte_start));
		assert_int_equal(d->char_len, code_points(s + d->byte_start, d->byte_len));
		if (i > 0)
		{
			assert_true(d->byte_start >= ds->d[i - 1].byte_start + ds->d[i - 1].byte_len);
			assert_true(d->tok_first >= ds->d[i - 1].tok_end);
		}
		assert_true(d->hi > d->lo);
		akh_civil_from_days(d->lo, &y, &m, &dd);
		switch (d->grain)
		{
			case AKH_GRAIN_DAY:
				assert_int_equal(d->hi - d->lo, 1);
				break;
			case AKH_GRAIN_WEEK:
				assert_int_equal(d->hi - d->lo, 7);
				assert_int_equal(akh_weekday(d->lo), 1);
				break;
			case AKH_GRAIN_MONTH:
				assert_int_equal(dd, 1);
				assert_int_equal(d->hi, m == 12 ? D(y + 1, 1, 1) : D(y, m + 1, 1));
				break;
			case AKH_GRAIN_YEAR:
				assert_int_equal(m * 100 + dd, 101);
				assert_int_equal(d->hi, D(y + 1, 1, 1));
				break;
			case AKH_GRAIN_DAYS:
				/* a range within one month */
				assert_in_range(d->hi - d->lo, 2, 31);
				break;
			default:
				fail_msg("grain %d", (int) d->grain);
		}
	}
}

/* The dates of s published on `pub`, as "surface=grain lo..hi[ future]" joined by " | ". */
static char *
dates(const char *s, int32_t pub)
{
	static char out[8192];
	size_t		o = 0;
	akh_tokens	t;
	akh_dates	ds;

	akh_tokens_init(&t, &akh_env_malloc);
	akh_dates_init(&ds, &akh_env_malloc);
	assert_int_equal(akh_tokenize(folder, s, strlen(s), &t), AKH_OK);
	assert_int_equal(akh_dates_find(s, &t, pub, &akh_env_malloc, &ds), AKH_OK);
	check_invariants(s, &t, &ds);
	out[0] = '\0';
	for (size_t i = 0; i < ds.n && o < sizeof(out) - 100; i++)
	{
		const akh_date *d = &ds.d[i];

		o += (size_t) snprintf(out + o, sizeof(out) - o, "%s%.*s=%s ", i ? " | " : "",
							   (int) d->byte_len, s + d->byte_start, akh_grain_name(d->grain));
		o += (size_t) iso(out + o, sizeof(out) - o, d->lo);
		o += (size_t) snprintf(out + o, sizeof(out) - o, "..");
		o += (size_t) iso(out + o, sizeof(out) - o, d->hi);
		if (d->future)
			o += (size_t) snprintf(out + o, sizeof(out) - o, " future");
	}
	akh_dates_free(&ds);
	akh_tokens_free(&t);
	return out;
}

#define expect(s, pub, expected) expect_at(__LINE__, s, pub, expected)

static void
expect_at(int line, const char *s, int32_t pub, const char *expected)
{
	const char *got = dates(s, pub);

	if (strcmp(got, expected) != 0)
		fail_msg("line %d: dates(\"%s\")\n  got      %s\n  expected %s", line, s, got, expected);
}

/* ---- the calendar ------------------------------------------------------------------------ */

static void
test_calendar(void **state)
{
	int			y,
				m,
				d;
	int32_t		days = D(1900, 1, 1);

	(void) state;
	assert_int_equal(D(2000, 1, 1), 0);
	assert_int_equal(D(1970, 1, 1), -10957);
	assert_int_equal(D(2000, 3, 1), 60);	/* 2000 is a leap year */
	assert_int_equal(akh_weekday(0), 6);	/* 2000-01-01, a Saturday */
	assert_int_equal(akh_weekday(D(2021, 12, 18)), 6);
	assert_int_equal(akh_weekday(D(2022, 8, 5)), 5);
	assert_int_equal(akh_weekday(D(2023, 7, 13)), 4);
	assert_int_equal(akh_weekday(D(1900, 1, 1)), 1);
	assert_int_equal(akh_weekday(-1), 5);

	/* Every day from 1900 to 2100, both ways, and the weekdays in turn. */
	for (int yy = 1900; yy <= 2100; yy++)
		for (int mm = 1; mm <= 12; mm++)
			for (int dd = 1; dd <= 31; dd++)
			{
				static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
				int			len = mdays[mm - 1] + (mm == 2 && ((yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0));

				if (dd > len)
					break;
				assert_int_equal(D(yy, mm, dd), days);
				akh_civil_from_days(days, &y, &m, &d);
				assert_true(y == yy && m == mm && d == dd);
				assert_int_equal(akh_weekday(days), (akh_weekday(days - 1) % 7) + 1);
				days++;
			}
	assert_int_equal(days, D(2101, 1, 1));

	/* The extremes of int32_t do not overflow. */
	akh_civil_from_days(INT32_MAX, &y, &m, &d);
	assert_int_equal(D(y, m, d), INT32_MAX);
	akh_civil_from_days(INT32_MIN + 1, &y, &m, &d);
	assert_int_equal(D(y, m, d), INT32_MIN + 1);

	assert_string_equal(akh_grain_name(AKH_GRAIN_DAY), "day");
	assert_string_equal(akh_grain_name(AKH_GRAIN_WEEK), "week");
	assert_string_equal(akh_grain_name(AKH_GRAIN_MONTH), "month");
	assert_string_equal(akh_grain_name(AKH_GRAIN_YEAR), "year");
	assert_string_equal(akh_grain_name(AKH_GRAIN_DAYS), "days");
	assert_null(akh_grain_name((akh_grain) 5));
}

/* What the lexicon relies on fold() doing (data/dates.tsv is written folded). */
static void
test_fold_assumptions(void **state)
{
	static const char *const pairs[][2] = {
		{"أغسطس إبريل آذار", "اغسطس ابريل اذار"},	/* أ إ آ -> ا */
		{"إلى", "الي"},			/* ى -> ي */
		{"الجمعة الماضية", "الجمعه الماضيه"},	/* ة -> ه */
		{"غداً الأربعاءَ", "غدا الاربعاء"},	/* harakat */
		{"١٥ ديسمبر ٢٠٢١", "15 ديسمبر 2021"},	/* Arabic-Indic digits */
		{"۱۵/۱۲/۲۰۲۱", "15/12/2021"},	/* extended Arabic-Indic digits */
		{"Février AOÛT décembre", "fevrier aout decembre"},
		{"الإثنين الأثنين", "الاثنين الاثنين"},
		{"المؤتمر", "المءتمر"},	/* ؤ -> ء */
	};

	(void) state;
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
	{
		char	   *f = fold_str(pairs[i][0]);

		assert_string_equal(f, pairs[i][1]);
		free(f);
	}
}

/*
 * data/dates.tsv: every word is its own fold (words of several words joined by one space),
 * each is in the compiled table, and the table is sorted bytewise without a duplicate (dates.c
 * searches it by binary search).
 */
static void
test_lexicon(void **state)
{
	FILE	   *f = fopen("data/dates.tsv", "r");
	char		line[512];
	size_t		n = 0;
	int			bad = 0;

	(void) state;
	if (f == NULL)
		fail_msg("data/dates.tsv not found: run the tests from the repository root");
	while (fgets(line, sizeof(line), f) != NULL)
	{
		char	   *nl = strpbrk(line, "\r\n");
		char	   *word;
		char	   *folded;
		bool		found = false;

		if (nl != NULL)
			*nl = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		n++;
		word = strrchr(line, '\t');
		assert_non_null(word);
		word++;
		folded = fold_str(word);
		if (strcmp(folded, word) != 0 && bad++ < 10)
			print_message("dates.tsv: \"%s\" folds to \"%s\"\n", word, folded);
		free(folded);
		for (size_t i = 0; i < NCOMPILED; i++)
			found = found || strcmp(compiled_words[i], word) == 0;
		if (!found && bad++ < 10)
			print_message("dates.tsv: \"%s\" is not in the compiled table\n", word);
	}
	fclose(f);
	assert_int_equal(bad, 0);
	assert_int_equal(n, NCOMPILED);
	assert_true(n >= 250);
	for (size_t i = 1; i < NCOMPILED; i++)
	{
		if (strcmp(compiled_words[i - 1], compiled_words[i]) >= 0)
			fail_msg("compiled table out of order at \"%s\"", compiled_words[i]);
	}
}

/* ---- French ------------------------------------------------------------------------------ */

static void
test_french_relative_days(void **state)
{
	int32_t		p = D(2021, 12, 18);

	(void) state;
	expect("Il l'a dit hier.", p, "hier=day 2021-12-17..2021-12-18");
	expect("avant-hier", p, "avant-hier=day 2021-12-16..2021-12-17");
	expect("aujourd'hui", p, "aujourd'hui=day 2021-12-18..2021-12-19");
	expect("Aujourd’hui", p, "Aujourd’hui=day 2021-12-18..2021-12-19");
	expect("demain", p, "demain=day 2021-12-19..2021-12-20 future");
	expect("après-demain", p, "après-demain=day 2021-12-20..2021-12-21 future");
	expect("hier soir", p, "hier soir=day 2021-12-17..2021-12-18");
	expect("la nuit dernière", p, "la nuit dernière=day 2021-12-17..2021-12-18");
	expect("ce matin", p, "ce matin=day 2021-12-18..2021-12-19");
	/* la veille: the day before publication, but not "la veille du sommet" */
	expect("la veille", p, "la veille=day 2021-12-17..2021-12-18");
	expect("la veille du sommet", p, "");
	expect("la veille de l'élection", p, "");
	/* "-là": that evening, that week */
	expect("ce soir-là", p, "");
	expect("cette semaine-là", p, "");
	expect("ce lundi-là", p, "");
	/* a relative day and its weekday in apposition: one date */
	expect("hier vendredi", p, "hier vendredi=day 2021-12-17..2021-12-18");
	expect("demain, dimanche", p, "demain, dimanche=day 2021-12-19..2021-12-20 future");
}

static void
test_french_weekdays(void **state)
{
	int32_t		sat = D(2021, 12, 18);

	(void) state;
	expect("a déclaré vendredi", sat, "vendredi=day 2021-12-17..2021-12-18");
	/* the publication's own weekday is the publication day */
	expect("samedi", sat, "samedi=day 2021-12-18..2021-12-19");
	expect("le lundi", sat, "le lundi=day 2021-12-13..2021-12-14");
	expect("lundi prochain", sat, "lundi prochain=day 2021-12-20..2021-12-21 future");
	expect("samedi prochain", sat, "samedi prochain=day 2021-12-25..2021-12-26 future");
	expect("lundi dernier", sat, "lundi dernier=day 2021-12-13..2021-12-14");
	expect("samedi dernier", sat, "samedi dernier=day 2021-12-11..2021-12-12");
	expect("vendredi soir", sat, "vendredi soir=day 2021-12-17..2021-12-18");
	/* ce lundi: the Monday of the publication's week */
	expect("ce lundi", sat, "ce lundi=day 2021-12-13..2021-12-14");
	expect("VENDREDI", sat, "VENDREDI=day 2021-12-17..2021-12-18");
	/* A French verb in the future before the date in its clause, and a plan word, mark it future */
	expect("Le ministre se rendra à Pékin vendredi.", D(2025, 5, 20),
		   "vendredi=day 2025-05-23..2025-05-24 future");
	expect("Les deux dirigeants se rencontreront lundi.", D(2025, 5, 20),
		   "lundi=day 2025-05-26..2025-05-27 future");
	/* ... but not a noun in -ra, a capitalised name, or a verb in another clause */
	expect("La caméra a filmé la scène vendredi.", D(2025, 5, 20), "vendredi=day 2025-05-16..2025-05-17");
	expect("Le président Kaira a parlé vendredi.", D(2025, 5, 20), "vendredi=day 2025-05-16..2025-05-17");
	expect("Il viendra. Il est arrivé vendredi.", D(2025, 5, 20), "vendredi=day 2025-05-16..2025-05-17");
	expect("Le président doit quitter la capitale mercredi.", D(2025, 5, 20),
		   "mercredi=day 2025-05-21..2025-05-22 future");
	expect("le sommet prévu fin août", D(2025, 7, 10), "fin août=month 2025-08-01..2025-09-01 future");
	expect("Il doit partir. Il est arrivé mercredi.", D(2025, 5, 20), "mercredi=day 2025-05-14..2025-05-15");
	expect("Le ministre, qui doit partir, a parlé mercredi.", D(2025, 5, 20), "mercredi=day 2025-05-14..2025-05-15");
	expect("Il se rendra à Alger mercredi.", D(2025, 5, 20), "mercredi=day 2025-05-21..2025-05-22 future");
}

static void
test_french_day_month(void **state)
{
	int32_t		p = D(2021, 12, 18);

	(void) state;
	expect("le 18 décembre", p, "le 18 décembre=day 2021-12-18..2021-12-19");
	expect("le 18 decembre", p, "le 18 decembre=day 2021-12-18..2021-12-19");
	expect("le 19 décembre", p, "le 19 décembre=day 2021-12-19..2021-12-20");
	/* the year boundary: nearest before publication, unless it comes within 45 days */
	expect("le 28 décembre", D(2022, 1, 3), "le 28 décembre=day 2021-12-28..2021-12-29");
	expect("le 2 janvier", D(2021, 12, 30), "le 2 janvier=day 2022-01-02..2022-01-03");
	expect("le 2 janvier prochain", D(2021, 12, 30), "le 2 janvier prochain=day 2022-01-02..2022-01-03 future");
	expect("le 5 mars dernier", D(2022, 3, 5), "le 5 mars dernier=day 2021-03-05..2021-03-06");
	/* ranges of days: the period covers them all; the first day chooses the year */
	expect("du 5 au 7 mars", D(2025, 5, 20), "5 au 7 mars=days 2025-03-05..2025-03-08");
	expect("du 5 au 7 mars", D(2025, 3, 6), "5 au 7 mars=days 2025-03-05..2025-03-08");
	expect("les 5 et 6 mars 2024", D(2025, 5, 20), "5 et 6 mars 2024=days 2024-03-05..2024-03-07");
	expect("entre le 5 et le 7 mars", D(2025, 5, 20), "le 5 et le 7 mars=days 2025-03-05..2025-03-08");
	expect("le sommet (5-7 mars)", D(2025, 5, 20), "5-7 mars=days 2025-03-05..2025-03-08");
	expect("من 5 إلى 7 مارس", D(2025, 5, 20), "5 إلى 7 مارس=days 2025-03-05..2025-03-08");
	expect("le 30 au 31 avril", D(2025, 5, 20), "");
	expect("du 27 au 29 février", D(2025, 5, 20), "");
	expect("du 27 au 29 février", D(2024, 5, 20), "27 au 29 février=days 2024-02-27..2024-03-01");
	/* ... not when the first number is not before the last day */
	expect("le 7 et 5 mars", D(2025, 5, 20), "5 mars=day 2025-03-05..2025-03-06");
	expect("en 2023 et 5 mars", D(2025, 5, 20), "en 2023=year 2023-01-01..2024-01-01 | 5 mars=day 2025-03-05..2025-03-06");
	expect("le 1er mars 2022", p, "le 1er mars 2022=day 2022-03-01..2022-03-02");
	expect("le premier mars 2022", p, "le premier mars 2022=day 2022-03-01..2022-03-02");
	expect("lundi 5 août", D(2024, 8, 10), "lundi 5 août=day 2024-08-05..2024-08-06");
	expect("le lundi 5 août 2024", p, "le lundi 5 août 2024=day 2024-08-05..2024-08-06");
	expect("le 5 aout", D(2024, 8, 10), "le 5 aout=day 2024-08-05..2024-08-06");
	expect("le 15 février", D(2024, 8, 10), "le 15 février=day 2024-02-15..2024-02-16");
	expect("le 15 fevrier", D(2024, 8, 10), "le 15 fevrier=day 2024-02-15..2024-02-16");
	/* leap years */
	expect("le 29 février 2024", p, "le 29 février 2024=day 2024-02-29..2024-03-01");
	expect("le 29 février 2023", p, "");
	expect("le 29 février", D(2023, 6, 1), "le 29 février=day 2020-02-29..2020-03-01");
	expect("le 31 avril", p, "");
	/* a day alone is too ambiguous; a year outside 1900..2100 makes no date */
	expect("le 15", p, "");
	expect("le 5 mars 1850", p, "");
	expect("le 5 mars 12 personnes", D(2022, 4, 1), "le 5 mars=day 2022-03-05..2022-03-06");
}

static void
test_numeric_dates(void **state)
{
	int32_t		p = D(2022, 1, 1);

	(void) state;
	expect("15/12/2021", p, "15/12/2021=day 2021-12-15..2021-12-16");
	expect("15.12.2021", p, "15.12.2021=day 2021-12-15..2021-12-16");
	expect("15-12-2021", p, "15-12-2021=day 2021-12-15..2021-12-16");
	expect("le 5/8/2022.", p, "le 5/8/2022=day 2022-08-05..2022-08-06");
	expect("2021-12-15", p, "2021-12-15=day 2021-12-15..2021-12-16");
	expect("١٥/١٢/٢٠٢١", p, "١٥/١٢/٢٠٢١=day 2021-12-15..2021-12-16");
	/* invalid days and months */
	expect("31/02/2021", p, "");
	expect("13/13/2020", p, "");
	expect("00/12/2020", p, "");
	expect("29/02/2024", p, "29/02/2024=day 2024-02-29..2024-03-01");
	expect("29/02/2023", p, "");
	expect("29/02/2000", p, "29/02/2000=day 2000-02-29..2000-03-01");
	expect("29/02/1900", p, "");
	/* mixed separators, chains, short or long years, numbers that are not dates */
	expect("15/12.2021", p, "");
	expect("1.15.12.2021", p, "");
	expect("15.12.2021.5", p, "");
	expect("192.168.1.1", p, "");
	expect("15/12/21", p, "");
	expect("15/12/20211", p, "");
	expect("15/12/1850", p, "");
	expect("15 / 12 / 2021", p, "");
	expect("100000000000000000000000000000000000000000000000000/12/2021", p, "");
	expect("15/12/2021 et 16/12/2021", p,
		   "15/12/2021=day 2021-12-15..2021-12-16 | 16/12/2021=day 2021-12-16..2021-12-17");
}

static void
test_french_months_and_years(void **state)
{
	int32_t		p = D(2022, 4, 10);

	(void) state;
	expect("en mars", p, "en mars=month 2022-03-01..2022-04-01");
	expect("en avril", p, "en avril=month 2022-04-01..2022-05-01");
	expect("en mai", p, "en mai=month 2021-05-01..2021-06-01");
	expect("en mars 2022", p, "en mars 2022=month 2022-03-01..2022-04-01");
	expect("mars 2022", p, "mars 2022=month 2022-03-01..2022-04-01");
	expect("mars dernier", p, "mars dernier=month 2022-03-01..2022-04-01");
	expect("avril dernier", p, "avril dernier=month 2021-04-01..2021-05-01");
	expect("mars prochain", p, "mars prochain=month 2023-03-01..2023-04-01 future");
	expect("début mars", p, "début mars=month 2022-03-01..2022-04-01");
	expect("à la mi-mars", p, "la mi-mars=month 2022-03-01..2022-04-01");
	expect("au mois de mars", p, "mois de mars=month 2022-03-01..2022-04-01");
	expect("depuis mars", p, "mars=month 2022-03-01..2022-04-01");
	expect("en 2001", p, "en 2001=year 2001-01-01..2002-01-01");
	expect("l'an 2001", p, "l'an 2001=year 2001-01-01..2002-01-01");
	expect("depuis 2014", p, "2014=year 2014-01-01..2015-01-01");
	expect("fin 2021", p, "fin 2021=year 2021-01-01..2022-01-01");
	/* a month or a year needs a word that announces it */
	expect("la planète Mars", p, "");
	expect("mars", p, "");
	expect("Il y avait 2001 personnes", p, "");
	expect("en 1850", p, "");
	expect("en 20001", p, "");
}

static void
test_french_units(void **state)
{
	int32_t		sat = D(2021, 12, 18);

	(void) state;
	expect("la semaine dernière", sat, "la semaine dernière=week 2021-12-06..2021-12-13");
	expect("la semaine passée", sat, "la semaine passée=week 2021-12-06..2021-12-13");
	expect("cette semaine", sat, "cette semaine=week 2021-12-13..2021-12-20");
	expect("la semaine prochaine", sat, "la semaine prochaine=week 2021-12-20..2021-12-27 future");
	expect("le mois dernier", sat, "le mois dernier=month 2021-11-01..2021-12-01");
	expect("le mois prochain", sat, "le mois prochain=month 2022-01-01..2022-02-01 future");
	expect("ce mois-ci", sat, "ce mois-ci=month 2021-12-01..2022-01-01");
	expect("l'an dernier", sat, "l'an dernier=year 2020-01-01..2021-01-01");
	expect("l’année dernière", sat, "l’année dernière=year 2020-01-01..2021-01-01");
	expect("l'année prochaine", sat, "l'année prochaine=year 2022-01-01..2023-01-01 future");
	expect("cette année", sat, "cette année=year 2021-01-01..2022-01-01");
	/* a unit without a marker is no date */
	expect("une semaine", sat, "");
	expect("par an", sat, "");
	/* a published Sunday ends its ISO week */
	expect("la semaine dernière", D(2021, 12, 19), "la semaine dernière=week 2021-12-06..2021-12-13");
	expect("le mois dernier", D(2022, 1, 3), "le mois dernier=month 2021-12-01..2022-01-01");
}

/* ---- Arabic ------------------------------------------------------------------------------ */

static void
test_arabic_relative_days(void **state)
{
	int32_t		p = D(2024, 7, 26);

	(void) state;
	expect("أمس", p, "أمس=day 2024-07-25..2024-07-26");
	expect("أول أمس", p, "أول أمس=day 2024-07-24..2024-07-25");
	expect("أول من أمس", p, "أول من أمس=day 2024-07-24..2024-07-25");
	expect("اليوم", p, "اليوم=day 2024-07-26..2024-07-27");
	expect("غداً", p, "غداً=day 2024-07-27..2024-07-28 future");
	expect("بعد غد", p, "بعد غد=day 2024-07-28..2024-07-29 future");
	expect("الليلة الماضية", p, "الليلة الماضية=day 2024-07-25..2024-07-26");
	expect("مساء أمس", p, "مساء أمس=day 2024-07-25..2024-07-26");
	expect("صباح اليوم", p, "صباح اليوم=day 2024-07-26..2024-07-27");
	expect("يوم أمس", p, "يوم أمس=day 2024-07-25..2024-07-26");
	/* clitics: the surface starts after them */
	expect("وأمس", p, "أمس=day 2024-07-25..2024-07-26");
	expect("بالأمس", p, "الأمس=day 2024-07-25..2024-07-26");
	expect("وَأمسِ", p, "أمسِ=day 2024-07-25..2024-07-26");
	/* a relative day and its weekday: one date */
	expect("أمس الخميس", p, "أمس الخميس=day 2024-07-25..2024-07-26");
	expect("اليوم (الجمعة)", p, "اليوم (الجمعة=day 2024-07-26..2024-07-27");
	/* the day of something else */
	expect("في اليوم التالي", p, "");
	expect("في ذلك اليوم", p, "");
	expect("اليوم نفسه", p, "");
	expect("اليوم الوطني", p, "");
}

static void
test_arabic_weekdays(void **state)
{
	int32_t		thu = D(2023, 7, 13);

	(void) state;
	expect("يوم الخميس", thu, "يوم الخميس=day 2023-07-13..2023-07-14");
	expect("الخميس", thu, "الخميس=day 2023-07-13..2023-07-14");
	expect("الأربعاء", thu, "الأربعاء=day 2023-07-12..2023-07-13");
	expect("الإثنين", thu, "الإثنين=day 2023-07-10..2023-07-11");
	expect("الاثنين", thu, "الاثنين=day 2023-07-10..2023-07-11");
	expect("الأحد المقبل", thu, "الأحد المقبل=day 2023-07-16..2023-07-17 future");
	expect("الأحد القادم", thu, "الأحد القادم=day 2023-07-16..2023-07-17 future");
	expect("الخميس المقبل", thu, "الخميس المقبل=day 2023-07-20..2023-07-21 future");
	expect("الأحد الماضي", thu, "الأحد الماضي=day 2023-07-09..2023-07-10");
	expect("الخميس الماضي", thu, "الخميس الماضي=day 2023-07-06..2023-07-07");
	expect("مساء الجمعة", thu, "مساء الجمعة=day 2023-07-07..2023-07-08");
	expect("والخميس", thu, "الخميس=day 2023-07-13..2023-07-14");
	/* without its article a weekday needs يوم; "يوم واحد" is "one day" */
	expect("يوم خميس", thu, "يوم خميس=day 2023-07-13..2023-07-14");
	expect("خميس", thu, "");
	expect("في يوم واحد", thu, "");
	/* a future verb before the date: the next such day */
	expect("سيزور الرئيس", thu, "");
	expect("سيزور الجمعة", thu, "الجمعة=day 2023-07-14..2023-07-15 future");
	expect("وسيزور الخميس", thu, "الخميس=day 2023-07-20..2023-07-21 future");
	expect("سوف يصل الأحد", thu, "الأحد=day 2023-07-16..2023-07-17 future");
	/* a plan word a few words before, in the same clause */
	expect("من المقرر أن يصل الوزير الأحد", thu, "الأحد=day 2023-07-16..2023-07-17 future");
	/* nouns that begin like a future verb */
	expect("سيارة الخميس", thu, "الخميس=day 2023-07-13..2023-07-14");
}

static void
test_arabic_day_month(void **state)
{
	int32_t		p = D(2022, 8, 5);

	(void) state;
	/* a weekday and a day-month in parentheses: one date */
	expect("يوم الجمعة(5 أغسطس)", p, "يوم الجمعة(5 أغسطس=day 2022-08-05..2022-08-06");
	expect("يوم الجمعة (5 أغسطس)", p, "يوم الجمعة (5 أغسطس=day 2022-08-05..2022-08-06");
	expect("الجمعة، 5 أغسطس", p, "الجمعة، 5 أغسطس=day 2022-08-05..2022-08-06");
	expect("15 ديسمبر 2021", p, "15 ديسمبر 2021=day 2021-12-15..2021-12-16");
	expect("١٥ ديسمبر ٢٠٢١", p, "١٥ ديسمبر ٢٠٢١=day 2021-12-15..2021-12-16");
	expect("في 5 أغسطس", p, "في 5 أغسطس=day 2022-08-05..2022-08-06");
	expect("6 اغسطس", p, "6 اغسطس=day 2022-08-06..2022-08-07");
	/* the Levantine and the Egyptian name of one month: one date */
	expect("12 تموز/يوليو 2023", p, "12 تموز/يوليو 2023=day 2023-07-12..2023-07-13");
	expect("12 تموز / يوليو 2023", p, "12 تموز / يوليو 2023=day 2023-07-12..2023-07-13");
	expect("12 تموز (يوليو) 2023", p, "12 تموز (يوليو) 2023=day 2023-07-12..2023-07-13");
	expect("3 كانون الثاني/يناير 2023", p, "3 كانون الثاني/يناير 2023=day 2023-01-03..2023-01-04");
	expect("25 كانون الأول 2022", p, "25 كانون الأول 2022=day 2022-12-25..2022-12-26");
	expect("1 تشرين الثاني 2022", p, "1 تشرين الثاني 2022=day 2022-11-01..2022-11-02");
	/* ordinal days, of one or two words, with من before the month */
	expect("في الخامس من أغسطس", p, "في الخامس من أغسطس=day 2022-08-05..2022-08-06");
	expect("الحادي والعشرين من مارس 2021", p, "الحادي والعشرين من مارس 2021=day 2021-03-21..2021-03-22");
	expect("الثاني عشر من كانون الثاني", p, "الثاني عشر من كانون الثاني=day 2022-01-12..2022-01-13");
	expect("الأول من تموز/يوليو", p, "الأول من تموز/يوليو=day 2022-07-01..2022-07-02");
	/* ... but an ordinal alone, or before anything but a month, is no date */
	expect("الفصل الخامس من الكتاب", p, "");
	expect("المؤتمر الثاني", p, "");
	/* an ordinal after اليوم makes it the day of something else, not today */
	expect("في اليوم الأول للقمة", p, "");
	expect("اليوم الخامس من الحرب", p, "");
	expect("في كانون الأول", p, "في كانون الأول=month 2021-12-01..2022-01-01");
	expect("10 آذار 2022", p, "10 آذار 2022=day 2022-03-10..2022-03-11");
	/* the Maghreb and Morocco, and spellings */
	expect("5 جويلية 2022", p, "5 جويلية 2022=day 2022-07-05..2022-07-06");
	expect("5 جانفي 2022", p, "5 جانفي 2022=day 2022-01-05..2022-01-06");
	expect("5 غشت 2022", p, "5 غشت 2022=day 2022-08-05..2022-08-06");
	expect("5 دجنبر 2022", p, "5 دجنبر 2022=day 2022-12-05..2022-12-06");
	expect("5 أبريل 2022 و5 إبريل 2022", p,
		   "5 أبريل 2022=day 2022-04-05..2022-04-06 | 5 إبريل 2022=day 2022-04-05..2022-04-06");
	expect("و5 أغسطس وب6 أغسطس", p, "5 أغسطس=day 2022-08-05..2022-08-06 | 6 أغسطس=day 2022-08-06..2022-08-07");
	expect("5 يونيه 2022", p, "5 يونيه 2022=day 2022-06-05..2022-06-06");
	expect("5 أغسطس عام 2021", p, "5 أغسطس عام 2021=day 2021-08-05..2021-08-06");
	expect("عام 2001م", p, "عام 2001م=year 2001-01-01..2002-01-01");
	/* a different month after the slash is not the same date */
	expect("12 تموز/مايو 2023", p, "12 تموز=day 2022-07-12..2022-07-13 | مايو 2023=month 2023-05-01..2023-06-01");
	/* a word with a clitic starts a date: و is "and" */
	expect("الخميس و12 تموز 2023", p, "الخميس=day 2022-08-04..2022-08-05 | 12 تموز 2023=day 2023-07-12..2023-07-13");
	expect("أمس والخميس", p, "أمس=day 2022-08-04..2022-08-05 | الخميس=day 2022-08-04..2022-08-05");
}

static void
test_arabic_months_years_units(void **state)
{
	int32_t		p = D(2023, 7, 13);

	(void) state;
	expect("في مارس", p, "في مارس=month 2023-03-01..2023-04-01");
	expect("في ديسمبر", p, "في ديسمبر=month 2022-12-01..2023-01-01");
	expect("مارس الماضي", p, "مارس الماضي=month 2023-03-01..2023-04-01");
	expect("ديسمبر المقبل", p, "ديسمبر المقبل=month 2023-12-01..2024-01-01 future");
	expect("شهر مارس", p, "شهر مارس=month 2023-03-01..2023-04-01");
	expect("آذار الماضي", p, "آذار الماضي=month 2023-03-01..2023-04-01");
	expect("مارس 2022", p, "مارس 2022=month 2022-03-01..2022-04-01");
	expect("منذ مارس", p, "مارس=month 2023-03-01..2023-04-01");
	expect("عام 2001", p, "عام 2001=year 2001-01-01..2002-01-01");
	expect("العام 2001", p, "العام 2001=year 2001-01-01..2002-01-01");
	expect("في عام 2001", p, "في عام 2001=year 2001-01-01..2002-01-01");
	expect("لعام 2001", p, "عام 2001=year 2001-01-01..2002-01-01");
	expect("سنة 2001", p, "سنة 2001=year 2001-01-01..2002-01-01");
	expect("في 2001", p, "في 2001=year 2001-01-01..2002-01-01");
	expect("منذ 2014", p, "2014=year 2014-01-01..2015-01-01");
	expect("العام الماضي", p, "العام الماضي=year 2022-01-01..2023-01-01");
	expect("خلال العام الماضي", p, "العام الماضي=year 2022-01-01..2023-01-01");
	expect("العام المقبل", p, "العام المقبل=year 2024-01-01..2025-01-01 future");
	expect("العام الجاري", p, "العام الجاري=year 2023-01-01..2024-01-01");
	expect("هذا العام", p, "هذا العام=year 2023-01-01..2024-01-01");
	expect("السنة الماضية", p, "السنة الماضية=year 2022-01-01..2023-01-01");
	expect("للعام المقبل", p, "لعام المقبل=year 2024-01-01..2025-01-01 future");
	expect("الأسبوع الماضي", p, "الأسبوع الماضي=week 2023-07-03..2023-07-10");
	expect("الأسبوع المقبل", p, "الأسبوع المقبل=week 2023-07-17..2023-07-24 future");
	expect("الشهر الماضي", p, "الشهر الماضي=month 2023-06-01..2023-07-01");
	expect("الشهر الجاري", p, "الشهر الجاري=month 2023-07-01..2023-08-01");
	/* not dates: a bare number, a bare month, العام as "general" */
	expect("قتل 2001 شخص", p, "");
	expect("مارس الضغط", p, "");
	expect("الأمين العام المقبل", p, "");
	expect("المؤتمر العام المقبل", p, "");
	expect("في باب", p, "");
}

/* ---- English ----------------------------------------------------------------------------- */

static void
test_english(void **state)
{
	int32_t		p = D(2022, 3, 10);		/* a Thursday */

	(void) state;
	expect("yesterday", p, "yesterday=day 2022-03-09..2022-03-10");
	expect("the day before yesterday", p, "the day before yesterday=day 2022-03-08..2022-03-09");
	expect("on Monday", p, "on Monday=day 2022-03-07..2022-03-08");
	expect("next Monday", p, "next Monday=day 2022-03-14..2022-03-15 future");
	expect("last Friday", p, "last Friday=day 2022-03-04..2022-03-05");
	expect("last week", p, "last week=week 2022-02-28..2022-03-07");
	expect("this year", p, "this year=year 2022-01-01..2023-01-01");
	expect("in March", p, "in March=month 2022-03-01..2022-04-01");
	expect("on March 5, 2021", p, "on March 5, 2021=day 2021-03-05..2021-03-06");
	expect("March 5", p, "March 5=day 2022-03-05..2022-03-06");
	expect("5 March 2021", p, "5 March 2021=day 2021-03-05..2021-03-06");
	expect("in 2001", p, "in 2001=year 2001-01-01..2002-01-01");
	expect("it may rain", p, "");
}

/* ---- without a publication date ---------------------------------------------------------- */

static void
test_no_publication_date(void **state)
{
	(void) state;
	expect("hier, le 18 décembre, et le 15/12/2021, le 1er mars 2022, en mars 2022", AKH_NO_DATE,
		   "le 15/12/2021=day 2021-12-15..2021-12-16 | le 1er mars 2022=day 2022-03-01..2022-03-02 | "
		   "en mars 2022=month 2022-03-01..2022-04-01");
	expect("عام 2001 والخميس و12 تموز/يوليو 2023 والعام الماضي", AKH_NO_DATE,
		   "عام 2001=year 2001-01-01..2002-01-01 | 12 تموز/يوليو 2023=day 2023-07-12..2023-07-13");
	expect("vendredi, la semaine dernière, en mars, demain", AKH_NO_DATE, "");
}

/* ---- offsets, mixed text, texts without dates -------------------------------------------- */

static void
test_offsets(void **state)
{
	const char *s = "وقال الوزير يوم الجمعة (5 أغسطس) إن المحادثات ستستأنف الأسبوع المقبل.";
	akh_tokens	t;
	akh_dates	ds;
	const char *week = strstr(s, "الأسبوع");

	(void) state;
	akh_tokens_init(&t, &akh_env_malloc);
	akh_dates_init(&ds, &akh_env_malloc);
	assert_int_equal(akh_tokenize(folder, s, strlen(s), &t), AKH_OK);
	assert_int_equal(akh_dates_find(s, &t, D(2022, 8, 5), &akh_env_malloc, &ds), AKH_OK);
	check_invariants(s, &t, &ds);
	assert_int_equal(ds.n, 2);
	assert_int_equal(ds.d[0].byte_start, strstr(s, "يوم") - s);
	assert_int_equal(ds.d[0].char_start, 12);
	assert_int_equal(ds.d[0].char_len, 19);	/* يوم الجمعة (5 أغسطس */
	assert_int_equal(ds.d[0].tok_first, 2);
	assert_int_equal(ds.d[0].tok_end, 6);
	assert_false(ds.d[0].future);
	assert_int_equal(ds.d[1].byte_start, week - s);
	assert_int_equal(ds.d[1].byte_len, strlen("الأسبوع المقبل"));
	assert_int_equal(ds.d[1].grain, AKH_GRAIN_WEEK);
	assert_true(ds.d[1].future);
	/* Results are appended: a second call adds to what out holds. */
	assert_int_equal(akh_dates_find(s, &t, D(2022, 8, 5), &akh_env_malloc, &ds), AKH_OK);
	assert_int_equal(ds.n, 4);
	akh_dates_free(&ds);
	akh_tokens_free(&t);

	/* a French paragraph: several dates, in order */
	expect("Le président a déclaré vendredi, au lendemain du sommet du 15/12/2021, que la "
		   "réunion de la semaine prochaine aurait lieu le 28 décembre.", D(2021, 12, 18),
		   "vendredi=day 2021-12-17..2021-12-18 | 15/12/2021=day 2021-12-15..2021-12-16 | "
		   "la semaine prochaine=week 2021-12-20..2021-12-27 future | "
		   "le 28 décembre=day 2021-12-28..2021-12-29");
	/* the same words, punctuation between them: separate or no dates */
	expect("le 18. Décembre", D(2021, 12, 18), "");
	expect("mars, 2022", D(2021, 12, 18), "");
}

static void
test_no_dates(void **state)
{
	int32_t		p = D(2021, 12, 18);

	(void) state;
	expect("", p, "");
	expect("Le président russe a rencontré son homologue à Pékin.", p, "");
	expect("وقال الرئيس إن بلاده ستواصل العمل مع الشركاء", p, "");
	expect("Les 12 membres du conseil ont voté 3 résolutions sur 2001 propositions.", p, "");
	expect("الفصل 5 من القانون رقم 15 لسنة", p, "");
	expect("Le premier ministre", p, "");
}

/* ---- hostile input ----------------------------------------------------------------------- */

/* A text of n bytes of digits and slashes (and a few dots and dashes), pseudo-random. */
static char *
digits_and_slashes(size_t n)
{
	char	   *s = malloc(n + 1);
	uint32_t	x = 12345;

	for (size_t i = 0; i < n; i++)
	{
		x = x * 1103515245u + 12345u;
		switch ((x >> 16) % 16)
		{
			case 0:
			case 1:
			case 2:
				s[i] = '/';
				break;
			case 3:
				s[i] = '.';
				break;
			case 4:
				s[i] = '-';
				break;
			case 5:
				s[i] = ' ';
				break;
			default:
				s[i] = (char) ('0' + (x >> 20) % 10);
		}
	}
	s[n] = '\0';
	return s;
}

static void
test_hostile_input(void **state)
{
	size_t		n = 1 << 20;
	char	   *s = digits_and_slashes(n);
	akh_tokens	t;
	akh_dates	ds;
	clock_t		start;
	double		secs;

	(void) state;
	akh_tokens_init(&t, &akh_env_malloc);
	akh_dates_init(&ds, &akh_env_malloc);
	assert_int_equal(akh_tokenize(folder, s, n, &t), AKH_OK);
	start = clock();
	assert_int_equal(akh_dates_find(s, &t, D(2021, 12, 18), &akh_env_malloc, &ds), AKH_OK);
	secs = (double) (clock() - start) / CLOCKS_PER_SEC;
	print_message("1 MB of digits and slashes: %zu words, %zu dates, %.3f s\n", t.n, ds.n, secs);
	assert_true(secs < 2.0);
	check_invariants(s, &t, &ds);
	/* whatever was found is a valid numeric date of 1900..2100 */
	for (size_t i = 0; i < ds.n; i++)
	{
		int			y,
					m,
					d;

		assert_int_equal(ds.d[i].grain, AKH_GRAIN_DAY);
		assert_int_equal(ds.d[i].tok_end - ds.d[i].tok_first, 3);
		akh_civil_from_days(ds.d[i].lo, &y, &m, &d);
		assert_true(y >= 1900 && y <= 2100);
	}
	akh_dates_free(&ds);
	akh_tokens_free(&t);

	/* one text of every date word, a thousand times: linear */
	{
		const char *unit = "hier, le 18 décembre, يوم الجمعة (5 أغسطس) و12 تموز/يوليو 2023 "
			"la semaine dernière الأسبوع المقبل 15/12/2021 en 2001 عام 2001. ";
		size_t		ul = strlen(unit);
		size_t		reps = 10000;
		char	   *big = malloc(ul * reps + 1);

		for (size_t i = 0; i < reps; i++)
			memcpy(big + i * ul, unit, ul);
		big[ul * reps] = '\0';
		akh_tokens_init(&t, &akh_env_malloc);
		akh_dates_init(&ds, &akh_env_malloc);
		assert_int_equal(akh_tokenize(folder, big, ul * reps, &t), AKH_OK);
		start = clock();
		assert_int_equal(akh_dates_find(big, &t, D(2022, 8, 5), &akh_env_malloc, &ds), AKH_OK);
		secs = (double) (clock() - start) / CLOCKS_PER_SEC;
		print_message("%zu kB of dates: %zu dates, %.3f s\n", ul * reps / 1024, ds.n, secs);
		assert_int_equal(ds.n, 9 * reps);
		assert_true(secs < 2.0);
		akh_dates_free(&ds);
		akh_tokens_free(&t);
		free(big);
	}

	/*
	 * Publication dates PostgreSQL cannot hold (its infinities are INT32_MIN and INT32_MAX)
	 * count as none; near the end of its range, what would leave it is not reported.
	 */
	expect("hier, demain, la semaine prochaine, l'année prochaine, 15/12/2021", INT32_MAX,
		   "15/12/2021=day 2021-12-15..2021-12-16");
	expect("hier", INT32_MIN + 1, "");
	expect("hier, demain", D(5874897, 12, 31), "hier=day 5874897-12-30..5874897-12-31");
	expect("hier, demain", D(-4713, 11, 24), "demain=day -4713-11-25..-4713-11-26 future");
	/* fifty digits are not a day, a month or a year */
	expect("le 12345678901234567890123456789012345678901234567890 décembre", D(2021, 12, 18), "");
	expect("en 12345678901234567890123456789012345678901234567890", D(2021, 12, 18), "");
	/* a long word, marks alone, a separator at the very end */
	memset(s, 'a', n);
	s[n] = '\0';
	expect(s, D(2021, 12, 18), "");
	expect("15/12/2021/", D(2021, 12, 18), "15/12/2021=day 2021-12-15..2021-12-16");
	expect("news/2021/12/15/title", D(2021, 12, 18), "2021/12/15=day 2021-12-15..2021-12-16");
	expect("\xD9\x8E\xD9\x8E", D(2021, 12, 18), "");
	free(s);
}

/* An allocator that fails: the engine reports AKH_ENOMEM and leaks nothing. */
static void *
failing_alloc(void *ctx, size_t size)
{
	(void) ctx;
	(void) size;
	return NULL;
}

static void *
failing_realloc(void *ctx, void *p, size_t size)
{
	(void) ctx;
	(void) p;
	(void) size;
	return NULL;
}

static void
test_allocation_failure(void **state)
{
	const akh_env failing = {failing_alloc, failing_realloc, akh_env_malloc.free, NULL, NULL};
	const char *s = "hier";
	akh_tokens	t;
	akh_dates	ds;

	(void) state;
	akh_tokens_init(&t, &akh_env_malloc);
	akh_dates_init(&ds, &failing);
	assert_int_equal(akh_tokenize(folder, s, strlen(s), &t), AKH_OK);
	assert_int_equal(akh_dates_find(s, &t, 0, &failing, &ds), AKH_ENOMEM);
	assert_int_equal(ds.n, 0);
	akh_dates_free(&ds);
	akh_tokens_free(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_fold_assumptions),
		cmocka_unit_test(test_lexicon),
		cmocka_unit_test(test_french_relative_days),
		cmocka_unit_test(test_french_weekdays),
		cmocka_unit_test(test_french_day_month),
		cmocka_unit_test(test_numeric_dates),
		cmocka_unit_test(test_french_months_and_years),
		cmocka_unit_test(test_french_units),
		cmocka_unit_test(test_arabic_relative_days),
		cmocka_unit_test(test_arabic_weekdays),
		cmocka_unit_test(test_arabic_day_month),
		cmocka_unit_test(test_arabic_months_years_units),
		cmocka_unit_test(test_english),
		cmocka_unit_test(test_no_publication_date),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_no_dates),
		cmocka_unit_test(test_hostile_input),
		cmocka_unit_test(test_allocation_failure),
	};

	return cmocka_run_group_tests_name("dates", tests, setup, teardown);
}
