/*
 * test_namekey.c — unit tests of akh_name_key() and akh_name_similarity(): the equalities and
 * differences the name-key issue asks for, each rule of data/name_key.tsv, real names of the
 * news in Latin, Arabic and Cyrillic script (with the known misses written down as such), and
 * hostile input (invalid UTF-8, empty and 1 MB input, failing allocator, cut names).
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

#include "namekey.h"


/* The key of s[0..n) as a malloc'd NUL-terminated string; fails the test on error. */
static char *
key_bytes(const char *s, size_t n)
{
	akh_buf		out;
	akh_status	st;

	akh_buf_init(&out, &akh_env_malloc);
	st = akh_name_key(folder, s, n, &out);
	if (st != AKH_OK)
		fail_msg("akh_name_key(\"%.*s\") returned %d", (int) (n > 60 ? 60 : n), s, (int) st);
	assert_int_equal(akh_buf_append(&out, "", 1), AKH_OK);
	return out.data;
}

static char *
key_str(const char *s)
{
	return key_bytes(s, strlen(s));
}

static double
sim(const char *a, const char *b)
{
	return akh_name_similarity(folder, a, strlen(a), b, strlen(b));
}

/* key(in) must be exactly expected. */
static void
check_key(const char *in, const char *expected)
{
	char	   *got = key_str(in);

	if (strcmp(got, expected) != 0)
		fail_msg("key(\"%s\") = \"%s\", expected \"%s\"", in, got, expected);
	free(got);
}

static bool
same_key(const char *a, const char *b)
{
	char	   *ka = key_str(a);
	char	   *kb = key_str(b);
	bool		same = strcmp(ka, kb) == 0;

	free(ka);
	free(kb);
	return same;
}

static void
check_same(const char *a, const char *b)
{
	char	   *ka = key_str(a);
	char	   *kb = key_str(b);

	if (strcmp(ka, kb) != 0)
		fail_msg("key(\"%s\") = \"%s\" but key(\"%s\") = \"%s\"", a, ka, b, kb);
	if (ka[0] != '\0' && (sim(a, b) != 1.0 || sim(b, a) != 1.0))
		fail_msg("similarity(\"%s\", \"%s\") is not 1 for equal keys", a, b);
	free(ka);
	free(kb);
}

static void
check_differ(const char *a, const char *b)
{
	char	   *ka = key_str(a);
	char	   *kb = key_str(b);

	if (strcmp(ka, kb) == 0)
		fail_msg("key(\"%s\") = key(\"%s\") = \"%s\", expected different keys", a, b, ka);
	free(ka);
	free(kb);
}

/* The equalities the issue requires. */
static void
test_required_equalities(void **state)
{
	(void) state;
	check_same("Lavrov", "لافروف");
	check_same("Sergueï", "Sergey");
	check_same("Sergey", "Sergei");
	check_same("Sergei", "سيرغي");
	check_same("سيرغي", "سيرجي");
	check_same("Poutine", "Putin");
	check_same("Putin", "بوتين");
	check_same("Xi Jinping", "شي جين بينغ");
	check_same("شي جين بينغ", "شى جين بينج");
	check_same("Erdoğan", "Erdogan");
	check_same("Erdogan", "أردوغان");
	check_same("Nétanyahou", "Netanyahu");
	check_same("Netanyahu", "نتنياهو");
	check_same("Vladimir Poutine", "فلاديمير بوتين");
	check_same("Sergueï Lavrov", "سيرغي لافروف");
}

/* The differences the issue requires. */
static void
test_required_differences(void **state)
{
	(void) state;
	check_differ("Wang Yi", "Wang Wenbin");
	check_differ("Lavrov", "Choïgou");
	check_differ("Putin", "Peskov");
	check_differ("Poutine", "Peskov");
	check_differ("Moscou", "Minsk");
	check_differ("بوتين", "بيسكوف");
	check_differ("Lavrov", "Lavrentiev");
}

/* Exact keys: the class letters and their order. */
static void
test_key_values(void **state)
{
	(void) state;
	check_key("Lavrov", "lfrf");
	check_key("Poutine", "btn");
	check_key("Sergueï", "srg");
	check_key("Xi Jinping", "sgnbng");
	check_key("Hassan", "hsn");
	check_key("Nétanyahou", "ntnh");
	check_key("Erdoğan", "rdgn");
	check_key("Moscou", "msk");
	check_key("Minsk", "mnsk");
}

