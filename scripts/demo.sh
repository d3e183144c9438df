#!/usr/bin/env bash
# `make demo` after the set-up of run.sh: loads the sample corpus (data/sample) into a demo
# database and shows what akhbar does with it.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
db=akhbar_demo

psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" \
	-c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8'" >/dev/null 2>&1
{
	echo "CREATE EXTENSION akhbar;"
	echo "CREATE TABLE articles (id int PRIMARY KEY, lang text, published date, body text);"
	tail -n +2 "$top/data/sample/index.tsv" | while IFS=$'\t' read -r id lang published _rest; do
		echo "\\set body \`cat '$top/data/sample/$id.txt'\`"
		echo "INSERT INTO articles VALUES ($((10#$id)), '$lang', '$published', :'body');"
	done
} | psql -qX -v ON_ERROR_STOP=1 -d "$db" >/dev/null

run() {
	printf '\n-- %s\n' "$1"
	printf '%s\n' "$2"
	psql -X -P pager=off -v ON_ERROR_STOP=1 -d "$db" -c "SET search_path = public, akhbar" -c "$2" | sed '1d'
}

echo "akhbar demo: $(psql -qAtX -d "$db" -c 'SELECT count(*) FROM articles') sample articles loaded into database $db"

run "Language of each article, from its text alone" \
"SELECT id, lang AS labelled, akhbar.lang(body) AS detected, split_part(body, E'\n', 1) AS headline
FROM articles ORDER BY id;"

run "fold(): the search key — harakat, tatweel, hamza and alef forms, ى/ي, ة/ه, digits, quotes, case, accents" \
"SELECT s AS original, akhbar.fold(s) AS folded
FROM (VALUES ('الرئيـــس التركي أردوغان'), ('في ٥ أغسطس ٢٠٢٢'), ('L’ŒUVRE — « Le Petit Prince »'),
             ('مسؤول = مسئول'), ('الصينى'), ('Sergueï Lavrov à Pékin')) v(s);"

run "Searching the folded text: one spelling finds the others" \
"SELECT id, lang, published
FROM articles
WHERE akhbar.fold(body) LIKE '%' || akhbar.fold('وزير الخارجية الروسى') || '%'
   OR akhbar.fold(body) LIKE '%' || akhbar.fold('LAVROV') || '%'
ORDER BY id;"

run "ftext: a key type that ignores what fold() removes, and keeps the spelling" \
"SELECT w::akhbar.ftext AS first_spelling, count(*) AS spellings
FROM (VALUES ('Pékin'), ('PEKIN'), ('pékin'), ('الصينى'), ('الصيني'), ('الصينيّ')) v(w)
GROUP BY w::akhbar.ftext ORDER BY 2 DESC, 1;"

run "Entities of one article (after clean()): gazetteer entities, short mentions, unknown names" \
"SELECT kind, name, surface, start, len, key
FROM articles, akhbar.entities(akhbar.clean(body))
WHERE id = 3 ORDER BY start;"

run "One identity across languages and spellings: who and what the corpus talks about" \
"SELECT m.name, m.kind,
       count(DISTINCT a.id) FILTER (WHERE a.lang = 'ar') AS ar_articles,
       count(DISTINCT a.id) FILTER (WHERE a.lang = 'fr') AS fr_articles,
       string_agg(DISTINCT m.surface, ' | ') AS spellings
FROM articles a, akhbar.entities(akhbar.clean(a.body)) m
WHERE m.entity_id IS NOT NULL
GROUP BY m.name, m.kind
HAVING count(DISTINCT a.lang) = 2
ORDER BY count(DISTINCT a.id) DESC, m.name
LIMIT 12;"

run "Name keys: transliterations meet" \
"SELECT a, b, akhbar.name_key(a) AS key_a, akhbar.name_key(b) AS key_b, akhbar.name_similarity(a, b) AS similarity
FROM (VALUES ('Sergueï Lavrov', 'سيرغي لافروف'), ('Poutine', 'بوتين'), ('Xi Jinping', 'شى جين بينج'),
             ('Erdoğan', 'أردوغان'), ('Wang Yi', 'Wang Wenbin')) v(a, b);"

run "The gazetteer is a table: add a name, and the next statement uses it" \
"INSERT INTO akhbar.alias (entity_id, alias, lang)
  SELECT id, 'Tsar Vladimir', 'fr' FROM akhbar.entity WHERE name_en = 'Vladimir Putin';
SELECT name, surface FROM akhbar.entities('Selon le Tsar Vladimir, la Russie...');
DELETE FROM akhbar.alias WHERE alias = 'Tsar Vladimir';"

run "Dates resolved against the publication date" \
"SELECT a.id, a.published, d.surface, d.value, d.grain
FROM articles a, akhbar.dates(akhbar.clean(a.body), a.published) d
WHERE a.id IN (1, 3, 7) ORDER BY a.id, d.start;"

run "The main event of every article: who did what with whom, where and when" \
"SELECT a.id, a.lang, a.published, e.event, e.trigger
FROM articles a, akhbar.events(akhbar.clean(a.body), a.published) e
WHERE e.main ORDER BY a.id;"

run "Same event across languages: one cluster per real-world event (the yearly Wang Yi–Lavrov meeting stays two events)" \
"WITH main AS (
  SELECT a.id, a.lang, e.event
  FROM articles a, akhbar.events(akhbar.clean(a.body), a.published) e
  WHERE e.main),
clustered AS (
  SELECT *, akhbar.event_cluster(event) OVER (ORDER BY id) AS cluster FROM main)
SELECT cluster,
       string_agg(DISTINCT akhbar.event_kind(event), '/') AS kind,
       (array_agg(array_to_string(akhbar.event_actors(event), ', ')
                  ORDER BY cardinality(akhbar.event_actors(event)) DESC))[1] AS actors,
       string_agg(DISTINCT akhbar.event_place(event), '/') AS place,
       min(lower(akhbar.event_period(event))) AS date,
       count(*) FILTER (WHERE lang = 'ar') AS ar,
       count(*) FILTER (WHERE lang = 'fr') AS fr
FROM clustered GROUP BY cluster ORDER BY date;"
