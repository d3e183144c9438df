-- Text search that keeps names whole: akhbar.arabic, akhbar.french, akhbar.news.
SET search_path = public, akhbar;

-- PostgreSQL's arabic stems names into other words; akhbar.arabic does not.
SELECT to_tsvector('arabic', 'بوتين بكين') AS builtin, to_tsvector('akhbar.arabic', 'بوتين بكين') AS akhbar;

-- A clitic-prefixed name gives the name: بكين, وبكين, ببكين, لبكين share a lexeme; الصين too.
SELECT w, to_tsvector('akhbar.arabic', w) FROM (VALUES ('بكين'), ('وبكين'), ('ببكين'), ('لبكين')) v(w);
SELECT w, to_tsvector('akhbar.arabic', w) FROM (VALUES ('الصين'), ('والصين'), ('بالصين'), ('للصين')) v(w);

-- Ordinary words are stemmed (light10), stop words dropped.
SELECT to_tsvector('akhbar.arabic', 'في المكتبات والكتاب');

-- French: elision, stop words, light stemming; names whole.
SELECT to_tsvector('akhbar.french', 'l’ONU et les négociations d’Ankara avec Poutine');

-- akhbar.news: each word by its own language.
SELECT to_tsvector('akhbar.news', 'Les négociations والمفاوضات');

-- The same entity gives the same lexeme in every language and spelling.
SELECT to_tsvector('akhbar.news', 'Vladimir Poutine') @@ entity_query('بوتين') AS fr_from_ar,
       to_tsvector('akhbar.news', 'قال فلاديمير بوتين') @@ entity_query('Poutine') AS ar_from_fr,
       to_tsvector('akhbar.news', 'Vladimir Poutine') @@ entity_query('Putin') AS en_name,
       to_tsvector('akhbar.news', 'الصين') @@ entity_query('China') AS china,
       to_tsvector('akhbar.news', 'Moscou') @@ entity_query('بكين') AS not_beijing;
-- A name the gazetteer does not know gives the phrase of its words.
SELECT entity_query('Lavrov') = entity_query('لافروف') AS lavrov, entity_query('Jean Inconnu') AS unknown;

-- Queries and headlines work with the configurations.
SELECT to_tsvector('akhbar.news', 'Le président russe a rencontré ses homologues')
       @@ plainto_tsquery('akhbar.news', 'rencontre homologue') AS plainto,
       to_tsvector('akhbar.news', 'المفاوضات في بكين') @@ websearch_to_tsquery('akhbar.news', 'مفاوضات بكين') AS websearch;
SELECT ts_headline('akhbar.news', 'Vladimir Poutine a rencontré Xi Jinping à Pékin pour des négociations.',
                   plainto_tsquery('akhbar.news', 'PEKIN négociation'));

-- A GIN index on to_tsvector('akhbar.news', body) answers cross-lingual entity queries.
CREATE TABLE news (id int PRIMARY KEY, body text);
INSERT INTO news VALUES
	(1, 'Le président russe Vladimir Poutine a parlé avec Xi Jinping.'),
	(2, 'قال الرئيس الروسي فلاديمير بوتين إن روسيا والصين ستعززان التعاون'),
	(3, 'التقى وانغ يي لافروف في جاكرتا'),
	(4, 'Pékin et Moscou ont signé un accord.');
INSERT INTO news SELECT g, 'texte de remplissage numéro ' || g FROM generate_series(5, 2000) g;
CREATE INDEX news_tsv ON news USING gin (to_tsvector('akhbar.news', body));
ANALYZE news;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM news WHERE to_tsvector('akhbar.news', body) @@ entity_query('بوتين');
SELECT id FROM news WHERE to_tsvector('akhbar.news', body) @@ entity_query('بوتين') ORDER BY id;
SELECT id FROM news WHERE to_tsvector('akhbar.news', body) @@ entity_query('Pékin') ORDER BY id;
RESET enable_seqscan;
DROP TABLE news;

-- Stop-word-only and empty input.
SELECT to_tsvector('akhbar.news', 'في من le la') AS stops, to_tsvector('akhbar.news', '') AS empty;
