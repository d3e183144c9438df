/*
 * akhbar 0.1 — install script.
 *
 * Every reference is schema-qualified (pg_catalog or @extschema@), so the script means the
 * same whatever search_path the installing user has: the extension is trusted.
 */

\echo Use "CREATE EXTENSION akhbar" to load this file. \quit

-- akhbar reads and writes UTF-8 only: refuse other databases before creating anything.
DO $$
BEGIN
	IF pg_catalog.getdatabaseencoding() OPERATOR(pg_catalog.<>) 'UTF8' THEN
		RAISE EXCEPTION 'akhbar requires a database with encoding UTF8'
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = pg_catalog.format('The encoding of database "%s" is %s.',
											 pg_catalog.current_database(),
											 pg_catalog.getdatabaseencoding()),
				  HINT = 'Create a database with CREATE DATABASE ... ENCODING ''UTF8'' TEMPLATE template0 and install akhbar there.';
	END IF;
END
$$;

-- Everyone may use what the extension defines (the gazetteer tables carry their own grants).
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

------------------------------------------------------------------------------------------------
-- Normalization
------------------------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.fold(pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'akhbar_fold'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.fold(pg_catalog.text) IS
'search key of a text: NFKC, Arabic and French normalization, case folding, diacritics removed, white space collapsed';

CREATE FUNCTION @extschema@.lang(pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'akhbar_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.lang(pg_catalog.text) IS
'language of a text: ar, fr, en, or NULL when it cannot tell';

------------------------------------------------------------------------------------------------
-- Type ftext: text compared by its fold() key
------------------------------------------------------------------------------------------------

CREATE TYPE @extschema@.ftext;

CREATE FUNCTION @extschema@.ftext_in(pg_catalog.cstring)
RETURNS @extschema@.ftext
AS 'MODULE_PATHNAME', 'ftext_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ftext_out(@extschema@.ftext)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'ftext_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ftext_recv(pg_catalog.internal)
RETURNS @extschema@.ftext
AS 'MODULE_PATHNAME', 'ftext_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ftext_send(@extschema@.ftext)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'ftext_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.ftext (
	INPUT = @extschema@.ftext_in,
	OUTPUT = @extschema@.ftext_out,
	RECEIVE = @extschema@.ftext_recv,
	SEND = @extschema@.ftext_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended,
	CATEGORY = 'S'
);

COMMENT ON TYPE @extschema@.ftext IS
'text whose comparisons ignore what akhbar.fold() removes; keeps the original spelling';

-- Casts. ftext -> text is implicit so that text functions (length, LIKE, ||) apply; text ->
-- ftext is for assignment, as citext does.
CREATE FUNCTION @extschema@.ftext(pg_catalog.text)
RETURNS @extschema@.ftext
AS 'MODULE_PATHNAME', 'ftext_from_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.ftext(pg_catalog.text) IS 'converts text to ftext';

CREATE FUNCTION @extschema@.text(@extschema@.ftext)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'ftext_to_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.text(@extschema@.ftext) IS 'the original text of an ftext';

CREATE FUNCTION @extschema@.ftext_key(@extschema@.ftext)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'ftext_key'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.ftext_key(@extschema@.ftext) IS
'the folded key an ftext compares by (equal to akhbar.fold of its text)';

CREATE CAST (pg_catalog.text AS @extschema@.ftext)
	WITH FUNCTION @extschema@.ftext(pg_catalog.text) AS ASSIGNMENT;
CREATE CAST (pg_catalog.varchar AS @extschema@.ftext)
	WITH FUNCTION @extschema@.ftext(pg_catalog.text) AS ASSIGNMENT;
CREATE CAST (@extschema@.ftext AS pg_catalog.text)
	WITH FUNCTION @extschema@.text(@extschema@.ftext) AS IMPLICIT;
CREATE CAST (@extschema@.ftext AS pg_catalog.varchar)
	WITH FUNCTION @extschema@.text(@extschema@.ftext) AS IMPLICIT;

-- Comparison functions: one key comparison (ftext_key_cmp in ftext.c) decides all of them.
CREATE FUNCTION @extschema@.ftext_eq(@extschema@.ftext, @extschema@.ftext)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'ftext_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.ftext_ne(@extschema@.ftext, @extschema@.ftext)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'ftext_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.ftext_lt(@extschema@.ftext, @extschema@.ftext)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'ftext_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.ftext_le(@extschema@.ftext, @extschema@.ftext)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'ftext_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.ftext_gt(@extschema@.ftext, @extschema@.ftext)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'ftext_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.ftext_ge(@extschema@.ftext, @extschema@.ftext)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'ftext_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.ftext_cmp(@extschema@.ftext, @extschema@.ftext)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'ftext_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.ftext_hash(@extschema@.ftext)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'ftext_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.ftext_hash_extended(@extschema@.ftext, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'ftext_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.ftext_smaller(@extschema@.ftext, @extschema@.ftext)
RETURNS @extschema@.ftext AS 'MODULE_PATHNAME', 'ftext_smaller'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ftext_larger(@extschema@.ftext, @extschema@.ftext)
RETURNS @extschema@.ftext AS 'MODULE_PATHNAME', 'ftext_larger'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.ftext_eq(@extschema@.ftext, @extschema@.ftext) IS 'implementation of = for ftext';
COMMENT ON FUNCTION @extschema@.ftext_ne(@extschema@.ftext, @extschema@.ftext) IS 'implementation of <> for ftext';
COMMENT ON FUNCTION @extschema@.ftext_lt(@extschema@.ftext, @extschema@.ftext) IS 'implementation of < for ftext';
COMMENT ON FUNCTION @extschema@.ftext_le(@extschema@.ftext, @extschema@.ftext) IS 'implementation of <= for ftext';
COMMENT ON FUNCTION @extschema@.ftext_gt(@extschema@.ftext, @extschema@.ftext) IS 'implementation of > for ftext';
COMMENT ON FUNCTION @extschema@.ftext_ge(@extschema@.ftext, @extschema@.ftext) IS 'implementation of >= for ftext';
COMMENT ON FUNCTION @extschema@.ftext_cmp(@extschema@.ftext, @extschema@.ftext) IS 'btree comparison of ftext (by folded key)';
COMMENT ON FUNCTION @extschema@.ftext_hash(@extschema@.ftext) IS 'hash of the folded key of an ftext';
COMMENT ON FUNCTION @extschema@.ftext_hash_extended(@extschema@.ftext, pg_catalog.int8) IS 'seeded 64-bit hash of the folded key of an ftext';
COMMENT ON FUNCTION @extschema@.ftext_smaller(@extschema@.ftext, @extschema@.ftext) IS 'the smaller of two ftext values (min)';
COMMENT ON FUNCTION @extschema@.ftext_larger(@extschema@.ftext, @extschema@.ftext) IS 'the larger of two ftext values (max)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.ftext, RIGHTARG = @extschema@.ftext,
	FUNCTION = @extschema@.ftext_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.ftext, RIGHTARG = @extschema@.ftext,
	FUNCTION = @extschema@.ftext_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.ftext, RIGHTARG = @extschema@.ftext,
	FUNCTION = @extschema@.ftext_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.ftext, RIGHTARG = @extschema@.ftext,
	FUNCTION = @extschema@.ftext_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.ftext, RIGHTARG = @extschema@.ftext,
	FUNCTION = @extschema@.ftext_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.ftext, RIGHTARG = @extschema@.ftext,
	FUNCTION = @extschema@.ftext_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR CLASS @extschema@.ftext_ops
DEFAULT FOR TYPE @extschema@.ftext USING btree AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.ftext_cmp(@extschema@.ftext, @extschema@.ftext);

CREATE OPERATOR CLASS @extschema@.ftext_ops
DEFAULT FOR TYPE @extschema@.ftext USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.ftext_hash(@extschema@.ftext),
	FUNCTION 2 @extschema@.ftext_hash_extended(@extschema@.ftext, pg_catalog.int8);

CREATE AGGREGATE @extschema@.min(@extschema@.ftext) (
	SFUNC = @extschema@.ftext_smaller,
	STYPE = @extschema@.ftext,
	SORTOP = OPERATOR(@extschema@.<),
	COMBINEFUNC = @extschema@.ftext_smaller,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.max(@extschema@.ftext) (
	SFUNC = @extschema@.ftext_larger,
	STYPE = @extschema@.ftext,
	SORTOP = OPERATOR(@extschema@.>),
	COMBINEFUNC = @extschema@.ftext_larger,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.min(@extschema@.ftext) IS 'smallest ftext by folded key';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.ftext) IS 'largest ftext by folded key';

COMMENT ON OPERATOR @extschema@.= (@extschema@.ftext, @extschema@.ftext) IS 'equal after akhbar.fold()';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.ftext, @extschema@.ftext) IS 'not equal after akhbar.fold()';
COMMENT ON OPERATOR @extschema@.< (@extschema@.ftext, @extschema@.ftext) IS 'less than, by folded key';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.ftext, @extschema@.ftext) IS 'less than or equal, by folded key';
COMMENT ON OPERATOR @extschema@.> (@extschema@.ftext, @extschema@.ftext) IS 'greater than, by folded key';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.ftext, @extschema@.ftext) IS 'greater than or equal, by folded key';

------------------------------------------------------------------------------------------------
-- Gazetteer: entities and their names, built-in rows plus whatever users add
------------------------------------------------------------------------------------------------

CREATE TABLE @extschema@.entity (
	id bigint PRIMARY KEY,
	kind text NOT NULL CONSTRAINT entity_kind_check CHECK (kind IN ('person', 'place', 'org')),
	name_en text NOT NULL CONSTRAINT entity_name_en_check CHECK (@extschema@.fold(name_en) OPERATOR(pg_catalog.<>) ''),
	name_fr text,
	name_ar text,
	wikidata text CONSTRAINT entity_wikidata_check CHECK (wikidata OPERATOR(pg_catalog.~) '^Q[0-9]+$'),
	country text CONSTRAINT entity_country_check CHECK (country OPERATOR(pg_catalog.~) '^[A-Z]{2}$'),
	roles text,
	builtin boolean NOT NULL DEFAULT false
);

COMMENT ON TABLE @extschema@.entity IS
'people, places and organizations akhbar.entities() recognises; add rows with INSERT';

CREATE TABLE @extschema@.alias (
	entity_id bigint NOT NULL REFERENCES @extschema@.entity (id) ON DELETE CASCADE,
	alias text NOT NULL CONSTRAINT alias_not_empty CHECK (@extschema@.fold(alias) OPERATOR(pg_catalog.<>) ''),
	lang text CONSTRAINT alias_lang_check CHECK (lang IN ('ar', 'fr', 'en')),
	form text NOT NULL DEFAULT 'name' CONSTRAINT alias_form_check CHECK (form IN ('name', 'adj')),
	builtin boolean NOT NULL DEFAULT false
);

CREATE INDEX alias_entity_id_idx ON @extschema@.alias (entity_id);

COMMENT ON TABLE @extschema@.alias IS
'other ways of writing an entity (spellings, acronyms, short forms); form adj marks adjectives such as russe or الروسي';

-- Built-in rows are the extension's; user rows are the user's and go into pg_dump.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.entity', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.alias', 'WHERE NOT builtin');

GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.entity, @extschema@.alias TO PUBLIC;

-- Only the owner of the tables changes built-in rows (or marks a row built-in).
CREATE FUNCTION @extschema@.protect_builtin()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF pg_catalog.pg_has_role(current_user,
							  (SELECT relowner FROM pg_catalog.pg_class WHERE oid = TG_RELID),
							  'USAGE') THEN
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	IF (TG_OP IN ('UPDATE', 'DELETE') AND OLD.builtin) OR (TG_OP IN ('INSERT', 'UPDATE') AND NEW.builtin) THEN
		RAISE EXCEPTION 'built-in rows of akhbar.% can only be changed by the owner of the table', TG_TABLE_NAME
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Insert rows of your own (builtin = false): they are used alike.';
	END IF;
	RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;

COMMENT ON FUNCTION @extschema@.protect_builtin() IS
'trigger: built-in gazetteer rows can only be changed by the table owner';

CREATE TRIGGER protect_builtin BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.entity
	FOR EACH ROW EXECUTE FUNCTION @extschema@.protect_builtin();
CREATE TRIGGER protect_builtin BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.alias
	FOR EACH ROW EXECUTE FUNCTION @extschema@.protect_builtin();

CREATE FUNCTION @extschema@.gazetteer_changed()
RETURNS trigger
AS 'MODULE_PATHNAME', 'akhbar_gazetteer_changed'
LANGUAGE C;

