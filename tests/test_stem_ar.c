/*
 * test_stem_ar.c — unit tests of the Arabic lexemes: Lucene's ArabicStemmer vectors
 * (../shared/ref/, skipped when absent), each prefix and suffix at and below its minimum
 * length, the stop list (every entry its own fold, sorted, recognised in any spelling), and
 * hostile input (invalid UTF-8, empty and mark-only words, the stemming limit, a 1 MB word, a
 * failing allocator).
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

#include "stem_ar.h"
#include "tokenize.h"

static akh_folder *folder;

/* The compiled stop list, as stem_ar.c includes it. */
static const char *const compiled_stop_words[] = {
#include "gen/stop_ar_words.h"
};

#define NCOMPILED (sizeof(compiled_stop_words) / sizeof(compiled_stop_words[0]))

static int
setup(void **state)
{
	(void) state;
	return akh_folder_new(&akh_env_malloc, &folder) == AKH_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void) state;
	akh_folder_free(folder);
	return 0;
}

/* The lexeme of w as a malloc'd NUL-terminated string, or NULL for a stop word. */
static char *
lexeme_n(const char *w, size_t n)
{
	akh_buf		out;
	bool		is_stop = false;

	akh_buf_init(&out, &akh_env_malloc);
	assert_int_equal(akh_lexeme_ar(folder, w, n, &out, &is_stop), AKH_OK);
	if (is_stop)
	{
		assert_int_equal(out.len, 0);
		akh_buf_free(&out);
		return NULL;
	}
	assert_int_equal(akh_buf_append(&out, "", 1), AKH_OK);
	return out.data;
}

static char *
lexeme(const char *w)
{
	return lexeme_n(w, strlen(w));
}

static char *
fold_n(const char *s, size_t n)
{
	akh_buf		out;

	akh_buf_init(&out, &akh_env_malloc);
	assert_int_equal(akh_fold(folder, s, n, &out), AKH_OK);
	assert_int_equal(akh_buf_append(&out, "", 1), AKH_OK);
	return out.data;
}

static char *
fold_str(const char *s)
{
	return fold_n(s, strlen(s));
}

static void
check(const char *in, const char *expected)
{
	char	   *got = lexeme(in);

	if (got == NULL)
		fail_msg("lexeme(\"%s\") is a stop word, expected \"%s\"", in, expected);
	if (strcmp(got, expected) != 0)
		fail_msg("lexeme(\"%s\") = \"%s\", expected \"%s\"", in, got, expected);
	free(got);
}

static void
check_stop(const char *in)
{
	char	   *got = lexeme(in);

	if (got != NULL)
		fail_msg("lexeme(\"%s\") = \"%s\", expected a stop word", in, got);
}

/* Lucene's ArabicStemmer vectors: the lexeme is the fold of Lucene's stem. */
static void
test_lucene_vectors(void **state)
{
	FILE	   *f = fopen("../shared/ref/lucene_ar_stem.tsv", "r");
	char		line[1024];
	int			n = 0;
	bool		header = true;

	(void) state;
	if (f == NULL)
		skip();
	while (fgets(line, sizeof(line), f) != NULL)
	{
		char	   *tab = strchr(line, '\t');
		char	   *nl;
		char	   *want;

		if (header)
		{
			header = false;
			continue;
		}
		if (tab == NULL)
			continue;
		*tab = '\0';
		if ((nl = strpbrk(tab + 1, "\r\n")) != NULL)
			*nl = '\0';
		want = fold_str(tab + 1);
		check(line, want);
		free(want);
		n++;
	}
	fclose(f);
	assert_int_equal(n, 21);
}

/*
 * Each prefix where it comes off and one letter short of that: two letters must remain
 * (three after w), and only the first matching prefix of Lucene's list is tried.
 */
static void
test_prefixes(void **state)
{
	(void) state;
	check("الكتب", "كتب");
	check("الك", "الك");
	check("والكتب", "كتب");
	check("والك", "الك");		/* too short for wAl: then w, as Lucene's loop goes on */
	check("بالكتب", "كتب");
	check("بالك", "بالك");
	check("كالكتب", "كتب");
	check("كالك", "كالك");
	check("فالكتب", "كتب");
	check("فالك", "فالك");
	check("للكتب", "كتب");
	check("للك", "للك");
	check("وكتب", "كتب");
	check("وكت", "وكت");
	check("وقت", "وقت");
	/* One prefix only: what the first leaves is not tried again. */
	check("الوزير", "وزير");
	check("والوزير", "وزير");
	check("والد", "الد");		/* wAl does not fit, w does; the Al left is the stem's */
	/* light10 takes w off any four-letter word, as Lucene does: وزير (minister) -> زير. */
	check("وزير", "زير");
}

