/*
 * test_fold.c — unit tests of akh_fold(): the rules of the foundation issue one by one, Lucene's
 * Arabic normalization vectors, agreement of the fast table with the ICU-only path on every
 * code point, and hostile input (every code point, marks only, bidi controls only, invalid
 * UTF-8, failing allocator, expanding characters).
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

#include "fold.h"


static void
check(const char *in, const char *expected)
{
	char	   *got = fold_str(in);

	if (strcmp(got, expected) != 0)
		fail_msg("fold(\"%s\") = \"%s\", expected \"%s\"", in, got, expected);
	free(got);
}

static void
test_issue_examples(void **state)
{
	(void) state;
	check("الرئيـــس التركي أردوغان", "الرءيس التركي اردوغان");
	check("L’ŒUVRE — « Le Petit Prince »", "l'oeuvre - \" le petit prince \"");
	check("في ٥ أغسطس ٢٠٢٢", "في 5 اغسطس 2022");
}

static void
test_nfkc(void **state)
{
	(void) state;
	check("\xEF\xBB\xBB", "لا");	/* U+FEFB lam-alef ligature */
	check("\xEF\xAC\x81nance", "finance");	/* U+FB01 fi ligature */
	check("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc");	/* fullwidth ABC */
	check("\xEF\xBA\x8D\xEF\xBB\x9F", "ال");	/* presentation forms */
	/* ﷺ expands to 18 letters and spaces under NFKC. */
	check("\xEF\xB7\xBA", "صلي الله عليه وسلم");
}

static void
test_deletions(void **state)
{
	(void) state;
	check("مَبْنًى", "مبني");
	check("ـــالصين", "الصين");
	check("a\xE2\x80\x8B" "b", "ab");	/* zero-width space */
	check("\xE2\x80\x8FPutin\xE2\x80\x8E", "putin");	/* RLM, LRM */
	check("\xE2\x81\xA7" "x\xE2\x81\xA9", "x");	/* FSI ... PDI */
	check("\xD8\x9C" "abc", "abc");	/* Arabic letter mark */
	check("\xEF\xBB\xBFtext", "text");	/* BOM */
	check("co\xC2\xADop\xC3\xA9ration", "cooperation");	/* soft hyphen */
	check("الرَّحْمٰنِ", "الرحمن");	/* superscript alef */
}

static void
test_arabic_letters(void **state)
{
	(void) state;
	check("آ أ إ ٱ", "ا ا ا ا");
	check("مستشفى", "مستشفي");
	check("الصينى", "الصيني");
	check("مدينة", "مدينه");
	check("مسؤول", "مسءول");
	check("مسئول", "مسءول");
	check("شؤون شئون", "شءون شءون");
	check("ی ک ۀ ہ ە", "ي ك ه ه ه");
	check("کرمانشاه", "كرمانشاه");
}

static void
test_digits_and_punctuation(void **state)
{
	(void) state;
	check("٠١٢٣٤٥٦٧٨٩", "0123456789");
	check("۰۱۲۳۴۵۶۷۸۹", "0123456789");
	check("٣٫٥٪", "3.5%");
	check("١٬٠٠٠", "1,000");
	check("نعم، لا؛ لماذا؟", "نعم, لا; لماذا?");
	check("ختام۔", "ختام.");
	check("‘a’ ‚b‛ ′c ʼd ʻe `f", "'a' 'b' 'c 'd 'e 'f");
	check("“a” „b‟ «c» ″d", "\"a\" \"b\" \"c\" \"d");
	check("a‐b‑c‒d–e—f―g−h", "a-b-c-d-e-f-g-h");
}

static void
test_case_and_diacritics(void **state)
{
	(void) state;
	check("Pékin PEKIN pékin", "pekin pekin pekin");
	check("ÇA Ça", "ca ca");
	check("Erdoğan", "erdogan");
	check("ŒUVRE œuvre Æther æ", "oeuvre oeuvre aether ae");
	check("Øresund Łódź Đorđe", "oresund lodz dorde");
	check("Straße STRASSE", "strasse strasse");
	check("Ἀθῆναι", "αθηναι");	/* Greek loses its accents */
	check("Ёлка Йошкар", "елка иошкар");	/* Cyrillic too */
	check("Nétanyahou Sergueï", "netanyahou serguei");
	check("q\xCC\x81", "q");	/* a mark that does not compose still goes */
}

