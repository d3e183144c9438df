-- Scores on the gold corpus, loaded by scripts/eval.sh into table corpus.
-- Each check prints one line starting with PASS or FAIL; scores print as plain lines.

\echo '-- normalization and language'
SELECT CASE WHEN akhbar.lang(body) IS NOT DISTINCT FROM lang THEN 'PASS' ELSE 'FAIL' END
       || ' lang(' || id || ') = ' || coalesce(akhbar.lang(body), 'NULL') || ' (gold ' || lang || ')'
FROM corpus ORDER BY id;

SELECT 'lang accuracy ' || count(*) FILTER (WHERE akhbar.lang(body) = lang) || '/' || count(*)
FROM corpus;

SELECT CASE WHEN akhbar.fold(akhbar.fold(body)) = akhbar.fold(body) THEN 'PASS' ELSE 'FAIL' END
       || ' fold idempotent on ' || id
FROM corpus ORDER BY id;

-- Nothing fold() deletes or maps survives it.
SELECT CASE WHEN akhbar.fold(body) !~ '[\u064B-\u065F\u0640\u0622\u0623\u0625\u0649\u0629\u200B-\u200F\u00A0A-Z«»“”’]'
            THEN 'PASS' ELSE 'FAIL' END || ' fold leaves no folded-away character in ' || id
FROM corpus ORDER BY id;

\echo '-- entities (on clean(body)): recall of required entities, precision of extracted ones'
CREATE TEMP TABLE extracted AS
SELECT DISTINCT c.id AS article, m.entity_id, m.kind, m.name, m.key
FROM corpus c, akhbar.entities(akhbar.clean(c.body)) m;

-- An extracted entity is correct when the gold list has it: by name for gazetteer entities, by
-- name key for unknown ones.
CREATE TEMP TABLE judged AS
SELECT x.*, EXISTS (SELECT 1 FROM gold_entities g
                    WHERE g.article = x.article
                      AND (g.name_en = x.name OR (x.entity_id IS NULL AND akhbar.name_key(g.name_en) = x.key))) AS correct
FROM extracted x;

CREATE TEMP TABLE found AS
SELECT g.*, EXISTS (SELECT 1 FROM extracted x
                    WHERE x.article = g.article
                      AND (x.name = g.name_en OR (x.entity_id IS NULL AND x.key = akhbar.name_key(g.name_en)))) AS found
FROM gold_entities g;

SELECT 'entities ' || article || ': recall ' || coalesce(round(avg(found::int) FILTER (WHERE required = 1), 2)::text, '-')
       || ' (' || count(*) FILTER (WHERE required = 1 AND found) || '/' || count(*) FILTER (WHERE required = 1) || ')'
       || ', precision ' || coalesce((SELECT round(avg(correct::int), 2)::text || ' (' || count(*) FILTER (WHERE correct) || '/' || count(*) || ')'
                                       FROM judged j WHERE j.article = f.article), '-')
FROM found f GROUP BY article ORDER BY article;

SELECT '  missed ' || article || ': ' || string_agg(name_en, ', ' ORDER BY name_en)
FROM found WHERE required = 1 AND NOT found GROUP BY article ORDER BY article;
SELECT '  spurious ' || article || ': ' || string_agg(coalesce(name, '?') || CASE WHEN entity_id IS NULL THEN ' (unknown)' ELSE '' END, ', ' ORDER BY name)
FROM judged WHERE NOT correct GROUP BY article ORDER BY article;

SELECT CASE WHEN avg(found::int) >= 0.95 THEN 'PASS' ELSE 'FAIL' END
       || ' entity recall ' || round(avg(found::int), 3) || ' (target 0.95)'
FROM found WHERE required = 1;
SELECT CASE WHEN avg(correct::int) >= 0.90 THEN 'PASS' ELSE 'FAIL' END
       || ' entity precision ' || round(avg(correct::int), 3) || ' (target 0.90)'
FROM judged;

\echo '-- search: entity_query(name_en) finds the article; gold surfaces are not stemmed into other words'
CREATE TEMP TABLE searched AS
SELECT g.article, g.name_en,
       EXISTS (SELECT 1 FROM corpus c
               WHERE c.id = g.article
                 AND to_tsvector('akhbar.news', akhbar.clean(c.body)) @@ akhbar.entity_query(g.name_en)) AS found
FROM gold_entities g;
SELECT 'search: entity_query(name_en) finds its article for ' || count(*) FILTER (WHERE found) || '/' || count(*)
       || ' gold entities (required: ' || count(*) FILTER (WHERE found AND required = 1) || '/' || count(*) FILTER (WHERE required = 1) || ')'
FROM searched JOIN gold_entities USING (article, name_en);
SELECT '  not found ' || article || ': ' || string_agg(name_en, ', ' ORDER BY name_en)
FROM searched WHERE NOT found GROUP BY article ORDER BY article;
SELECT CASE WHEN bool_and(found) THEN 'PASS' ELSE 'FAIL' END || ' search: every required gold entity found by entity_query'
FROM searched JOIN gold_entities USING (article, name_en) WHERE required = 1;

