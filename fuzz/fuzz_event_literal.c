/*
 * fuzz_event_literal.c — libFuzzer target for the akhbar.event value: akh_event_parse() of the
 * text literal, akh_event_view_of() of a packed form read from disk or the network, and the
 * same-event rules on pairs of events.
 *
 * Checks, on the whole input as a literal: on AKH_OK, the packed form is appended after what
 * the buffer held, akh_event_view_of accepts it, and its printed literal parses back to the
 * same bytes; on an error, AKH_ETOOBIG or AKH_EUTF8 with a detail and a position within the
 * input, and the buffer as it was. On the whole input as a packed form: akh_event_view_of
 * reads nothing outside it (ASan) and, when it accepts it, its actors lie inside it and it
 * prints.
 *
 * Pairs: the input split at its first tab, else at its first NUL, each half read as a literal,
 * else as a packed form; the window is 3 days after a tab, 0..30 after a NUL.
 * akh_event_same and akh_event_similarity are symmetric, similarity lies in [0, 1] and is 1
 * for an event with itself when it has a period and a place; the box of either half, and
 * their union, is a box the other may match whenever akh_event_same says the two are the same
 * (no false negatives), and its distance to the other is at most 1 - similarity.
 */
#include "fuzz_common.h"

#include <math.h>

#include "event.h"

/* The GUC akhbar.event_window: days two reports of one event may be apart (0..30 here). */
#define WINDOW_MAX 30

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_folder_init();
	return 0;
}

/* The actors of v lie within p[0..n) (akh_event_actor trusts what view_of checked). */
static void
check_view(const char *p, size_t n, const akh_event_view *v)
{
	size_t		cursor = 0;

	FUZZ_CHECK(v->kind >= 0 && v->kind < AKH_EV_NKINDS);
	FUZZ_CHECK(!v->has_period || v->hi > v->lo);
	if (v->place != NULL)
		FUZZ_CHECK(v->place >= p && v->place + v->place_len <= p + n &&
				   v->place_key >= p && v->place_key + v->place_key_len <= p + n);
	for (size_t i = 0; i < v->nactors; i++)
	{
		const char *name;
		const char *key;
		size_t		name_len;
		size_t		key_len;

		akh_event_actor(v, &cursor, &name, &name_len, &key, &key_len);
		FUZZ_CHECK(name >= p && name + name_len <= p + n);
		FUZZ_CHECK(key >= p && key + key_len <= p + n);
	}
	FUZZ_CHECK((const char *) v->actors + cursor == p + n);
}

/*
 * Parses s[0..n) into out (which holds HEADER); true on success. Checks what holds of success
 * and of failure.
 */
static bool
parse(const char *s, size_t n, akh_buf *out)
{
	akh_event_error err;
	akh_event_view v;
	akh_buf		printed;
	akh_buf		again;
	akh_status	st;

	FUZZ_CHECK(akh_buf_append(out, HEADER, HEADER_LEN) == AKH_OK);
	err.pos = SIZE_MAX;
	err.detail = NULL;
	st = akh_event_parse(fuzz_folder, s, n, out, &err);
	FUZZ_CHECK(out->len >= HEADER_LEN && memcmp(out->data, HEADER, HEADER_LEN) == 0);
	if (st != AKH_OK)
	{
		FUZZ_CHECK(st == AKH_ETOOBIG || st == AKH_EUTF8);
		FUZZ_CHECK(err.detail != NULL && err.pos <= n);
		FUZZ_CHECK(out->len == HEADER_LEN);
		return false;
	}
	FUZZ_CHECK(akh_event_view_of(out->data + HEADER_LEN, out->len - HEADER_LEN, &v));
	check_view(out->data + HEADER_LEN, out->len - HEADER_LEN, &v);

	/* Printed and parsed again: the same value. */
	akh_buf_init(&printed, &akh_env_malloc);
	akh_buf_init(&again, &akh_env_malloc);
	FUZZ_CHECK(akh_event_print(&v, &printed) == AKH_OK);
	st = akh_event_parse(fuzz_folder, printed.data, printed.len, &again, &err);
	if (st != AKH_OK)
		fprintf(stderr, "%.*s: %s at %zu\n", (int) printed.len, printed.data,
				err.detail != NULL ? err.detail : "?", err.pos);
	FUZZ_CHECK(st == AKH_OK);
	FUZZ_CHECK(fuzz_same(out->data + HEADER_LEN, out->len - HEADER_LEN, again.data, again.len));
	akh_buf_free(&again);
	akh_buf_free(&printed);
	return true;
}

