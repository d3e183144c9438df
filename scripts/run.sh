#!/usr/bin/env bash
# The set-up behind `make demo`, `make test` and `make bench`:
#   1. install missing system packages with apt-get (only what is missing; needs root),
#   2. build and install the extension,
#   3. start a throwaway PostgreSQL cluster of its own (own port, own socket directory; never
#      a server the user runs) — as the postgres user when run as root, since the server
#      refuses to run as root,
#   4. run the demo, the tests or the benchmarks against it, and stop it.
set -euo pipefail

mode=${1:?usage: run.sh demo|test|bench}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

# clang builds the fuzz targets; libclang-rt-dev (the default clang's runtime libraries,
# libclang-rt-14-dev on Debian 12) holds libFuzzer and the sanitizers: clang only recommends
# it, and apt-get runs here without recommends.
packages=(postgresql-15 postgresql-server-dev-15 postgresql-contrib libicu-dev libcmocka-dev
	pkg-config make gcc clang libclang-rt-dev gnuplot-nox)

log() { printf '== %s\n' "$*" >&2; }

ensure_packages() {
	local missing=() p
	for p in "${packages[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "missing packages: ${missing[*]} — run as root, or install them with apt-get" >&2
		exit 1
	fi
	log "installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build_and_install() {
	log "building"
	# Objects built with other sanitizer settings (make test SANITIZE=1) are not reused.
	if [ "$(cat build/.sanitize 2>/dev/null || echo 0)" != "${SANITIZE:-0}" ]; then
		make -s clean >/dev/null 2>&1 || true
	fi
	mkdir -p build
	echo "${SANITIZE:-0}" >build/.sanitize
	make -s PG_CONFIG="$PG_CONFIG" >/dev/null
	log "installing into $($PG_CONFIG --pkglibdir)"
	if [ -w "$($PG_CONFIG --pkglibdir)" ]; then
		make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
	else
		sudo make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
	fi
}

# Runs a server-side command as the cluster's owner.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

start_cluster() {
	local dir port
	dir="$top/.cluster"
	mkdir -p "$dir"
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres: "$dir"
		# The build tree may sit where postgres cannot reach (under /root): use /tmp then.
		if ! runuser -u postgres -- test -w "$dir"; then
			dir=$(mktemp -d /tmp/akhbar-cluster.XXXXXX)
			chown postgres: "$dir"
		fi
	fi
	CLUSTER_DIR=$dir
	# A cluster left running by an earlier interrupted run is stopped before it is replaced.
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir/data"
	port=55432
	while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || [ -e "$dir/.s.PGSQL.$port" ]; do
		port=$((port + 1))
	done
	log "starting a throwaway cluster in $dir (port $port)"
	as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
	as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-p $port -k $dir -c listen_addresses='' -c max_parallel_workers_per_gather=2" start >/dev/null
	export PGHOST=$dir PGPORT=$port PGUSER=postgres PGDATABASE=postgres AKHBAR_SERVER_LOG=$dir/server.log
	trap stop_cluster EXIT
}

stop_cluster() {
	if [ -n "${CLUSTER_DIR:-}" ] && [ -f "$CLUSTER_DIR/data/postmaster.pid" ]; then
		as_owner "$PGBIN/pg_ctl" -D "$CLUSTER_DIR/data" -m fast stop >/dev/null || true
	fi
}

# make test SANITIZE=1 runs everything against a PostgreSQL built with AddressSanitizer
# (scripts/pg_asan.sh). Leak checks are off: a postmaster keeps what it allocates until exit.
# A report aborts the backend; test.sh then finds it in the server log.
if [ "${SANITIZE:-0}" = 1 ]; then
	packages+=(bzip2 dpkg-dev)
	export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:disable_coredump=1
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
ensure_packages
if [ "${SANITIZE:-0}" = 1 ]; then
	PG_CONFIG=$(bash scripts/pg_asan.sh)/bin/pg_config
fi
PG_CONFIG=${PG_CONFIG:-$(command -v pg_config || echo /usr/lib/postgresql/15/bin/pg_config)}
PGBIN=$($PG_CONFIG --bindir)
export PG_CONFIG PGBIN
build_and_install
start_cluster

case "$mode" in
	demo) bash scripts/demo.sh ;;
	test) bash scripts/test.sh ;;
	bench) bash scripts/bench.sh ;;
	*) echo "unknown mode $mode" >&2; exit 2 ;;
esac
