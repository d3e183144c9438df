/*
 * tokenize.c — words of a text, folded, with byte and character offsets into the original.
 *
 * The gazetteer matcher compares folded words, but reports mentions with offsets in the text
 * the user stored, so each word keeps both. A word is a run of letters and digits; code points
 * that fold to nothing (harakat, tatweel, joiners, soft hyphens) are part of the word they sit
 * in. The folded form of a word is the concatenation of the folds of its code points, taken
 * from the folder's table.
 */
#include "tokenize.h"

#include <string.h>

#include <unicode/uchar.h>

void
akh_tokens_init(akh_tokens *t, const akh_env *env)
{
	t->tok = NULL;
	t->n = 0;
	t->cap = 0;
	t->env = env;
	akh_buf_init(&t->folded, env);
}

void
akh_tokens_free(akh_tokens *t)
{
	if (t->tok != NULL)
		t->env->free(t->env->ctx, t->tok);
	t->tok = NULL;
	t->n = t->cap = 0;
	akh_buf_free(&t->folded);
}

static akh_status
push_token(akh_tokens *t, const akh_token *k)
{
	if (t->n == t->cap)
	{
		size_t		cap = t->cap < 64 ? 64 : t->cap * 2;
		akh_token  *p = t->tok == NULL
			? t->env->alloc(t->env->ctx, cap * sizeof(akh_token))
			: t->env->realloc(t->env->ctx, t->tok, cap * sizeof(akh_token));

		if (p == NULL)
			return AKH_ENOMEM;
		t->tok = p;
		t->cap = cap;
	}
	t->tok[t->n++] = *k;
	return AKH_OK;
}

static bool
is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return u_isupper((UChar32) cp);
}

/* Punctuation after which a new sentence starts. */
static bool
ends_sentence(uint32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == '\n' ||
		cp == 0x061F || cp == 0x06D4 || cp == 0x2026;
}

/* Punctuation that separates an apposition: commas and dashes. */
static bool
is_comma(uint32_t cp)
{
	return cp == ',' || cp == 0x060C || cp == 0x2013 || cp == 0x2014 || cp == '(';
}

/* Abbreviations (data/lang/abbrev.txt, folded, sorted). */
static const char *const abbreviations[] = {
#include "gen/abbrev_words.h"
};

/*
 * A period right after an abbreviation (M., Mme., Dr.) or an initial (J. Biden) abbreviates it
 * rather than ending the sentence; after a short name ("Wang Yi.") it ends the sentence.
 */
static bool
after_abbreviation(const akh_tokens *t, uint32_t cp, size_t i)
{
	const akh_token *prev = t->n > 0 ? &t->tok[t->n - 1] : NULL;

	if (cp != '.' || prev == NULL || prev->byte_start + prev->byte_len != i ||
		prev->script != AKH_SCRIPT_LATIN)
		return false;
	return (prev->char_len == 1 && prev->caps == AKH_CAPS_FIRST) ||
		akh_word_in(abbreviations, sizeof(abbreviations) / sizeof(abbreviations[0]),
					t->folded.data + prev->fold_off, prev->fold_len);
}

static bool
is_digit_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9);
}

/* A period or colon between digits (6.1, 10:42, 15.12.2021) is part of a number. */
static bool
inside_number(const akh_tokens *t, const unsigned char *p, size_t n, uint32_t cp, size_t i)
{
	const akh_token *prev = t->n > 0 ? &t->tok[t->n - 1] : NULL;
	uint32_t	next;

	if ((cp != '.' && cp != ':') || prev == NULL || prev->byte_start + prev->byte_len != i ||
		prev->fold_len == 0 || !is_digit_cp((unsigned char) t->folded.data[prev->fold_off + prev->fold_len - 1]))
		return false;
	return i + 1 < n && akh_utf8_decode(p + i + 1, n - i - 1, &next) > 0 && is_digit_cp(next);
}

akh_status
akh_tokenize(const akh_folder *f, const char *s, size_t n, akh_tokens *out)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;
	size_t		chars = 0;
	size_t		next_tick = AKH_TICK_BYTES;
	bool		in_word = false;
	bool		sentence_start = true;
	bool		comma = false;
	size_t		letters = 0;
	size_t		upper = 0;
	akh_token	cur = {0};
	akh_status	st;

	while (i <= n)
	{
		uint32_t	cp = 0;
		int			cl = 0;
		char		folded[AKH_FOLD_CP_MAX];
		int			fl = 0;
		akh_script	sc = AKH_SCRIPT_NONE;
		bool		word_char = false;
		bool		transparent = false;

		if (i < n)
		{
			if ((cl = akh_utf8_decode(p + i, n - i, &cp)) == 0)
				return AKH_EUTF8;
			if ((fl = akh_fold_cp(f, cp, folded)) < 0)
				return AKH_EICU;
			sc = akh_folder_script(f, cp);
			word_char = sc != AKH_SCRIPT_NONE ||
				(fl == 1 && folded[0] >= '0' && folded[0] <= '9');
			transparent = !word_char && fl == 0 && !u_isUWhiteSpace((UChar32) cp);
			if (i >= next_tick && out->env->tick != NULL)
			{
				out->env->tick(out->env->ctx);
				next_tick = i + AKH_TICK_BYTES;
			}
		}
		if (word_char || (in_word && transparent))
		{
			if (!in_word)
			{
				memset(&cur, 0, sizeof(cur));
				cur.byte_start = i;
				cur.char_start = chars;
				cur.fold_off = out->folded.len;
				cur.script = (uint8_t) sc;
				cur.sentence_start = sentence_start;
				cur.comma_before = comma;
				letters = upper = 0;
				in_word = true;
			}
			if (sc != AKH_SCRIPT_NONE)
			{
				if (letters == 0 && sc == AKH_SCRIPT_LATIN && is_upper(cp))
					cur.caps = AKH_CAPS_FIRST;
				letters++;
				upper += sc == AKH_SCRIPT_LATIN && is_upper(cp);
			}
			if ((st = akh_buf_append(&out->folded, folded, (size_t) fl)) != AKH_OK)
				return st;
		}
		else
		{
			if (in_word)
			{
				cur.byte_len = i - cur.byte_start;
				cur.char_len = chars - cur.char_start;
				cur.fold_len = out->folded.len - cur.fold_off;
				if (letters >= 2 && upper == letters)
					cur.caps = AKH_CAPS_ALL;
				if ((st = push_token(out, &cur)) != AKH_OK)
					return st;
				in_word = false;
				sentence_start = false;
				comma = false;
			}
			if (i < n)
			{
				sentence_start |= ends_sentence(cp) && !after_abbreviation(out, cp, i) &&
					!inside_number(out, p, n, cp, i);
				comma |= is_comma(cp);
			}
		}
		if (i == n)
			break;
		i += (size_t) cl;
		chars++;
	}
	return AKH_OK;
}
