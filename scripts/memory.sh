#!/usr/bin/env bash
# Memory of a long extraction: entities() and events() over 1,000,000 rows in one query must
# not make the backend grow by more than 50 MB — a leak of even 50 bytes per row would show.
# Why: both functions allocate per row (tokens, mentions, dates, event values) and all of it must
# go when the row is done; a scan of a whole archive must not grow with the archive.
#
# What is measured: the backend's anonymous resident memory (RssAnon in /proc/<pid>/status),
# where palloc'd memory lives. Shared buffers (shared memory) and the mapped server and akhbar.so
# (files) are not in it, so the pages the scan touches do not count. A fresh psql session is
# driven through a pipe; a sampler reads its backend's RssAnon every 0.1 s while the query runs.
# Growth is the peak minus the fresh session's value before its first akhbar call, so it includes
# the session's gazetteer automaton and ICU data. No parallel workers: one backend does the work.
# For scale, the same join with a built-in set-returning function is measured too; when the
# check fails, entities(), events() and dates() are measured alone to say which one grows.
#
# Usage: scripts/memory.sh [rows]   (default 1000000; MEMORY_LIMIT_MB, default 50).
# Prints PASS/FAIL lines, exits non-zero on failure. Reads /proc of the server's processes, so
# it runs on the server's machine, as root or as the server's user. PGHOST/PGPORT/PGUSER point
# at the server. About 40 s on 2 cores; 80 s when it fails.
set -euo pipefail
. "$(dirname "$0")/bigtable.sh"
rows=${1:-1000000}
limit_mb=${MEMORY_LIMIT_MB:-50}
db=akhbar_memory
make_big "$db" "$rows"

work=$(mktemp -d)
sampler=
trap '[ -n "$sampler" ] && kill "$sampler" 2>/dev/null; rm -rf "$work"' EXIT

rss_anon() { awk '/^RssAnon:/ {print $2}' "/proc/$1/status"; }

# measure SQL: runs SQL in a fresh session; sets fresh_kb, peak_kb, seconds, result.
measure() {
	local sql=$1 session pid start end
	rm -f "$work/in" "$work/out" "$work/samples"
	mkfifo "$work/in"
	psql -qAtX -v ON_ERROR_STOP=1 -d "$db" <"$work/in" >"$work/out" 2>&1 &
	session=$!
	exec 3>"$work/in"
	# send SQL MARK: sends SQL and waits until the session has run it (printed MARK).
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
	send "SELECT 'pid ' || pg_backend_pid();" started
	pid=$(sed -n 's/^pid //p' "$work/out")
	fresh_kb=$(rss_anon "$pid")
	while :; do rss_anon "$pid" >>"$work/samples" || break; sleep 0.1; done &
	sampler=$!
	start=$(date +%s.%N)
	send "SET max_parallel_workers_per_gather = 0; $sql" finished
	end=$(date +%s.%N)
	kill "$sampler" 2>/dev/null || true
	wait "$sampler" 2>/dev/null || true
	sampler=
	rss_anon "$pid" >>"$work/samples"
	exec 3>&-
	wait "$session" || true
	peak_kb=$(sort -n "$work/samples" | tail -1)
	seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
	result=$(grep -E '^[0-9]+(\|[0-9]+)*$' "$work/out" | tail -1 || true)
}
grew_mb() { awk -v f="$fresh_kb" -v p="$peak_kb" 'BEGIN { printf "%.1f", (p - f) / 1024 }'; }

measure "SELECT count(*) FROM big, generate_series(1, 2);"
echo "for scale: the same join with generate_series(1, 2) grows the backend $(grew_mb) MB ($seconds s)"

measure "SELECT count(*) AS rows, sum(m.n) AS mentions, sum(e.n) AS events
FROM big,
     LATERAL (SELECT count(*) AS n FROM akhbar.entities(body)) m,
     LATERAL (SELECT count(*) AS n FROM akhbar.events(body, published)) e;"
grew=$(grew_mb)
IFS='|' read -r nrows nmentions nevents <<<"$result"
if [ "${nrows:-}" != "$rows" ]; then
	echo "FAIL memory: the query did not return $rows rows: $(tail -3 "$work/out")"
	exit 1
fi
if awk -v g="$grew" -v l="$limit_mb" 'BEGIN { exit !(g < l) }'; then verdict=PASS; else verdict=FAIL; fi
echo "$verdict memory: entities+events on $rows rows in one query ($nmentions mentions, $nevents events, $seconds s), backend private memory grew $grew MB (limit $limit_mb MB)"

if [ "$verdict" = FAIL ]; then
	measure "SELECT count(*) FROM big, akhbar.entities(body);"
	echo "  entities() alone: grew $(grew_mb) MB ($seconds s)"
	measure "SELECT count(*) FROM big, akhbar.events(body, published);"
	echo "  events() alone: grew $(grew_mb) MB ($seconds s)"
	measure "SELECT count(*) FROM big, akhbar.dates(body, published);"
	echo "  dates() alone: grew $(grew_mb) MB ($seconds s)"
fi
psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null
[ "$verdict" = PASS ]
