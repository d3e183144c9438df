/*
 * gazetteer.h — the entity matcher: a trie over folded words built from gazetteer aliases,
 * and the extraction of the mentions of a text (see gazetteer.c).
 */
#ifndef AKH_GAZETTEER_H
#define AKH_GAZETTEER_H

#include "tokenize.h"

typedef enum akh_kind
{
	AKH_KIND_PERSON = 0,
	AKH_KIND_PLACE = 1,
	AKH_KIND_ORG = 2
} akh_kind;

typedef struct akh_gazetteer akh_gazetteer;

extern akh_status akh_gaz_new(const akh_folder *f, const akh_env *env, akh_gazetteer **out);
extern void akh_gaz_free(akh_gazetteer *g);

/*
 * Adds an entity of a country (ISO 3166-1 alpha-2, or NULL); *index receives its index, which
 * names it in akh_gaz_add_alias and in mentions.
 */
extern akh_status akh_gaz_add_entity(akh_gazetteer *g, int64_t id, akh_kind kind,
									 const char *name, size_t name_len, const char *country,
									 uint32_t *index);

/*
 * Adds the offices a person holds or held: "role:CC:from-to" items separated by ';' (to empty
 * while in office), as in the roles column of the people files. Unknown roles are skipped.
 */
extern akh_status akh_gaz_add_roles(akh_gazetteer *g, uint32_t index, const char *roles, size_t len);

/*
 * Adds a way of writing the entity. An adjective ("russe", "alrwsy") is recognised so that it
 * is not mistaken for something else, but is not reported as a mention of the entity. An alias
 * written in capitals ("UN", "EAU") only matches capitals in the text; one with a capital
 * first letter ("Nice", "Quad") only matches a capitalized word.
 */
extern akh_status akh_gaz_add_alias(akh_gazetteer *g, uint32_t index, const char *alias,
									size_t alias_len, bool adjective);

/*
 * Word k of t (the words of text s) is a word of a name of the gazetteer, as written or
 * after Arabic clitics ("Poutine", "lbwtyn"): the text search parser does not stem it.
 * *key_byte_start receives where the name starts in s (after the clitics and article).
 */
extern bool akh_gaz_name_word(const akh_gazetteer *g, const char *s, const akh_tokens *t,
							  size_t k, size_t *key_byte_start);

extern size_t akh_gaz_entity_count(const akh_gazetteer *g);
extern int64_t akh_gaz_entity_id(const akh_gazetteer *g, uint32_t index);
extern akh_kind akh_gaz_entity_kind(const akh_gazetteer *g, uint32_t index);
/* The two letters of the entity's ISO country code (not NUL-terminated), or NULL. */
extern const char *akh_gaz_entity_country(const akh_gazetteer *g, uint32_t index);
/* A place that has adjectives (russe, alrwsy, européen): a country or a region, not a city. */
extern bool akh_gaz_entity_is_region(const akh_gazetteer *g, uint32_t index);
extern const char *akh_gaz_entity_name(const akh_gazetteer *g, uint32_t index, size_t *len);

/* Bytes the gazetteer holds. */
extern size_t akh_gaz_memory(const akh_gazetteer *g);

#define AKH_NO_ENTITY UINT32_MAX

typedef struct akh_mention
{
	uint32_t	entity;			/* entity index, or AKH_NO_ENTITY for an unknown name */
	akh_kind	kind;
	size_t		byte_start;		/* the surface, in the original text */
	size_t		byte_len;
	size_t		char_start;		/* 0-based code points */
	size_t		char_len;
	size_t		key_byte_start; /* where the matched key starts: after the article of an
								 * Arabic name (alsyn: syn), for the text search parser */
	bool		adjective;		/* a country adjective (russe, alrwsy): not a mention of the
								 * country for entities(), but text search indexes it */
} akh_mention;

typedef struct akh_mentions
{
	akh_mention *m;
	size_t		n;
	size_t		cap;
	const akh_env *env;
} akh_mentions;

extern void akh_mentions_init(akh_mentions *m, const akh_env *env);
extern void akh_mentions_free(akh_mentions *m);

/*
 * The mentions of s[0..n), in text order, never overlapping, country adjectives included
 * (flagged). Allocations through env.
 */
extern akh_status akh_gaz_extract(const akh_gazetteer *g, const char *s, size_t n,
								  const akh_env *env, akh_mentions *out);

/* The same on the words of s, already made by akh_tokenize (the text search parser has them). */
extern akh_status akh_gaz_extract_tokens(const akh_gazetteer *g, const char *s,
										 const akh_tokens *words, const akh_env *env,
										 akh_mentions *out);

/*
 * The same, with offices ("le président russe") resolved to whoever held them in year (the
 * year of publication of an article; 0: today).
 */
extern akh_status akh_gaz_extract_tokens_at(const akh_gazetteer *g, const char *s,
											const akh_tokens *words, int year,
											const akh_env *env, akh_mentions *out);

#endif							/* AKH_GAZETTEER_H */
