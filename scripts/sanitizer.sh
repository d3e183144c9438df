#!/usr/bin/env bash
# The last step of `make test SANITIZE=1`, after every other test ran against the server built
# with AddressSanitizer (scripts/pg_asan.sh) and akhbar built with ASan and UBSan:
#   1. the server log holds no sanitizer report, no failed assertion, no write past a palloc'd
#      chunk and no backend killed by a signal: nothing the tests did tripped a check, even
#      where the test itself passed (a crash in one test shows up here as well as there);
#   2. the canaries of tests/asan_canary.c, a write past a palloc'd chunk and a read after
#      pfree, are each caught: the server really watches palloc'd memory, so step 1 means
#      something.
# Needs AKHBAR_SERVER_LOG (run.sh sets it) and a superuser connection. Prints PASS/FAIL lines.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
log=${AKHBAR_SERVER_LOG:?run through make test SANITIZE=1}
failed=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failed=1; }

reports='AddressSanitizer|runtime error:|TRAP: |detected write past chunk end|terminated by signal'
if grep -qE "$reports" "$log"; then
	fail "the server log holds sanitizer or assertion reports:"
	grep -m5 -B2 -A12 -E "$reports" "$log" | head -80
else
	pass "no sanitizer report, failed assertion or crash in the server log ($(wc -l <"$log") lines)"
fi

pg_config=${PG_CONFIG:-pg_config}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
# shellcheck disable=SC2046 # pg_config prints several flags
if ! cc $($pg_config --cflags) $($pg_config --cflags_sl) -I"$($pg_config --includedir-server)" \
	-shared -o "$work/asan_canary.so" "$top/tests/asan_canary.c" 2>"$work/cc.log"; then
	fail "the canary module does not build:"
	cat "$work/cc.log"
	exit 1
fi

ready() {
	local i
	for i in $(seq 60); do
		psql -qAtX -d postgres -c 'SELECT 1' >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	return 1
}

# Each canary must kill its backend with the named report, and the server must come back.
canary() {
	local fn=$1 kind=$2 before out
	before=$(wc -c <"$log")
	out=$(psql -qAtX -d postgres \
		-c "CREATE OR REPLACE FUNCTION pg_temp.$fn(int) RETURNS int AS '$work/asan_canary', '$fn' LANGUAGE C STRICT" \
		-c "SELECT pg_temp.$fn(13)" 2>&1)
	if ! ready; then
		fail "$fn: the server did not come back after the canary"
		return
	fi
	if tail -c +"$((before + 1))" "$log" | grep -q "AddressSanitizer: $kind"; then
		pass "$fn is caught in the server: AddressSanitizer: $kind"
	else
		fail "$fn was not caught (psql said: $(printf '%s' "$out" | head -3))"
	fi
}
canary canary_write_past_end use-after-poison
canary canary_read_after_pfree use-after-poison
exit $failed
