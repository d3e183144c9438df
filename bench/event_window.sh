#!/usr/bin/env bash
# How many days apart two reports of one event are, and what akhbar.event_window catches: the
# main events of data/sample (12 articles, 8 real events, 4 told in both languages) and of
# ../shared/corpus when present (5 articles, 5 events: three meetings of the same two ministers),
# paired with ~= for windows 0..7 — with the dates the text gives, and with every period
# replaced by the publication date (an article that dates nothing).
# Usage: bench/event_window.sh. Prints markdown.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
db=$BENCH_DB
psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8'" >/dev/null
corpus="$top/../shared/corpus"
{
	echo "CREATE EXTENSION akhbar;"
	echo "CREATE TABLE articles (id text PRIMARY KEY, published date, gold text, body text);"
	# The gold event of an article is its kind and date: the sample's Vientiane meeting is the
	# corpus's seed-003.
	tail -n +2 "$top/data/sample/index.tsv" | while IFS=$'\t' read -r id _lang published _event kind _actors _place date; do
		echo "\\set body \`cat '$top/data/sample/$id.txt'\`"
		echo "INSERT INTO articles VALUES ('sample-$id', '$published', '$kind $date', :'body');"
	done
	if [ -d "$corpus" ]; then
		tail -n +2 "$corpus/articles.tsv" | while IFS=$'\t' read -r id file _lang published _rest; do
			gold=$(awk -F'\t' -v a="$id" '$2 == a && $3 == "main" { print $4 " " $7 }' "$corpus/gold_events.tsv")
			echo "\\set body \`cat '$corpus/$file'\`"
			echo "INSERT INTO articles VALUES ('$id', '$published', '$gold', :'body');"
		done
	fi
	cat <<'SQL'
CREATE TABLE main AS
SELECT a.id, a.gold, a.published, e.event,
       format('%s{%s}%s[%s,%s)', akhbar.event_kind(e.event),
              array_to_string(ARRAY(SELECT '"' || x || '"' FROM unnest(akhbar.event_actors(e.event)) x), ','),
              coalesce('@"' || akhbar.event_place(e.event) || '"', ''),
              to_char(a.published, 'YYYY-MM-DD'), to_char(a.published + 1, 'YYYY-MM-DD'))::akhbar.event AS undated
FROM articles a, akhbar.events(akhbar.clean(a.body), a.published) e WHERE e.main;
SQL
} | bench_psql >/dev/null

echo "### akhbar.event_window: pairs of main events matched by ~=, $(bench_psql -c 'SELECT count(*) FROM main') articles"
echo
echo "| window (days) | same event, dated: found / all | different events matched | same event, publication date only: found / all | different events matched |"
echo "| ---: | ---: | ---: | ---: | ---: |"
for w in 0 1 2 3 4 5 7 14 30; do
	bench_psql -c "SET akhbar.event_window = $w" -c "
SELECT format('| %s | %s / %s | %s | %s / %s | %s |', $w,
  count(*) FILTER (WHERE a.gold = b.gold AND a.event OPERATOR(akhbar.~=) b.event), count(*) FILTER (WHERE a.gold = b.gold),
  count(*) FILTER (WHERE a.gold <> b.gold AND a.event OPERATOR(akhbar.~=) b.event),
  count(*) FILTER (WHERE a.gold = b.gold AND a.undated OPERATOR(akhbar.~=) b.undated), count(*) FILTER (WHERE a.gold = b.gold),
  count(*) FILTER (WHERE a.gold <> b.gold AND a.undated OPERATOR(akhbar.~=) b.undated))
FROM main a JOIN main b ON a.id < b.id"
done
echo
echo "Days between the publication dates of reports of one event:"
bench_psql -c "SELECT string_agg(DISTINCT abs(a.published - b.published)::text, ', ') FROM main a JOIN main b ON a.id < b.id AND a.gold = b.gold"
