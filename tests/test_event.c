/*
 * test_event.c — the akhbar.event value: its literal, the same-event rules and the GiST box.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "akh_test.h"
#include "event.h"

/* Parses lit into a fresh buffer (the caller frees it); asserts success. */
static akh_buf
parse_ok(const char *lit)
{
	akh_buf		out;
	akh_event_error err;

	akh_buf_init(&out, &akh_env_malloc);
	if (akh_event_parse(folder, lit, strlen(lit), &out, &err) != AKH_OK)
		fail_msg("%s: %s at %zu", lit, err.detail ? err.detail : "?", err.pos);
	return out;
}

static akh_event_view
view_of(const akh_buf *b)
{
	akh_event_view v;

	assert_true(akh_event_view_of(b->data, b->len, &v));
	return v;
}

/* The literal lit prints as expected. */
static void
assert_prints(const char *lit, const char *expected)
{
	akh_buf		packed = parse_ok(lit);
	akh_event_view v = view_of(&packed);
	akh_buf		out;

	akh_buf_init(&out, &akh_env_malloc);
	assert_int_equal(akh_event_print(&v, &out), AKH_OK);
	assert_int_equal(akh_buf_append(&out, "", 1), AKH_OK);
	assert_string_equal(out.data, expected);
	akh_buf_free(&out);
	akh_buf_free(&packed);
}

/* lit is rejected, at byte pos. */
static void
assert_rejected(const char *lit, size_t pos)
{
	akh_buf		out;
	akh_event_error err;

	akh_buf_init(&out, &akh_env_malloc);
	assert_int_equal(akh_event_parse(folder, lit, strlen(lit), &out, &err), AKH_ETOOBIG);
	assert_non_null(err.detail);
	assert_int_equal(err.pos, pos);
	assert_int_equal(out.len, 0);
	akh_buf_free(&out);
}

static void
test_literal_round_trip(void **state)
{
	(void) state;
	assert_prints("meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14)",
				  "meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14)");
	/* Actors are sorted and made unique by folded name. */
	assert_prints("meet{ Wang Yi , Sergey Lavrov, wang yi }[2023-07-13,2023-07-14)",
				  "meet{Sergey Lavrov,Wang Yi}[2023-07-13,2023-07-14)");
	/* Inclusive and exclusive bounds become [lo, hi). */
	assert_prints("call{Xi Jinping}[2020-07-08,2020-07-08]", "call{Xi Jinping}[2020-07-08,2020-07-09)");
	assert_prints("call{Xi Jinping}(2020-07-07,2020-07-09)", "call{Xi Jinping}[2020-07-08,2020-07-09)");
	/* No actors, no place, no period. */
	assert_prints("disaster{}", "disaster{}");
	assert_prints("disaster{}@Izmir", "disaster{}@Izmir");
	/* Quoting: special characters and outer blanks. */
	assert_prints("statement{\"Smith, John\",\"a\\\"b\"}@\"Washington, D.C.\"",
				  "statement{\"a\\\"b\",\"Smith, John\"}@\"Washington, D.C.\"");
	/* Arabic names stay as written. */
	assert_prints("visit{سيرغي لافروف}@بكين[2024-02-29,2024-03-01)",
				  "visit{سيرغي لافروف}@بكين[2024-02-29,2024-03-01)");
}

static void
test_literal_errors(void **state)
{
	(void) state;
	assert_rejected("", 0);
	assert_rejected("meeet{a}", 0);
	assert_rejected("meet", 4);
	assert_rejected("meet{a", 6);
	assert_rejected("meet{a,}", 7);
	assert_rejected("meet{a}@", 8);
	assert_rejected("meet{a}[2023-02-30,2023-03-01)", 8);
	assert_rejected("meet{a}[2023-07-13 2023-07-14)", 19);
	assert_rejected("meet{a}[2023-07-14,2023-07-13)", 19);
	assert_rejected("meet{a}[2023-07-13,2023-07-14", 29);
	assert_rejected("meet{a}[2023-07-13,2023-07-14) x", 31);
	assert_rejected("meet{\"a}", 8);
	assert_rejected("meet{a{b}", 6);
}

/*
 * Edge cases fuzz/fuzz_event_literal.c found: a literal printed from a parsed one reads back
 * to the same value, and errors point inside the input.
 */
