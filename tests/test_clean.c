/*
 * test_clean.c — unit tests of akh_clean(): each kind of pattern, the article sentences that
 * contain a pattern's words and must survive, line breaks and blank lines, invalid UTF-8,
 * allocation failure, the interrupt hook, linear time on 10 MB, the pattern file itself (every
 * pattern written in key form, every pattern removing a line) and the sample corpus.
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

#include "clean.h"

/* The compiled patterns, as clean.c sees them but with the kind as a string. */
typedef struct test_pattern
{
	const char *kind;
	const char *text;
	size_t		len;
} test_pattern;

#define AKH_BP(kind, text) {#kind, text, sizeof(text) - 1},
static const test_pattern patterns[] = {
#include "gen/boilerplate.h"
};
#undef AKH_BP

#define NPATTERNS (sizeof(patterns) / sizeof(patterns[0]))

/* Twenty-odd words of article text: enough for a "rest" header after it to end the article. */
#define ARTICLE_FR "Le ministre chinois des Affaires étrangères a rencontré vendredi son " \
	"homologue russe en marge des réunions de l'ASEAN, a indiqué le porte-parole du ministère à " \
	"Pékin."
#define ARTICLE_AR "التقى وزير الخارجية الصيني وانغ يي يوم الجمعة مع وزير الخارجية الروسي " \
	"سيرجي لافروف على هامش اجتماعات وزراء الخارجية بشأن التعاون في شرق آسيا، واتفق الجانبان " \
	"على الحفاظ على التنسيق الاستراتيجي."


/* clean(s[0..n)) as a NUL-terminated malloc'd string. */
static char *
clean_bytes(const char *s, size_t n)
{
	akh_buf		out;

	akh_buf_init(&out, &akh_env_malloc);
	assert_int_equal(akh_clean(folder, s, n, &out), AKH_OK);
	assert_int_equal(akh_buf_append(&out, "", 1), AKH_OK);
	return out.data;
}

static void
check(const char *in, const char *expected)
{
	char	   *got = clean_bytes(in, strlen(in));

	if (strcmp(got, expected) != 0)
		fail_msg("clean(\"%s\")\n  = \"%s\"\n  expected \"%s\"", in, got, expected);
	free(got);
}

/* The line is removed from between two article paragraphs. */
static void
check_dropped(const char *line)
{
	char		in[4096];

	snprintf(in, sizeof(in), "%s\n%s\n%s", ARTICLE_FR, line, ARTICLE_AR);
	check(in, ARTICLE_FR "\n" ARTICLE_AR);
}

/* The line stays, byte for byte, between two article paragraphs. */
static void
check_kept(const char *line)
{
	char		in[4096];

	snprintf(in, sizeof(in), "%s\n%s\n%s", ARTICLE_FR, line, ARTICLE_AR);
	check(in, in);
}

static void
test_line_exact(void **state)
{
	(void) state;
	check_dropped("Partager:");
	check_dropped("  PARTAGER :  ");
	check_dropped("» Share «");
	check_dropped("شارك");
	check_dropped("أوافق");
	check_dropped("J’accepte");
	check_dropped("[Publicité]");
	check_dropped("زر الذهاب إلى الأعلى");
	check_dropped("Politique de confidentialité");
}

/* Words of line_exact patterns inside a sentence do not make it boilerplate. */
static void
test_line_exact_sentences_survive(void **state)
{
	(void) state;
	check_kept("Il a refusé de partager les données avec ses alliés.");
	check_kept("شارك وزير الخارجية في الاجتماع.");
	check_kept("أوافق على ما قاله الوزير، قال لافروف.");
	check_kept("Share prices fell in Shanghai on Friday.");
	check_kept("WhatsApp a modifié sa politique de confidentialité, provoquant un exode.");
	check_kept("أثارت سياسة الخصوصية الجديدة لتطبيق واتساب جدلا واسعا.");
}

