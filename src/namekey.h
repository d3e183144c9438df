/*
 * namekey.h — name keys: one key for the Arabic, Latin (and Cyrillic) spellings of a person or
 * place name, so that transliteration variants meet (see namekey.c for the design).
 */
#ifndef AKH_NAMEKEY_H
#define AKH_NAMEKEY_H

#include "fold.h"

/* Bytes of each name akh_name_similarity() looks at; longer names are cut. */
#define AKH_NAME_CUT 256

/*
 * Appends the name key of s[0..n) to out: lowercase ASCII class letters (b d f g h k l m n r s
 * t), possibly none; Poutine, Putin and their Arabic spelling all give "btn". Time is linear
 * and no memory is taken but out's. On error (AKH_EUTF8 for invalid UTF-8, AKH_ENOMEM ...)
 * out->len is left as it was.
 */
extern akh_status akh_name_key(const akh_folder *f, const char *s, size_t n, akh_buf *out);

/*
 * 0..1: how alike two names are, 1 - Levenshtein(key a, key b) / longer key length; 1 when the
 * keys are equal, 0 when either key is empty or either name is not valid UTF-8. Names longer
 * than AKH_NAME_CUT bytes are cut (at a character boundary). Allocates nothing.
 */
extern double akh_name_similarity(const akh_folder *f, const char *a, size_t an,
								  const char *b, size_t bn);

#endif							/* AKH_NAMEKEY_H */
