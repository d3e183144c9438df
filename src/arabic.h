/*
 * arabic.h — the Arabic letters the engine's rules name (clitics, the article, affixes), as
 * folded UTF-8 (two bytes each), and the clitic readings of a word, in one place for the
 * gazetteer, the date and event extractors and the stemmer. The words themselves live in
 * data/; examples in the comments of src/ are romanized (qal X in = qaf-alef-lam X alef-noon).
 */
#ifndef AKH_ARABIC_H
#define AKH_ARABIC_H

#define AR_ALEF "\xD8\xA7"		/* U+0627 ALEF (A) */
#define AR_BEH "\xD8\xA8"		/* U+0628 BEH (b) */
#define AR_TEH "\xD8\xAA"		/* U+062A TEH (t) */
#define AR_SEEN "\xD8\xB3"		/* U+0633 SEEN (s) */
#define AR_FEH "\xD9\x81"		/* U+0641 FEH (f) */
#define AR_KAF "\xD9\x83"		/* U+0643 KAF (k) */
#define AR_LAM "\xD9\x84"		/* U+0644 LAM (l) */
#define AR_MEEM "\xD9\x85"		/* U+0645 MEEM (m) */
#define AR_NOON "\xD9\x86"		/* U+0646 NOON (n) */
#define AR_HEH "\xD9\x87"		/* U+0647 HEH (h) */
#define AR_WAW "\xD9\x88"		/* U+0648 WAW (w) */
#define AR_YEH "\xD9\x8A"		/* U+064A YEH (y) */
#define AR_LETTER_BYTES 2

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* One reading of an Arabic word with leading clitics stripped. */
typedef struct akh_ar_split
{
	uint8_t		off;			/* bytes stripped */
	uint8_t		clitics;		/* clitic letters among them: w f, then b k l */
	bool		preposition;	/* b k or l among them */
	uint8_t		article;		/* AKH_AR_NO_ARTICLE, AKH_AR_ARTICLE (al) or AKH_AR_ELIDED (ll) */
} akh_ar_split;

#define AKH_AR_NO_ARTICLE 0
#define AKH_AR_ARTICLE 1		/* al stripped */
#define AKH_AR_ELIDED 2			/* ll: l before an article whose alef is not written */
#define AKH_AR_MAX_SPLITS 10

static inline bool
akh_ar_starts(const char *w, size_t len, const char *prefix)
{
	size_t		n = strlen(prefix);

	return len >= n && memcmp(w, prefix, n) == 0;
}

/*
 * The readings of the folded Arabic word w[0..len), as Arabic writes its clitics: the word;
 * without w or f; then without ll (l and an article whose alef is not written: llqma) or b k
 * l; then any of these without the article al. In that order; each caller keeps the
 * readings its rule allows (the gazetteer keeps names' articles, dates want two letters
 * left, triggers three). Returns how many, at most AKH_AR_MAX_SPLITS.
 */
static inline int
akh_ar_splits(const char *w, size_t len, akh_ar_split *out)
{
	int			n = 0;
	int			bases;

	out[n++] = (akh_ar_split) {0, 0, false, AKH_AR_NO_ARTICLE};
	if (akh_ar_starts(w, len, AR_WAW) || akh_ar_starts(w, len, AR_FEH))
		out[n++] = (akh_ar_split) {AR_LETTER_BYTES, 1, false, AKH_AR_NO_ARTICLE};
	bases = n;
	for (int i = 0; i < bases; i++)
	{
		const char *p = w + out[i].off;
		size_t		plen = len - out[i].off;

		if (akh_ar_starts(p, plen, AR_LAM AR_LAM))
			out[n++] = (akh_ar_split) {(uint8_t) (out[i].off + 2 * AR_LETTER_BYTES),
				(uint8_t) (out[i].clitics + 1), true, AKH_AR_ELIDED};
		if (akh_ar_starts(p, plen, AR_BEH) || akh_ar_starts(p, plen, AR_KAF) ||
			akh_ar_starts(p, plen, AR_LAM))
			out[n++] = (akh_ar_split) {(uint8_t) (out[i].off + AR_LETTER_BYTES),
				(uint8_t) (out[i].clitics + 1), true, AKH_AR_NO_ARTICLE};
	}
	bases = n;
	for (int i = 0; i < bases && n < AKH_AR_MAX_SPLITS; i++)
		if (out[i].article == AKH_AR_NO_ARTICLE &&
			akh_ar_starts(w + out[i].off, len - out[i].off, AR_ALEF AR_LAM))
			out[n++] = (akh_ar_split) {(uint8_t) (out[i].off + 2 * AR_LETTER_BYTES), out[i].clitics,
				out[i].preposition, AKH_AR_ARTICLE};
	return n;
}

#endif							/* AKH_ARABIC_H */
