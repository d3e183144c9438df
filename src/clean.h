/*
 * clean.h — akhbar.clean(): an article without the boilerplate of the page it was scraped
 * from (share buttons, credits, cookie notices, machine-translation disclaimers, most-read
 * lists). See clean.c for the rules and data/boilerplate.tsv for the patterns.
 */
#ifndef AKH_CLEAN_H
#define AKH_CLEAN_H

#include "fold.h"

/*
 * Appends s[0..n) without its boilerplate to out. Works line by line; kept lines are copied
 * byte for byte, joined by their original line breaks, without leading or trailing blank
 * lines and without a final line break. Returns AKH_EUTF8 when s is not valid UTF-8
 * (out->len is then as it was on entry), AKH_ENOMEM or AKH_ETOOBIG from the buffer.
 * Linear time; calls out->env->tick every AKH_TICK_BYTES of input.
 */
extern akh_status akh_clean(const akh_folder *f, const char *s, size_t n, akh_buf *out);

#endif							/* AKH_CLEAN_H */
