/*
 * stem_fr.h — lexemes of French words for text search: elision, stop words, Savoy's light
 * stemmer (as Lucene's FrenchLightStemmer), then fold() (see stem_fr.c for the design).
 */
#ifndef AKH_STEM_FR_H
#define AKH_STEM_FR_H

#include "fold.h"

/*
 * Appends the lexeme of one French word (as it appears in the text, any case, with or without
 * accents, possibly with an elided article glued on by an apostrophe: l'ONU, d’Ankara, qu'il,
 * jusqu'à) to out: elision removed (l m t qu n s j d c jusqu quoiqu lorsqu puisqu, with ' or
 * ’), then Savoy's light stemmer exactly as Lucene's FrenchLightStemmer (on the lowercased,
 * still accented word), then akh_fold() of the stem. Returns AKH_OK and sets *is_stop = true
 * and appends nothing when the word (after elision, folded) is a stop word of
 * data/lang/stop_fr.txt, or folds to nothing (empty, marks only): there is nothing to index.
 * AKH_EUTF8 on invalid UTF-8; on any error out->len is left as it was.
 */
extern akh_status akh_lexeme_fr(const akh_folder *f, const char *w, size_t n, akh_buf *out,
								bool *is_stop);

#endif							/* AKH_STEM_FR_H */