/* Each Latin letter alone, and the digraphs of the issue. */
static void
test_latin_classes(void **state)
{
	(void) state;
	check_key("b p", "b");
	check_key("f v ph", "f");
	check_key("g j dj dzh zh gh", "g");
	check_key("k q c ck kh", "k");
	check_key("t th", "t");
	check_key("d dh", "d");
	check_key("s z ts tz sh ch sch tch tsch", "s");
	check_key("xa", "s");		/* x at the start of a word (pinyin) */
	check_key("l m n r", "lmnr");
	check_key("a e i o u y w", "");
	check_key("ha", "h");		/* h not at the end of a word */
	/* Longest match first: "tch" is one s, not t + s. */
	check_key("Tchad", "sd");
	check_key("Scholz", "sls");
	check_key("Khaled", "kld");
	check_key("Philippe", "flb");
	check_key("Abu Dhabi", "bdb");
}

/* Each Arabic letter alone (after fold), and the Persian letters. */
static void
test_arabic_classes(void **state)
{
	(void) state;
	check_key("ب پ", "b");
	check_key("ت ث ط", "t");
	check_key("ج غ ژ گ", "g");
	check_key("حا ها", "h");	/* not word-final */
	check_key("خ ق ك ک", "k");
	check_key("د ذ ض ظ", "d");
	check_key("ر", "r");
	check_key("ز س ش ص چ", "s");
	check_key("ف ڤ", "f");
	check_key("ل م ن", "lmn");
	check_key("ا و ي ء ع ى أ إ آ ؤ ئ", "");
	/* Harakat and tatweel change nothing. */
	check_same("مُحَمَّد", "محمد");
	check_same("بـــوتين", "بوتين");
}

/* Russian in Cyrillic script meets its transcriptions. */
static void
test_cyrillic(void **state)
{
	(void) state;
	check_same("Путин", "Putin");
	check_same("Лавров", "لافروف");
	check_same("Сергей Шойгу", "Sergueï Choïgou");
	check_same("Джонсон", "Johnson");
}

/* A word-final h writes nothing; inside a word it does. */
static void
test_final_h(void **state)
{
	(void) state;
	check_same("Fatima", "Fatimah");
	check_same("Fatimah", "فاطمة");
	check_same("Hezbollah", "حزب الله");
	check_same("Fatah", "فتح");
	check_same("Saleh", "صالح");
	check_key("Allah", "l");
	check_key("Ahmed", "hmd");
	check_key("Haniyeh", "hn");
	check_key("هنية", "hn");
	/* نتنياهو keeps its heh: the word ends with waw. */
	check_key("نتنياهو", "ntnh");
}

/* Runs of one class collapse, across vowels and words. */
static void
test_collapse(void **state)
{
	(void) state;
	check_key("Hassan", "hsn");
	check_key("Sissi", "s");
	check_key("Mohammed", "mhmd");
	check_same("Abdul Latif", "Abdullatif");
	check_same("Mohamed", "Mohammed");
}

/* Word division, digits, punctuation and case do not matter. */
static void
test_tokenization(void **state)
{
	(void) state;
	check_same("شي جين بينغ", "شيجينبينغ");
	check_same("Xi Jinping", "XI-JINPING");
	check_same("Xi Jinping", "xi  jinping (2013)");
	check_same("Jean-Luc Mélenchon", "Jean Luc MELENCHON");
	check_same("Ben Ali", "Benali");
	check_key("2024 — !?", "");
	check_key("«»“”", "");
}

