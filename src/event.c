/*
 * event.c — the akhbar.event value.
 *
 * An event is a kind, a set of actors, a place and a period. Actors and place are names as the
 * extractor writes them (the English name of a gazetteer entity, or the name key of an unknown
 * name) or as a user types them; two names are the same when their folded forms are, so the
 * packed form keeps both the name and its folded key, and keeps actors sorted by key.
 *
 * Packed form (the bytes after the varlena header; native byte order, read with memcpy):
 *
 *	 u8 version (1), u8 kind, u8 flags (1: period, 2: place), u8 zero,
 *	 i32 lo, i32 hi (days since 2000-01-01, [lo, hi); zeros without a period),
 *	 u16 number of actors, u16 zero,
 *	 the place if any, then each actor: u16 length, name, u16 length, folded name.
 *
 * The same event. Reports of one event agree on its kind (up to a visit, the meeting it hosts
 * and the summit around them), share an actor, do not name different places, and date it
 * within a few days of each other (an article published the next day says "yesterday"; a
 * weekly roundup says "last week"). The window is the caller's (the GUC akhbar.event_window).
 * Periods are what keep the yearly meeting of the same two ministers at the same summit apart.
 * An event without actors (an earthquake, an attack by unknown authors) has only its place to
 * tell it from another of its kind that week, so it must have one and share it.
 *
 * The GiST box. A set of events is summed up by the kinds it holds, the hull of its periods,
 * Bloom-like signatures of actor and place keys and flags for members that lack a period, a
 * place or actors. The box answers "might a member be the same event as q" without false
 * negatives, and bounds the distance to q from below, which is what GiST needs for joins and
 * for ORDER BY <-> with LIMIT.
 */
#include "event.h"

#include <string.h>

#include "dates.h"

#define PACK_VERSION 1
#define PACK_HEADER 16
#define FLAG_PERIOD 1
#define FLAG_PLACE 2

/* 10000-01-01 in days since 2000-01-01: the end of the last period a literal writes. */
#define DAY_AFTER_9999 2921940

static const char *const kind_names[AKH_EV_NKINDS] = {
	"meet", "call", "visit", "summit", "statement", "agreement", "sanction", "attack",
	"protest", "election", "vote", "disaster"
};

const char *
akh_event_kind_name(int kind)
{
	return kind >= 0 && kind < AKH_EV_NKINDS ? kind_names[kind] : "?";
}

int
akh_event_kind_from_name(const char *s, size_t n)
{
	for (int k = 0; k < AKH_EV_NKINDS; k++)
		if (strlen(kind_names[k]) == n && memcmp(kind_names[k], s, n) == 0)
			return k;
	return -1;
}

/*
 * Kinds one event may be reported as, besides its own: a visit, the meeting it hosts, the
 * summit around them and the agreements signed there; an election and its vote.
 */
static uint16_t
compatible_mask(int kind)
{
	const uint16_t gathering = (1u << AKH_EV_MEET) | (1u << AKH_EV_VISIT) | (1u << AKH_EV_SUMMIT) |
		(1u << AKH_EV_AGREEMENT);
	const uint16_t ballot = (1u << AKH_EV_ELECTION) | (1u << AKH_EV_VOTE);
	uint16_t	self = (uint16_t) (1u << kind);

	if (self & gathering)
		return gathering;
	if (self & ballot)
		return ballot;
	return self;
}

bool
akh_event_kinds_compatible(int a, int b)
{
	return (compatible_mask(a) >> b) & 1;
}

/* ---- packing ------------------------------------------------------------------------- */

static void
put_u16(char *p, size_t v)
{
	uint16_t	x = (uint16_t) v;

	memcpy(p, &x, 2);
}

static size_t
get_u16(const void *p)
{
	uint16_t	x;

	memcpy(&x, p, 2);
	return x;
}

/* A name and its folded key, for sorting. */
typedef struct keyed
{
	const char *name;
	size_t		name_len;
	size_t		key_off;		/* in the scratch buffer */
	size_t		key_len;
} keyed;

static int
key_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int			c = memcmp(a, b, an < bn ? an : bn);

	return c != 0 ? c : (an > bn) - (an < bn);
}

