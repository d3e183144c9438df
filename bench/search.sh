#!/usr/bin/env bash
# Text search: akhbar's configurations against PostgreSQL's own, on the same rows, and GIN
# index build times. Usage: bench/search.sh [rows]   (default 100000). Prints a markdown table.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
rows=${1:-100000}
make_articles "$rows"
nar=$(bench_psql -c "SELECT count(*) FROM articles WHERE lang = 'ar'")

ar_builtin=$(median_ms "SELECT sum(length(to_tsvector('arabic', body))) FROM articles WHERE lang = 'ar'")
ar_akhbar=$(median_ms "SELECT sum(length(to_tsvector('akhbar.arabic', body))) FROM articles WHERE lang = 'ar'")
mixed_builtin=$(median_ms "SELECT sum(length(to_tsvector('arabic', body))) FROM articles")
mixed_news=$(median_ms "SELECT sum(length(to_tsvector('akhbar.news', body))) FROM articles")
fr_builtin=$(median_ms "SELECT sum(length(to_tsvector('french', body))) FROM articles WHERE lang = 'fr'")
fr_akhbar=$(median_ms "SELECT sum(length(to_tsvector('akhbar.french', body))) FROM articles WHERE lang = 'fr'")

gin_ms() {
	bench_psql -c "DROP INDEX IF EXISTS articles_tsv" -c "SET max_parallel_maintenance_workers = 0" \
		-c '\timing on' -c "CREATE INDEX articles_tsv ON articles USING gin (to_tsvector('$1', body))" |
		sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1
}
gin_builtin=$(gin_ms arabic)
gin_news=$(gin_ms akhbar.news)
bench_psql -c "DROP INDEX IF EXISTS articles_tsv" >/dev/null

echo "### Text search — $rows rows ($nar Arabic), median of $RUNS runs, one core"
echo
echo "| rows | built-in | ms | akhbar | ms | built-in / akhbar |"
echo "| --- | --- | ---: | --- | ---: | ---: |"
awk -v a="$ar_builtin" -v b="$ar_akhbar" -v c="$mixed_builtin" -v d="$mixed_news" -v e="$fr_builtin" -v f="$fr_akhbar" \
	-v g="$gin_builtin" -v h="$gin_news" 'BEGIN {
	printf "| Arabic | to_tsvector(arabic) | %.0f | to_tsvector(akhbar.arabic) | %.0f | %.2f |\n", a, b, a / b
	printf "| mixed | to_tsvector(arabic) | %.0f | to_tsvector(akhbar.news) | %.0f | %.2f |\n", c, d, c / d
	printf "| French | to_tsvector(french) | %.0f | to_tsvector(akhbar.french) | %.0f | %.2f |\n", e, f, e / f
	printf "| mixed | GIN build, arabic | %.0f | GIN build, akhbar.news | %.0f | %.2f |\n", g, h, g / h
	printf "\nTargets: akhbar.arabic at least 1.5x faster than arabic; akhbar.news no slower than arabic.\n" }'
