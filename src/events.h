/*
 * events.h — events of a text: triggers from data/triggers.tsv, with the actors, place and
 * period found around them, and the one event the article is about (see events.c).
 */
#ifndef AKH_EVENTS_H
#define AKH_EVENTS_H

#include "dates.h"
#include "event.h"
#include "gazetteer.h"

/* The trigger phrases and function words, folded once. */
typedef struct akh_event_lexicon akh_event_lexicon;

extern akh_status akh_event_lexicon_new(const akh_folder *f, const akh_env *env,
										akh_event_lexicon **out);
extern void akh_event_lexicon_free(akh_event_lexicon *x);

/* Most actors an extracted event takes (the nearest to its trigger). */
#define AKH_FOUND_ACTORS 6
#define AKH_NO_MENTION SIZE_MAX

typedef struct akh_found_event
{
	int			kind;
	size_t		byte_start;		/* the trigger, in the original text */
	size_t		byte_len;
	size_t		char_start;
	size_t		char_len;
	size_t		tok_first;		/* its words */
	size_t		tok_end;
	bool		has_period;		/* false only without a date in the text nor a publication date
								 * (of years 1..9999, what a literal writes) */
	bool		dated;			/* the period comes from a date of the text */
	int32_t		lo;
	int32_t		hi;
	size_t		nactors;
	size_t		actors[AKH_FOUND_ACTORS];	/* indexes into the mentions */
	size_t		place;			/* a mention index, or AKH_NO_MENTION */
	bool		main;
} akh_found_event;

typedef struct akh_found_events
{
	akh_found_event *e;
	size_t		n;
	size_t		cap;
	const akh_env *env;
} akh_found_events;

extern void akh_found_events_init(akh_found_events *e, const akh_env *env);
extern void akh_found_events_free(akh_found_events *e);

/*
 * The events of s: t its words, m its mentions (akh_gaz_extract_tokens_at on t), d its dates
 * (akh_dates_find on t), published the publication date (days since 2000-01-01) or
 * AKH_NO_DATE. Periods stay within years 1..9999, which the literal writes: a publication
 * date outside them counts as none. In text order; at most one event per kind and sentence;
 * exactly one marked main when there is any.
 */
extern akh_status akh_events_find(const akh_event_lexicon *x, const akh_gazetteer *g,
								  const char *s, const akh_tokens *t, const akh_mentions *m,
								  const akh_dates *d, int32_t published, akh_found_events *out);

/*
 * Appends the packed akhbar.event of e to out: actors and place by the gazetteer's name of
 * their entity (name_en), or by the name key of the surface for an unknown name.
 */
extern akh_status akh_found_event_pack(const akh_folder *f, const akh_gazetteer *g,
									   const char *s, const akh_mentions *m,
									   const akh_found_event *e, akh_buf *out);

#endif							/* AKH_EVENTS_H */