static akh_status
append_name(akh_buf *out, const char *name, size_t name_len, const char *key, size_t key_len)
{
	akh_status	st;

	if ((st = akh_buf_reserve(out, 4 + name_len + key_len)) != AKH_OK)
		return st;
	put_u16(out->data + out->len, name_len);
	memcpy(out->data + out->len + 2, name, name_len);
	out->len += 2 + name_len;
	put_u16(out->data + out->len, key_len);
	memcpy(out->data + out->len + 2, key, key_len);
	out->len += 2 + key_len;
	return AKH_OK;
}

/* Insertion sort by key: events have a handful of actors. */
static void
sort_keyed(keyed *k, size_t n, const char *scratch)
{
	for (size_t i = 1; i < n; i++)
	{
		keyed		x = k[i];
		size_t		j = i;

		while (j > 0 && key_cmp(scratch + k[j - 1].key_off, k[j - 1].key_len,
								scratch + x.key_off, x.key_len) > 0)
		{
			k[j] = k[j - 1];
			j--;
		}
		k[j] = x;
	}
}

akh_status
akh_event_pack(const akh_folder *f, const akh_event_input *in, akh_buf *out)
{
	const akh_env *env = out->env;
	akh_buf		scratch;
	keyed	   *k = NULL;
	size_t		place_key_len = 0;
	size_t		start = out->len;
	size_t		nactors = 0;
	akh_status	st;
	char	   *h;

	if (in->kind < 0 || in->kind >= AKH_EV_NKINDS || in->nactors > AKH_EVENT_ACTORS_MAX ||
		(in->has_period && in->hi <= in->lo) ||
		(in->place != NULL && in->place_len > AKH_EVENT_NAME_MAX))
		return AKH_ETOOBIG;
	for (size_t i = 0; i < in->nactors; i++)
		if (in->actor_lens[i] > AKH_EVENT_NAME_MAX)
			return AKH_ETOOBIG;

	/* Fold the place, then every actor, into one scratch buffer. */
	akh_buf_init(&scratch, env);
	if (in->place != NULL)
	{
		if ((st = akh_fold(f, in->place, in->place_len, &scratch)) != AKH_OK)
			goto done;
		place_key_len = scratch.len;
	}
	if (in->nactors > 0 &&
		(k = env->alloc(env->ctx, in->nactors * sizeof(keyed))) == NULL)
	{
		st = AKH_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < in->nactors; i++)
	{
		size_t		before = scratch.len;

		if ((st = akh_fold(f, in->actors[i], in->actor_lens[i], &scratch)) != AKH_OK)
			goto done;
		if (scratch.len == before)
			continue;			/* a name that folds to nothing names nobody */
		k[nactors].name = in->actors[i];
		k[nactors].name_len = in->actor_lens[i];
		k[nactors].key_off = before;
		k[nactors].key_len = scratch.len - before;
		if (k[nactors].key_len > AKH_EVENT_NAME_MAX)
		{
			st = AKH_ETOOBIG;
			goto done;
		}
		nactors++;
	}
	if (nactors > 1)
		sort_keyed(k, nactors, scratch.data);
	if (place_key_len > AKH_EVENT_NAME_MAX)
	{
		st = AKH_ETOOBIG;
		goto done;
	}

	if ((st = akh_buf_reserve(out, PACK_HEADER)) != AKH_OK)
		goto done;
	h = out->data + out->len;
	memset(h, 0, PACK_HEADER);
	h[0] = PACK_VERSION;
	h[1] = (char) in->kind;
	h[2] = (char) ((in->has_period ? FLAG_PERIOD : 0) | (in->place != NULL ? FLAG_PLACE : 0));
	if (in->has_period)
	{
		memcpy(h + 4, &in->lo, 4);
		memcpy(h + 8, &in->hi, 4);
	}
	out->len += PACK_HEADER;
	if (in->place != NULL &&
		(st = append_name(out, in->place, in->place_len, scratch.data, place_key_len)) != AKH_OK)
		goto done;
	{
		size_t		unique = 0;

		for (size_t i = 0; i < nactors; i++)
		{
			if (i > 0 && key_cmp(scratch.data + k[i].key_off, k[i].key_len,
								 scratch.data + k[i - 1].key_off, k[i - 1].key_len) == 0)
				continue;
			if ((st = append_name(out, k[i].name, k[i].name_len, scratch.data + k[i].key_off,
								  k[i].key_len)) != AKH_OK)
				goto done;
			unique++;
		}
		put_u16(out->data + start + 12, unique);
	}

done:
	if (st != AKH_OK)
		out->len = start;
	if (k != NULL)
		env->free(env->ctx, k);
	akh_buf_free(&scratch);
	return st;
}