static void
test_line_start(void **state)
{
	(void) state;
	check_dropped("Lire aussi : Pékin et Moscou renforcent leur coopération");
	check_dropped("» À LIRE AUSSI - La Russie et la Chine");
	check_dropped("اقرأ أيضاً: الصين وروسيا تعززان التعاون");
	check_dropped("Read more: China and Russia sign new deal");
	check_dropped("© AFP 2024");
	check_dropped("©AFP");		/* the sign is a word of its own */
	check_dropped("Tags: Chine, Russie, ASEAN");
	/* Not at the start of the line: a sentence. */
	check_kept("Il faut lire aussi le communiqué publié par Moscou.");
	check_kept("Experts said you should read more into the statement.");
	check_kept("La marque a©b©c©d a été déposée.");	/* © between letters: not a credit */
}

static void
test_line_contains(void **state)
{
	(void) state;
	check_dropped("Suivez-nous sur Facebook et Twitter");
	check_dropped("Tous droits réservés - Agence de presse");
	check_dropped("Ce site utilise des cookies pour améliorer votre expérience.");
	check_dropped("بيان الخصوصية وسياسة ملفات تعريف الارتباط");
	/* After the Arabic prefixes la- and wa-. */
	check_dropped("بمواصلة التصفح فإنك توافق على استخدامنا لملفات تعريف الارتباط");
	check_dropped("وجميع الحقوق محفوظة للموقع");
	/* Whole words only. */
	check_kept("Both sides agreed to follow usual diplomatic procedures.");
	check_kept("La CNIL a infligé une amende à Google pour ses cookies publicitaires.");
}

/* A line of more than 40 words is article text even if it holds a "line" pattern. */
static void
test_long_line_survives(void **state)
{
	const char *long_line =
		"Le porte-parole a appelé les journalistes présents à la conférence de presse à "
		"« suivez-nous » dans la lecture attentive du communiqué commun, qui détaille sur "
		"plusieurs pages les engagements pris par les deux pays en matière de sécurité "
		"régionale, de commerce et de coopération énergétique pour les dix prochaines années.";
	const char *short_line = "Le porte-parole a lancé « suivez-nous » aux journalistes.";

	(void) state;
	check_kept(long_line);
	check_dropped(short_line);
}

/* line_any patterns (machine-translation disclaimers) go whatever the line's length. */
static void
test_line_any(void **state)
{
	(void) state;
	check_dropped("The English, Chinese, Japanese, Arabic, and French versions are automatically "
				  "generated by the AI. So there may still be inaccuracies in translating, please "
				  "always see the original language as our main language, which is the reference "
				  "for every version of every article that we publish on this website every day "
				  "of the week (system supported by a provider).");
	check_dropped("Cet article a été traduit automatiquement.");
	check_dropped("تمت ترجمة هذا المقال آلياً");
}

static void
test_rest(void **state)
{
	(void) state;
	check(ARTICLE_AR "\n\n\n\nالأكثر مشاهدة\n\nعنوان مقال آخر\n\nعنوان ثالث\n;",
		  ARTICLE_AR);
	check(ARTICLE_FR "\n\n— Les plus lus —\nUn autre titre\nEncore un titre", ARTICLE_FR);
	check(ARTICLE_FR "\nMost Read:\n1. Another story", ARTICLE_FR);
	check(ARTICLE_AR "\nنهاية الرسالة/\n© مركز إخباري\nروابط", ARTICLE_AR);
}

/* A list header before the article drops alone: the article that follows stays. */
static void
test_rest_before_article(void **state)
{
	(void) state;
	check("Les plus lus\nUn autre titre\n\n" ARTICLE_FR,
		  "Un autre titre\n\n" ARTICLE_FR);
}

/* The words of a list header inside a sentence do not end the article. */
static void
test_rest_sentence_survives(void **state)
{
	(void) state;
	check_kept("وناقش الجانبان مواضيع ذات صلة بالأمن الإقليمي.");
	check_kept("Les plus lus des quotidiens chinois ont salué la rencontre.");
	check_kept("وجاء في نهاية الرسالة أن الطرفين اتفقا على مواصلة الحوار.");
}

