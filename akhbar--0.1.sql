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
