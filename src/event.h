/*
 * event.h — the value of an akhbar.event: what happened (a kind), who took part (a set of
 * actors), where (a place) and when (a period of days); its text literal, its packed form and
 * the "same event" rules (see event.c for the design).
 */
#ifndef AKH_EVENT_H
#define AKH_EVENT_H

#include "fold.h"

typedef enum akh_event_kind
{
	AKH_EV_MEET = 0,
	AKH_EV_CALL,
	AKH_EV_VISIT,
	AKH_EV_SUMMIT,
	AKH_EV_STATEMENT,
	AKH_EV_AGREEMENT,
	AKH_EV_SANCTION,
	AKH_EV_ATTACK,
	AKH_EV_PROTEST,
	AKH_EV_ELECTION,
	AKH_EV_VOTE,
	AKH_EV_DISASTER,
	AKH_EV_NKINDS
} akh_event_kind;

/* "meet", "call", ... */
extern const char *akh_event_kind_name(int kind);

/* The kind named s[0..n), or -1. */
extern int	akh_event_kind_from_name(const char *s, size_t n);

/*
 * Two kinds that can report one event: the same kind; a visit, a meeting, a summit and the
 * agreements signed there; an election and its vote.
 */
extern bool akh_event_kinds_compatible(int a, int b);

/* What an event is made of, before packing. Strings need not be NUL-terminated. */
typedef struct akh_event_input
{
	int			kind;
	bool		has_period;
	int32_t		lo;				/* days since 2000-01-01; the period is [lo, hi) */
	int32_t		hi;
	const char *place;			/* NULL: the text names no place */
	size_t		place_len;
	size_t		nactors;
	const char *const *actors;
	const size_t *actor_lens;
} akh_event_input;

/* Longest actor or place name, in bytes; most actors an event holds. */
#define AKH_EVENT_NAME_MAX 1000
#define AKH_EVENT_ACTORS_MAX 1000

/*
 * Appends the packed form of in to out: actors are compared by their folded form, sorted by it
 * and made unique (so {Lavrov, lavrov} is one actor). AKH_ETOOBIG past the limits above or for
 * an empty period, AKH_EUTF8 for a name that is not UTF-8.
 */
extern akh_status akh_event_pack(const akh_folder *f, const akh_event_input *in, akh_buf *out);

/* A packed event, read in place. */
typedef struct akh_event_view
{
	int			kind;
	bool		has_period;
	int32_t		lo;
	int32_t		hi;
	const char *place;			/* NULL when there is none */
	size_t		place_len;
	const char *place_key;		/* folded */
	size_t		place_key_len;
	size_t		nactors;
	const unsigned char *actors;	/* nactors records: u16 len, name, u16 len, folded name */
} akh_event_view;

/* Reads and checks a packed event (from disk or the network): false when it is malformed. */
extern bool akh_event_view_of(const char *p, size_t n, akh_event_view *v);

/* Actor i of v (its name and its folded key); call in order i = 0, 1, ... with *cursor = 0. */
extern void akh_event_actor(const akh_event_view *v, size_t *cursor, const char **name,
							size_t *name_len, const char **key, size_t *key_len);

/* Where a literal went wrong: the byte offset and what was expected there. */
typedef struct akh_event_error
{
	size_t		pos;
	const char *detail;
} akh_event_error;

/*
 * Parses the text literal  kind{actor,actor,...}@place[lo,hi)  — place and period optional,
 * names double-quoted when they hold any of {}[](),@"\ or blanks at either end (with \" and
 * \\ inside); an empty name ("") names nobody and nowhere — and appends its packed form to
 * out. AKH_ETOOBIG with *err filled for a malformed literal.
 */
extern akh_status akh_event_parse(const akh_folder *f, const char *s, size_t n, akh_buf *out,
								  akh_event_error *err);

/*
 * Appends the text literal of v to out (what akh_event_parse reads back): the period as
 * [lo,hi), or [lo,9999-12-31] when it ends with that day.
 */
extern akh_status akh_event_print(const akh_event_view *v, akh_buf *out);

/* Days since 2000-01-01 as YYYY-MM-DD, and back (false unless a valid date in years 1..9999). */
extern void akh_event_format_day(int32_t days, char out[16]);
extern bool akh_event_parse_day(const char *s, size_t n, int32_t *days);

/* ---- the same event ------------------------------------------------------------------- */

/*
 * a and b report the same event: compatible kinds; periods at most window days apart (both
 * known); places equal or one unknown; actors sharing one — or, when either has no actors,
 * both at the same named place.
 */
extern bool akh_event_same(const akh_event_view *a, const akh_event_view *b, int window);

/*
 * 0..1: 0.15 kind (1 same, 0.5 compatible) + 0.3 actors (Jaccard; 1 when both have none, 0.5
 * when one has none) + 0.15 place (1 equal, 0.5 when one is unknown) + 0.4 time (1 when the
 * periods overlap, 1 / (1 + days apart / 3) otherwise, 0 when one is unknown).
 */
extern double akh_event_similarity(const akh_event_view *a, const akh_event_view *b);

/* Bytewise order of the packed forms: a total order for btree and DISTINCT. */
extern int	akh_event_cmp(const char *a, size_t an, const char *b, size_t bn);

/*
 * The box of a set of events, the key of the GiST index: the kinds, the period hull, 512-bit
 * signatures of actors and 64-bit signatures of places, and what some members lack.
 */
#define AKH_BOX_NO_PERIOD 1
#define AKH_BOX_NO_PLACE 2
#define AKH_BOX_NO_ACTORS 4
#define AKH_BOX_PERIOD 8

#define AKH_BOX_ACTOR_WORDS 8

typedef struct akh_event_box
{
	uint16_t	kinds;
	uint16_t	flags;
	int32_t		lo;				/* hull of the known periods (flag AKH_BOX_PERIOD) */
	int32_t		hi;
	uint64_t	actors[AKH_BOX_ACTOR_WORDS];
	uint64_t	places;
} akh_event_box;

extern void akh_event_box_of(const akh_event_view *v, akh_event_box *box);
extern void akh_event_box_union(akh_event_box *acc, const akh_event_box *b);

/*
 * Some member of box might be the same event as q (no false negatives); qb is the box of q
 * (akh_event_box_of), computed once per query.
 */
extern bool akh_event_box_may_match(const akh_event_box *box, const akh_event_view *q,
									const akh_event_box *qb, int window);

/* A lower bound of 1 - similarity(q, m) over the members m of box (qb: the box of q). */
extern double akh_event_box_distance(const akh_event_box *box, const akh_event_view *q,
									 const akh_event_box *qb);

/* How much a grows to take b in: days of period hull, then signature bits. */
extern double akh_event_box_penalty(const akh_event_box *a, const akh_event_box *b);

#endif							/* AKH_EVENT_H */