/* The Arabic article, written, glued, assimilated or left out. */
static void
test_article(void **state)
{
	(void) state;
	check_same("Bachar al-Assad", "بشار الأسد");
	check_same("Assad", "الأسد");
	check_same("Kadhafi", "القذافي");
	check_same("Dar es Salam", "دار السلام");
	check_same("Abdelaziz", "عبد العزيز");
	check_same("Abdel Aziz", "عبدالعزيز");
	check_same("Nasreddine", "نصر الدين");
	check_same("Al Thani", "آل ثاني");
	check_same("Thani", "آل ثاني");
	/* An alef with hamza or madda is not the article. */
	check_same("Alexandre", "ألكسندر");
	check_same("Elias", "إلياس");
	check_same("Alain", "آلان");
	/* "ad" after an apostrophe (an ain) is not the article. */
	check_key("Ra'ad", "rd");
	/* Latin "al" inside a word is not the article either. */
	check_key("Ali", "l");
	check_key("Alger", "lgr");
}

/* The French and pinyin rows. */
static void
test_conditional_rows(void **state)
{
	(void) state;
	check_same("François", "فرانسوا");		/* c cedilla is an s */
	check_same("Vincent", "Vinsent");		/* soft c before e, i, y */
	check_key("Macron", "mkrn");			/* hard c elsewhere */
	check_same("Alexandre", "Aleksandre");	/* x inside a word */
	check_key("Xiaoping", "sbng");			/* x at the start of a word */
	check_same("Bordeaux", "بوردو");		/* silent -aux */
	check_same("Olivier", "أوليفييه");		/* silent -ier */
	check_same("Li Qiang", "لي تشيانغ");	/* pinyin qi */
	check_key("Qatar", "ktr");				/* Arabic q */
	check_same("Shanghai", "شنغهاي");		/* ng + h */
	check_same("Singh", "سينغ");			/* but gh at the end */
	check_same("Christophe", "كريستوف");	/* Greek chr */
	check_same("John", "جون");				/* silent h */
	check_same("Tshisekedi", "تشيسكيدي");
	check_same("Mike Waltz", "مايك والتز");
}

/*
 * Real names of the news, Latin against Arabic or Cyrillic script, chosen before the rules
 * were tuned; with the known misses in a table of their own. Prints the agreement.
 */
typedef struct name_pair
{
	const char *a;
	const char *b;
} name_pair;

static const name_pair real_pairs[] = {
	/* Arab leaders and figures */
	{"Mahmoud Abbas", "محمود عباس"},
	{"Bachar al-Assad", "بشار الأسد"},
	{"Abdel Fattah al-Sissi", "عبد الفتاح السيسي"},
	{"Mohammed ben Salmane", "محمد بن سلمان"},
	{"Hassan Nasrallah", "حسن نصر الله"},
	{"Ismaïl Haniyeh", "إسماعيل هنية"},
	{"Yahya Sinouar", "يحيى السنوار"},
	{"Mouammar Kadhafi", "معمر القذافي"},
	{"Saddam Hussein", "صدام حسين"},
	{"Kaïs Saïed", "قيس سعيد"},
	{"Abdelmadjid Tebboune", "عبد المجيد تبون"},
	{"Abdelaziz Bouteflika", "عبد العزيز بوتفليقة"},
	{"Ali Khamenei", "علي خامنئي"},
	{"Michel Aoun", "ميشال عون"},
	{"Najib Mikati", "نجيب ميقاتي"},
	{"Tamim ben Hamad Al Thani", "تميم بن حمد آل ثاني"},
	{"Nouri al-Maliki", "نوري المالكي"},
	{"Moqtada al-Sadr", "مقتدى الصدر"},
	{"Ahmed al-Charaa", "أحمد الشرع"},
	{"Oussama ben Laden", "أسامة بن لادن"},
	/* Arab places */
	{"Bagdad", "بغداد"},
	{"Beyrouth", "بيروت"},
	{"Khartoum", "الخرطوم"},
	{"Riyad", "الرياض"},
	{"Doha", "الدوحة"},
	{"Téhéran", "طهران"},
	{"Gaza", "غزة"},
	{"Ramallah", "رام الله"},
	/* Chinese */
	{"Li Qiang", "لي تشيانغ"},
	{"Wang Yi", "وانغ يي"},
	{"Deng Xiaoping", "دنغ شياو بينغ"},
	{"Hu Jintao", "هو جين تاو"},
	{"Pékin", "بكين"},
	{"Shanghai", "شنغهاي"},
	{"Mao Ning", "ماو نينغ"},
	/* Russian and Ukrainian */
	{"Dmitri Peskov", "دميتري بيسكوف"},
	{"Sergueï Choïgou", "سيرغي شويغو"},
	{"Mikhaïl Michoustine", "ميخائيل ميشوستين"},
	{"Maria Zakharova", "ماريا زاخاروفا"},
	{"Volodymyr Zelensky", "فولوديمير زيلينسكي"},
	{"Alexeï Navalny", "أليكسي نافالني"},
	{"Dmitri Medvedev", "دميتري ميدفيديف"},
	{"Владимир Путин", "Vladimir Poutine"},
	{"Сергей Лавров", "سيرغي لافروف"},
	/* French */
	{"Emmanuel Macron", "إيمانويل ماكرون"},
	{"François Hollande", "فرانسوا هولاند"},
	{"Nicolas Sarkozy", "نيكولا ساركوزي"},
	{"Marine Le Pen", "مارين لوبان"},
	{"Jean-Luc Mélenchon", "جان لوك ميلانشون"},
	{"Gabriel Attal", "غابرييل أتال"},
	{"Michel Barnier", "ميشال بارنييه"},
	{"Jacques Chirac", "جاك شيراك"},
	{"Marseille", "مرسيليا"},
	{"Bordeaux", "بوردو"},
	{"Lyon", "ليون"},
	{"Strasbourg", "ستراسبورغ"},
	/* Others */
	{"Joe Biden", "جو بايدن"},
	{"Donald Trump", "دونالد ترامب"},
	{"Antonio Guterres", "أنطونيو غوتيريش"},
	{"Olaf Scholz", "أولاف شولتس"},
	{"Benyamin Netanyahou", "بنيامين نتنياهو"},
	{"Mohammed", "Muhammad"},
	{"Hussein", "Houssein"},
};

