/*
 * tokenize.h — words of a text with their folded form and their place in the original.
 */
#ifndef AKH_TOKENIZE_H
#define AKH_TOKENIZE_H

#include "fold.h"

/* How a Latin word is capitalized in the original text. */
typedef enum akh_caps
{
	AKH_CAPS_NONE = 0,			/* lowercase first letter, or not Latin */
	AKH_CAPS_FIRST = 1,			/* first letter uppercase */
	AKH_CAPS_ALL = 2			/* two or more letters, all uppercase */
} akh_caps;

typedef struct akh_token
{
	size_t		byte_start;		/* in the original text */
	size_t		byte_len;
	size_t		char_start;		/* code points from the start of the text, 0-based */
	size_t		char_len;
	size_t		fold_off;		/* folded form: tokens->folded.data + fold_off */
	size_t		fold_len;
	uint8_t		script;			/* akh_script of the first letter */
	uint8_t		caps;			/* akh_caps */
	bool		sentence_start; /* first word after . ! ? : or a line break, or of the text */
	bool		comma_before;	/* a comma or a dash separates it from the previous word */
} akh_token;

typedef struct akh_tokens
{
	akh_token  *tok;
	size_t		n;
	size_t		cap;
	akh_buf		folded;			/* the folded forms, one after the other */
	const akh_env *env;
} akh_tokens;

extern void akh_tokens_init(akh_tokens *t, const akh_env *env);
extern void akh_tokens_free(akh_tokens *t);

/*
 * Splits s[0..n) into words: runs of letters and digits of any script; combining marks, tatweel
 * and joiners stay inside a word; apostrophes, hyphens and everything else separate words (so
 * that "l'ONU" gives "l" and "onu", "Asie-Pacifique" two words).
 */
extern akh_status akh_tokenize(const akh_folder *f, const char *s, size_t n, akh_tokens *out);

static inline const char *
akh_token_folded(const akh_tokens *t, const akh_token *k)
{
	/* When every word folds to nothing (tatweel alone), the buffer was never allocated. */
	return t->folded.data != NULL ? t->folded.data + k->fold_off : "";
}

#endif							/* AKH_TOKENIZE_H */