/* Each suffix where it comes off and where it would leave fewer than two letters. */
static void
test_suffixes(void **state)
{
	(void) state;
	check("كتبها", "كتب");
	check("كها", "كها");
	check("كتبان", "كتب");
	check("قان", "قان");
	check("كتبات", "كتب");
	check("قات", "قات");
	check("كتبون", "كتب");
	check("قون", "قون");
	check("كتبين", "كتب");
	check("قين", "قين");
	check("كتبيه", "كتب");
	check("قيه", "قي");			/* too short for yh, long enough for h */
	check("كتبه", "كتب");
	check("قه", "قه");
	check("كتبي", "كتب");
	check("قي", "قي");
	/* Suffixes chain in list order, each once. */
	check("كتبهات", "كتب");
	check("اولادها", "اولاد");
	/* Teh marbuta folds to h: Lucene's -p and -yp. */
	check("كتبة", "كتب");
	check("كتبية", "كتب");
	/*
	 * Only one h comes off, as in Lucene's chain (its normalizer makes p an h, so its -p never
	 * fires): جبهة "front" and جبهه "his forehead" both give جبه, not جب.
	 */
	check("جبهة", "جبه");
	check("جبهه", "جبه");
	/* Lengths are UTF-16 units, as Lucene counts: U+20000 is two, so hA leaves two. */
	check("\xF0\xA0\x80\x80ها", "\xF0\xA0\x80\x80");
	check("\xE4\xB8\x80ها", "\xE4\xB8\x80ها");	/* U+4E00 is one: too short */
	/* Prefix and suffixes together. */
	check("والمسؤولون", "مسءول");
	check("بالسيارات", "سيار");
}