static void
test_literal_edges(void **state)
{
	/* a, NUL, b as a quoted name: printed unquoted, the NUL must not end the name */
	static const char nul[] = "meet{\"a\0b\"}";
	akh_buf		packed;
	akh_buf		printed;
	akh_buf		again;
	akh_event_error err;
	akh_event_view v;

	(void) state;
	/* The period of 9999-12-31 ends on 10000-01-01, which YYYY-MM-DD cannot write. */
	assert_prints("summit{a}@b[0001-01-01,9999-12-31]", "summit{a}@b[0001-01-01,9999-12-31]");
	assert_prints("summit{a}[9999-12-31,9999-12-31]", "summit{a}[9999-12-31,9999-12-31]");
	assert_prints("summit{a}[9999-12-30,9999-12-31)", "summit{a}[9999-12-30,9999-12-31)");
	/* An empty name names nobody and nowhere, whether or not a name came before it. */
	assert_prints("meet{\"\"}", "meet{}");
	assert_prints("meet{\"\",a,\"\"}", "meet{a}");
	assert_prints("disaster{}@\"\"", "disaster{}");
	assert_prints("disaster{a}@\"\"[2020-10-30,2020-10-31)", "disaster{a}[2020-10-30,2020-10-31)");
	/* A backslash at the very end: the quoted name is not closed, at the end of the input. */
	assert_rejected("meet{\"a\\", 8);

	akh_buf_init(&packed, &akh_env_malloc);
	akh_buf_init(&printed, &akh_env_malloc);
	akh_buf_init(&again, &akh_env_malloc);
	assert_int_equal(akh_event_parse(folder, nul, sizeof(nul) - 1, &packed, &err), AKH_OK);
	assert_true(akh_event_view_of(packed.data, packed.len, &v));
	assert_int_equal(v.nactors, 1);
	assert_int_equal(akh_event_print(&v, &printed), AKH_OK);
	assert_int_equal(printed.len, sizeof("meet{a\0b}") - 1);
	assert_memory_equal(printed.data, "meet{a\0b}", printed.len);
	assert_int_equal(akh_event_parse(folder, printed.data, printed.len, &again, &err), AKH_OK);
	assert_int_equal(again.len, packed.len);
	assert_memory_equal(again.data, packed.data, packed.len);
	akh_buf_free(&again);
	akh_buf_free(&printed);
	akh_buf_free(&packed);
}

/* The packed form of a literal, viewed; the buffer stays alive in bufs. */
static akh_buf bufs[16];
static int	nbufs;

static akh_event_view
ev(const char *lit)
{
	bufs[nbufs] = parse_ok(lit);
	return view_of(&bufs[nbufs++]);
}

static void
free_evs(void)
{
	while (nbufs > 0)
		akh_buf_free(&bufs[--nbufs]);
}

static void
test_same_event(void **state)
{
	akh_event_view jakarta = ev("meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14)");
	akh_event_view vientiane = ev("meet{Sergey Lavrov,Wang Yi}[2024-07-25,2024-07-26)");
	akh_event_view jakarta_next_day = ev("meet{Wang Yi}[2023-07-14,2023-07-15)");
	akh_event_view jakarta_visit = ev("visit{sergey lavrov}@jakarta[2023-07-12,2023-07-15)");
	akh_event_view elsewhere = ev("meet{Wang Yi}@Phnom Penh[2023-07-13,2023-07-14)");
	akh_event_view call = ev("call{Wang Yi,Sergey Lavrov}[2023-07-13,2023-07-14)");
	akh_event_view quake = ev("disaster{}@Izmir[2020-10-30,2020-10-31)");
	akh_event_view quake2 = ev("disaster{}@izmir[2020-10-31,2020-11-01)");
	akh_event_view quake_nowhere = ev("disaster{}[2020-10-30,2020-10-31)");
	akh_event_view undated = ev("meet{Sergey Lavrov,Wang Yi}@Jakarta");

	(void) state;
	assert_true(akh_event_same(&jakarta, &jakarta, 3));
	/* The trap: the same two ministers a year later. */
	assert_false(akh_event_same(&jakarta, &vientiane, 3));
	assert_true(akh_event_same(&jakarta, &jakarta_next_day, 3));
	assert_false(akh_event_same(&jakarta, &jakarta_next_day, 0));
	assert_true(akh_event_same(&jakarta, &jakarta_visit, 3));
	assert_false(akh_event_same(&jakarta, &elsewhere, 3));
	assert_false(akh_event_same(&jakarta, &call, 3));
	assert_true(akh_event_same(&quake, &quake2, 3));
	assert_false(akh_event_same(&quake, &quake_nowhere, 3));
	assert_false(akh_event_same(&jakarta, &undated, 3));
	/* Symmetric. */
	assert_true(akh_event_same(&jakarta_visit, &jakarta, 3));
	assert_true(akh_event_same(&quake2, &quake, 3));

	assert_float_equal(akh_event_similarity(&jakarta, &jakarta), 1.0, 1e-9);
	assert_true(akh_event_similarity(&jakarta, &jakarta_next_day) >
				akh_event_similarity(&jakarta, &vientiane));
	assert_true(akh_event_similarity(&jakarta, &vientiane) < 0.75);
	assert_float_equal(akh_event_similarity(&jakarta, &call), akh_event_similarity(&call, &jakarta), 1e-12);
	free_evs();
}

