#!/usr/bin/env bash
# entities() against to_tsvector('simple'), with the built-in gazetteer and with 100,000 extra
# aliases; automaton build time and memory.
# Usage: bench/entities.sh [rows]   (default 100000). Prints a markdown table.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
rows=${1:-100000}
extra=${EXTRA_ALIASES:-100000}
make_articles "$rows"

simple=$(median_ms "SELECT sum(length(to_tsvector('simple', body)::text)) FROM articles")
builtin=$(median_ms "SELECT count(*) FROM articles, akhbar.entities(body)")
builtin_mem=$(bench_psql -c "SELECT akhbar.gazetteer_memory()")
mentions=$(bench_psql -c "SELECT count(*) FROM articles, akhbar.entities(body)")

# 100,000 extra aliases: synthetic two-word names in Latin and Arabic letters, on 50,000 entities.
bench_psql <<SQL >/dev/null
INSERT INTO akhbar.entity (id, kind, name_en)
SELECT 5000000 + g, 'person', 'Zx' || substr(md5(g::text), 1, 6) || ' Qv' || substr(md5((g * 7)::text), 1, 5)
FROM generate_series(1, $extra / 2) g;
INSERT INTO akhbar.alias (entity_id, alias, lang)
SELECT 5000000 + 1 + (g % ($extra / 2)),
       CASE WHEN g % 2 = 0
            THEN 'Kw' || substr(md5((g * 3)::text), 1, 7) || ' Jy' || substr(md5((g * 5)::text), 1, 4)
            ELSE translate(substr(md5((g * 11)::text), 1, 8), '0123456789abcdef', 'بتثجحخدذرزسشصضطظ')
                 || ' ' || translate(substr(md5((g * 13)::text), 1, 5), '0123456789abcdef', 'عغفقكلمنهويءابتث') END,
       NULL
FROM generate_series(1, $extra / 2 * 2) g;
SQL
total=$(bench_psql -c "SELECT (SELECT count(*) FROM akhbar.alias) + 3 * (SELECT count(*) FROM akhbar.entity)")
# Build time: a fresh session's first call builds the automaton.
build_ms=$(bench_psql -c '\timing on' -c "SELECT akhbar.gazetteer_memory()" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
large_mem=$(bench_psql -c "SELECT akhbar.gazetteer_memory()")
large=$(median_ms "SELECT count(*) FROM articles, akhbar.entities(body)")
bench_psql -c "DELETE FROM akhbar.entity WHERE id > 5000000" >/dev/null

echo "### entities() — $rows rows, $mentions mentions, median of $RUNS runs, one core"
echo
echo "| query | median ms | × to_tsvector('simple') |"
echo "| --- | ---: | ---: |"
awk -v s="$simple" -v b="$builtin" -v l="$large" -v x="$extra" 'BEGIN {
	printf "| to_tsvector(%ssimple%s, body) | %.0f | 1.00 |\n", "\047", "\047", s, 1
	printf "| entities(body), built-in gazetteer | %.0f | %.2f |\n", b, b / s
	printf "| entities(body), + %d aliases | %.0f | %.2f |\n", x, l, l / s
	printf "\nlarge / built-in = %.2f (target ≤ 1.3)\n", l / b }'
awk -v bm="$builtin_mem" -v lm="$large_mem" -v bt="$build_ms" -v n="$total" 'BEGIN {
	printf "automaton: built-in %.1f MB; with %d names %.1f MB, built in %.0f ms (query included; target ≤ 500 ms, ≤ 50 MB)\n",
		bm / 1048576, n, lm / 1048576, bt }'
