-- Hostile input: every function returns or raises a precise error, and the server never
-- restarts (a crash in an extension restarts the whole server).
SET search_path = public, akhbar;
CREATE TEMP TABLE started AS SELECT pg_postmaster_start_time() AS t;

CREATE TEMP TABLE hostile (label text, body text);
INSERT INTO hostile VALUES
	('empty', ''),
	('spaces', repeat(' ', 1000)),
	('marks only', repeat(U&'\064E\0651\0301', 100000)),
	('bidi only', repeat(U&'\200F\202E\2067\FEFF', 100000)),
	('one long token', repeat('a', 1000000)),
	('one long arabic token', repeat('ب', 1000000)),
	('clitics only', repeat('و ب ل ال لل ', 20000)),
	('capitals', repeat('Le Président De La République Française ', 20000)),
	('titles', repeat('M. Mme M. le président ', 20000)),
	('apostrophes', repeat('l''''l''''d''''qu''''', 20000)),
	('expanding', repeat(U&'\FDFA', 100000)),
	('digits', repeat('٠١٢٣٤٥٦٧٨٩', 100000)),
	('many entities', repeat('Poutine Pékin الصين بكين l''ONU ', 20000));
-- Every code point (no surrogates, no NUL), in one value.
INSERT INTO hostile
SELECT 'every code point', string_agg(chr(c), '')
FROM generate_series(1, 1114111) c WHERE c NOT BETWEEN 55296 AND 57343;

SELECT label,
       length(fold(body)) >= 0 AS fold,
       lang(body) IS NULL OR lang(body) IN ('ar', 'fr', 'en') AS lang,
       (SELECT count(*) FROM entities(body)) >= 0 AS entities,
       length(clean(body)) >= 0 AS clean,
       length(name_key(body)) >= 0 AS name_key,
       name_similarity(body, 'Poutine') BETWEEN 0 AND 1 AS similarity,
       length(to_tsvector('akhbar.news', body)) >= 0 AS news,
       length(body::ftext::text) = length(body) AS ftext
FROM hostile ORDER BY label;

-- 100 MB: fold and entities return (or are refused with a clear size error), never crash.
SELECT length(fold(repeat('Pékin بكين Poutine ', 5500000))) > 0 AS fold_100mb;
SELECT count(*) > 0 AS entities_100mb FROM entities(repeat('Pékin بكين Poutine ', 5500000));

-- Malformed and boundary literals of the types.
SELECT ''::ftext = '   ' AS empty_ftext;
SELECT NULL::ftext IS NULL AS null_ftext;

-- The server did not restart.
SELECT pg_postmaster_start_time() = (SELECT t FROM started) AS server_survived;