/* Reads one name record at *off; false when it runs past n. */
static bool
read_name(const char *p, size_t n, size_t *off, const char **name, size_t *name_len,
		  const char **key, size_t *key_len)
{
	size_t		o = *off;

	if (n - o < 2 || (*name_len = get_u16(p + o)) > n - o - 2)
		return false;
	*name = p + o + 2;
	o += 2 + *name_len;
	if (n - o < 2 || (*key_len = get_u16(p + o)) > n - o - 2)
		return false;
	*key = p + o + 2;
	*off = o + 2 + *key_len;
	return true;
}

bool
akh_event_view_of(const char *p, size_t n, akh_event_view *v)
{
	size_t		off = PACK_HEADER;
	const char *prev_key = NULL;
	size_t		prev_len = 0;

	if (n < PACK_HEADER || p[0] != PACK_VERSION || (unsigned char) p[1] >= AKH_EV_NKINDS ||
		(p[2] & ~(FLAG_PERIOD | FLAG_PLACE)) != 0)
		return false;
	v->kind = (unsigned char) p[1];
	v->has_period = (p[2] & FLAG_PERIOD) != 0;
	memcpy(&v->lo, p + 4, 4);
	memcpy(&v->hi, p + 8, 4);
	if (v->has_period && v->hi <= v->lo)
		return false;
	v->nactors = get_u16(p + 12);
	v->place = v->place_key = NULL;
	v->place_len = v->place_key_len = 0;
	if ((p[2] & FLAG_PLACE) &&
		!read_name(p, n, &off, &v->place, &v->place_len, &v->place_key, &v->place_key_len))
		return false;
	v->actors = (const unsigned char *) p + off;
	/* Every actor record in bounds, keys strictly increasing, nothing after the last. */
	for (size_t i = 0; i < v->nactors; i++)
	{
		const char *name;
		const char *key;
		size_t		name_len;
		size_t		key_len;

		if (!read_name(p, n, &off, &name, &name_len, &key, &key_len))
			return false;
		if (prev_key != NULL && key_cmp(prev_key, prev_len, key, key_len) >= 0)
			return false;
		prev_key = key;
		prev_len = key_len;
	}
	return off == n;
}

void
akh_event_actor(const akh_event_view *v, size_t *cursor, const char **name, size_t *name_len,
				const char **key, size_t *key_len)
{
	const unsigned char *p = v->actors + *cursor;

	*name_len = get_u16(p);
	*name = (const char *) p + 2;
	*key_len = get_u16(p + 2 + *name_len);
	*key = (const char *) p + 4 + *name_len;
	*cursor += 4 + *name_len + *key_len;
}

/* ---- the text literal ------------------------------------------------------------------ */

void
akh_event_format_day(int32_t days, char out[16])
{
	int			y;
	int			m;
	int			d;

	akh_civil_from_days(days, &y, &m, &d);
	/* Years stay within 1..9999: the parser and the extractor make no others. */
	out[0] = (char) ('0' + (y / 1000) % 10);
	out[1] = (char) ('0' + (y / 100) % 10);
	out[2] = (char) ('0' + (y / 10) % 10);
	out[3] = (char) ('0' + y % 10);
	out[4] = '-';
	out[5] = (char) ('0' + m / 10);
	out[6] = (char) ('0' + m % 10);
	out[7] = '-';
	out[8] = (char) ('0' + d / 10);
	out[9] = (char) ('0' + d % 10);
	out[10] = 0;
}