/* s[0..n) as a packed form; true when view_of accepts it. */
static bool
view_raw(const char *s, size_t n, akh_event_view *v)
{
	akh_buf		printed;

	if (!akh_event_view_of(s, n, v))
		return false;
	check_view(s, n, v);
	akh_buf_init(&printed, &akh_env_malloc);
	FUZZ_CHECK(akh_event_print(v, &printed) == AKH_OK);
	akh_buf_free(&printed);
	return true;
}

/* An event of half s[0..n): its literal, else its bytes as a packed form. */
static bool
event_of(const char *s, size_t n, akh_buf *buf, akh_event_view *v)
{
	if (parse(s, n, buf))
	{
		FUZZ_CHECK(akh_event_view_of(buf->data + HEADER_LEN, buf->len - HEADER_LEN, v));
		return true;
	}
	return view_raw(s, n, v);
}

static void
check_pair(const akh_event_view *a, const akh_event_view *b, int window)
{
	bool		same = akh_event_same(a, b, window);
	double		ab = akh_event_similarity(a, b);
	double		ba = akh_event_similarity(b, a);
	akh_event_box box_a;
	akh_event_box box_b;
	akh_event_box both;

	FUZZ_CHECK(same == akh_event_same(b, a, window));
	FUZZ_CHECK(!isnan(ab) && ab >= 0.0 && ab <= 1.0 + 1e-12);
	FUZZ_CHECK(ab == ba);
	/* An event with itself: all of kind, actors, place and time agree. */
	if (a->has_period && a->place != NULL)
		FUZZ_CHECK(fabs(akh_event_similarity(a, a) - 1.0) < 1e-9);

	akh_event_box_of(a, &box_a);
	akh_event_box_of(b, &box_b);
	both = box_a;
	akh_event_box_union(&both, &box_b);
	/* The box of a holds a, the union holds both: neither may miss the other. */
	if (same)
	{
		FUZZ_CHECK(akh_event_box_may_match(&box_a, b, &box_b, window));
		FUZZ_CHECK(akh_event_box_may_match(&box_b, a, &box_a, window));
		FUZZ_CHECK(akh_event_box_may_match(&both, a, &box_a, window));
		FUZZ_CHECK(akh_event_box_may_match(&both, b, &box_b, window));
	}
	if (akh_event_same(a, a, window))
		FUZZ_CHECK(akh_event_box_may_match(&box_a, a, &box_a, window));
	FUZZ_CHECK(akh_event_box_distance(&box_a, b, &box_b) <= 1.0 - ab + 1e-9);
	FUZZ_CHECK(akh_event_box_distance(&box_b, a, &box_a) <= 1.0 - ab + 1e-9);
	FUZZ_CHECK(akh_event_box_distance(&both, a, &box_a) <= 1.0 - ab + 1e-9);
	FUZZ_CHECK(akh_event_box_distance(&both, b, &box_b) <= 1.0 - ab + 1e-9);
	FUZZ_CHECK(akh_event_box_distance(&both, b, &box_b) <= 1.0 - akh_event_similarity(b, b) + 1e-9);
	FUZZ_CHECK(akh_event_box_penalty(&both, &box_a) == 0.0);
	FUZZ_CHECK(akh_event_box_penalty(&box_a, &box_b) >= 0.0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	akh_buf		whole;
	akh_buf		buf_a;
	akh_buf		buf_b;
	akh_event_view v;
	akh_event_view a;
	akh_event_view b;
	const char *cut = NULL;
	size_t		an;

	/* The whole input, as a literal and as a packed form. */
	akh_buf_init(&whole, &akh_env_malloc);
	parse(s, size, &whole);
	akh_buf_free(&whole);
	view_raw(s, size, &v);

	/* Two halves: at the first tab, else at the first NUL (packed forms hold zeros). */
	if (size > 0 && (cut = memchr(s, '\t', size)) == NULL)
		cut = memchr(s, '\0', size);
	if (cut == NULL)
		return 0;
	an = (size_t) (cut - s);
	akh_buf_init(&buf_a, &akh_env_malloc);
	akh_buf_init(&buf_b, &akh_env_malloc);
	if (event_of(s, an, &buf_a, &a) && event_of(cut + 1, size - an - 1, &buf_b, &b))
		check_pair(&a, &b, (unsigned char) *cut == '\t' ? 3 : (int) (size % (WINDOW_MAX + 1)));
	akh_buf_free(&buf_b);
	akh_buf_free(&buf_a);
	return 0;
}