COMMENT ON FUNCTION @extschema@.gazetteer_changed() IS
'trigger: tells every session to rebuild its entity automaton before its next statement';

CREATE TRIGGER gazetteer_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.entity
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.gazetteer_changed();
CREATE TRIGGER gazetteer_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.alias
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.gazetteer_changed();

------------------------------------------------------------------------------------------------
-- Entities
------------------------------------------------------------------------------------------------

CREATE TYPE @extschema@.mention AS (
	entity_id bigint,
	kind text,
	name text,
	surface text,
	start integer,
	len integer,
	key text
);

COMMENT ON TYPE @extschema@.mention IS
'a mention of an entity in a text: entity (NULL when unknown), kind, name, surface, 1-based start and length in characters, name key';

-- STABLE, not IMMUTABLE: the result depends on the rows of akhbar.entity and akhbar.alias.
CREATE FUNCTION @extschema@.entities(body pg_catalog.text)
RETURNS SETOF @extschema@.mention
AS 'MODULE_PATHNAME', 'akhbar_entities'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 20;

COMMENT ON FUNCTION @extschema@.entities(pg_catalog.text) IS
'people, places and organizations mentioned in a text (stable because it reads the gazetteer tables)';

CREATE FUNCTION @extschema@.entity_counts(body pg_catalog.text)
RETURNS TABLE (entity_id bigint, kind text, name text, mentions bigint)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT m.entity_id, m.kind, m.name, pg_catalog.count(*)
	FROM @extschema@.entities(body) m
	GROUP BY m.entity_id, m.kind, m.name
	ORDER BY 4 DESC, 3;
