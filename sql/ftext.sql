-- akhbar.ftext: text compared by its fold() key, printed as written.
SET search_path = public, akhbar;

SELECT 'الصينى'::ftext = 'الصيني' AS maksura, 'Pékin'::ftext = 'PEKIN' AS accents,
       'Pékin'::ftext AS keeps_spelling, ftext_key('Pékin') AS key;

-- All six operators, on equal and on different keys.
SELECT 'Pékin'::ftext =  'pekin' AS eq, 'Pékin'::ftext <> 'pekin' AS ne,
       'Pékin'::ftext <  'pekin' AS lt, 'Pékin'::ftext <= 'pekin' AS le,
       'Pékin'::ftext >  'pekin' AS gt, 'Pékin'::ftext >= 'pekin' AS ge;
SELECT 'Alger'::ftext < 'BAGDAD' AS lt, 'Alger'::ftext > 'BAGDAD' AS gt,
       'Alger'::ftext <> 'BAGDAD' AS ne, ftext_cmp('Alger', 'BAGDAD') < 0 AS cmp;

-- Casts to and from text; text functions apply through the implicit cast.
SELECT ('Pékin'::ftext)::text AS to_text, 'Pékin'::text::ftext AS from_text,
       length('Pékin'::ftext) AS length, 'Pékin'::ftext || '!' AS concat;
SELECT 'Pékin'::varchar::ftext = 'PEKIN' AS from_varchar;

-- A UNIQUE key: spellings that fold alike collide.
CREATE TABLE cities (name ftext PRIMARY KEY, n int);
INSERT INTO cities VALUES ('Pékin', 1), ('بكين', 2), ('Moscou', 3), ('موسكو', 4);
INSERT INTO cities VALUES ('PEKIN', 5);
INSERT INTO cities VALUES ('بكين', 6);
SELECT name FROM cities WHERE name = 'pekin';
SELECT name FROM cities ORDER BY name;

-- GROUP BY and DISTINCT by key (the first spelling seen is kept).
CREATE TABLE mentions (surface ftext);
INSERT INTO mentions VALUES ('Pékin'), ('PEKIN'), ('pékin'), ('الصينى'), ('الصيني'), ('الصينيّ');
SELECT ftext_key(surface) AS key, count(*) FROM mentions GROUP BY surface ORDER BY 1;
SELECT count(DISTINCT surface) AS distinct_keys FROM mentions;
SELECT min(surface)::text = 'Pékin' OR min(surface)::text = 'PEKIN' OR min(surface)::text = 'pékin' AS min_ok,
       ftext_key(max(surface)) AS max_key FROM mentions;

-- Hash join and merge join.
SET enable_nestloop = off;
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM mentions m JOIN cities c ON c.name = m.surface;
SELECT count(*) FROM mentions m JOIN cities c ON c.name = m.surface;
SET enable_hashjoin = off;
SET enable_mergejoin = on;
EXPLAIN (COSTS OFF) SELECT count(*) FROM mentions m JOIN cities c ON c.name = m.surface;
SELECT count(*) FROM mentions m JOIN cities c ON c.name = m.surface;
RESET enable_nestloop;
RESET enable_mergejoin;
RESET enable_hashjoin;

-- Btree and hash indexes.
CREATE INDEX mentions_hash ON mentions USING hash (surface);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM mentions WHERE surface = 'PÉKIN';
SELECT count(*) FROM mentions WHERE surface = 'PÉKIN';
EXPLAIN (COSTS OFF) SELECT * FROM cities WHERE name = 'MOSCOU';
SELECT name FROM cities WHERE name = 'MOSCOU';
RESET enable_seqscan;

-- hash_extended: equal keys hash alike, so hash partitioning groups spellings.
SELECT ftext_hash_extended('Pékin', 7) = ftext_hash_extended('PEKIN', 7) AS same_hash,
       ftext_hash_extended('Pékin', 7) <> ftext_hash_extended('Pékin', 8) AS seeded;
CREATE TABLE parts (k ftext) PARTITION BY HASH (k);
CREATE TABLE parts_0 PARTITION OF parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE parts_1 PARTITION OF parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO parts SELECT surface FROM mentions;
SELECT count(DISTINCT tableoid) AS partitions_per_key FROM parts GROUP BY k ORDER BY 1;

-- Binary send/receive: a binary COPY round trip keeps spelling and key.
SELECT ftext_send('Pékin') = convert_to('Pékin', 'UTF8') AS send_is_utf8;
COPY mentions TO '/tmp/akhbar_ftext_regress.bin' WITH (FORMAT binary);
CREATE TABLE mentions_copy (surface ftext);
COPY mentions_copy FROM '/tmp/akhbar_ftext_regress.bin' WITH (FORMAT binary);
SELECT (SELECT array_agg(surface::text ORDER BY surface::text) FROM mentions)
     = (SELECT array_agg(surface::text ORDER BY surface::text) FROM mentions_copy) AS roundtrip;

-- NULLs and empty values.
SELECT NULL::ftext = 'x' AS null_eq, ''::ftext = '   ' AS blank_eq_empty, ''::ftext AS empty;

DROP TABLE cities, mentions, mentions_copy, parts;