static void
test_network_lists(void **state)
{
	(void) state;
	check_dropped("Facebook | Twitter | Instagram");
	check_dropped("Telegram");
	check_dropped("فيسبوك - تويتر - يوتيوب");
	check_dropped("يمكنكم متابعة الأخبار على قنواتنا "
				  "Bale  Telegram – Instagram – Facebook – X (Twitter) .");
	check_dropped("قنواتنا: فيسبوك وتويتر وانستغرام وتيليجرام");
	/* Named in a sentence, not listed together. */
	check_kept("Facebook, Twitter et YouTube ont supprimé les comptes liés à la campagne.");
	check_kept("حجبت السلطات فيسبوك وتويتر بعد الاحتجاجات.");
	check_kept("X a annoncé vendredi de nouvelles règles.");
}

static void
test_decoration_lines(void **state)
{
	(void) state;
	check_dropped("• • •");
	check_dropped("  |   |   |  ");
	check_dropped(";");
	check_dropped("***");
	check_dropped("\xE2\x80\x94\xE2\x80\x94");	/* em dashes */
	/* Digits are content. */
	check_kept("2024");
}

/* Blank lines separate paragraphs; dropping a line never leaves two blank lines in a row. */
static void
test_blank_lines(void **state)
{
	(void) state;
	/* Nothing dropped: the text is as it was (runs of blank lines and their spaces included). */
	check("a\n\n\n \nb", "a\n\n\n \nb");
	/* Dropped line between blank lines: one blank line remains. */
	check("a\n\nPartager:\n\nb", "a\n\nb");
	check("a\nPartager:\nb", "a\nb");
	check("a\n\n\nPartager:\n\n\nb", "a\n\nb");
	/* Leading and trailing blank lines go, with the final line break. */
	check("\n\nPartager:\n\na\n\n", "a");
	check("a\n", "a");
	/* A line of no-break spaces is blank, not text. */
	check("\xC2\xA0\na\n\xC2\xA0\n", "a");
}

static void
test_empty_input(void **state)
{
	(void) state;
	check("", "");
	check("\n\n\n", "");
	check("Partager:", "");
}

static void
test_no_newline(void **state)
{
	(void) state;
	check(ARTICLE_AR, ARTICLE_AR);
	check("Partager:\n" ARTICLE_FR, ARTICLE_FR);
}

/* CRLF lines: matched without their CR, kept with it. */
static void
test_crlf(void **state)
{
	(void) state;
	check("a\r\nPartager:\r\n\r\nb\r\n", "a\r\n\r\nb");
	check("a\r\nb\r\n", "a\r\nb");
	check(ARTICLE_FR "\r\nMost read\r\nother", ARTICLE_FR);
	check("Share\r\nb", "b");
}

/* A lone CR, U+2028 and U+2029 break lines too. */
static void
test_other_line_breaks(void **state)
{
	(void) state;
	check("a\rPartager:\rb", "a\rb");
	check("a\xE2\x80\xA8Partager:\xE2\x80\xA8" "b", "a\xE2\x80\xA8" "b");
	check("a\xE2\x80\xA9" "b", "a\xE2\x80\xA9" "b");
}

static void
test_invalid_utf8(void **state)
{
	static const char *const bad[] = {
		"a\n\x80\nb",			/* in an article line */
		"Partager:\xC0\xAF",	/* in a boilerplate line */
		ARTICLE_FR "\nMost read\nx\xED\xA0\x80",	/* after a rest header */
		"abc\xE2\x82",			/* truncated at the end */
		"\xFF",
	};

	(void) state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		akh_buf		out;

		akh_buf_init(&out, &akh_env_malloc);
		assert_int_equal(akh_buf_append(&out, "hdr", 3), AKH_OK);
		assert_int_equal(akh_clean(folder, bad[i], strlen(bad[i]), &out), AKH_EUTF8);
		/* Nothing half-written stays in the buffer. */
		assert_int_equal(out.len, 3);
		akh_buf_free(&out);
	}
}

