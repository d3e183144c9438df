-- Dates and events: akhbar.dates(), akhbar.events(), the akhbar.event type, ~=, <->, GiST and
-- clustering.
SET search_path = public, akhbar;
SET DateStyle = ISO;

-- ---- dates ----------------------------------------------------------------------------------
-- Published on Saturday 2021-12-18.
SELECT surface, start, len, value, grain
FROM akhbar.dates('a déclaré vendredi le porte-parole, citée le 18 décembre ; la semaine dernière, hier et lundi prochain', '2021-12-18');
SELECT surface, value, grain FROM akhbar.dates('le 1er mars 2022, 15/12/2021, en mars, en 2001, 31/02/2021', '2021-12-18');
-- A day and month without a year: the nearest before publication, across New Year.
SELECT surface, value FROM akhbar.dates('le 28 décembre', '2022-01-03');
-- a verb in the future marks the date future; a range of days gives all its days (grain days)
SELECT surface, value, grain FROM akhbar.dates('Le sommet se tiendra du 5 au 7 mars à Paris ; les ministres se sont vus les 2 et 3 février.', '2025-02-20');
-- Arabic: the weekday with a day in parentheses is one date.
SELECT surface, value, grain FROM akhbar.dates('التقى وانغ يي يوم الجمعة(5 أغسطس) مع لافروف', '2022-08-05');
SELECT surface, value, grain FROM akhbar.dates('الليلة الماضية، أمس، الخميس، الأحد المقبل، في مارس، عام 2001', '2024-07-26');
SELECT surface, value FROM akhbar.dates('12 تموز/يوليو 2023 و١٥ ديسمبر ٢٠٢١ و5 جويلية', '2024-07-26');
-- Without a publication date only dates with a year resolve.
SELECT surface, value FROM akhbar.dates('vendredi 15/12/2021, hier, en 2001', NULL);
SELECT count(*) FROM akhbar.dates(NULL, '2021-12-18');
SELECT count(*) FROM akhbar.dates('', '2021-12-18');

-- ---- the type -------------------------------------------------------------------------------
SELECT 'meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14)'::akhbar.event;
SELECT 'meet{ wang yi , Sergey Lavrov,Wang Yi}[2023-07-13,2023-07-13]'::akhbar.event;
SELECT 'statement{"Smith, John"}@"Washington, D.C."'::akhbar.event;
SELECT 'disaster{}'::akhbar.event;
SELECT akhbar.event_kind(e), akhbar.event_actors(e), akhbar.event_place(e), akhbar.event_period(e)
FROM (VALUES ('meet{Wang Yi,Sergey Lavrov}@Jakarta[2023-07-13,2023-07-14)'::akhbar.event),
			 ('disaster{}'::akhbar.event)) v(e);

-- Malformed literals: 22P02, with the place and what was expected.
\set VERBOSITY default
SELECT 'meeet{Wang Yi}'::akhbar.event;
SELECT 'meet{Wang Yi'::akhbar.event;
SELECT 'meet{Wang Yi}[2023-02-30,2023-03-01)'::akhbar.event;
SELECT 'meet{Wang Yi}[2023-07-14,2023-07-13)'::akhbar.event;
SELECT 'meet{Wang Yi}@Jakarta[2023-07-13,2023-07-14) extra'::akhbar.event;
SELECT 'meet{Wang, Yi}}'::akhbar.event;
DO $$
BEGIN
	PERFORM 'meet{'::akhbar.event;
EXCEPTION WHEN invalid_text_representation THEN
	RAISE NOTICE 'caught %', SQLSTATE;
END $$;
\set VERBOSITY terse

-- The binary form (scripts/integration.sh sends it back through COPY BINARY).
SELECT akhbar.event_send('meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14)');

-- ---- same event -----------------------------------------------------------------------------
CREATE TABLE ev (id int PRIMARY KEY, e akhbar.event);
INSERT INTO ev VALUES
	(1, 'meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14)'),
	(2, 'meet{Sergey Lavrov,Wang Yi}@Vientiane[2024-07-25,2024-07-26)'),
	(3, 'meet{Sergey Lavrov,Wang Yi}@Cambodia[2022-08-05,2022-08-06)'),
	(4, 'meet{Wang Yi}[2023-07-14,2023-07-15)'),
	(5, 'visit{Sergey Lavrov}@Jakarta[2023-07-12,2023-07-15)'),
	(6, 'call{Sergey Lavrov,Wang Yi}[2023-07-13,2023-07-14)'),
	(7, 'disaster{}@Izmir[2020-10-30,2020-10-31)'),
	(8, 'disaster{}@Izmir[2020-10-31,2020-11-01)'),
	(9, 'disaster{}[2020-10-30,2020-10-31)'),
	(10, 'meet{Sergey Lavrov,Wang Yi}@Jakarta'),
	(11, 'meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-16,2023-07-17)');
