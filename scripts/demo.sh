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