/* akh_clean appends: what the caller put in out stays (PostgreSQL reserves a header so). */
static void
test_appends(void **state)
{
	akh_buf		out;

	(void) state;
	akh_buf_init(&out, &akh_env_malloc);
	assert_int_equal(akh_buf_append(&out, "XY", 2), AKH_OK);
	assert_int_equal(akh_clean(folder, "Partager:\nabc", 13, &out), AKH_OK);
	assert_int_equal(out.len, 5);
	assert_memory_equal(out.data, "XYabc", 5);
	akh_buf_free(&out);
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
	const char *in = ARTICLE_FR "\nPartager:\n" ARTICLE_AR;

	(void) state;
	/* The scratch buffer, then the output: each failure is reported, nothing leaks. */
	for (int budget = 0; budget < 2; budget++)
	{
		akh_buf		out;

		akh_buf_init(&out, &env);
		alloc_budget = budget;
		assert_int_equal(akh_clean(folder, in, strlen(in), &out), AKH_ENOMEM);
		assert_int_equal(out.len, 0);
		akh_buf_free(&out);
	}
}

static int	ticks;

static void
count_tick(void *ctx)
{
	(void) ctx;
	ticks++;
}

/* Short lines (which fold() alone would never tick on) and one long line. */
static void
test_interrupt_hook(void **state)
{
	akh_env		env = akh_env_malloc;
	size_t		n = 1 << 20;
	char	   *s = malloc(n);
	akh_buf		out;

	(void) state;
	env.tick = count_tick;
	for (int shape = 0; shape < 2; shape++)
	{
		for (size_t i = 0; i < n; i++)
			s[i] = shape == 0 && i % 16 == 15 ? '\n' : 'a';
		ticks = 0;
		akh_buf_init(&out, &env);
		assert_int_equal(akh_clean(folder, s, n, &out), AKH_OK);
		if (ticks < (int) (n / AKH_TICK_BYTES) - 1)
			fail_msg("shape %d: %d ticks for %zu bytes", shape, ticks, n);
		akh_buf_free(&out);
	}
	free(s);
}

/* Text of about n bytes: article paragraphs, boilerplate lines, blank lines, network lists. */
static char *
make_text(size_t n, size_t *len)
{
	static const char *const lines[] = {
		ARTICLE_FR "\n\n",
		ARTICLE_AR "\n\n",
		"Partager:\n",
		"Lire aussi : un autre article\n",
		"Facebook | Twitter | Instagram\n",
		"بيان الخصوصية وسياسة ملفات تعريف الارتباط\n",
		"• • •\n",
		"وفيسبوك وتويتر وانستغرام وتيليجرام ولملفات والاكثر\n",
	};
	akh_buf		b;

	akh_buf_init(&b, &akh_env_malloc);
	for (size_t i = 0; b.len < n; i++)
		assert_int_equal(akh_buf_append(&b, lines[i % 8], strlen(lines[i % 8])), AKH_OK);
	*len = b.len;
	return b.data;
}

