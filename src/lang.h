/*
 * lang.h — akhbar.lang(): which of Arabic, French and English a text is written in.
 */
#ifndef AKH_LANG_H
#define AKH_LANG_H

#include "fold.h"

typedef enum akh_lang
{
	AKH_LANG_UNKNOWN = 0,
	AKH_LANG_AR,
	AKH_LANG_FR,
	AKH_LANG_EN
} akh_lang;

/* "ar", "fr", "en", or NULL for AKH_LANG_UNKNOWN. */
extern const char *akh_lang_code(akh_lang lang);

/* Detects the language of s[0..n); env->tick is called on long input. */
extern akh_status akh_detect_lang(const akh_folder *f, const akh_env *env, const char *s,
								  size_t n, akh_lang *lang);

#endif							/* AKH_LANG_H */