/* Pairs of the same list the key does not join: each says why. */
static const name_pair known_misses[] = {
	{"Recep Tayyip Erdoğan", "رجب طيب أردوغان"},	/* Turkish c is j */
	{"Damas", "دمشق"},		/* French exonym */
	{"Alep", "حلب"},			/* French exonym */
	{"Zhao Lijian", "تشاو لي جيان"},	/* pinyin zh is Arabic ch; zh stays g */
	{"Jean-Noël Barrot", "جان نويل بارو"},	/* silent final t */
	{"Bruxelles", "بروكسل"},	/* silent final s */
	{"Kadhafi", "Gaddafi"},		/* qaf said g: k and g stay apart */
};

static void
test_real_names(void **state)
{
	size_t		n = sizeof(real_pairs) / sizeof(real_pairs[0]);
	size_t		nmiss = sizeof(known_misses) / sizeof(known_misses[0]);

	(void) state;
	for (size_t i = 0; i < n; i++)
	{
		check_same(real_pairs[i].a, real_pairs[i].b);
		check_same(real_pairs[i].b, real_pairs[i].a);
	}
	for (size_t i = 0; i < nmiss; i++)
	{
		double		s = sim(known_misses[i].a, known_misses[i].b);

		/* Should a rule come to join them, move the pair to real_pairs. */
		assert_false(same_key(known_misses[i].a, known_misses[i].b));
		/* A miss is still a near miss for akh_name_similarity(). */
		if (s < 0.6)
			fail_msg("similarity(\"%s\", \"%s\") = %.2f", known_misses[i].a, known_misses[i].b, s);
	}
	print_message("real names: %zu of %zu pairs share a key\n", n, n + nmiss);
}

static void
test_similarity(void **state)
{
	(void) state;
	assert_true(sim("Poutine", "بوتين") == 1.0);
	assert_true(sim("Lavrov", "Lavrova") == 1.0);
	assert_true(sim("Lavrov", "Choïgou") < 0.5);
	assert_true(sim("Peskov", "Beskov") == 1.0);	/* p and b are one class */
	/* lfrf against lrf: one edit out of four letters. */
	assert_true(sim("Lavrov", "Larov") > 0.74 && sim("Lavrov", "Larov") < 0.76);
	/* Empty keys say nothing: 0, even for two empty keys. */
	assert_true(sim("", "x") == 0.0);
	assert_true(sim("", "") == 0.0);
	assert_true(sim("aeiou", "aeiou") == 0.0);
	assert_true(sim("123", "Putin") == 0.0);
	/* Invalid UTF-8: 0. */
	assert_true(akh_name_similarity(folder, "Pu\xFFtin", 7, "Putin", 5) == 0.0);
	assert_true(akh_name_similarity(folder, "Putin", 5, "\xC3", 1) == 0.0);
	/* Symmetric. */
	assert_true(sim("Sergueï Lavrov", "Lavrov") == sim("Lavrov", "Sergueï Lavrov"));
	/* No common consonant: 0. */
	assert_true(sim("Lavrov", "Choïgou") == 0.0);
}

