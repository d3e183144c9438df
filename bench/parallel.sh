#!/usr/bin/env bash
# Parallel extraction: on 1,000,000 rows a parallel plan with 2 workers must make entities()
# and events() at least 1.6× faster than one backend. Both functions are PARALLEL SAFE, so a
# scan of an archive can use every core; this measures what that buys.
#
# The rows are scripts/bigtable.sh's (short articles of data/sample, about 410 bytes). The
# parallel runs force the plan (parallel_setup_cost = parallel_tuple_cost = 0,
# min_parallel_table_scan_size = 0, max_parallel_workers_per_gather = 2) and check that EXPLAIN
# ANALYZE shows 2 workers planned and launched. With 2 workers the leader also scans
# (parallel_leader_participation, on by default): 3 processes; on a machine with 2 cores they
# share them, so the run with the leader only gathering is timed too.
#
# Usage: bench/parallel.sh [rows]   (default 1000000; RUNS, default 3). Prints markdown.
# PGHOST/PGPORT/PGUSER point at the server. About 4 minutes on 2 cores.
set -euo pipefail
. "$(dirname "$0")/../scripts/bigtable.sh"
rows=${1:-1000000}
RUNS=${RUNS:-3}
db=akhbar_parallel
load_before=$(cut -d' ' -f1 /proc/loadavg)
make_big "$db" "$rows"

serial="SET max_parallel_workers_per_gather = 0;"
parallel="SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0; SET parallel_leader_participation = on;"
noleader="${parallel/parallel_leader_participation = on/parallel_leader_participation = off}"

# ms SETTINGS SQL: one run of SQL after SETTINGS, in ms.
ms() {
	psql -qAtX -v ON_ERROR_STOP=1 -d "$db" -c "$1" -c '\timing on' -c "$2" |
		sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# workers SETTINGS SQL: "planned/launched" from EXPLAIN ANALYZE.
workers() {
	psql -qAtX -v ON_ERROR_STOP=1 -d "$db" -c "$1" -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) $2" |
		awk '/Workers Planned:/ {p = $NF} /Workers Launched:/ {l = $NF} END {print p "/" l}'
}

entities="SELECT count(*) FROM big, akhbar.entities(body)"
events="SELECT count(*) FROM big, akhbar.events(body, published)"
shape=$(psql -qAtX -d "$db" -c "$parallel" -c "EXPLAIN (COSTS OFF) $events" | sed 's/^/    /')
plan_entities=$(workers "$parallel" "$entities")
plan_events=$(workers "$parallel" "$events")
plan_noleader=$(workers "$noleader" "$events")

# The three settings take turns within each round, so that whatever else runs on the machine
# weighs on all three alike; one warm-up round first.
declare -A times
for q in entities events; do
	for mode in serial parallel noleader; do ms "${!mode}" "${!q}" >/dev/null; done
	for ((i = 0; i < RUNS; i++)); do
		for mode in serial parallel noleader; do
			times[$q,$mode]+=" $(ms "${!mode}" "${!q}")"
		done
	done
done
declare -A med
for key in "${!times[@]}"; do
	# shellcheck disable=SC2086
	med[$key]=$(median ${times[$key]})
done

echo "### Parallel extraction — $rows rows, median of $RUNS runs, $(nproc) cores"
echo
echo "| query | 1 backend, ms | 2 workers + leader, ms | speed-up | 2 workers, leader only gathers, ms | speed-up |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for q in entities events; do
	awk -v q="$q" -v s="${med[$q,serial]}" -v p="${med[$q,parallel]}" -v n="${med[$q,noleader]}" 'BEGIN {
		printf "| %s | %.0f | %.0f | %.2f× | %.0f | %.2f× |\n", q == "entities" ? "entities(body)" : "events(body, published)", s, p, s / p, n, s / n }'
done
echo
echo "Workers planned/launched: entities $plan_entities, events $plan_events, events without the leader $plan_noleader (target: 2/2). Target: speed-up ≥ 1.6."
echo "Load average (1 min) when the script started: $load_before (above about 0.5, something else was using the cores: compare the runs)."
echo "Runs, ms: $(for key in entities,serial entities,parallel entities,noleader events,serial events,parallel events,noleader; do printf '%s:%s; ' "$key" "${times[$key]# }"; done)"
echo
echo "Plan of the parallel events() query:"
echo
echo "$shape"
psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null
