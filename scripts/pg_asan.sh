#!/usr/bin/env bash
# PostgreSQL built with AddressSanitizer, for `make test SANITIZE=1`: prints the prefix of an
# installation whose postgres, initdb, pg_ctl, pgbench, pg_dump and pg_config all carry ASan.
#
# Why a build of our own: ASan needs its runtime loaded first, and Debian's postgres hangs at
# start with libasan preloaded (a deadlock on glibc's _nl_state_lock in bindtextdomain). So the
# server is built from Debian's source package of PostgreSQL 15 (the upstream tarball in it;
# Debian's patches are packaging only), with
#   --enable-cassert: assertions, plus CLOBBER_FREED_MEMORY and MEMORY_CONTEXT_CHECKING, and
#   USE_VALGRIND with tools/asan_memcheck.h as valgrind/memcheck.h: PostgreSQL's Valgrind marks
#     (the slack after each palloc'd chunk, free space in blocks, pfree'd chunks, chunk headers)
#     become ASan poison, so overruns of palloc'd memory are caught too, not only of malloc'd.
#
# Cached: built once into $AKHBAR_PG_ASAN (default /var/tmp/akhbar-pg-asan, readable by the
# postgres user), rebuilt when the version or tools/asan_memcheck.h changes. About 3 minutes on
# 2 cores. Getting the source needs deb-src entries: as root, this adds them for the Debian
# archive apt already uses (/etc/apt/sources.list.d/akhbar-src.sources). Or set
# PG_ASAN_TARBALL to a postgresql-15.*.tar.bz2 of your own.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
prefix=${AKHBAR_PG_ASAN:-/var/tmp/akhbar-pg-asan}
work=$prefix-build

log() { printf '== %s\n' "$*" >&2; }

add_source_entries() {
	local list=/etc/apt/sources.list.d/akhbar-src.sources
	[ -f "$list" ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "pg_asan.sh: no PostgreSQL source: run as root (to add deb-src entries) or set PG_ASAN_TARBALL" >&2
		exit 1
	fi
	# Debian's archive entries that apt has, as deb-src: deb822 files and one-line lists alike.
	{
		awk 'BEGIN { RS = ""; ORS = "\n\n" } /debian\.org/ { sub(/Types: deb/, "Types: deb-src"); print }' \
			/etc/apt/sources.list.d/*.sources 2>/dev/null || true
		grep -hE '^deb .*debian\.org' /etc/apt/sources.list 2>/dev/null |
			awk '{ printf "Types: deb-src\nURIs: %s\nSuites: %s\nComponents:", $2, $3;
			       for (i = 4; i <= NF; i++) printf " %s", $i; print "\n" }'
	} >"$list"
	apt-get update -qq >&2 || true
}

# Downloads the newest source version the archive still serves (a security mirror can list a
# version whose files it has already replaced) and prints the tarball's path.
fetch_tarball() {
	local v
	add_source_entries
	mkdir -p "$work/src"
	cd "$work/src"
	for v in $(apt-cache showsrc postgresql-15 | sed -n 's/^Version: //p' | sort -rV); do
		if apt-get source -qq --download-only "postgresql-15=$v" >/dev/null 2>&1; then
			ls "$work"/src/postgresql-15_"${v%%-*}".orig.tar.*
			return 0
		fi
	done
	echo "pg_asan.sh: apt-get source postgresql-15 failed for every version listed" >&2
	exit 1
}

tarball=${PG_ASAN_TARBALL:-}
stamp_wanted() { printf '%s %s\n' "$(basename "$1")" "$(md5sum <"$top/tools/asan_memcheck.h" | cut -d' ' -f1)"; }

if [ -x "$prefix/bin/pg_config" ] && [ -f "$prefix/.akhbar-stamp" ]; then
	# Reuse when the memcheck mapping is unchanged; the version is the one built before.
	if [ "$(cut -d' ' -f2 "$prefix/.akhbar-stamp")" = "$(stamp_wanted x | cut -d' ' -f2)" ]; then
		echo "$prefix"
		exit 0
	fi
fi

[ -n "$tarball" ] || tarball=$(fetch_tarball)
log "building PostgreSQL with AddressSanitizer from $(basename "$tarball") into $prefix (about 3 min)"
rm -rf "$work/tree" "$prefix"
mkdir -p "$work/tree" "$prefix/include/asan-memcheck/valgrind"
cp "$top/tools/asan_memcheck.h" "$prefix/include/asan-memcheck/valgrind/memcheck.h"
tar -xf "$tarball" -C "$work/tree" --strip-components=1
cd "$work/tree"
# The tools the build runs (initdb, pg_config) leak on purpose, as short programs may.
export ASAN_OPTIONS=detect_leaks=0
# Not the settings of the make that called us (make test SANITIZE=1): PostgreSQL's own build.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES SANITIZE
./configure --prefix="$prefix" --with-icu --without-readline --without-zlib \
	--enable-debug --enable-cassert \
	CPPFLAGS="-I$prefix/include/asan-memcheck -DUSE_VALGRIND" \
	CFLAGS="-O1 -g -fsanitize=address -fno-omit-frame-pointer" \
	LDFLAGS="-fsanitize=address" >"$work/configure.log" 2>&1 ||
	{ tail -20 "$work/configure.log" >&2; exit 1; }
make -s -j"$(nproc)" >"$work/make.log" 2>&1 || { grep -m20 -E 'error|Error' "$work/make.log" >&2; exit 1; }
make -s install >"$work/install.log" 2>&1 || { tail -20 "$work/install.log" >&2; exit 1; }
stamp_wanted "$tarball" >"$prefix/.akhbar-stamp"
rm -rf "$work/tree"
echo "$prefix"