/* Spellings that fold alike stem alike: harakat, tatweel, hamza carriers, alef forms. */
static void
test_fold_equivalents(void **state)
{
	static const char *const forms[][2] = {
		{"الكِتَابُ", "الكتاب"},
		{"الكتـــاب", "الكتاب"},
		{"مسؤولون", "مسئولون"},
		{"الأولاد", "الاولاد"},
		{"بالإمارات", "بالامارات"},
		{"آخرين", "اخرين"},
		{"مستشفى", "مستشفي"},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
	{
		char	   *a = lexeme(forms[i][0]);
		char	   *b = lexeme(forms[i][1]);

		assert_non_null(a);
		assert_non_null(b);
		if (strcmp(a, b) != 0)
			fail_msg("lexeme(\"%s\") = \"%s\" but lexeme(\"%s\") = \"%s\"",
					 forms[i][0], a, forms[i][1], b);
		free(a);
		free(b);
	}
	check("الكِتَابُ", "كتاب");
	check("مستشفى", "مستشف");
}

static void
test_stop_words(void **state)
{
	static const char *const stop[] = {
		"في", "من", "إلى", "الى", "على", "عن", "مع", "أن", "إن", "لن", "لم", "قد", "لقد",
		"كان", "كانت", "يكون", "ليس", "أصبح", "هذا", "هذه", "هؤلاء", "أولئك", "ذلك", "الذي",
		"التي", "الذين", "اللائي", "هو", "هي", "هم", "نحن", "أنا", "حتى", "متى", "أيضاً",
		"الآن", "دائماً", "وفي", "ولا", "والتي", "فإن", "لَمْ", "عَلَى", "و",
	};
	static const char *const not_stop[] = {
		"الحكومة", "وزير", "بكين", "قال", "عبر", "أثر", "لي", "مصر", "فيهن", "كتب",
	};

	(void) state;
	for (size_t i = 0; i < sizeof(stop) / sizeof(stop[0]); i++)
		check_stop(stop[i]);
	for (size_t i = 0; i < sizeof(not_stop) / sizeof(not_stop[0]); i++)
	{
		char	   *got = lexeme(not_stop[i]);

		if (got == NULL)
			fail_msg("\"%s\" is taken for a stop word", not_stop[i]);
		free(got);
	}
	/* The stop list sees the fold, not the stem: فيها is a stop word, بيتها is not. */
	check("بيتها", "بيت");
}

/*
 * data/lang/stop_ar.txt: at least 150 entries, each written as fold() writes it and
 * recognised as a stop word; the compiled array is the same set, in strcmp order (the
 * binary search relies on it).
 */
static void
test_stop_list(void **state)
{
	FILE	   *f = fopen("data/lang/stop_ar.txt", "r");
	char		line[256];
	size_t		n = 0;
	int			bad = 0;

	(void) state;
	if (f == NULL)
		fail_msg("data/lang/stop_ar.txt not found: run the tests from the repository root");
	while (fgets(line, sizeof(line), f) != NULL)
	{
		char	   *nl = strpbrk(line, "\r\n");
		char	   *folded;
		bool		found = false;

		if (nl != NULL)
			*nl = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		n++;
		folded = fold_str(line);
		if (strcmp(folded, line) != 0 && bad++ < 10)
			print_message("stop_ar.txt: \"%s\" folds to \"%s\"\n", line, folded);
		free(folded);
		for (size_t i = 0; i < NCOMPILED; i++)
			found = found || strcmp(compiled_stop_words[i], line) == 0;
		if (!found && bad++ < 10)
			print_message("stop_ar.txt: \"%s\" is not in the compiled list\n", line);
		if (lexeme(line) != NULL && bad++ < 10)
			print_message("stop_ar.txt: \"%s\" is not taken for a stop word\n", line);
	}
	fclose(f);
	assert_int_equal(bad, 0);
	assert_true(n >= 150);
	assert_int_equal(n, NCOMPILED);
	for (size_t i = 1; i < NCOMPILED; i++)
	{
		if (strcmp(compiled_stop_words[i - 1], compiled_stop_words[i]) >= 0)
			fail_msg("compiled stop list out of order at \"%s\"", compiled_stop_words[i]);
	}
}

/* The lexeme is appended: what out holds already stays. */
static void
test_appends(void **state)
{
	akh_buf		out;
	bool		is_stop = true;
	const char *w = "والكتب";
	const char *stop = "في";

	(void) state;
	akh_buf_init(&out, &akh_env_malloc);
	assert_int_equal(akh_buf_append(&out, "x ", 2), AKH_OK);
	assert_int_equal(akh_lexeme_ar(folder, w, strlen(w), &out, &is_stop), AKH_OK);
	assert_false(is_stop);
	assert_int_equal(out.len, 2 + strlen("كتب"));
	assert_memory_equal(out.data, "x كتب", out.len);
	assert_int_equal(akh_lexeme_ar(folder, stop, strlen(stop), &out, &is_stop), AKH_OK);
	assert_true(is_stop);
	assert_int_equal(out.len, 2 + strlen("كتب"));
	akh_buf_free(&out);
}

static void
test_invalid_utf8(void **state)
{
	static const char *const bad[] = {
		"\x80", "\xFF", "\xD8", "ال\xD8", "\xD8\xA7\xD9", "والكتب\xC0\xAF", "\xED\xA0\x80",
		"\xF4\x90\x80\x80", "في\xFF", "\xD9\x88\xFF\xD8\xA8",
	};

	(void) state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		akh_buf		out;
		bool		is_stop = true;

		akh_buf_init(&out, &akh_env_malloc);
		assert_int_equal(akh_buf_append(&out, "kept", 4), AKH_OK);
		assert_int_equal(akh_lexeme_ar(folder, bad[i], strlen(bad[i]), &out, &is_stop),
						 AKH_EUTF8);
		assert_false(is_stop);
		assert_int_equal(out.len, 4);
		akh_buf_free(&out);
	}
}

static void
test_empty(void **state)
{
	static const char *const nothing[] = {
		"",
		"\xD9\x8E\xD9\x8F",		/* fatha, damma */
		"\xD9\x80\xD9\x80",		/* tatweel */
		"\xE2\x80\x8F",			/* right-to-left mark */
	};

	(void) state;
	for (size_t i = 0; i < sizeof(nothing) / sizeof(nothing[0]); i++)
	{
		akh_buf		out;
		bool		is_stop = false;

		akh_buf_init(&out, &akh_env_malloc);
		assert_int_equal(akh_lexeme_ar(folder, nothing[i], strlen(nothing[i]), &out, &is_stop),
						 AKH_OK);
		assert_true(is_stop);
		assert_int_equal(out.len, 0);
		akh_buf_free(&out);
	}
	/* Shortest words: nothing to cut. */
	check("ق", "ق");
	check("قي", "قي");
}

/* At most 256 folded bytes a word is stemmed; past that it is indexed folded. */
static void
test_stemming_limit(void **state)
{
	char		w[300];
	char	   *got;
	char	   *folded;

	(void) state;
	/* Al + 124 qaf + hA: 128 letters, 256 bytes. */
	memcpy(w, "ال", 4);
	for (int i = 0; i < 124; i++)
		memcpy(w + 4 + 2 * i, "ق", 2);
	memcpy(w + 252, "ها", 4);
	got = lexeme_n(w, 256);
	assert_non_null(got);
	assert_int_equal(strlen(got), 248);
	assert_memory_equal(got, w + 4, 248);
	free(got);
	/* One letter more: folded only. */
	memcpy(w + 252, "قها", 6);
	got = lexeme_n(w, 258);
	folded = fold_n(w, 258);
	assert_non_null(got);
	assert_string_equal(got, folded);
	assert_int_equal(strlen(got), 258);
	free(got);
	free(folded);
}

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