/* Similarity stays within [0, 1] and is 1 exactly when the keys are equal. */
static void
test_similarity_bounds(void **state)
{
	static const char *const names[] = {
		"Putin", "Poutine", "بوتين", "Lavrov", "لافروف", "Xi Jinping", "شي جين بينغ", "Wang Yi",
		"Wang Wenbin", "Moscou", "Minsk", "x", "", "a", "Mohammed ben Salmane", "محمد بن سلمان",
		"Abdel Fattah al-Sissi", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "Путин", "123",
	};
	size_t		n = sizeof(names) / sizeof(names[0]);
	unsigned int seed = 12345;
	char		a[64];
	char		b[64];

	(void) state;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
		{
			double		s = sim(names[i], names[j]);

			assert_true(s >= 0.0 && s <= 1.0);
			assert_true(s == sim(names[j], names[i]));
			if ((s == 1.0) != (same_key(names[i], names[j]) && s != 0.0))
				fail_msg("similarity(\"%s\", \"%s\") = %f", names[i], names[j], s);
		}
	/* Random consonant strings. */
	for (int round = 0; round < 2000; round++)
	{
		size_t		la = (size_t) (rand_r(&seed) % 40);
		size_t		lb = (size_t) (rand_r(&seed) % 40);
		double		s;

		for (size_t k = 0; k < la; k++)
			a[k] = "bdfgklmnrst"[rand_r(&seed) % 11];
		for (size_t k = 0; k < lb; k++)
			b[k] = "bdfgklmnrst"[rand_r(&seed) % 11];
		s = akh_name_similarity(folder, a, la, b, lb);
		assert_true(s >= 0.0 && s <= 1.0);
	}
}

/* Names longer than AKH_NAME_CUT bytes are cut, at a character boundary. */
static void
test_similarity_cut(void **state)
{
	char		a[1000];
	char		b[1000];

	(void) state;
	/* Equal up to the cut, different after it: equal for akh_name_similarity. */
	memset(a, 'b', sizeof(a));
	memset(b, 'b', sizeof(b));
	for (size_t k = 0; k < AKH_NAME_CUT; k += 2)
		a[k] = b[k] = 'a';
	memset(b + AKH_NAME_CUT, 't', sizeof(b) - AKH_NAME_CUT);
	assert_true(akh_name_similarity(folder, a, sizeof(a), b, sizeof(b)) == 1.0);

	/* A two-byte letter straddling the cut is dropped whole, not taken for invalid UTF-8. */
	memset(a, ' ', sizeof(a));
	memcpy(a, "Putin", 5);
	memcpy(a + AKH_NAME_CUT - 1, "\xD8\xA8", 2);	/* beh at bytes 255-256 */
	assert_true(akh_name_similarity(folder, a, AKH_NAME_CUT + 1, "Putin", 5) == 1.0);
	/* The same bytes, not cut, have the beh in their key. */
	check_key("Putin \xD8\xA8", "btnb");

	/* The longest keys a cut name can give (x inside a word is two letters) still work. */
	for (size_t k = 0; k < AKH_NAME_CUT; k++)
		a[k] = k % 2 ? 'x' : 'b';
	assert_true(akh_name_similarity(folder, a, AKH_NAME_CUT, a, AKH_NAME_CUT) == 1.0);
	assert_true(akh_name_similarity(folder, a, AKH_NAME_CUT, "bks", 3) > 0.0);
}