static void
test_white_space(void **state)
{
	(void) state;
	check("  a \t\n b  ", "a b");
	check("a\xC2\xA0" "b", "a b");	/* no-break space */
	check("a\xE2\x80\xAF" "b\xE2\x80\x89" "c", "a b c");	/* narrow and thin spaces */
	check("a \xE2\x80\x8B b", "a b");	/* deletion between spaces leaves one */
	check("", "");
	check("   ", "");
	check("\xE2\x80\x8F\xE2\x80\x8E", "");
}

/* Lucene's ArabicNormalizer vectors: fold() agrees where the rules overlap. */
static void
test_lucene_arabic_normalization(void **state)
{
	FILE	   *f = fopen("../shared/ref/lucene_ar_normalization.tsv", "r");
	char		line[1024];
	int			n = 0;

	(void) state;
	if (f == NULL)
		skip();
	while (fgets(line, sizeof(line), f) != NULL)
	{
		char	   *tab = strchr(line, '\t');
		char	   *nl;

		if (n++ == 0 || tab == NULL)
			continue;
		*tab = '\0';
		if ((nl = strchr(tab + 1, '\n')) != NULL)
			*nl = '\0';
		check(line, tab + 1);
	}
	fclose(f);
	assert_true(n > 10);
}

static char *
fold_ref_bytes(const char *s, size_t n, size_t *outlen)
{
	akh_buf		out;

	akh_buf_init(&out, &akh_env_malloc);
	assert_int_equal(akh_fold_reference(folder, s, n, &out), AKH_OK);
	*outlen = out.len;
	return out.data;
}

static char *
fold_bytes(const char *s, size_t n, size_t *outlen)
{
	akh_buf		out;

	akh_buf_init(&out, &akh_env_malloc);
	assert_int_equal(akh_fold(folder, s, n, &out), AKH_OK);
	*outlen = out.len;
	return out.data;
}

/*
 * The fast table and the segmenting must not change the result: for every Unicode scalar
 * value, alone and in contexts where it can compose with its neighbours, akh_fold() equals the
 * ICU-only reference.
 */
static void
test_fast_path_agrees_with_icu(void **state)
{
	static const char *const before[] = {"", "a", "\xD8\xA7", "e", "\xE1\x84\x80"};
	static const char *const after[] = {"", "b", "\xCC\x81", "\xD9\x8E", "\xE1\x85\xA1"};
	long		mismatches = 0;

	(void) state;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
	{
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		for (size_t k = 0; k < sizeof(before) / sizeof(before[0]); k++)
		{
			char		s[32];
			size_t		n = 0;
			size_t		l1;
			size_t		l2;
			char	   *a;
			char	   *b;

			/* Contexts beyond "alone" only around code points that can interact. */
			if (k > 0 && cp >= 0x3000 && cp % 7 != 0)
				continue;
			memcpy(s, before[k], strlen(before[k]));
			n = strlen(before[k]);
			n += (size_t) akh_utf8_encode(cp, s + n);
			memcpy(s + n, after[k], strlen(after[k]));
			n += strlen(after[k]);
			a = fold_bytes(s, n, &l1);
			b = fold_ref_bytes(s, n, &l2);
			if (l1 != l2 || (l1 > 0 && memcmp(a, b, l1) != 0))
			{
				if (mismatches++ < 10)
					print_message("mismatch at U+%04X context %zu: fast \"%.*s\" ICU \"%.*s\"\n",
								  cp, k, (int) l1, a ? a : "", (int) l2, b ? b : "");
			}
			free(a);
			free(b);
		}
	}
	assert_int_equal(mismatches, 0);
}

/* A text holding every code point folds without error, and agrees with the ICU path. */
static void
test_every_code_point(void **state)
{
	akh_buf		in;
	char	   *a;
	char	   *b;
	size_t		l1;
	size_t		l2;

	(void) state;
	akh_buf_init(&in, &akh_env_malloc);
	for (uint32_t cp = 1; cp <= 0x10FFFF; cp++)
	{
		char		u[4];

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		assert_int_equal(akh_buf_append(&in, u, (size_t) akh_utf8_encode(cp, u)), AKH_OK);
	}
	a = fold_bytes(in.data, in.len, &l1);
	b = fold_ref_bytes(in.data, in.len, &l2);
	assert_true(l1 > 0);
	/* Long runs of combining marks are cut in stream-safe segments: compare sizes only. */
	assert_true(l1 <= l2 + l2 / 100 && l2 <= l1 + l1 / 100);
	free(a);
	free(b);
	akh_buf_free(&in);
}

