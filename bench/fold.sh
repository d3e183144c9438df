#!/usr/bin/env bash
# fold() against the scan floor and against what a user writes today without akhbar.
# Usage: bench/fold.sh [rows]   (default 100000). Prints a markdown table of medians and ratios.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
rows=${1:-100000}
make_articles "$rows"
bytes=$(bench_psql -c "SELECT pg_size_pretty(sum(octet_length(body))) FROM articles")

# The SQL-only equivalent: harakat/tatweel/bidi removal, letter and digit mapping, unaccent,
# lower, white-space collapse.
sqlonly="regexp_replace(lower(unaccent(translate(regexp_replace(body, '[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069]', '', 'g'), 'آأإٱىةؤئیک٠١٢٣٤٥٦٧٨٩،؛؟', 'اااايهءءيك0123456789,;?'))), '\s+', ' ', 'g')"

floor=$(median_ms "SELECT sum(length(body)) FROM articles")
fold=$(median_ms "SELECT sum(length(akhbar.fold(body))) FROM articles")
sql=$(median_ms "SELECT sum(length($sqlonly)) FROM articles")
simple=$(median_ms "SELECT sum(length(to_tsvector('simple', body)::text)) FROM articles")

echo "### fold() — $rows rows, $bytes of text, median of $RUNS runs, one core"
echo
echo "| query | median ms | × scan floor |"
echo "| --- | ---: | ---: |"
for row in "sum(length(body)) (scan floor)|$floor" "sum(length(akhbar.fold(body)))|$fold" \
	"SQL-only equivalent (regexp_replace + translate + unaccent + lower)|$sql" \
	"to_tsvector('simple', body)|$simple"; do
	awk -F'|' -v f="$floor" '{printf "| %s | %.0f | %.2f |\n", $1, $2, $2 / f}' <<<"$row"
done
awk -v f="$fold" -v s="$sql" -v fl="$floor" 'BEGIN {
	printf "\nfold / scan floor = %.2f (target ≤ 2); SQL-only / fold = %.1f (target ≥ 5)\n", f / fl, s / f }'
