/*
 * lang.c — language identification for akhbar.lang().
 *
 * News text in akhbar's scope is Arabic, French or English, often mixed: an Arabic article
 * quotes a French paragraph, a French one names Arabic places. The article's language is the
 * script most of its letters are written in (Arabic letters weighed for the vowels the script
 * leaves out); a French quotation inside an Arabic article therefore does not flip it. Among Latin-script texts, French and English are told apart by
 * their function words (data/lang/fr.txt, data/lang/en.txt), French elision (l', d', qu')
 * being function words too, and by the accented letters French uses and English does not.
 * A text without letters, or with too little evidence to choose, is unknown (SQL NULL).
 */
#include "lang.h"

#include <stdlib.h>
#include <string.h>

static const char *const fr_words[] = {
#include "gen/fr_words.h"
};

static const char *const en_words[] = {
#include "gen/en_words.h"
};

#define NWORDS(a) (sizeof(a) / sizeof((a)[0]))

/* Longest word looked up; function words are short. */
#define WORD_MAX 16

typedef struct lang_counts
{
	size_t		arabic;			/* Arabic letters */
	size_t		latin;			/* Latin letters */
	size_t		other;			/* letters of other scripts */
	size_t		fr_words;
	size_t		en_words;
	size_t		accents;		/* Latin-1 accented letters (é, è, à, ç ...) */
} lang_counts;

const char *
akh_lang_code(akh_lang lang)
{
	switch (lang)
	{
		case AKH_LANG_AR:
			return "ar";
		case AKH_LANG_FR:
			return "fr";
		case AKH_LANG_EN:
			return "en";
		case AKH_LANG_UNKNOWN:
			break;
	}
	return NULL;
}

static void
count_word(lang_counts *c, const char *word, size_t len, bool overflow)
{
	if (len == 0 || overflow)
		return;
	if (akh_word_in(fr_words, NWORDS(fr_words), word, len))
		c->fr_words++;
	else if (akh_word_in(en_words, NWORDS(en_words), word, len))
		c->en_words++;
}

akh_status
akh_detect_lang(const akh_folder *f, const akh_env *env, const char *s, size_t n,
				akh_lang *lang)
{
	const unsigned char *p = (const unsigned char *) s;
	lang_counts c = {0};
	char		word[WORD_MAX + AKH_FOLD_CP_MAX + 1];
	size_t		wlen = 0;
	bool		overflow = false;
	size_t		next_tick = AKH_TICK_BYTES;
	size_t		fr_score;
	size_t		en_score;

	*lang = AKH_LANG_UNKNOWN;
	for (size_t i = 0; i < n;)
	{
		uint32_t	cp;
		int			l = akh_utf8_decode(p + i, n - i, &cp);
		akh_script	sc;

		if (l == 0)
			return AKH_EUTF8;
		if (i >= next_tick && env->tick != NULL)
		{
			env->tick(env->ctx);
			next_tick = i + AKH_TICK_BYTES;
		}
		i += (size_t) l;
		sc = akh_folder_script(f, cp);
		if (sc == AKH_SCRIPT_LATIN)
		{
			int			k;

			c.latin++;
			if (cp >= 0xC0 && cp <= 0xFF)
				c.accents++;
			if (!overflow && (k = akh_fold_cp(f, cp, word + wlen)) >= 0)
				wlen += (size_t) k;
			if (wlen > WORD_MAX)
				overflow = true;
			continue;
		}
		word[wlen] = '\0';
		count_word(&c, word, wlen, overflow);
		wlen = 0;
		overflow = false;
		if (sc == AKH_SCRIPT_ARABIC)
			c.arabic++;
		else if (sc != AKH_SCRIPT_NONE)
			c.other++;
	}
	word[wlen] = '\0';
	count_word(&c, word, wlen, overflow);

	if (c.arabic == 0 && c.latin == 0)
		return AKH_OK;
	/*
	 * Arabic writes no short vowels: the same content takes about two thirds of the letters it
	 * takes in French or English, so Arabic letters weigh 3/2.
	 */
	if (3 * c.arabic >= 2 * c.latin && 3 * c.arabic >= 2 * c.other)
	{
		*lang = AKH_LANG_AR;
		return AKH_OK;
	}
	if (c.other > c.latin)
		return AKH_OK;
	/* A function word weighs more than an accent: "Pékin" is French, "le Pékin" more so. */
	fr_score = 2 * c.fr_words + (c.accents > 0 ? 1 : 0) + c.accents / 8;
	en_score = 2 * c.en_words;
	if (fr_score > en_score)
		*lang = AKH_LANG_FR;
	else if (en_score > fr_score)
		*lang = AKH_LANG_EN;
	return AKH_OK;
}
