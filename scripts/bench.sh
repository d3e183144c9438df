#!/usr/bin/env bash
# `make bench` after the set-up of run.sh: every benchmark script in bench/, results in
# bench/results.md (medians and ratios against the built-in alternatives).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
rows=${BENCH_ROWS:-100000}
out="$top/bench/results.md"
{
	echo "# akhbar benchmarks"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores, PostgreSQL $(psql -qAtX -d postgres -c 'SHOW server_version'), $rows rows."
	for script in fold entities search; do
		echo
		bash "$top/bench/$script.sh" "$rows"
	done
	echo
	bash "$top/bench/events.sh" "$((rows / 5))" "$rows"
	echo
	bash "$top/bench/event_window.sh"
	echo
	bash "$top/bench/parallel.sh"
	echo
	bash "$top/scripts/memory.sh"
	echo
	echo "### Throughput against input size"
	echo
	bash "$top/scripts/chart.sh" >&2
	echo "![throughput](throughput.svg) — data in [throughput.tsv](throughput.tsv) (scripts/chart.sh)."
} | tee "$out"
echo "written to $out" >&2