bool
akh_event_parse_day(const char *s, size_t n, int32_t *days)
{
	int			v[3] = {0, 0, 0};
	static const size_t widths[3] = {4, 2, 2};
	size_t		i = 0;

	for (int part = 0; part < 3; part++)
	{
		if (part > 0 && (i >= n || s[i++] != '-'))
			return false;
		for (size_t w = 0; w < widths[part]; w++, i++)
		{
			if (i >= n || s[i] < '0' || s[i] > '9')
				return false;
			v[part] = v[part] * 10 + (s[i] - '0');
		}
	}
	if (i != n || v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1)
		return false;
	*days = akh_days_from_civil(v[0], v[1], v[2]);
	{
		int			y;
		int			m;
		int			d;

		/* 2023-02-30 comes back as March: not a date. */
		akh_civil_from_days(*days, &y, &m, &d);
		return y == v[0] && m == v[1] && d == v[2];
	}
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
is_special(char c)
{
	return strchr("{}[](),@\"\\", c) != NULL && c != 0;
}

static size_t
skip_blanks(const char *s, size_t n, size_t i)
{
	while (i < n && is_blank(s[i]))
		i++;
	return i;
}

/* A name: quoted, or up to one of stops, trimmed. Appends it, unescaped, to buf. */
static bool
parse_name(const char *s, size_t n, size_t *pos, const char *stops, akh_buf *buf,
		   akh_event_error *err)
{
	size_t		i = skip_blanks(s, n, *pos);

	if (i < n && s[i] == '"')
	{
		for (i++;; i++)
		{
			if (i >= n)
			{
				/* n, not i: after a final backslash i is past the end */
				err->pos = n;
				err->detail = "a quoted name is not closed";
				return false;
			}
			if (s[i] == '"')
				break;
			if (s[i] == '\\' && ++i >= n)
				continue;		/* reported as not closed above */
			if (akh_buf_append(buf, s + i, 1) != AKH_OK)
				return false;
		}
		*pos = skip_blanks(s, n, i + 1);
		return true;
	}
	{
		size_t		start = i;
		size_t		end;

		/* memchr, not strchr: a NUL is a byte of the name, as print_name writes it. */
		while (i < n && memchr(stops, s[i], strlen(stops)) == NULL)
		{
			if (is_special(s[i]))
			{
				err->pos = i;
				err->detail = "names holding any of {}[](),@\"\\ must be double-quoted";
				return false;
			}
			i++;
		}
		end = i;
		while (end > start && is_blank(s[end - 1]))
			end--;
		if (end == start)
		{
			err->pos = start;
			err->detail = "a name is empty";
			return false;
		}
		*pos = i;
		return akh_buf_append(buf, s + start, end - start) == AKH_OK;
	}
}

/* A day bound of the period: YYYY-MM-DD. */
static bool
parse_bound(const char *s, size_t n, size_t *pos, int32_t *days, akh_event_error *err)
{
	size_t		i = skip_blanks(s, n, *pos);
	size_t		start = i;

	while (i < n && (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')))
		i++;
	if (!akh_event_parse_day(s + start, i - start, days))
	{
		err->pos = start;
		err->detail = "expected a date YYYY-MM-DD between 0001-01-01 and 9999-12-31";
		return false;
	}
	*pos = skip_blanks(s, n, i);
	return true;
}

akh_status
akh_event_parse(const akh_folder *f, const char *s, size_t n, akh_buf *out,
				akh_event_error *err)
{
	const akh_env *env = out->env;
	akh_event_input in;
	akh_buf		names;			/* unescaped names, one after the other */
	size_t		offs[AKH_EVENT_ACTORS_MAX + 1];
	const char *ptrs[AKH_EVENT_ACTORS_MAX];
	size_t		lens[AKH_EVENT_ACTORS_MAX];
	size_t		nactors = 0;
	size_t		place_off = 0;
	size_t		i;
	size_t		start;
	bool		has_place = false;
	akh_status	st = AKH_ETOOBIG;

	memset(&in, 0, sizeof(in));
	err->pos = 0;
	err->detail = NULL;
	akh_buf_init(&names, env);

	/* kind */
	i = skip_blanks(s, n, 0);
	start = i;
	while (i < n && s[i] >= 'a' && s[i] <= 'z')
		i++;
	if ((in.kind = akh_event_kind_from_name(s + start, i - start)) < 0)
	{
		err->pos = start;
		err->detail = "expected an event kind: meet, call, visit, summit, statement, agreement, "
			"sanction, attack, protest, election, vote or disaster";
		goto done;
	}
	i = skip_blanks(s, n, i);

	/* {actors} */
	if (i >= n || s[i] != '{')
	{
		err->pos = i;
		err->detail = "expected \"{\" and the actors after the kind";
		goto done;
	}
	i = skip_blanks(s, n, i + 1);
	if (i < n && s[i] == '}')
		i++;
	else
		for (;;)
		{
			if (nactors == AKH_EVENT_ACTORS_MAX)
			{
				err->pos = i;
				err->detail = "an event holds at most 1000 actors";
				goto done;
			}
			offs[nactors] = names.len;
			if (!parse_name(s, n, &i, ",}", &names, err))
				goto done;
			lens[nactors] = names.len - offs[nactors];
			nactors++;
			if (i < n && s[i] == ',')
			{
				i++;
				continue;
			}
			if (i < n && s[i] == '}')
			{
				i++;
				break;
			}
			err->pos = i;
			err->detail = "expected \",\" or \"}\" after an actor";
			goto done;
		}
	i = skip_blanks(s, n, i);

	/* @place */
	if (i < n && s[i] == '@')
	{
		i++;
		place_off = names.len;
		if (!parse_name(s, n, &i, "[(", &names, err))
			goto done;
		has_place = true;
	}

	/* [lo,hi) */
	if (i < n && (s[i] == '[' || s[i] == '('))
	{
		bool		lo_open = s[i] == '(';
		size_t		hi_pos;

		i++;
		if (!parse_bound(s, n, &i, &in.lo, err))
			goto done;
		if (i >= n || s[i] != ',')
		{
			err->pos = i;
			err->detail = "expected \",\" between the two dates of the period";
			goto done;
		}
		i++;
		hi_pos = skip_blanks(s, n, i);
		if (!parse_bound(s, n, &i, &in.hi, err))
			goto done;
		if (i >= n || (s[i] != ')' && s[i] != ']'))
		{
			err->pos = i;
			err->detail = "expected \")\" or \"]\" to close the period";
			goto done;
		}
		in.lo += lo_open;
		in.hi += s[i] == ']';
		if (in.hi <= in.lo)
		{
			err->pos = hi_pos;
			err->detail = "the period is empty: its end must come after its start";
			goto done;
		}
		in.has_period = true;
		i = skip_blanks(s, n, i + 1);
	}
	if (i != n)
	{
		err->pos = i;
		err->detail = "unexpected characters after the event (expected @place, then [start,end))";
		goto done;
	}

	/*
	 * An empty name ("") names nobody and nowhere: an empty actor is dropped by akh_event_pack
	 * (as every actor that folds to nothing), an empty place here. names.data is NULL while
	 * every name is empty: no pointer is made from it then.
	 */
	for (size_t a = 0; a < nactors; a++)
		ptrs[a] = lens[a] > 0 ? names.data + offs[a] : "";
	in.nactors = nactors;
	in.actors = ptrs;
	in.actor_lens = lens;
	if (has_place && names.len > place_off)
	{
		in.place = names.data + place_off;
		in.place_len = names.len - place_off;
	}
	if ((st = akh_event_pack(f, &in, out)) == AKH_ETOOBIG)
	{
		err->pos = 0;
		err->detail = "a name is longer than 1000 bytes";
	}
	else if (st == AKH_EUTF8)
	{
		err->pos = 0;
		err->detail = "a name is not valid UTF-8";
	}

done:
	akh_buf_free(&names);
	return st;
}

/* Appends a name, quoted when it must be. */
static akh_status
print_name(const char *s, size_t n, akh_buf *out)
{
	bool		quote = n == 0 || is_blank(s[0]) || is_blank(s[n - 1]);
	akh_status	st;

	for (size_t i = 0; i < n && !quote; i++)
		quote = is_special(s[i]);
	if (!quote)
		return akh_buf_append(out, s, n);
	if ((st = akh_buf_append(out, "\"", 1)) != AKH_OK)
		return st;
	for (size_t i = 0; i < n; i++)
	{
		if ((s[i] == '"' || s[i] == '\\') && (st = akh_buf_append(out, "\\", 1)) != AKH_OK)
			return st;
		if ((st = akh_buf_append(out, s + i, 1)) != AKH_OK)
			return st;
	}
	return akh_buf_append(out, "\"", 1);
}

akh_status
akh_event_print(const akh_event_view *v, akh_buf *out)
{
	const char *kind = akh_event_kind_name(v->kind);
	size_t		cursor = 0;
	akh_status	st;

	if ((st = akh_buf_append(out, kind, strlen(kind))) != AKH_OK ||
		(st = akh_buf_append(out, "{", 1)) != AKH_OK)
		return st;
	for (size_t i = 0; i < v->nactors; i++)
	{
		const char *name;
		const char *key;
		size_t		name_len;
		size_t		key_len;

		akh_event_actor(v, &cursor, &name, &name_len, &key, &key_len);
		if ((i > 0 && (st = akh_buf_append(out, ",", 1)) != AKH_OK) ||
			(st = print_name(name, name_len, out)) != AKH_OK)
			return st;
	}
	if ((st = akh_buf_append(out, "}", 1)) != AKH_OK)
		return st;
	if (v->place != NULL &&
		((st = akh_buf_append(out, "@", 1)) != AKH_OK ||
		 (st = print_name(v->place, v->place_len, out)) != AKH_OK))
		return st;
	if (v->has_period)
	{
		char		lo[16];
		char		hi[16];

		/*
		 * A period that ends with 9999-12-31 ends before 10000-01-01, which YYYY-MM-DD cannot
		 * write: it is written with its last day, [lo,9999-12-31].
		 */
		bool		closed = v->hi == DAY_AFTER_9999;

		akh_event_format_day(v->lo, lo);
		akh_event_format_day(closed ? v->hi - 1 : v->hi, hi);
		if ((st = akh_buf_append(out, "[", 1)) != AKH_OK ||
			(st = akh_buf_append(out, lo, 10)) != AKH_OK ||
			(st = akh_buf_append(out, ",", 1)) != AKH_OK ||
			(st = akh_buf_append(out, hi, 10)) != AKH_OK ||
			(st = akh_buf_append(out, closed ? "]" : ")", 1)) != AKH_OK)
			return st;
	}
	return AKH_OK;
}

/* ---- the same event -------------------------------------------------------------------- */

/* Days between two periods, 0 when they overlap. */
static int64_t
gap_days(int32_t alo, int32_t ahi, int32_t blo, int32_t bhi)
{
	if (ahi <= blo)
		return (int64_t) blo - ahi + 1;
	if (bhi <= alo)
		return (int64_t) alo - bhi + 1;
	return 0;
}

/* Actors a and b have in common (both sorted by key, unique). */
static size_t
common_actors(const akh_event_view *a, const akh_event_view *b, bool stop_at_one)
{
	size_t		ca = 0;
	size_t		cb = 0;
	size_t		ia = 0;
	size_t		ib = 0;
	size_t		common = 0;
	const char *na;
	const char *nb;
	const char *ka = NULL;
	const char *kb = NULL;
	size_t		nal;
	size_t		nbl;
	size_t		kal = 0;
	size_t		kbl = 0;

	if (a->nactors == 0 || b->nactors == 0)
		return 0;
	akh_event_actor(a, &ca, &na, &nal, &ka, &kal);
	akh_event_actor(b, &cb, &nb, &nbl, &kb, &kbl);
	for (;;)
	{
		int			c = key_cmp(ka, kal, kb, kbl);

		if (c == 0)
		{
			common++;
			if (stop_at_one)
				return common;
		}
		if (c <= 0)
		{
			if (++ia == a->nactors)
				break;
			akh_event_actor(a, &ca, &na, &nal, &ka, &kal);
		}
		if (c >= 0)
		{
			if (++ib == b->nactors)
				break;
			akh_event_actor(b, &cb, &nb, &nbl, &kb, &kbl);
		}
	}
	return common;
}

static bool
same_place(const akh_event_view *a, const akh_event_view *b)
{
	return a->place != NULL && b->place != NULL &&
		key_cmp(a->place_key, a->place_key_len, b->place_key, b->place_key_len) == 0;
}

bool
akh_event_same(const akh_event_view *a, const akh_event_view *b, int window)
{
	if (!akh_event_kinds_compatible(a->kind, b->kind) || !a->has_period || !b->has_period ||
		gap_days(a->lo, a->hi, b->lo, b->hi) > window)
		return false;
	if (a->nactors == 0 || b->nactors == 0)
		return same_place(a, b);
	if (a->place != NULL && b->place != NULL && !same_place(a, b))
		return false;
	return common_actors(a, b, true) > 0;
}

/*
 * Time weighs most: the same people meet again and again, so a match of actors a year apart
 * must score below a report of the next day that names one actor of two.
 */
#define W_KIND 0.15
#define W_ACTORS 0.3
#define W_PLACE 0.15
#define W_TIME 0.4
#define TIME_SCALE 3.0			/* days apart at which the time score halves */

double
akh_event_similarity(const akh_event_view *a, const akh_event_view *b)
{
	double		kind = a->kind == b->kind ? 1.0 :
		akh_event_kinds_compatible(a->kind, b->kind) ? 0.5 : 0.0;
	double		actors;
	double		place;
	double		time = 0.0;

	if (a->nactors == 0 && b->nactors == 0)
		actors = 1.0;
	else if (a->nactors == 0 || b->nactors == 0)
		actors = 0.5;
	else
	{
		size_t		common = common_actors(a, b, false);

		actors = (double) common / (double) (a->nactors + b->nactors - common);
	}
	if (a->place == NULL || b->place == NULL)
		place = 0.5;
	else
		place = same_place(a, b) ? 1.0 : 0.0;
	if (a->has_period && b->has_period)
		time = 1.0 / (1.0 + (double) gap_days(a->lo, a->hi, b->lo, b->hi) / TIME_SCALE);
	return W_KIND * kind + W_ACTORS * actors + W_PLACE * place + W_TIME * time;
}

int
akh_event_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	return key_cmp(a, an, b, bn);
}

/* ---- the GiST box ---------------------------------------------------------------------- */

static uint64_t
hash_key(const char *s, size_t n)
{
	uint64_t	h = 14695981039346656037ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char) s[i]) * 1099511628211ULL;
	return h ^ (h >> 29);
}