static double
seconds_to_fold(const char *s, size_t n)
{
	struct timespec t0;
	struct timespec t1;
	size_t		l;
	char	   *out;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	out = fold_bytes(s, n, &l);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	free(out);
	return (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* Marks only, bidi controls only: linear time, empty or mark-free result. */
static void
test_hostile_runs(void **state)
{
	static const char *const units[] = {
		"\xD9\x8E\xD9\x91",		/* fatha shadda: different combining classes */
		"\xCC\x81\xCC\xA3",		/* acute, dot below */
		"\xE2\x80\x8F\xE2\x81\xA7",	/* RLM, FSI */
	};

	(void) state;
	for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++)
	{
		size_t		ul = strlen(units[u]);
		size_t		small = 20000;
		size_t		large = 200000;
		char	   *s = malloc(ul * large);
		double		ts;
		double		tl;
		size_t		l;
		char	   *out;

		for (size_t i = 0; i < large; i++)
			memcpy(s + i * ul, units[u], ul);
		ts = seconds_to_fold(s, ul * small);
		tl = seconds_to_fold(s, ul * large);
		/* Ten times the input may cost at most thirty times the time (linear, with noise). */
		if (tl > 30 * ts + 0.05)
			fail_msg("unit %zu: %.3f s for %zu, %.3f s for %zu: not linear", u, ts, small, tl, large);
		out = fold_bytes(s, ul * large, &l);
		assert_int_equal(l, 0);	/* all of these are deleted */
		free(out);
		free(s);
	}
}

static void
test_invalid_utf8(void **state)
{
	static const char *const bad[] = {
		"\x80", "a\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "abc\xE2\x82", "\xFF",
	};

	(void) state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		akh_buf		out;

		akh_buf_init(&out, &akh_env_malloc);
		assert_int_equal(akh_fold(folder, bad[i], strlen(bad[i]), &out), AKH_EUTF8);
		akh_buf_free(&out);
	}
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
	akh_folder *f2 = NULL;
	char		s[301];

	(void) state;
	/* 100 × U+FDFA: the output grows ten times past the input, beyond the first reservation. */
	for (int i = 0; i < 100; i++)
		memcpy(s + 3 * i, "\xEF\xB7\xBA", 3);
	s[300] = '\0';
	alloc_budget = 0;
	assert_int_equal(akh_folder_new(&env, &f2), AKH_ENOMEM);
	assert_null(f2);
	alloc_budget = 1;
	akh_buf_init(&out, &env);
	assert_int_equal(akh_fold(folder, s, strlen(s), &out), AKH_ENOMEM);
	akh_buf_free(&out);
}

static int	ticks;

static void
count_tick(void *ctx)
{
	(void) ctx;
	ticks++;
}

static void
test_interrupt_hook(void **state)
{
	akh_env		env = akh_env_malloc;
	akh_buf		out;
	size_t		n = 1 << 20;
	char	   *s = malloc(n);

	(void) state;
	memset(s, 'a', n);
	env.tick = count_tick;
	ticks = 0;
	akh_buf_init(&out, &env);
	assert_int_equal(akh_fold(folder, s, n, &out), AKH_OK);
	assert_true(ticks >= (int) (n / AKH_TICK_BYTES) - 1);
	akh_buf_free(&out);
	free(s);
}

static void
test_idempotent_on_letters(void **state)
{
	long		bad = 0;

	(void) state;
	for (uint32_t cp = 0x20; cp < 0x3000; cp++)
	{
		char		u[4];
		size_t		l1;
		size_t		l2;
		char	   *a;
		char	   *b;

		a = fold_bytes(u, (size_t) akh_utf8_encode(cp, u), &l1);
		b = fold_bytes(a ? a : "", l1, &l2);
		if (l1 != l2 || (l1 > 0 && memcmp(a, b, l1) != 0))
		{
			if (bad++ < 10)
				print_message("fold not idempotent at U+%04X\n", cp);
		}
		free(a);
		free(b);
	}
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_issue_examples),
		cmocka_unit_test(test_nfkc),
		cmocka_unit_test(test_deletions),
		cmocka_unit_test(test_arabic_letters),
		cmocka_unit_test(test_digits_and_punctuation),
		cmocka_unit_test(test_case_and_diacritics),
		cmocka_unit_test(test_white_space),
		cmocka_unit_test(test_lucene_arabic_normalization),
		cmocka_unit_test(test_fast_path_agrees_with_icu),
		cmocka_unit_test(test_every_code_point),
		cmocka_unit_test(test_hostile_runs),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_allocation_failure),
		cmocka_unit_test(test_interrupt_hook),
		cmocka_unit_test(test_idempotent_on_letters),
	};

	return cmocka_run_group_tests_name("fold", tests, setup, teardown);
}
