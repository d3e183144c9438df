#!/usr/bin/env bash
# events() against entities() on the same articles; the self-join of events with ~= through
# the GiST index against the same join without it, at 10,000 and 100,000 events.
# Usage: bench/events.sh [rows] [events]   (defaults 20000 and 100000). Prints markdown.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
rows=${1:-20000}
big=${2:-100000}
small=$((big / 10))
make_articles "$rows"

entities=$(median_ms "SELECT count(*) FROM articles, akhbar.entities(body)")
events=$(median_ms "SELECT count(*) FROM articles, akhbar.events(body, date '2025-07-10')")
nevents=$(bench_psql -c "SELECT count(*) FROM articles, akhbar.events(body, date '2025-07-10')")

# Synthetic events: n reports of n/3 real events, each told three times a day or so apart,
# with two of 2,000 people at one of 300 places (or none), over `days` days.
make_events() {
	local table=$1 n=$2 days=$3
	bench_psql <<SQL >/dev/null
DROP TABLE IF EXISTS $table;
CREATE TABLE $table AS
SELECT r AS id,
       format('%s{Person %s,Person %s}%s[%s,%s)',
              (ARRAY['meet','call','visit','summit','statement','agreement','sanction','attack',
                     'protest','election','vote','disaster'])[1 + x % 12],
              x % 2000, (x * 7 + 3) % 2000,
              CASE WHEN x % 4 = 0 THEN '' ELSE '@City ' || x % 300 END,
              d, d + 1)::akhbar.event AS e
FROM (SELECT r, r / 3 AS x, date '2023-01-01' + (r / 3) % $days + r % 2 AS d
      FROM generate_series(1, $n) r) s;
CREATE INDEX ON $table USING gist (e);
VACUUM ANALYZE $table;
SQL
}
# An archive grows by days at a steady daily volume (30 events a day); the harder case keeps
# the days and makes them ten times busier.
make_events ev_small "$small" $((small / 30))
make_events ev_big "$big" $((big / 30))
make_events ev_dense "$big" $((small / 30))

# Memoize would serve the repeated reports of one event from cache: off, to time the index.
join_sql() { echo "SET enable_memoize = off; $(join_query "$1")"; }
join_query() { echo "SELECT count(*) FROM $1 a JOIN $1 b ON a.e OPERATOR(akhbar.~=) b.e"; }
noindex="SET enable_indexscan = off; SET enable_bitmapscan = off;"
small_gist=$(median_ms "$(join_sql ev_small)")
big_gist=$(median_ms "$(join_sql ev_big)")
dense_gist=$(median_ms "$(join_sql ev_dense)")
small_scan=$(RUNS=1 median_ms "$noindex $(join_sql ev_small)")
pairs=$(bench_psql -c "$(join_query ev_big)")
plan=$(bench_psql -c "EXPLAIN (COSTS OFF) $(join_query ev_big)" | grep -o 'Index Scan using [a-z_0-9]*' | head -1)

echo "### events() — $rows articles, $nevents events, median of $RUNS runs, one core"
echo
echo "| query | median ms | × entities() |"
echo "| --- | ---: | ---: |"
awk -v a="$entities" -v b="$events" 'BEGIN {
	printf "| entities(body) | %.0f | 1.00 |\n", a
	printf "| events(body, published) | %.0f | %.2f (target ≤ 2) |\n", b, b / a }'
echo
echo "### Self-join with ~= — $big events ($pairs matching pairs), plan: $plan"
echo
echo "| events | GiST index, ms | without index, ms | speed-up |"
echo "| ---: | ---: | ---: | ---: |"
awk -v n="$small" -v g="$small_gist" -v s="$small_scan" 'BEGIN {
	printf "| %d | %.0f | %.0f | %.0f× |\n", n, g, s, s / g }'
awk -v n="$big" -v g="$big_gist" -v s="$small_scan" 'BEGIN {
	printf "| %d | %.0f | %.0f (10,000 × 100, nested loop: quadratic) | %.0f× (target ≥ 20) |\n", n, g, s * 100, s * 100 / g }'
awk -v a="$small_gist" -v b="$big_gist" -v d="$dense_gist" 'BEGIN {
	printf "\nGiST join, 10× the events at 30 a day: %.1f× the time (target ≤ 15); 10× the events on the same days (300 a day): %.0f ms, %.1f×\n", b / a, d, d / a }'
