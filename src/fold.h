/*
 * fold.h — akhbar.fold(): the search key of a text (see fold.c for the rules and the design).
 */
#ifndef AKH_FOLD_H
#define AKH_FOLD_H

#include "akh_env.h"

typedef struct akh_folder akh_folder;

/* Coarse script classes the engine needs (from ICU's Script property). */
typedef enum akh_script
{
	AKH_SCRIPT_NONE = 0,		/* not a letter: digits, punctuation, marks, space */
	AKH_SCRIPT_LATIN = 1,
	AKH_SCRIPT_ARABIC = 2,
	AKH_SCRIPT_GREEK_CYRILLIC = 3,
	AKH_SCRIPT_OTHER = 4		/* letters of other scripts */
} akh_script;

/*
 * Builds the folding tables (about 100 kB, a few milliseconds of ICU calls). The folder is
 * read-only afterwards: one per process, shared by every call.
 */
extern akh_status akh_folder_new(const akh_env *env, akh_folder **out);
extern void akh_folder_free(akh_folder *f);

/* Appends fold(s[0..n)) to out. */
extern akh_status akh_fold(const akh_folder *f, const char *s, size_t n, akh_buf *out);

/*
 * The same function computed by ICU alone over the whole string (no fast table, no
 * segmentation). Slow; the unit tests check that akh_fold agrees with it.
 */
extern akh_status akh_fold_reference(const akh_folder *f, const char *s, size_t n, akh_buf *out);

/* Script class of a code point (letters only; marks, digits and punctuation are NONE). */
extern akh_script akh_folder_script(const akh_folder *f, uint32_t cp);

/*
 * Folds one code point as if it stood alone and writes the result (UTF-8, at most
 * AKH_FOLD_CP_MAX bytes, white space as one ' ') to out; returns the byte count.
 */
#define AKH_FOLD_CP_MAX 128

/* akh_fold() wants this much room past the length of its input to run without growing. */
#define AKH_FOLD_SLACK 512
extern int	akh_fold_cp(const akh_folder *f, uint32_t cp, char *out);

#endif							/* AKH_FOLD_H */
