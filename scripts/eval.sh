#!/usr/bin/env bash
# Evaluation on a gold corpus (default ../shared/corpus): loads its articles into a scratch
# database of the running cluster and prints scores, one PASS/FAIL line per check.
# Usage: scripts/eval.sh [corpus-dir]   (PGHOST/PGPORT/PGUSER point at the server)
#        scripts/eval.sh data/heldout/ar   (the held-out sets, data/sample: same scores)
set -euo pipefail
corpus=$(cd "${1:-../shared/corpus}" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
db=akhbar_eval

psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8'" >/dev/null

# Articles: one psql variable per file (psql reads the file itself, so any text is safe).
# Two layouts: the gold corpus's (articles.tsv, gold_entities.tsv, gold_events.tsv), and that
# of data/sample and data/heldout/* (NN.txt, index.tsv with one main event per article, and
# entities.tsv: id, name_en, kind, required), read into the same tables.
{
	echo "CREATE EXTENSION akhbar;"
	echo "CREATE TABLE corpus (id text PRIMARY KEY, lang text, published date, body text);"
	echo "CREATE TABLE gold_entities (article text, kind text, name_en text, required int, surfaces text);"
	echo "CREATE TABLE gold_events (event text, article text, role text, kind text, actors text, place text, date date, note text);"
	if [ -f "$corpus/articles.tsv" ]; then
		tail -n +2 "$corpus/articles.tsv" | while IFS=$'\t' read -r id file lang published _rest; do
			echo "\\set body \`cat '$corpus/$file'\`"
			echo "INSERT INTO corpus VALUES ('$id', '$lang', '$published', :'body');"
		done
		echo "\\copy gold_entities FROM '$corpus/gold_entities.tsv' WITH (FORMAT csv, DELIMITER E'\\t', HEADER true, QUOTE E'\\x01')"
		echo "\\copy gold_events FROM '$corpus/gold_events.tsv' WITH (FORMAT csv, DELIMITER E'\\t', HEADER true, QUOTE E'\\x01')"
	else
		# Through the unit separator: read would merge the tabs around an empty field.
		tail -n +2 "$corpus/index.tsv" | tr '\t' '\037' | while IFS=$'\037' read -r id lang published event kind actors place date; do
			echo "\\set body \`cat '$corpus/$id.txt'\`"
			echo "INSERT INTO corpus VALUES ('$id', '$lang', '$published', :'body');"
			printf "INSERT INTO gold_events VALUES (%s, '%s', 'main', '%s', %s, %s, '%s', NULL);\n" \
				"\$\$$event\$\$" "$id" "$kind" "\$\$$actors\$\$" "\$\$${place:--}\$\$" "$date"
		done
		if [ -f "$corpus/entities.tsv" ]; then
			echo "CREATE TEMP TABLE e (article text, name_en text, kind text, required int);"
			echo "\\copy e FROM '$corpus/entities.tsv' WITH (FORMAT csv, DELIMITER E'\\t', HEADER true, QUOTE E'\\x01')"
			echo "INSERT INTO gold_entities SELECT article, kind, name_en, required, '' FROM e;"
		fi
	fi
} | psql -qX -v ON_ERROR_STOP=1 -d "$db" >/dev/null

psql -qAtX -v ON_ERROR_STOP=1 -d "$db" -f "$top/scripts/eval.sql"
