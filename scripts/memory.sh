#!/usr/bin/env bash
# Memory of a long extraction: entities() and events() over 1,000,000 rows in one query must
# not make the backend grow by more than 50 MB — a leak of even 50 bytes per row would show.
# Why: both functions allocate per row (token arrays, mentions, event values) and are meant to
# reset a short-lived memory context per row; a scan of an archive must not grow with it.
#
# What is measured: the backend's anonymous resident memory (RssAnon in /proc/<pid>/status),
# where palloc'd memory lives. Shared buffers (shared memory) and the mapped server and akhbar.so
# (files) are not in it, so the pages the scan touches do not count. One psql session is driven
# through a pipe; a sampler reads its backend's RssAnon every 0.1 s. Growth is the peak during
# the query minus the value of the fresh session before its first akhbar call, so it includes
# the session's automaton and ICU data. No parallel workers: one backend does all the work.
#
# Usage: scripts/memory.sh [rows]   (default 1000000; MEMORY_LIMIT_MB, default 50).
# Prints PASS/FAIL lines, exits non-zero on failure. Reads /proc of the server's processes, so
# it runs on the server's machine, as root or as the server's user. PGHOST/PGPORT/PGUSER point
# at the server. About 40 s on 2 cores.
set -euo pipefail
. "$(dirname "$0")/bigtable.sh"
rows=${1:-1000000}
limit_mb=${MEMORY_LIMIT_MB:-50}
db=akhbar_memory
make_big "$db" "$rows"

work=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null || true; [ -n "${sampler:-}" ] && kill "$sampler" 2>/dev/null; rm -rf "$work"' EXIT
mkfifo "$work/in"
psql -qAtX -v ON_ERROR_STOP=1 -d "$db" <"$work/in" >"$work/out" 2>&1 &
session=$!
exec 3>"$work/in"

# send SQL MARK: sends SQL to the session and waits until it has run (its \echo MARK printed).
send() {
	printf '%s\n\\echo %s\n' "$1" "$2" >&3
	until grep -qx "$2" "$work/out"; do
		if ! kill -0 "$session" 2>/dev/null; then
			echo "FAIL memory: the session ended: $(tail -3 "$work/out")"
			exit 1
		fi
		sleep 0.05
	done
}
rss_anon() { awk '/^RssAnon:/ {print $2}' "/proc/$1/status"; }

send "SET max_parallel_workers_per_gather = 0; SELECT 'pid ' || pg_backend_pid();" started
pid=$(sed -n 's/^pid //p' "$work/out")
fresh=$(rss_anon "$pid")
send "SELECT count(*) FROM akhbar.entities('Poutine à Pékin'), akhbar.events('Poutine a rencontré Xi à Pékin.', '2024-01-01');" warm
warm=$(rss_anon "$pid")

query="SELECT count(*) AS rows, sum(m.n) AS mentions, sum(e.n) AS events
FROM big,
     LATERAL (SELECT count(*) AS n FROM akhbar.entities(body)) m,
     LATERAL (SELECT count(*) AS n FROM akhbar.events(body, published)) e;"
while :; do rss_anon "$pid" >>"$work/samples" || break; sleep 0.1; done &
sampler=$!
start=$(date +%s.%N)
send "$query" done
end=$(date +%s.%N)
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
sampler=
after=$(rss_anon "$pid")
exec 3>&-
wait "$session" || true

result=$(grep -E '^[0-9]+\|' "$work/out" | tail -1)
peak=$(sort -n "$work/samples" | tail -1)
nsamples=$(wc -l <"$work/samples")
awk -v f="$fresh" -v w="$warm" -v p="$peak" -v a="$after" -v n="$nsamples" -v s="$start" -v e="$end" -v r="$result" 'BEGIN {
	split(r, x, "|")
	printf "backend anonymous memory: %.1f MB fresh, %.1f MB after a one-row warm-up, peak %.1f MB during the query, %.1f MB after it (%d samples in %.1f s; %d rows, %d mentions, %d events)\n",
		f / 1024, w / 1024, p / 1024, a / 1024, n, e - s, x[1], x[2], x[3] }'
if [ "$result" = "" ] || [ "${result%%|*}" != "$rows" ]; then
	echo "FAIL memory: the query did not return $rows rows: $(tail -3 "$work/out")"
	exit 1
fi
if awk -v f="$fresh" -v p="$peak" -v l="$limit_mb" 'BEGIN { exit !((p - f) / 1024 < l) }'; then
	verdict=PASS
else
	verdict=FAIL
fi
awk -v v="$verdict" -v f="$fresh" -v p="$peak" -v l="$limit_mb" -v n="$rows" 'BEGIN {
	printf "%s memory: entities+events on %d rows in one query, backend private memory grew %.1f MB (limit %d MB)\n",
		v, n, (p - f) / 1024, l }'
psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null
[ "$verdict" = PASS ]