void
akh_event_box_of(const akh_event_view *v, akh_event_box *box)
{
	size_t		cursor = 0;

	memset(box, 0, sizeof(*box));
	box->kinds = (uint16_t) (1u << v->kind);
	if (v->has_period)
	{
		box->flags |= AKH_BOX_PERIOD;
		box->lo = v->lo;
		box->hi = v->hi;
	}
	else
		box->flags |= AKH_BOX_NO_PERIOD;
	if (v->place != NULL)
		box->places = 1ULL << (hash_key(v->place_key, v->place_key_len) & 63);
	else
		box->flags |= AKH_BOX_NO_PLACE;
	if (v->nactors == 0)
		box->flags |= AKH_BOX_NO_ACTORS;
	for (size_t i = 0; i < v->nactors; i++)
	{
		const char *name;
		const char *key;
		size_t		name_len;
		size_t		key_len;
		uint64_t	h;

		akh_event_actor(v, &cursor, &name, &name_len, &key, &key_len);
		h = hash_key(key, key_len) & (AKH_BOX_ACTOR_WORDS * 64 - 1);
		box->actors[h >> 6] |= 1ULL << (h & 63);
	}
}

void
akh_event_box_union(akh_event_box *acc, const akh_event_box *b)
{
	if (b->flags & AKH_BOX_PERIOD)
	{
		if (!(acc->flags & AKH_BOX_PERIOD))
		{
			acc->lo = b->lo;
			acc->hi = b->hi;
		}
		else
		{
			if (b->lo < acc->lo)
				acc->lo = b->lo;
			if (b->hi > acc->hi)
				acc->hi = b->hi;
		}
	}
	acc->kinds |= b->kinds;
	acc->flags |= b->flags;
	for (int i = 0; i < AKH_BOX_ACTOR_WORDS; i++)
		acc->actors[i] |= b->actors[i];
	acc->places |= b->places;
}