SHOW akhbar.event_window;
SELECT a.id, b.id FROM ev a JOIN ev b ON a.id < b.id AND a.e ~= b.e ORDER BY 1, 2;
SET akhbar.event_window = 0;
SELECT a.id, b.id FROM ev a JOIN ev b ON a.id < b.id AND a.e ~= b.e ORDER BY 1, 2;
RESET akhbar.event_window;
SET akhbar.event_window = -1;
SELECT b.id, round(akhbar.event_similarity(a.e, b.e)::numeric, 3) AS similarity,
	   round((a.e <-> b.e)::numeric, 3) AS distance
FROM ev a, ev b WHERE a.id = 1 ORDER BY b.id;

-- Identity, order and hashing.
SELECT count(DISTINCT e), count(*) FROM (SELECT e FROM ev UNION ALL SELECT e FROM ev) x;
SELECT 'meet{A}'::akhbar.event = 'meet{a}'::akhbar.event AS identical,
	   'meet{A}[2020-01-01,2020-01-02)'::akhbar.event ~= 'meet{a}[2020-01-01,2020-01-02)' AS same;

-- ---- GiST -----------------------------------------------------------------------------------
INSERT INTO ev
SELECT 100 + g, format('meet{Person %s,Person %s}@City %s[%s,%s)', g % 50, (g * 7) % 50, g % 5,
					  date '2020-01-01' + g, date '2020-01-01' + g + 1 + g % 3)::akhbar.event
FROM generate_series(1, 2000) g;
CREATE INDEX ev_gist ON ev USING gist (e);
ANALYZE ev;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT a.id, b.id FROM ev a JOIN ev b ON a.e ~= b.e WHERE a.id = 1;
EXPLAIN (COSTS OFF) SELECT id FROM ev ORDER BY e <-> 'meet{Wang Yi}[2023-07-13,2023-07-14)' LIMIT 3;
CREATE TEMP TABLE with_index AS SELECT a.id AS a, b.id AS b FROM ev a JOIN ev b ON a.e ~= b.e;
SELECT id FROM ev ORDER BY e <-> 'meet{Wang Yi}[2023-07-13,2023-07-14)', id LIMIT 3;
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE without_index AS SELECT a.id AS a, b.id AS b FROM ev a JOIN ev b ON a.e ~= b.e;
RESET enable_indexscan;
RESET enable_bitmapscan;
-- The index gives exactly the pairs the operator gives.
SELECT (SELECT count(*) FROM with_index) AS pairs,
	   (SELECT count(*) FROM (TABLE with_index EXCEPT TABLE without_index) d) AS only_index,
	   (SELECT count(*) FROM (TABLE without_index EXCEPT TABLE with_index) d) AS only_scan;

-- ---- events ---------------------------------------------------------------------------------
SELECT event, trigger, start, len, main
FROM akhbar.events('Le ministre russe des Affaires étrangères Sergueï Lavrov a rencontré vendredi à Pékin son homologue chinois Wang Yi. « Nous sommes prêts », a déclaré Wang Yi.', '2024-04-13');
SELECT event, trigger, main
FROM akhbar.events('وزيرا خارجية الصين وروسيا يلتقيان في كمبوديا

التقى وزير الخارجية الصيني وانغ يي يوم الجمعة مع نظيره الروسي سيرغي لافروف، وقال وانغ إن البلدين سيعززان التعاون.', '2022-08-06');
SELECT event, main FROM akhbar.events('Un séisme de magnitude 7 a frappé Izmir hier.', '2020-10-31');
SELECT event FROM akhbar.events('Vladimir Poutine a rencontré Xi Jinping.', NULL);
SELECT count(*) FROM akhbar.events('', '2020-01-01');
SELECT count(*) FROM akhbar.events(NULL, '2020-01-01');

-- ---- clustering -----------------------------------------------------------------------------
SELECT id, akhbar.event_cluster(e) OVER (ORDER BY id) AS cluster
FROM ev WHERE id < 100 ORDER BY id;
-- Partitions are clustered apart.
SELECT id, akhbar.event_cluster(e) OVER (PARTITION BY id % 2 ORDER BY id) AS cluster
FROM ev WHERE id <= 8 ORDER BY id;

DROP TABLE ev;
