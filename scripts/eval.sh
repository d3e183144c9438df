#!/usr/bin/env bash
# Evaluation on a gold corpus (default ../shared/corpus): loads its articles into a scratch
# database of the running cluster and prints scores, one PASS/FAIL line per check.
# Usage: scripts/eval.sh [corpus-dir]   (PGHOST/PGPORT/PGUSER point at the server)
set -euo pipefail
corpus=$(cd "${1:-../shared/corpus}" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
db=akhbar_eval

psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8'" >/dev/null

# Articles: one psql variable per file (psql reads the file itself, so any text is safe).
{
	echo "CREATE EXTENSION akhbar;"
	echo "CREATE TABLE corpus (id text PRIMARY KEY, lang text, published date, body text);"
	tail -n +2 "$corpus/articles.tsv" | while IFS=$'\t' read -r id file lang published _rest; do
		echo "\\set body \`cat '$corpus/$file'\`"
		echo "INSERT INTO corpus VALUES ('$id', '$lang', '$published', :'body');"
	done
	echo "CREATE TABLE gold_entities (article text, kind text, name_en text, required int, surfaces text);"
	echo "\\copy gold_entities FROM '$corpus/gold_entities.tsv' WITH (FORMAT csv, DELIMITER E'\\t', HEADER true, QUOTE E'\\x01')"
	echo "CREATE TABLE gold_events (event text, article text, role text, kind text, actors text, place text, date date, note text);"
	echo "\\copy gold_events FROM '$corpus/gold_events.tsv' WITH (FORMAT csv, DELIMITER E'\\t', HEADER true, QUOTE E'\\x01')"
} | psql -qX -v ON_ERROR_STOP=1 -d "$db" >/dev/null

psql -qAtX -v ON_ERROR_STOP=1 -d "$db" -f "$top/scripts/eval.sql"