static void
test_invalid_utf8(void **state)
{
	static const char *const bad[] = {
		"Pu\xFFtin",			/* never valid */
		"Putin\xC3",			/* truncated sequence */
		"\xC0\xAF",				/* overlong slash */
		"\xED\xA0\x80",			/* surrogate */
		"\x80Putin",			/* lone continuation byte */
		"\xD8",					/* truncated Arabic letter */
		"\xF4\x90\x80\x80",		/* above U+10FFFF */
	};
	akh_buf		out;

	(void) state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		akh_buf_init(&out, &akh_env_malloc);
		assert_int_equal(akh_buf_append(&out, "prefix", 6), AKH_OK);
		assert_int_equal(akh_name_key(folder, bad[i], strlen(bad[i]), &out), AKH_EUTF8);
		/* Nothing is left behind on error. */
		assert_int_equal(out.len, 6);
		assert_memory_equal(out.data, "prefix", 6);
		akh_buf_free(&out);
	}
	/* Invalid UTF-8 after a key longer than the engine's stack chunk: still nothing left. */
	{
		char		s[4001];

		for (size_t k = 0; k < 4000; k++)
			s[k] = k % 2 ? 'b' : 't';
		s[4000] = '\xFF';
		akh_buf_init(&out, &akh_env_malloc);
		assert_int_equal(akh_buf_append(&out, "prefix", 6), AKH_OK);
		assert_int_equal(akh_name_key(folder, s, sizeof(s), &out), AKH_EUTF8);
		assert_int_equal(out.len, 6);
		assert_int_equal(akh_name_key(folder, s, sizeof(s) - 1, &out), AKH_OK);
		assert_int_equal(out.len, 6 + 4000);
		akh_buf_free(&out);
	}
}

static void
test_empty_and_append(void **state)
{
	akh_buf		out;

	(void) state;
	akh_buf_init(&out, &akh_env_malloc);
	assert_int_equal(akh_name_key(folder, "", 0, &out), AKH_OK);
	assert_int_equal(out.len, 0);
	assert_int_equal(akh_name_key(folder, NULL, 0, &out), AKH_OK);
	assert_int_equal(out.len, 0);
	/* The key is appended after what the buffer holds (PostgreSQL keeps a header there). */
	assert_int_equal(akh_buf_append(&out, "HDR:", 4), AKH_OK);
	assert_int_equal(akh_name_key(folder, "Putin", 5, &out), AKH_OK);
	assert_int_equal(out.len, 7);
	assert_memory_equal(out.data, "HDR:btn", 7);
	/* The length is honoured: no NUL terminator needed. */
	assert_int_equal(akh_name_key(folder, "Lavrov Putin", 6, &out), AKH_OK);
	assert_int_equal(out.len, 11);
	assert_memory_equal(out.data, "HDR:btnlfrf", 11);
	akh_buf_free(&out);
}

static void *
null_alloc(void *ctx, size_t size)
{
	(void) ctx;
	(void) size;
	return NULL;
}

static void *
null_realloc(void *ctx, void *ptr, size_t size)
{
	(void) ctx;
	(void) ptr;
	(void) size;
	return NULL;
}

static void
null_free(void *ctx, void *ptr)
{
	(void) ctx;
	(void) ptr;
}

static void
test_failing_allocator(void **state)
{
	static const akh_env no_memory = {null_alloc, null_realloc, null_free, NULL, NULL};
	akh_buf		out;
	char		big[2000];

	(void) state;
	akh_buf_init(&out, &no_memory);
	assert_int_equal(akh_name_key(folder, "Putin", 5, &out), AKH_ENOMEM);
	assert_int_equal(out.len, 0);
	/* A key longer than the stack chunk fails while flushing, and cleanly too. */
	for (size_t k = 0; k < sizeof(big); k++)
		big[k] = k % 2 ? 'b' : 't';
	assert_int_equal(akh_name_key(folder, big, sizeof(big), &out), AKH_ENOMEM);
	assert_int_equal(out.len, 0);
}

typedef struct tick_ctx
{
	int			ticks;
} tick_ctx;

static void *
count_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void *
count_realloc(void *ctx, void *ptr, size_t size)
{
	(void) ctx;
	return realloc(ptr, size);
}

