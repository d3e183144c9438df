/*
 * stem_ar.h — lexemes of Arabic words for text search: fold(), stop words, the light10
 * stemmer as Lucene's Arabic analyzer applies it (see stem_ar.c for the design; names are
 * not stemmed: the parser in tsearch.c passes them, from where the entity matcher says they
 * start, to be folded). Arabic is written here in Buckwalter transliteration (A alef, b beh,
 * t teh, p teh marbuta, h heh, w waw, y yeh, Y alef maksura, l lam, k kaf, f feh, n noon):
 * the engine's sources hold no Arabic letters.
 */
#ifndef AKH_STEM_AR_H
#define AKH_STEM_AR_H

#include "fold.h"

/*
 * Appends the lexeme of one Arabic word to out: akh_fold() of the word, then, unless the
 * folded word is a stop word of data/lang/stop_ar.txt, the light stemmer of the Larkey
 * "light10" family exactly as Lucene's ArabicNormalizationFilter + ArabicStemFilter chain
 * does: at most one prefix of Al wAl bAl kAl fAl ll w (a prefix must leave two letters, w
 * three), then each suffix of hA An At wn yn yh h y in turn (each must leave two letters).
 * Lucene's -p and -yp suffixes are the -h and -yh of the folded word.
 *
 * Returns AKH_OK and sets *is_stop = true, appending nothing, when the folded word is a stop
 * word or folds to nothing (empty, marks only): there is nothing to index. A folded word
 * longer than 256 bytes is appended folded and unstemmed. AKH_EUTF8 on invalid UTF-8,
 * AKH_ENOMEM when out cannot grow; on any error out->len is left as it was.
 */
extern akh_status akh_lexeme_ar(const akh_folder *f, const char *w, size_t n, akh_buf *out,
								bool *is_stop);

/*
 * The same for a word already folded (the tokenizer's folded form of a word): no fold, so no
 * UTF-8 check either; the caller vouches for the input.
 */
extern akh_status akh_lexeme_ar_folded(const char *folded, size_t n, akh_buf *out, bool *is_stop);

/* The folded word is an Arabic stop word (data/lang/stop_ar.txt): kan, fy, hdha ... */
extern bool akh_stop_word_ar(const char *folded, size_t n);

#endif							/* AKH_STEM_AR_H */
