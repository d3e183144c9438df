#!/usr/bin/env bash
# Runs every libFuzzer target of fuzz/ (the FUZZ_TARGETS of fuzz/fuzz.mk) for N seconds each
# (default 60): `make fuzz FUZZ_SECONDS=N`, and scripts/test.sh for `make test`.
#
# Each target runs in build/fuzz/ on build/fuzz/corpus-<target>, a copy of fuzz/corpus/<target>/
# that keeps what earlier runs found (the seeds in the repository are never written to). Prints
#   PASS fuzz_fold (60 s, 1234567 runs)
#   FAIL fuzz_fold: <first line of the sanitizer or invariant report>
# per target, leaves the failing input (build/fuzz/<target>-crash-*, -leak-*, -timeout-*) and
# the whole log (build/fuzz/<target>.log), and exits non-zero if any target failed.
set -uo pipefail

secs=${1:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
mkdir -p build/fuzz

targets=$(make -s --no-print-directory list-fuzz)
bins=()
for t in $targets; do
	bins+=("build/fuzz/$t")
done
# Build them all first; a target that does not build fails below.
make -s --no-print-directory "${bins[@]}" >build/fuzz/build.log 2>&1

# UBSan reports abort (-fno-sanitize-recover); its stack trace goes into the log.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

failed=0
for t in $targets; do
	if [ ! -x "build/fuzz/$t" ]; then
		echo "FAIL $t: does not build (build/fuzz/build.log: $(grep -m1 -E 'error' build/fuzz/build.log))"
		failed=1
		continue
	fi
	corpus=build/fuzz/corpus-$t
	mkdir -p "$corpus"
	[ -d "fuzz/corpus/$t" ] && cp fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null
	log=build/fuzz/$t.log
	# -max_len: a long article; -timeout: seconds for one input (the engine is linear).
	(cd build/fuzz && "./$t" -max_len=65536 -timeout=10 -max_total_time="$secs" \
		-print_final_stats=1 -artifact_prefix="$t-" "corpus-$t") >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -1)
	if [ "$rc" -eq 0 ]; then
		echo "PASS $t ($secs s, ${runs:-0} runs)"
	else
		why=$(grep -m1 -E 'INVARIANT|runtime error|ERROR:|ALARM|out-of-memory' "$log" |
			sed 's/^==[0-9]*== *//')
		echo "FAIL $t: ${why:-exit status $rc, see $log}"
		failed=1
	fi
done
exit "$failed"