static void
test_huge_word(void **state)
{
	size_t		n = 1 << 20;
	char	   *w = malloc(n);
	char	   *got;
	double		t0;

	(void) state;
	/* wAlq, then qaf with a fatha (which fold() drops) up to the suffix At. */
	memcpy(w, "والق", 8);
	for (size_t i = 8; i < n - 4; i += 4)
		memcpy(w + i, "ق\xD9\x8E", 4);
	memcpy(w + n - 4, "ات", 4);
	t0 = now();
	got = lexeme_n(w, n);
	assert_true(now() - t0 < 1.0);
	assert_non_null(got);
	assert_int_equal(strlen(got), n / 2 + 6);	/* folded; prefix and suffix kept */
	assert_memory_equal(got, "والق", 8);
	assert_memory_equal(got + n / 2 + 2, "ات", 4);
	free(got);
	free(w);
}

/* An allocator that fails after a budget of calls. */
static int	alloc_budget;

static void *
budget_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return alloc_budget-- > 0 ? malloc(size) : NULL;
}

static void *
budget_realloc(void *ctx, void *ptr, size_t size)
{
	(void) ctx;
	return alloc_budget-- > 0 ? realloc(ptr, size) : NULL;
}

static void
budget_free(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static void
test_allocation_failure(void **state)
{
	akh_env		env = {budget_alloc, budget_realloc, budget_free, NULL, NULL};
	akh_buf		out;
	bool		is_stop = true;
	const char *w = "والكتب";

	(void) state;
	alloc_budget = 0;
	akh_buf_init(&out, &env);
	assert_int_equal(akh_lexeme_ar(folder, w, strlen(w), &out, &is_stop), AKH_ENOMEM);
	assert_false(is_stop);
	assert_int_equal(out.len, 0);
	akh_buf_free(&out);
}

/*
 * The text search parser hands the dictionary the tokenizer's folded form of a word: on every
 * word of the sample corpus, its lexeme is the lexeme of the word as written.
 */
static void
test_folded_form_agrees(void **state)
{
	size_t		words = 0;

	(void) state;
	for (int i = 1; i <= 12; i++)
	{
		char		path[64];
		char	   *text;
		long		size;
		FILE	   *fp;
		akh_tokens	t;

		snprintf(path, sizeof(path), "data/sample/%02d.txt", i);
		fp = fopen(path, "rb");
		assert_non_null(fp);
		fseek(fp, 0, SEEK_END);
		size = ftell(fp);
		fseek(fp, 0, SEEK_SET);
		text = malloc((size_t) size);
		assert_int_equal(fread(text, 1, (size_t) size, fp), (size_t) size);
		fclose(fp);
		akh_tokens_init(&t, &akh_env_malloc);
		assert_int_equal(akh_tokenize(folder, text, (size_t) size, &t), AKH_OK);
		for (size_t k = 0; k < t.n; k++)
		{
			akh_buf		a;
			akh_buf		b;
			bool		stop_a;
			bool		stop_b;

			akh_buf_init(&a, &akh_env_malloc);
			akh_buf_init(&b, &akh_env_malloc);
			assert_int_equal(akh_lexeme_ar(folder, text + t.tok[k].byte_start, t.tok[k].byte_len, &a, &stop_a), AKH_OK);
			assert_int_equal(akh_lexeme_ar_folded(akh_token_folded(&t, &t.tok[k]), t.tok[k].fold_len, &b, &stop_b), AKH_OK);
			assert_int_equal(stop_a, stop_b);
			assert_int_equal(a.len, b.len);
			if (a.len > 0)
				assert_memory_equal(a.data, b.data, a.len);
			akh_buf_free(&a);
			akh_buf_free(&b);
			words++;
		}
		akh_tokens_free(&t);
		free(text);
	}
	assert_true(words > 1500);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lucene_vectors),
		cmocka_unit_test(test_folded_form_agrees),
		cmocka_unit_test(test_prefixes),
		cmocka_unit_test(test_suffixes),
		cmocka_unit_test(test_fold_equivalents),
		cmocka_unit_test(test_stop_words),
		cmocka_unit_test(test_stop_list),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_stemming_limit),
		cmocka_unit_test(test_huge_word),
		cmocka_unit_test(test_allocation_failure),
	};

	return cmocka_run_group_tests_name("stem_ar", tests, setup, teardown);
}