END;

COMMENT ON FUNCTION @extschema@.entity_counts(pg_catalog.text) IS
'one row per entity mentioned in a text, with its number of mentions';

CREATE FUNCTION @extschema@.gazetteer_memory()
RETURNS bigint
AS 'MODULE_PATHNAME', 'akhbar_gazetteer_memory'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.gazetteer_memory() IS
'bytes held by this session''s entity automaton (built on first use)';

------------------------------------------------------------------------------------------------
-- Names
------------------------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.name_key(pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'akhbar_name_key'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.name_key(pg_catalog.text) IS
'key of a person or place name shared by its Arabic and Latin transliterations (Poutine = Putin = بوتين)';

CREATE FUNCTION @extschema@.name_similarity(a pg_catalog.text, b pg_catalog.text)
RETURNS real
AS 'MODULE_PATHNAME', 'akhbar_name_similarity'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.name_similarity(pg_catalog.text, pg_catalog.text) IS
'similarity of two names from 0 to 1, on their name keys';

------------------------------------------------------------------------------------------------
-- Boilerplate
------------------------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.clean(pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'akhbar_clean'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.clean(pg_catalog.text) IS
'the article without the boilerplate of scraped news (share buttons, most-read lists, cookie notices, credits)';

------------------------------------------------------------------------------------------------
-- Text search: a parser that knows names, dictionaries that never stem them
------------------------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.prs_start(internal, pg_catalog.int4)
RETURNS internal AS 'MODULE_PATHNAME', 'akhbar_prs_start' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.prs_nexttoken(internal, internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'akhbar_prs_nexttoken' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.prs_end(internal)
RETURNS void AS 'MODULE_PATHNAME', 'akhbar_prs_end' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.prs_lextype(internal)
RETURNS internal AS 'MODULE_PATHNAME', 'akhbar_prs_lextype' LANGUAGE C STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.prs_start(internal, pg_catalog.int4) IS 'akhbar text search parser: start (finds the names of the document)';
COMMENT ON FUNCTION @extschema@.prs_nexttoken(internal, internal, internal) IS 'akhbar text search parser: next token';
COMMENT ON FUNCTION @extschema@.prs_end(internal) IS 'akhbar text search parser: end';
COMMENT ON FUNCTION @extschema@.prs_lextype(internal) IS 'akhbar text search parser: token types';

CREATE TEXT SEARCH PARSER @extschema@.news_parser (
	START = @extschema@.prs_start,
	GETTOKEN = @extschema@.prs_nexttoken,
	END = @extschema@.prs_end,
	HEADLINE = pg_catalog.prsd_headline,
	LEXTYPES = @extschema@.prs_lextype
);

COMMENT ON TEXT SEARCH PARSER @extschema@.news_parser IS
'words of Arabic and French news, with the words of names marked and one entity_<id> token per gazetteer name';

CREATE FUNCTION @extschema@.dict_init(internal)
RETURNS internal AS 'MODULE_PATHNAME', 'akhbar_dict_init' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.dict_arabic(internal, internal, internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'akhbar_dict_arabic' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.dict_french(internal, internal, internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'akhbar_dict_french' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.dict_fold(internal, internal, internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'akhbar_dict_fold' LANGUAGE C STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.dict_init(internal) IS 'akhbar text search dictionaries: init (no options)';
COMMENT ON FUNCTION @extschema@.dict_arabic(internal, internal, internal, internal) IS 'lexize: fold, Arabic stop words, light10 stemmer';
COMMENT ON FUNCTION @extschema@.dict_french(internal, internal, internal, internal) IS 'lexize: elision, fold, French stop words, Savoy light stemmer';
COMMENT ON FUNCTION @extschema@.dict_fold(internal, internal, internal, internal) IS 'lexize: fold only';

CREATE TEXT SEARCH TEMPLATE @extschema@.arabic_stem (INIT = @extschema@.dict_init, LEXIZE = @extschema@.dict_arabic);
CREATE TEXT SEARCH TEMPLATE @extschema@.french_stem (INIT = @extschema@.dict_init, LEXIZE = @extschema@.dict_french);
CREATE TEXT SEARCH TEMPLATE @extschema@.fold (INIT = @extschema@.dict_init, LEXIZE = @extschema@.dict_fold);

CREATE TEXT SEARCH DICTIONARY @extschema@.arabic_stem (TEMPLATE = @extschema@.arabic_stem);
CREATE TEXT SEARCH DICTIONARY @extschema@.french_stem (TEMPLATE = @extschema@.french_stem);
CREATE TEXT SEARCH DICTIONARY @extschema@.fold (TEMPLATE = @extschema@.fold);

COMMENT ON TEXT SEARCH DICTIONARY @extschema@.arabic_stem IS 'Arabic: fold, stop words (data/lang/stop_ar.txt), light10 stemmer';
COMMENT ON TEXT SEARCH DICTIONARY @extschema@.french_stem IS 'French: elision, fold, stop words (data/lang/stop_fr.txt), Savoy light stemmer';
COMMENT ON TEXT SEARCH DICTIONARY @extschema@.fold IS 'akhbar.fold() of the token: names (never stemmed), numbers, entity lexemes, words of the other language';

CREATE TEXT SEARCH CONFIGURATION @extschema@.arabic (PARSER = @extschema@.news_parser);
ALTER TEXT SEARCH CONFIGURATION @extschema@.arabic
	ADD MAPPING FOR arword WITH @extschema@.arabic_stem;
ALTER TEXT SEARCH CONFIGURATION @extschema@.arabic
	ADD MAPPING FOR latword, number, entity WITH @extschema@.fold;
ALTER TEXT SEARCH CONFIGURATION @extschema@.arabic
	ADD MAPPING FOR arname, latname WITH @extschema@.fold;

CREATE TEXT SEARCH CONFIGURATION @extschema@.french (PARSER = @extschema@.news_parser);
ALTER TEXT SEARCH CONFIGURATION @extschema@.french
	ADD MAPPING FOR latword WITH @extschema@.french_stem;
ALTER TEXT SEARCH CONFIGURATION @extschema@.french
	ADD MAPPING FOR arword, number, entity WITH @extschema@.fold;
ALTER TEXT SEARCH CONFIGURATION @extschema@.french
	ADD MAPPING FOR arname, latname WITH @extschema@.fold;

CREATE TEXT SEARCH CONFIGURATION @extschema@.news (PARSER = @extschema@.news_parser);
ALTER TEXT SEARCH CONFIGURATION @extschema@.news
	ADD MAPPING FOR arword WITH @extschema@.arabic_stem;
ALTER TEXT SEARCH CONFIGURATION @extschema@.news
	ADD MAPPING FOR latword WITH @extschema@.french_stem;
ALTER TEXT SEARCH CONFIGURATION @extschema@.news
	ADD MAPPING FOR number, entity WITH @extschema@.fold;
ALTER TEXT SEARCH CONFIGURATION @extschema@.news
	ADD MAPPING FOR arname, latname WITH @extschema@.fold;

COMMENT ON TEXT SEARCH CONFIGURATION @extschema@.arabic IS 'Arabic news: light10 stemming, names kept whole, entity lexemes';
COMMENT ON TEXT SEARCH CONFIGURATION @extschema@.french IS 'French news: elision, light stemming, names kept whole, entity lexemes';
COMMENT ON TEXT SEARCH CONFIGURATION @extschema@.news IS 'mixed Arabic and French news: each word by its own language, names kept whole, entity lexemes';

-- The query for an entity named in any language or spelling: its entity_<id> lexeme. Names are
-- looked up as the text matcher sees them, then by name key (of the whole name or of its last
-- word), so that بوتين, Poutine and Putin all give Vladimir Putin. A name the gazetteer does not
-- know gives the phrase of its words.
CREATE FUNCTION @extschema@.entity_query(name pg_catalog.text)
RETURNS pg_catalog.tsquery
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT coalesce(
		(SELECT pg_catalog.string_agg(DISTINCT 'entity_' OPERATOR(pg_catalog.||) m.entity_id, ' | ')::pg_catalog.tsquery
		 FROM @extschema@.entities(name) m
		 WHERE m.entity_id IS NOT NULL),
		(SELECT pg_catalog.string_agg(DISTINCT 'entity_' OPERATOR(pg_catalog.||) x.id, ' | ')::pg_catalog.tsquery
		 FROM (SELECT e.id, v.n
			   FROM @extschema@.entity e,
					LATERAL (VALUES (e.name_en), (e.name_fr), (e.name_ar)) v(n)
			   WHERE v.n IS NOT NULL
			   UNION ALL
			   SELECT a.entity_id, a.alias FROM @extschema@.alias a WHERE a.form OPERATOR(pg_catalog.=) 'name') x
		 WHERE @extschema@.name_key(name) OPERATOR(pg_catalog.<>) ''
		   AND (@extschema@.name_key(x.n) OPERATOR(pg_catalog.=) @extschema@.name_key(name)
				OR @extschema@.name_key(pg_catalog.regexp_replace(x.n, '^.*[[:space:]]', ''))
				   OPERATOR(pg_catalog.=) @extschema@.name_key(name))),
		-- A name the gazetteer does not know: its words in a row.
		pg_catalog.phraseto_tsquery('@extschema@.news', name));
END;

COMMENT ON FUNCTION @extschema@.entity_query(pg_catalog.text) IS
'tsquery for the entity a name denotes, in any language or spelling, to match the entity lexemes of akhbar.news, akhbar.arabic and akhbar.french (stable because it reads the gazetteer)';

------------------------------------------------------------------------------------------------
-- Dates
------------------------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.dates(body pg_catalog.text, published pg_catalog.date)
RETURNS TABLE (surface pg_catalog.text, start pg_catalog.int4, len pg_catalog.int4,
			   value pg_catalog.daterange, grain pg_catalog.text)
AS 'MODULE_PATHNAME', 'akhbar_dates'
LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 5;

COMMENT ON FUNCTION @extschema@.dates(pg_catalog.text, pg_catalog.date) IS
'dates of an Arabic or French text resolved against its publication date (NULL: only dates with a year); start is 1-based, in characters';

------------------------------------------------------------------------------------------------
-- Type event: kind{actors}@place[period)
------------------------------------------------------------------------------------------------

CREATE TYPE @extschema@.event;

CREATE FUNCTION @extschema@.event_in(pg_catalog.cstring)
RETURNS @extschema@.event AS 'MODULE_PATHNAME', 'akhbar_event_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_out(@extschema@.event)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'akhbar_event_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_recv(pg_catalog.internal)
RETURNS @extschema@.event AS 'MODULE_PATHNAME', 'akhbar_event_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_send(@extschema@.event)
RETURNS pg_catalog.bytea AS 'MODULE_PATHNAME', 'akhbar_event_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.event (
	INPUT = @extschema@.event_in,
	OUTPUT = @extschema@.event_out,
	RECEIVE = @extschema@.event_recv,
	SEND = @extschema@.event_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended
);

COMMENT ON FUNCTION @extschema@.event_in(pg_catalog.cstring) IS 'input of akhbar.event: kind{actor,...}@place[start,end)';
COMMENT ON FUNCTION @extschema@.event_out(@extschema@.event) IS 'output of akhbar.event';
COMMENT ON FUNCTION @extschema@.event_recv(pg_catalog.internal) IS 'binary input of akhbar.event';
COMMENT ON FUNCTION @extschema@.event_send(@extschema@.event) IS 'binary output of akhbar.event';

COMMENT ON TYPE @extschema@.event IS
'an event: kind{actor,...}@place[start,end), e.g. meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14)';

CREATE FUNCTION @extschema@.event_kind(@extschema@.event)
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'akhbar_event_kind'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_actors(@extschema@.event)
RETURNS pg_catalog.text[] AS 'MODULE_PATHNAME', 'akhbar_event_actors'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_place(@extschema@.event)
RETURNS pg_catalog.text AS 'MODULE_PATHNAME', 'akhbar_event_place'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_period(@extschema@.event)
RETURNS pg_catalog.daterange AS 'MODULE_PATHNAME', 'akhbar_event_period'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.event_kind(@extschema@.event) IS 'kind of an event: meet, call, visit, summit, statement, agreement, sanction, attack, protest, election, vote or disaster';
COMMENT ON FUNCTION @extschema@.event_actors(@extschema@.event) IS 'actors of an event (English names of gazetteer entities, name keys of unknown names), ordered by folded name';
COMMENT ON FUNCTION @extschema@.event_place(@extschema@.event) IS 'place of an event, NULL when the text names none';
COMMENT ON FUNCTION @extschema@.event_period(@extschema@.event) IS 'period of an event, NULL when unknown';

-- Same event. ~= is stable, not immutable: it depends on the setting akhbar.event_window.
CREATE FUNCTION @extschema@.event_same(@extschema@.event, @extschema@.event)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'akhbar_event_same'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_similarity(@extschema@.event, @extschema@.event)
RETURNS pg_catalog.float4 AS 'MODULE_PATHNAME', 'akhbar_event_similarity'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_distance(@extschema@.event, @extschema@.event)
RETURNS pg_catalog.float4 AS 'MODULE_PATHNAME', 'akhbar_event_distance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.event_same(@extschema@.event, @extschema@.event) IS 'implementation of ~= (stable because it depends on akhbar.event_window)';
COMMENT ON FUNCTION @extschema@.event_similarity(@extschema@.event, @extschema@.event) IS '0..1: 0.15 kind, 0.3 actors (Jaccard), 0.15 place, 0.4 time (1 / (1 + days apart / 3))';
COMMENT ON FUNCTION @extschema@.event_distance(@extschema@.event, @extschema@.event) IS 'implementation of <->: 1 - event_similarity';

CREATE OPERATOR @extschema@.~= (
	LEFTARG = @extschema@.event, RIGHTARG = @extschema@.event,
	FUNCTION = @extschema@.event_same,
	COMMUTATOR = OPERATOR(@extschema@.~=),
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.<-> (
	LEFTARG = @extschema@.event, RIGHTARG = @extschema@.event,
	FUNCTION = @extschema@.event_distance,
	COMMUTATOR = OPERATOR(@extschema@.<->)
);

COMMENT ON OPERATOR @extschema@.~= (@extschema@.event, @extschema@.event) IS
'same real-world event: compatible kinds, a shared actor (or, without actors, the same place), no conflicting places, periods within akhbar.event_window days';
COMMENT ON OPERATOR @extschema@.<-> (@extschema@.event, @extschema@.event) IS 'distance between events, 1 - akhbar.event_similarity';

-- A total order (bytes of the stored form) for btree, DISTINCT, GROUP BY and merge joins.
CREATE FUNCTION @extschema@.event_eq(@extschema@.event, @extschema@.event)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'akhbar_event_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.event_ne(@extschema@.event, @extschema@.event)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'akhbar_event_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.event_lt(@extschema@.event, @extschema@.event)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'akhbar_event_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.event_le(@extschema@.event, @extschema@.event)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'akhbar_event_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.event_gt(@extschema@.event, @extschema@.event)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'akhbar_event_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.event_ge(@extschema@.event, @extschema@.event)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'akhbar_event_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.event_cmp(@extschema@.event, @extschema@.event)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'akhbar_event_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.event_hash(@extschema@.event)
RETURNS pg_catalog.int4 AS 'MODULE_PATHNAME', 'akhbar_event_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.event_hash_extended(@extschema@.event, pg_catalog.int8)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'akhbar_event_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.event_eq(@extschema@.event, @extschema@.event) IS 'implementation of = for event (identical values)';
COMMENT ON FUNCTION @extschema@.event_ne(@extschema@.event, @extschema@.event) IS 'implementation of <> for event';
COMMENT ON FUNCTION @extschema@.event_lt(@extschema@.event, @extschema@.event) IS 'implementation of < for event';
COMMENT ON FUNCTION @extschema@.event_le(@extschema@.event, @extschema@.event) IS 'implementation of <= for event';
COMMENT ON FUNCTION @extschema@.event_gt(@extschema@.event, @extschema@.event) IS 'implementation of > for event';
COMMENT ON FUNCTION @extschema@.event_ge(@extschema@.event, @extschema@.event) IS 'implementation of >= for event';
COMMENT ON FUNCTION @extschema@.event_cmp(@extschema@.event, @extschema@.event) IS 'btree comparison of events (an arbitrary total order)';
COMMENT ON FUNCTION @extschema@.event_hash(@extschema@.event) IS 'hash of an event';
COMMENT ON FUNCTION @extschema@.event_hash_extended(@extschema@.event, pg_catalog.int8) IS 'seeded 64-bit hash of an event';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.event, RIGHTARG = @extschema@.event, FUNCTION = @extschema@.event_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.event, RIGHTARG = @extschema@.event, FUNCTION = @extschema@.event_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.event, RIGHTARG = @extschema@.event, FUNCTION = @extschema@.event_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.event, RIGHTARG = @extschema@.event, FUNCTION = @extschema@.event_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.event, RIGHTARG = @extschema@.event, FUNCTION = @extschema@.event_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.event, RIGHTARG = @extschema@.event, FUNCTION = @extschema@.event_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.event, @extschema@.event) IS 'identical events (for the same real-world event, use ~=)';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.event, @extschema@.event) IS 'not identical';
COMMENT ON OPERATOR @extschema@.< (@extschema@.event, @extschema@.event) IS 'less than, in an arbitrary total order';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.event, @extschema@.event) IS 'less than or equal, in an arbitrary total order';
COMMENT ON OPERATOR @extschema@.> (@extschema@.event, @extschema@.event) IS 'greater than, in an arbitrary total order';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.event, @extschema@.event) IS 'greater than or equal, in an arbitrary total order';

CREATE OPERATOR CLASS @extschema@.event_ops
DEFAULT FOR TYPE @extschema@.event USING btree AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.event_cmp(@extschema@.event, @extschema@.event);

CREATE OPERATOR CLASS @extschema@.event_ops
DEFAULT FOR TYPE @extschema@.event USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.event_hash(@extschema@.event),
	FUNCTION 2 @extschema@.event_hash_extended(@extschema@.event, pg_catalog.int8);

-- GiST: keys are boxes (kinds, period hull, signatures of actors and places).
CREATE TYPE @extschema@.event_box;

CREATE FUNCTION @extschema@.event_box_in(pg_catalog.cstring)
RETURNS @extschema@.event_box AS 'MODULE_PATHNAME', 'akhbar_event_box_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_box_out(@extschema@.event_box)
RETURNS pg_catalog.cstring AS 'MODULE_PATHNAME', 'akhbar_event_box_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.event_box (
	INPUT = @extschema@.event_box_in,
	OUTPUT = @extschema@.event_box_out,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON FUNCTION @extschema@.event_box_in(pg_catalog.cstring) IS 'input of akhbar.event_box: always an error (index keys only)';
COMMENT ON FUNCTION @extschema@.event_box_out(@extschema@.event_box) IS 'output of akhbar.event_box, for debugging';

COMMENT ON TYPE @extschema@.event_box IS 'key of the GiST operator class for akhbar.event (no text input)';

CREATE FUNCTION @extschema@.event_gist_consistent(pg_catalog.internal, @extschema@.event, pg_catalog.int2, pg_catalog.oid, pg_catalog.internal)
RETURNS pg_catalog.bool AS 'MODULE_PATHNAME', 'akhbar_event_gist_consistent'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_gist_distance(pg_catalog.internal, @extschema@.event, pg_catalog.int2, pg_catalog.oid, pg_catalog.internal)
RETURNS pg_catalog.float8 AS 'MODULE_PATHNAME', 'akhbar_event_gist_distance'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_gist_union(pg_catalog.internal, pg_catalog.internal)
RETURNS @extschema@.event_box AS 'MODULE_PATHNAME', 'akhbar_event_gist_union'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_gist_compress(pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'akhbar_event_gist_compress'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_gist_penalty(pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'akhbar_event_gist_penalty'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_gist_picksplit(pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'akhbar_event_gist_picksplit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.event_gist_same(@extschema@.event_box, @extschema@.event_box, pg_catalog.internal)
RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'akhbar_event_gist_same'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.event_gist_consistent(pg_catalog.internal, @extschema@.event, pg_catalog.int2, pg_catalog.oid, pg_catalog.internal) IS 'GiST support (stable because it depends on akhbar.event_window)';
COMMENT ON FUNCTION @extschema@.event_gist_distance(pg_catalog.internal, @extschema@.event, pg_catalog.int2, pg_catalog.oid, pg_catalog.internal) IS 'GiST support: lower bound of <->';
COMMENT ON FUNCTION @extschema@.event_gist_union(pg_catalog.internal, pg_catalog.internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.event_gist_compress(pg_catalog.internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.event_gist_penalty(pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.event_gist_picksplit(pg_catalog.internal, pg_catalog.internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.event_gist_same(@extschema@.event_box, @extschema@.event_box, pg_catalog.internal) IS 'GiST support';

CREATE OPERATOR CLASS @extschema@.event_gist_ops
DEFAULT FOR TYPE @extschema@.event USING gist AS
	OPERATOR 1 @extschema@.~= ,
	OPERATOR 15 @extschema@.<-> (@extschema@.event, @extschema@.event) FOR ORDER BY pg_catalog.float_ops,
	FUNCTION 1 @extschema@.event_gist_consistent(pg_catalog.internal, @extschema@.event, pg_catalog.int2, pg_catalog.oid, pg_catalog.internal),
	FUNCTION 2 @extschema@.event_gist_union(pg_catalog.internal, pg_catalog.internal),
	FUNCTION 3 @extschema@.event_gist_compress(pg_catalog.internal),
	FUNCTION 5 @extschema@.event_gist_penalty(pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 6 @extschema@.event_gist_picksplit(pg_catalog.internal, pg_catalog.internal),
	FUNCTION 7 @extschema@.event_gist_same(@extschema@.event_box, @extschema@.event_box, pg_catalog.internal),
	FUNCTION 8 @extschema@.event_gist_distance(pg_catalog.internal, @extschema@.event, pg_catalog.int2, pg_catalog.oid, pg_catalog.internal),
	STORAGE @extschema@.event_box;

------------------------------------------------------------------------------------------------
-- Events
------------------------------------------------------------------------------------------------

-- STABLE, not IMMUTABLE: actors and places come from the gazetteer tables.
CREATE FUNCTION @extschema@.events(body pg_catalog.text, published pg_catalog.date)
RETURNS TABLE (event @extschema@.event, trigger pg_catalog.text, start pg_catalog.int4,
			   len pg_catalog.int4, main pg_catalog.bool)
AS 'MODULE_PATHNAME', 'akhbar_events'
LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 10;

COMMENT ON FUNCTION @extschema@.events(pg_catalog.text, pg_catalog.date) IS
'events of an Arabic or French article with actors, place and period; main marks the event it is about (stable because it reads the gazetteer tables)';

-- Clustering: one id per real-world event over the rows of a window partition.
CREATE FUNCTION @extschema@.event_cluster(@extschema@.event)
RETURNS pg_catalog.int8 AS 'MODULE_PATHNAME', 'akhbar_event_cluster'
LANGUAGE C STABLE WINDOW PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.event_cluster(@extschema@.event) IS
'window function: rows whose events are the same event (~=, transitively) share an id, the position of the first of them in the window order (stable because it depends on akhbar.event_window)';

------------------------------------------------------------------------------------------------
-- Built-in gazetteer rows (generated from data/gazetteer by the build)
------------------------------------------------------------------------------------------------

