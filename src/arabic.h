/*
 * arabic.h — the Arabic letters the engine's rules name (clitics, the article, affixes), as
 * folded UTF-8 (two bytes each), in one place for the gazetteer, the date and event
 * extractors and the stemmer. The words themselves live in data/.
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

#endif							/* AKH_ARABIC_H */