/* Random events over few names and days: the box never misses a match nor overstates. */
static void
test_box_has_no_false_negatives(void **state)
{
	static const char *const names[] = {"Wang Yi", "Sergey Lavrov", "Xi Jinping", "Vladimir Putin", "X"};
	static const char *const places[] = {"Jakarta", "Beijing", NULL};
	static const char *const kinds[] = {"meet", "visit", "call", "disaster"};
	akh_buf		packed[64];
	akh_event_view v[64];
	unsigned	seed = 12345;

	(void) state;
	for (int i = 0; i < 64; i++)
	{
		char		lit[256];
		int			n;
		int			day;

		seed = seed * 1103515245u + 12345u;
		day = 10 + (int) ((seed >> 8) % 10);
		n = snprintf(lit, sizeof(lit), "%s{", kinds[(seed >> 4) % 4]);
		for (int a = 0, k = (int) ((seed >> 12) % 3); a < k; a++)
			n += snprintf(lit + n, sizeof(lit) - n, "%s%s", a ? "," : "", names[(seed >> (16 + 3 * a)) % 5]);
		n += snprintf(lit + n, sizeof(lit) - n, "}");
		if (places[(seed >> 24) % 3] != NULL)
			n += snprintf(lit + n, sizeof(lit) - n, "@%s", places[(seed >> 24) % 3]);
		snprintf(lit + n, sizeof(lit) - n, "[2023-07-%02d,2023-07-%02d)", day, day + 1 + (int) ((seed >> 28) % 3));
		packed[i] = parse_ok(lit);
		v[i] = view_of(&packed[i]);
	}
	/* Boxes of groups of 8, and of everything. */
	for (int g = 0; g < 8; g++)
	{
		akh_event_box box;

		akh_event_box_of(&v[g * 8], &box);
		for (int i = 1; i < 8; i++)
		{
			akh_event_box b;

			akh_event_box_of(&v[g * 8 + i], &b);
			akh_event_box_union(&box, &b);
		}
		for (int q = 0; q < 64; q++)
		{
			akh_event_box qb;

			akh_event_box_of(&v[q], &qb);
			for (int i = 0; i < 8; i++)
			{
				const akh_event_view *m = &v[g * 8 + i];

				if (akh_event_same(&v[q], m, 2))
					assert_true(akh_event_box_may_match(&box, &v[q], &qb, 2));
				assert_true(akh_event_box_distance(&box, &v[q], &qb) <=
							1.0 - akh_event_similarity(&v[q], m) + 1e-9);
			}
		}
	}
	for (int i = 0; i < 64; i++)
		akh_buf_free(&packed[i]);
}

static void
test_view_rejects_corrupt_values(void **state)
{
	akh_buf		b = parse_ok("meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14)");
	akh_event_view v;

	(void) state;
	assert_true(akh_event_view_of(b.data, b.len, &v));
	/* Every truncation is rejected, and so is a trailing byte. */
	for (size_t n = 0; n < b.len; n++)
		assert_false(akh_event_view_of(b.data, n, &v));
	assert_int_equal(akh_buf_append(&b, "x", 1), AKH_OK);
	assert_false(akh_event_view_of(b.data, b.len, &v));
	b.len--;
	b.data[1] = (char) AKH_EV_NKINDS;
	assert_false(akh_event_view_of(b.data, b.len, &v));
	akh_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literal_round_trip),
		cmocka_unit_test(test_literal_errors),
		cmocka_unit_test(test_literal_edges),
		cmocka_unit_test(test_same_event),
		cmocka_unit_test(test_box_has_no_false_negatives),
		cmocka_unit_test(test_view_rejects_corrupt_values),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