static void
count_free(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static void
count_tick(void *ctx)
{
	((tick_ctx *) ctx)->ticks++;
}

static double
seconds_to_key(const akh_env *env, const char *s, size_t n, size_t *keylen)
{
	struct timespec t0;
	struct timespec t1;
	akh_buf		out;

	akh_buf_init(&out, env);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(akh_name_key(folder, s, n, &out), AKH_OK);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*keylen = out.len;
	akh_buf_free(&out);
	return (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* 1 MB of mixed-script names: linear time, a complete key, the interrupt hook called. */
static void
test_large_input(void **state)
{
	static const char unit[] = "Sergueï Lavrov, سيرغي لافروف; Xi Jinping 2024 — ";
	size_t		ul = sizeof(unit) - 1;
	size_t		large = ((size_t) 1 << 20) / ul;
	size_t		small = large / 10;
	char	   *s = malloc(ul * large);
	tick_ctx	tc = {0};
	akh_env		env = {count_alloc, count_realloc, count_free, count_tick, &tc};
	char	   *one = key_str(unit);
	size_t		lsmall;
	size_t		llarge;
	double		ts;
	double		tl;

	(void) state;
	for (size_t i = 0; i < large; i++)
		memcpy(s + i * ul, unit, ul);
	ts = seconds_to_key(&env, s, ul * small, &lsmall);
	tc.ticks = 0;
	tl = seconds_to_key(&env, s, ul * large, &llarge);
	/* Ten times the input may cost at most thirty times the time (linear, with noise). */
	if (tl > 30 * ts + 0.05)
		fail_msg("%.3f s for %zu bytes, %.3f s for %zu: not linear",
				 ts, ul * small, tl, ul * large);
	/* The unit's key repeated: it ends in g and starts with s, so nothing collapses. */
	assert_string_equal(one, "srglfrfsrglfrfsgnbng");
	assert_int_equal(lsmall, strlen(one) * small);
	assert_int_equal(llarge, strlen(one) * large);
	assert_true(tc.ticks >= (int) (ul * large / AKH_TICK_BYTES) - 1);
	print_message("1 MB: %.1f ms, key of %zu bytes\n", tl * 1000, llarge);
	free(one);
	free(s);
}

/* Hostile input: expanding characters, marks only, every code point below U+3000. */
static void
test_hostile(void **state)
{
	char	   *s = malloc(3 * 100000);
	char	   *k;
	char		buf[4];
	akh_buf		out;

	(void) state;
	/* U+FDFA expands to 18 letters under NFKC; 100000 of them in a row. */
	for (size_t i = 0; i < 100000; i++)
		memcpy(s + 3 * i, "\xEF\xB7\xBA", 3);
	k = key_bytes(s, 300000);
	assert_true(strlen(k) > 0);
	free(k);
	/* Combining marks only: no key. */
	for (size_t i = 0; i < 100000; i++)
		memcpy(s + 2 * i, "\xCC\x81", 2);
	k = key_bytes(s, 200000);
	assert_string_equal(k, "");
	free(k);
	free(s);
	/* Every code point alone gives a key of class letters only. */
	akh_buf_init(&out, &akh_env_malloc);
	for (uint32_t cp = 1; cp < 0x3000; cp++)
	{
		int			l;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		l = akh_utf8_encode(cp, buf);
		out.len = 0;
		assert_int_equal(akh_name_key(folder, buf, (size_t) l, &out), AKH_OK);
		for (size_t j = 0; j < out.len; j++)
			assert_non_null(strchr("bdfghklmnrst", out.data[j]));
	}
	akh_buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_required_equalities),
		cmocka_unit_test(test_required_differences),
		cmocka_unit_test(test_key_values),
		cmocka_unit_test(test_latin_classes),
		cmocka_unit_test(test_arabic_classes),
		cmocka_unit_test(test_cyrillic),
		cmocka_unit_test(test_final_h),
		cmocka_unit_test(test_collapse),
		cmocka_unit_test(test_tokenization),
		cmocka_unit_test(test_article),
		cmocka_unit_test(test_conditional_rows),
		cmocka_unit_test(test_real_names),
		cmocka_unit_test(test_similarity),
		cmocka_unit_test(test_similarity_bounds),
		cmocka_unit_test(test_similarity_cut),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_empty_and_append),
		cmocka_unit_test(test_failing_allocator),
		cmocka_unit_test(test_large_input),
		cmocka_unit_test(test_hostile),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
