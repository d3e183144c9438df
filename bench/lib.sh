#!/usr/bin/env bash
# Shared by the benchmark scripts: a scratch database with N article-sized rows of mixed
# Arabic and French news made from data/sample, and median timing of queries.
# PGHOST/PGPORT/PGUSER point at the server (make bench sets them up).
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DB=${BENCH_DB:-akhbar_bench}
RUNS=${RUNS:-5}

bench_psql() { psql -qAtX -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }

# make_articles N: table articles(id, lang, body) with N rows of about 2.5 kB each (two
# sample articles of the same language glued together, plus a row number so rows differ).
make_articles() {
	local n=$1
	psql -qX -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" \
		-c "CREATE DATABASE $BENCH_DB TEMPLATE template0 ENCODING 'UTF8'" >/dev/null
	{
		echo "CREATE EXTENSION akhbar; CREATE EXTENSION unaccent;"
		echo "CREATE TABLE samples (id int, lang text, body text);"
		tail -n +2 "$top/data/sample/index.tsv" | while IFS=$'\t' read -r id lang _rest; do
			echo "\\set body \`cat '$top/data/sample/$id.txt'\`"
			echo "INSERT INTO samples VALUES ($((10#$id)), '$lang', :'body');"
		done
		cat <<SQL
CREATE TABLE articles AS
SELECT g AS id, a.lang, a.body || E'\n\n' || b.body || E'\n' || g AS body
FROM generate_series(1, $n) g
JOIN LATERAL (SELECT * FROM samples WHERE id = 1 + g % 12) a ON true
JOIN LATERAL (SELECT * FROM samples s WHERE s.lang = a.lang AND s.id <> a.id
              ORDER BY (s.id * 7 + g) % 13 LIMIT 1) b ON true;
VACUUM ANALYZE articles;
SQL
	} | psql -qX -v ON_ERROR_STOP=1 -d "$BENCH_DB" >/dev/null
}

# median_ms SQL: runs SQL $RUNS times (after one warm-up), prints the median in ms.
median_ms() {
	local sql=$1 i t times=()
	bench_psql -c "SET max_parallel_workers_per_gather = 0; $sql" >/dev/null
	for ((i = 0; i < RUNS; i++)); do
		t=$(bench_psql -c "SET max_parallel_workers_per_gather = 0" -c '\timing on' -c "$sql" |
			sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
		times+=("$t")
	done
	printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
