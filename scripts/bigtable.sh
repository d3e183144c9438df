#!/usr/bin/env bash
# Sourced by scripts/memory.sh and bench/parallel.sh: a database holding a table of N short
# article-like rows, for the checks that need a million rows rather than bench/lib.sh's
# 2.5 kB articles (a million of those would take minutes to extract).
#
# make_big DB N: drops and creates database DB with akhbar and table
#   big(id int, lang text, published date, body text)
# of N rows. Each row is the headline of one of the 12 articles of data/sample, a blank line,
# one of the article's four body paragraphs and the row number (48 variants, each with names,
# places, quotes or a dateline to extract; the number makes rows differ): 130 to 680 bytes,
# 410 on average, 450 MB for a million rows (built in about 5 s); published is the article's
# publication date.
# PGHOST/PGPORT/PGUSER point at the server.
set -euo pipefail
bigtable_top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

make_big() {
	local db=$1 n=$2
	psql -qX -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" \
		-c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8'" >/dev/null
	{
		echo "CREATE EXTENSION akhbar;"
		echo "CREATE TABLE samples (id int, lang text, published date, body text);"
		tail -n +2 "$bigtable_top/data/sample/index.tsv" | while IFS=$'\t' read -r id lang published _rest; do
			echo "\\set body \`cat '$bigtable_top/data/sample/$id.txt'\`"
			echo "INSERT INTO samples VALUES ($((10#$id)), '$lang', '$published', :'body');"
		done
		cat <<SQL
-- Line 1 of a sample is its headline, the next non-empty lines its paragraphs.
CREATE TABLE pieces AS
SELECT (row_number() OVER (ORDER BY s.id, p.n) - 1)::int AS k, s.lang, s.published,
       (regexp_split_to_array(btrim(s.body, E'\n '), E'\n+'))[1] || E'\n\n' || p.para AS body
FROM samples s,
     unnest((regexp_split_to_array(btrim(s.body, E'\n '), E'\n+'))[2:]) WITH ORDINALITY AS p(para, n);
CREATE TABLE big AS
SELECT g AS id, p.lang, p.published, p.body || E'\n' || g AS body
FROM generate_series(1, $n) g JOIN pieces p ON p.k = g % (SELECT count(*) FROM pieces);
VACUUM ANALYZE big;
SQL
	} | psql -qX -v ON_ERROR_STOP=1 -d "$db" >/dev/null
}