/* The box's actor signature shares a bit with q's actors (qb: the box of q). */
static bool
actors_may_meet(const akh_event_box *box, const akh_event_box *qb)
{
	for (int i = 0; i < AKH_BOX_ACTOR_WORDS; i++)
		if (box->actors[i] & qb->actors[i])
			return true;
	return false;
}

static bool
place_may_be(const akh_event_box *box, const akh_event_box *qb)
{
	return (box->places & qb->places) != 0;
}

bool
akh_event_box_may_match(const akh_event_box *box, const akh_event_view *q,
						const akh_event_box *qb, int window)
{
	if (!(box->kinds & compatible_mask(q->kind)) || !q->has_period ||
		!(box->flags & AKH_BOX_PERIOD) || gap_days(box->lo, box->hi, q->lo, q->hi) > window)
		return false;
	/* Members with no place, or q's: actors decide; members without actors need q's place. */
	if (q->place != NULL && !place_may_be(box, qb) && !(box->flags & AKH_BOX_NO_PLACE))
		return false;
	if (q->nactors == 0)
		return q->place != NULL && place_may_be(box, qb);
	return actors_may_meet(box, qb) ||
		((box->flags & AKH_BOX_NO_ACTORS) && q->place != NULL && place_may_be(box, qb));
}

double
akh_event_box_distance(const akh_event_box *box, const akh_event_view *q, const akh_event_box *qb)
{
	double		kind = 0.0;
	double		actors;
	double		place;
	double		time = 0.0;

	for (int k = 0; k < AKH_EV_NKINDS; k++)
		if ((box->kinds >> k) & 1)
		{
			double		s = k == q->kind ? 1.0 : akh_event_kinds_compatible(k, q->kind) ? 0.5 : 0.0;

			if (s > kind)
				kind = s;
		}
	if (q->nactors == 0)
		actors = (box->flags & AKH_BOX_NO_ACTORS) ? 1.0 : 0.5;
	else
		actors = actors_may_meet(box, qb) ? 1.0 : (box->flags & AKH_BOX_NO_ACTORS) ? 0.5 : 0.0;
	if (q->place == NULL)
		place = 0.5;
	else
		place = place_may_be(box, qb) ? 1.0 : (box->flags & AKH_BOX_NO_PLACE) ? 0.5 : 0.0;
	if (q->has_period && (box->flags & AKH_BOX_PERIOD))
		time = 1.0 / (1.0 + (double) gap_days(box->lo, box->hi, q->lo, q->hi) / TIME_SCALE);
	return 1.0 - (W_KIND * kind + W_ACTORS * actors + W_PLACE * place + W_TIME * time);
}

static int
popcount64(uint64_t x)
{
	return __builtin_popcountll(x);
}

double
akh_event_box_penalty(const akh_event_box *a, const akh_event_box *b)
{
	akh_event_box u = *a;
	double		days;
	int			bits = 0;

	akh_event_box_union(&u, b);
	days = (a->flags & AKH_BOX_PERIOD) ? (double) ((int64_t) u.hi - u.lo) - ((int64_t) a->hi - a->lo)
		: (b->flags & AKH_BOX_PERIOD) ? 1.0 : 0.0;
	for (int i = 0; i < AKH_BOX_ACTOR_WORDS; i++)
		bits += popcount64(u.actors[i]) - popcount64(a->actors[i]);
	bits += popcount64(u.places) - popcount64(a->places);
	bits += popcount64(u.kinds) - popcount64(a->kinds);
	/* Time first: the tree is a calendar; within a period, fewer new names. */
	return days + bits / 1024.0;
}