static double
seconds_to_clean(const char *s, size_t n, size_t *outlen)
{
	struct timespec t0;
	struct timespec t1;
	akh_buf		out;

	akh_buf_init(&out, &akh_env_malloc);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(akh_clean(folder, s, n, &out), AKH_OK);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*outlen = out.len;
	akh_buf_free(&out);
	return (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* 10 MB in linear time: as lines, and as one line (newlines replaced by spaces). */
static void
test_linear_10mb(void **state)
{
	size_t		small;
	size_t		large;
	char	   *s = make_text(1 << 20, &small);
	char	   *l = make_text(10 << 20, &large);

	(void) state;
	for (int shape = 0; shape < 2; shape++)
	{
		double		ts;
		double		tl;
		size_t		outs;
		size_t		outl;

		if (shape == 1)
		{
			for (size_t i = 0; i < large; i++)
				if (l[i] == '\n')
					l[i] = ' ';
			memcpy(s, l, small);
		}
		ts = seconds_to_clean(s, small, &outs);
		tl = seconds_to_clean(l, large, &outl);
		/* Ten times the input may cost at most thirty times the time (linear, with noise). */
		if (tl > 30 * ts + 0.05)
			fail_msg("shape %d: %.3f s for %zu bytes, %.3f s for %zu: not linear",
					 shape, ts, small, tl, large);
		/* Lines: the boilerplate went. One line: over 40 words, the article is all kept. */
		if (shape == 0)
			assert_true(outl < large * 3 / 4);
		else
			assert_int_equal(outl, large);
		print_message("clean, %s: %.1f MB/s\n", shape == 0 ? "lines" : "one line",
					  (double) large / tl / 1e6);
	}
	free(s);
	free(l);
}

/*
 * Patterns are written in key form (see data/boilerplate.tsv): each is its own fold, made of
 * words of letters and digits (or a lone ©) separated by single spaces.
 */
static void
test_patterns_prefolded(void **state)
{
	long		bad = 0;

	(void) state;
	assert_true(NPATTERNS >= 60);
	for (size_t k = 0; k < NPATTERNS; k++)
	{
		const test_pattern *p = &patterns[k];
		akh_buf		folded;
		bool		ok = p->len > 0 && p->text[0] != ' ' && p->text[p->len - 1] != ' ';

		akh_buf_init(&folded, &akh_env_malloc);
		assert_int_equal(akh_fold(folder, p->text, p->len, &folded), AKH_OK);
		if (folded.len != p->len || memcmp(folded.data, p->text, p->len) != 0)
			ok = false;
		for (size_t i = 0; ok && i < p->len;)
		{
			uint32_t	c;
			int			cl = akh_utf8_decode((const unsigned char *) p->text + i, p->len - i, &c);

			if (cl == 0)
				ok = false;
			else if (c == ' ')
				ok = p->text[i + 1] != ' ';
			else if (c == 0xA9)
				ok = (i == 0 || p->text[i - 1] == ' ') &&
					(i + 2 == p->len || p->text[i + 2] == ' ');
			else if (!(c >= '0' && c <= '9') &&
					 akh_folder_script(folder, c) == AKH_SCRIPT_NONE)
				ok = false;
			i += cl > 0 ? (size_t) cl : 1;
		}
		if (!ok && bad++ < 10)
			print_message("pattern %zu (%s) \"%s\" is not in key form (its fold: \"%.*s\")\n",
						  k, p->kind, p->text, (int) folded.len, folded.data ? folded.data : "");
		akh_buf_free(&folded);
	}
	assert_int_equal(bad, 0);
}

/* Every pattern, written as a line in its own key form, removes what its kind says. */
static void
test_every_pattern_removes(void **state)
{
	long		bad = 0;

	(void) state;
	for (size_t k = 0; k < NPATTERNS; k++)
	{
		const test_pattern *p = &patterns[k];
		char		in[4096];
		char		expected[4096];
		char	   *got;

		if (strcmp(p->kind, "REST") == 0)
		{
			snprintf(in, sizeof(in), "%s\n%s\n%s", ARTICLE_FR, p->text, ARTICLE_AR);
			snprintf(expected, sizeof(expected), "%s", ARTICLE_FR);
		}
		else
		{
			/* line_start and line with words after; a network name stands alone. */
			const char *tail = strcmp(p->kind, "LINE_START") == 0 ||
				strcmp(p->kind, "LINE") == 0 || strcmp(p->kind, "LINE_ANY") == 0 ? " 2024" : "";

			snprintf(in, sizeof(in), "%s\n%s%s\n%s", ARTICLE_FR, p->text, tail, ARTICLE_AR);
			snprintf(expected, sizeof(expected), "%s\n%s", ARTICLE_FR, ARTICLE_AR);
		}
		got = clean_bytes(in, strlen(in));
		if (strcmp(got, expected) != 0 && bad++ < 10)
			print_message("pattern %zu (%s) \"%s\" removed nothing\n", k, p->kind, p->text);
		free(got);
	}
	assert_int_equal(bad, 0);
}

static char *
read_file(const char *path, size_t *n)
{
	FILE	   *f = fopen(path, "rb");
	akh_buf		b;
	char		chunk[4096];
	size_t		got;

	if (f == NULL)
		return NULL;
	akh_buf_init(&b, &akh_env_malloc);
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		assert_int_equal(akh_buf_append(&b, chunk, got), AKH_OK);
	fclose(f);
	*n = b.len;
	return b.data;
}

/* The first whole line of text at or after from equal to line[0..len), or NULL. */
static const char *
find_line(const char *text, const char *from, const char *line, size_t len)
{
	const char *at = from;

	while ((at = strstr(at, line)) != NULL)
	{
		if ((at == text || at[-1] == '\n') && (at[len] == '\0' || at[len] == '\n'))
			return at;
		at++;
	}
	return NULL;
}

/*
 * The five articles of the sample corpus (skipped without ../shared/corpus): the boilerplate
 * lines named in articles.tsv go (line numbers from 1), every other non-blank line stays, whole
 * and in order.
 */
static void
test_corpus(void **state)
{
	static const struct
	{
		const char *file;
		int			dropped[4];	/* single lines, 0 ends */
		int			rest_from;	/* this line and all after it go; 0: none */
	}			cases[] = {
		{"seed-000.txt", {1, 24}, 0},	/* "Partager:", machine-translation footer */
		{"seed-001.txt", {0}, 0},	/* nothing */
		{"seed-002.txt", {0}, 9},	/* most-read list */
		{"seed-003.txt", {0}, 22},	/* end mark, credits, social links, back to top */
		{"seed-004.txt", {0}, 23},	/* privacy and cookie notice, "I agree" */
	};
	int			found = 0;

	(void) state;
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++)
	{
		char		path[256];
		size_t		n;
		char	   *text;
		char	   *out;
		const char *o;
		int			lineno = 0;

		snprintf(path, sizeof(path), "../shared/corpus/articles/%s", cases[c].file);
		if ((text = read_file(path, &n)) == NULL)
			continue;
		found++;
		out = clean_bytes(text, n);
		o = out;
		for (char *line = text; line < text + n; lineno++)
		{
			char	   *nl = memchr(line, '\n', (size_t) (text + n - line));
			size_t		len = nl != NULL ? (size_t) (nl - line) : (size_t) (text + n - line);
			bool		drop = cases[c].rest_from > 0 && lineno + 1 >= cases[c].rest_from;
			bool		blank = true;

			for (int d = 0; d < 4 && cases[c].dropped[d] != 0; d++)
				drop |= cases[c].dropped[d] == lineno + 1;
			for (size_t i = 0; i < len; i++)
				blank &= line[i] == ' ';
			if (!blank)
			{
				char	   *want = strndup(line, len);
				const char *at = find_line(out, o, want, len);

				if (drop && find_line(out, out, want, len) != NULL)
					fail_msg("%s:%d: boilerplate kept: %s", cases[c].file, lineno + 1, want);
				if (!drop && at == NULL)
					fail_msg("%s:%d: article line lost or out of order: %s",
							 cases[c].file, lineno + 1, want);
				if (!drop)
					o = at + len;
				free(want);
			}
			line += len + 1;
		}
		free(out);
		free(text);
	}
	if (found == 0)
		skip();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_exact),
		cmocka_unit_test(test_line_exact_sentences_survive),
		cmocka_unit_test(test_line_start),
		cmocka_unit_test(test_line_contains),
		cmocka_unit_test(test_long_line_survives),
		cmocka_unit_test(test_line_any),
		cmocka_unit_test(test_rest),
		cmocka_unit_test(test_rest_before_article),
		cmocka_unit_test(test_rest_sentence_survives),
		cmocka_unit_test(test_network_lists),
		cmocka_unit_test(test_decoration_lines),
		cmocka_unit_test(test_blank_lines),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_no_newline),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_other_line_breaks),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_allocation_failure),
		cmocka_unit_test(test_interrupt_hook),
		cmocka_unit_test(test_linear_10mb),
		cmocka_unit_test(test_patterns_prefolded),
		cmocka_unit_test(test_every_pattern_removes),
		cmocka_unit_test(test_corpus),
	};

	return cmocka_run_group_tests_name("clean", tests, setup, teardown);
}
