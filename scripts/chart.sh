#!/usr/bin/env bash
# Throughput against input size, for `make bench`: fold(), text search, entities() and events()
# beside the built-in alternative each is compared with in bench/*.sh, at several table sizes,
# so that a reader sees at a glance whether throughput holds as the input grows.
#   fold(body)                    against the scan floor, sum(length(body))
#   to_tsvector('akhbar.news')    against to_tsvector('arabic')
#   entities(body)                against to_tsvector('simple')
#   events(body, published)       against entities(body)
# Rows are bench/lib.sh's make_articles (about 2.5 kB of Arabic or French each); each query is
# timed by lib.sh's median_ms (one core, median of RUNS, default 3, after a warm-up).
# Writes bench/throughput.tsv (query, rows, MB, median ms, MB/s) and draws
# bench/throughput.svg from it with gnuplot (Debian package gnuplot-nox).
#
# Usage: scripts/chart.sh [rows ...]      (default 1000 5000 20000; about 2 minutes on 2 cores)
#        scripts/chart.sh --draw          only draws the chart from an existing throughput.tsv
# PGHOST/PGPORT/PGUSER point at the server.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
tsv=$top/bench/throughput.tsv
svg=$top/bench/throughput.svg
RUNS=${RUNS:-3}

queries=(
	"scan floor (built-in)|SELECT sum(length(body)) FROM articles"
	"fold()|SELECT sum(length(akhbar.fold(body))) FROM articles"
	"to_tsvector arabic (built-in)|SELECT sum(length(to_tsvector('arabic', body))) FROM articles"
	"to_tsvector akhbar.news|SELECT sum(length(to_tsvector('akhbar.news', body))) FROM articles"
	"to_tsvector simple (built-in)|SELECT sum(length(to_tsvector('simple', body))) FROM articles"
	"entities()|SELECT count(*) FROM articles, akhbar.entities(body)"
	"events()|SELECT count(*) FROM articles, akhbar.events(body, date '2025-07-10')"
)

measure() {
	. "$top/bench/lib.sh"
	local n q name sql mb ms
	printf 'query\trows\tMB\tmedian_ms\tMB_per_s\n' >"$tsv.tmp"
	for n in "$@"; do
		PGOPTIONS="-c client_min_messages=warning" make_articles "$n"
		mb=$(bench_psql -c "SELECT round(sum(octet_length(body)) / 1e6, 2) FROM articles")
		for q in "${queries[@]}"; do
			name=${q%%|*}
			sql=${q#*|}
			ms=$(median_ms "$sql")
			printf '%s\t%s\t%s\t%.1f\t%.1f\n' "$name" "$n" "$mb" "$ms" "$(awk -v b="$mb" -v t="$ms" 'BEGIN { print b / (t / 1000) }')" >>"$tsv.tmp"
			echo "== $n rows, $name: $ms ms" >&2
		done
	done
	mv "$tsv.tmp" "$tsv"
	echo "written to $tsv" >&2
	psql -qX -d postgres -c "DROP DATABASE $BENCH_DB" >/dev/null
}

draw() {
	local data i=0 plots=() name style
	command -v gnuplot >/dev/null || { echo "gnuplot not found: apt-get install gnuplot-nox" >&2; exit 1; }
	data=$(mktemp)
	# One gnuplot data block per query, in the order of the table.
	for q in "${queries[@]}"; do
		name=${q%%|*}
		awk -F'\t' -v q="$name" 'NR > 1 && $1 == q {print $2 "\t" $5}' "$tsv" >>"$data"
		printf '\n\n' >>"$data"
		# Built-in alternatives dashed, akhbar's functions solid; a pair shares its colour.
		case $name in *built-in*) style="dt 2" ;; *) style="dt 1" ;; esac
		case $name in
			"scan floor"* | fold*) color="#1b9e77" ;;
			"to_tsvector arabic"* | "to_tsvector akhbar"*) color="#d95f02" ;;
			"to_tsvector simple"*) color="#7570b3" ;;
			entities*) color="#7570b3" ;;
			events*) color="#e7298a" ;;
		esac
		[ "$name" = "entities()" ] && style="dt 1"
		plots+=("'$data' index $i using 1:2 with linespoints lw 2 pt 7 $style lc rgb '$color' title '$name'")
		i=$((i + 1))
	done
	gnuplot <<GNUPLOT
set terminal svg size 900,600 dynamic noenhanced font 'sans,12' background '#ffffff'
set output '$svg'
set title "akhbar throughput against input size ($(nproc) cores, one backend, median of $RUNS runs)"
set xlabel 'rows of about 2.5 kB (bench/lib.sh make_articles)'
set ylabel 'MB of text per second (log scale)'
set logscale xy
set grid xtics ytics mytics
set key inside bottom center horizontal maxrows 4 width 2 box opaque
set xrange [$(awk -F'\t' 'NR > 1 {print $2}' "$tsv" | sort -n | sed -n '1p;$p' | tr '\n' ' ' | awk '{print $1 / 1.6 ":" $2 * 1.6}')]
set yrange [1:1000]
set xtics ($(awk -F'\t' 'NR > 1 {print $2}' "$tsv" | sort -nu | awk '{printf "%s\"%s\" %s", (NR > 1 ? ", " : ""), $1, $1}'))
plot $(IFS=,; echo "${plots[*]}")
GNUPLOT
	rm -f "$data"
	echo "written to $svg" >&2
}

if [ "${1:-}" = "--draw" ]; then
	draw
else
	[ $# -gt 0 ] || set -- 1000 5000 20000
	measure "$@"
	column -t -s $'\t' "$tsv"
	draw
fi