-- A surface is stemmed into another word when a lexeme of its tsvector is not one of its folded
-- words, nor such a word with its leading clitics or article cut off (وبكين -> بكين, الصين -> صين).
CREATE TEMP TABLE surface_words AS
SELECT DISTINCT g.article, s.surface, w.word
FROM gold_entities g,
     LATERAL unnest(string_to_array(g.surfaces, '|')) s(surface),
     LATERAL regexp_split_to_table(akhbar.fold(s.surface), '[^[:alnum:]]+') w(word)
WHERE w.word <> '';
CREATE TEMP TABLE stemmed AS
SELECT DISTINCT sw.article, sw.surface, l.lexeme
FROM (SELECT DISTINCT article, surface FROM surface_words) sw,
     LATERAL unnest(to_tsvector('akhbar.news', sw.surface)) l
WHERE l.lexeme NOT LIKE 'entity\_%'
  AND NOT EXISTS (SELECT 1 FROM surface_words x
                  WHERE x.article = sw.article AND x.surface = sw.surface
                    AND (x.word = l.lexeme OR x.word LIKE '%' || l.lexeme AND length(x.word) - length(l.lexeme) <= 3));
SELECT '  stemmed ' || article || ': ' || string_agg(surface || ' -> ' || lexeme, ', ')
FROM stemmed GROUP BY article ORDER BY article;
SELECT CASE WHEN count(*) = 0 THEN 'PASS' ELSE 'FAIL' END || ' search: no gold surface stemmed into another word ('
       || count(*) || ' stemmed)'
FROM stemmed;

-- Events: the main event of each article (on clean(body), resolved against the publication
-- date) has the gold kind, all gold actors, a period holding the gold date, and the gold place
-- when the text names the place (in any of its gazetteer names).
CREATE TEMP TABLE main_events AS
SELECT c.id, e.event
FROM corpus c, LATERAL akhbar.events(akhbar.clean(c.body), c.published) e
WHERE e.main;

CREATE TEMP TABLE event_checks AS
SELECT g.article, g.kind, g.actors, g.place, g.date, m.event,
	   m.event IS NOT NULL AND akhbar.event_kind(m.event) = g.kind AS kind_ok,
	   m.event IS NOT NULL AND (g.actors = '' OR akhbar.event_actors(m.event) @> string_to_array(g.actors, '|')) AS actors_ok,
	   m.event IS NOT NULL AND akhbar.event_period(m.event) @> g.date AS date_ok,
	   -- Is the gold place named in the text? Then the event must have it.
	   g.place = '-' OR NOT EXISTS (
		   SELECT 1 FROM akhbar.entities(akhbar.clean(c.body)) x
		   WHERE x.kind = 'place' AND x.name = g.place)
	   OR (m.event IS NOT NULL AND akhbar.event_place(m.event) = g.place) AS place_ok
FROM gold_events g
JOIN corpus c ON c.id = g.article
LEFT JOIN main_events m ON m.id = g.article
WHERE g.role = 'main';

SELECT CASE WHEN kind_ok AND actors_ok AND date_ok AND place_ok THEN 'PASS' ELSE 'FAIL' END
	   || ' events: main event of ' || article || ' is ' || coalesce(event::text, 'missing')
	   || ' (gold ' || kind || '{' || replace(actors, '|', ',') || '}@' || place || ' ' || date || ')'
FROM event_checks ORDER BY article;

-- Pairs of articles: those reporting different gold events must not match with ~=; those
-- reporting the same one should.
CREATE TEMP TABLE event_pairs AS
SELECT ga.event = gb.event AS same, a.event OPERATOR(akhbar.~=) b.event AS matched
FROM main_events a JOIN main_events b ON a.id < b.id
JOIN gold_events ga ON ga.article = a.id AND ga.role = 'main'
JOIN gold_events gb ON gb.article = b.id AND gb.role = 'main';
SELECT CASE WHEN count(*) FILTER (WHERE matched) = 0 THEN 'PASS' ELSE 'FAIL' END
	   || ' events: no two main events of different gold events match with ~= ('
	   || count(*) FILTER (WHERE matched) || ' pairs do)'
FROM event_pairs WHERE NOT same;
SELECT 'events: pairs of articles on the same gold event matched by ~=: '
	   || count(*) FILTER (WHERE matched) || '/' || count(*)
FROM event_pairs WHERE same HAVING count(*) > 0;

SELECT 'events: main events correct ' || count(*) FILTER (WHERE kind_ok AND actors_ok AND date_ok AND place_ok)
	   || '/' || count(*) || ' (kind ' || count(*) FILTER (WHERE kind_ok) || ', actors '
	   || count(*) FILTER (WHERE actors_ok) || ', date ' || count(*) FILTER (WHERE date_ok)
	   || ', place ' || count(*) FILTER (WHERE place_ok) || ')'
FROM event_checks;
