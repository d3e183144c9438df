#!/usr/bin/env bash
# What docs/citus.md relies on, tested here without Citus: databases of one server stand for
# the coordinator and four workers.
# - Binary COPY carries ftext and event values from one database to another and back unchanged
#   (Citus moves rows between nodes in binary when a type has send and receive functions).
# - Every akhbar function but the two gazetteer triggers is PARALLEL SAFE, and extraction gets
#   a parallel plan (what each shard query on a worker may use).
# - Split by id % 4 into four "shards" in four databases, each with the extension and the same
#   user gazetteer rows, the articles give exactly the entities() and events() rows of the one
#   table; a database that lacks the user rows gives different ones (why they must be applied
#   on every node).
# - The ~= self-join done shard by shard on week buckets (each event in the weeks its period
#   touches, widened by akhbar.event_window days) finds exactly the pairs of the one-table join
#   (the co-located plan docs/citus.md recommends, since ~= cannot be repartitioned).
# Prints PASS/FAIL lines, exits non-zero on failure. PGHOST/PGPORT/PGUSER point at the server.
# About 30 s.
set -euo pipefail
. "$(dirname "$0")/bigtable.sh"
rows=${SCALEOUT_ROWS:-4800}
coord=akhbar_scale_coord
workers=(akhbar_scale_w0 akhbar_scale_w1 akhbar_scale_w2 akhbar_scale_w3)
bare=akhbar_scale_bare
q() { psql -qAtX -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
status=0
report() {
	if [ "$2" = "$3" ]; then echo "PASS $1"; else echo "FAIL $1: got '$2', expected '$3'"; status=1; fi
}
new_db() {
	psql -qX -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $1" \
		-c "CREATE DATABASE $1 TEMPLATE template0 ENCODING 'UTF8'" >/dev/null
	q "$1" "CREATE EXTENSION akhbar"
}
# copy_binary FROM_DB QUERY TO_DB TABLE: rows of QUERY into TABLE through binary COPY.
copy_binary() {
	psql -qAtX -v ON_ERROR_STOP=1 -d "$1" -c "COPY ($2) TO STDOUT (FORMAT binary)" |
		psql -qAtX -v ON_ERROR_STOP=1 -d "$3" -c "COPY $4 FROM STDIN (FORMAT binary)"
}

# The user's gazetteer rows: on Citus, run on the coordinator and through
# run_command_on_workers on every worker.
gazetteer="INSERT INTO akhbar.entity (id, kind, name_en, name_fr) VALUES (900000020, 'person', 'Jean Testeur', 'Jean Testeur');
INSERT INTO akhbar.alias (entity_id, alias, lang) VALUES (900000020, 'جان تستور', 'ar');
INSERT INTO akhbar.alias (entity_id, alias, lang) SELECT id, 'Zorglub le Grand', 'fr' FROM akhbar.entity WHERE name_en = 'Vladimir Putin';"

# The coordinator: the one table, articles with a headline as ftext; one row in ten also names
# the user's entities.
make_big "$coord" "$rows"
psql -qX -v ON_ERROR_STOP=1 -d "$coord" >/dev/null <<SQL
$gazetteer
CREATE TABLE articles (id int PRIMARY KEY, lang text, published date, title akhbar.ftext, body text);
INSERT INTO articles
SELECT id, lang, published, split_part(body, E'\n', 1),
       CASE WHEN id % 10 = 0
            THEN body || E'\nZorglub le Grand a rencontré Jean Testeur vendredi à Pékin. التقى جان تستور بوتين.'
            ELSE body END
FROM big;
SQL

# 1. Binary COPY of ftext and event values, coordinator -> worker -> coordinator.
shape="CREATE TABLE vals (id int, title akhbar.ftext, e akhbar.event)"
q "$coord" "$shape"
psql -qX -v ON_ERROR_STOP=1 -d "$coord" >/dev/null <<'SQL'
INSERT INTO vals
SELECT a.id, a.title, e.event FROM articles a, akhbar.events(a.body, a.published) e WHERE e.main AND a.id <= 480;
INSERT INTO vals VALUES
	(100001, 'الصينى', 'disaster{}@"Izmir, Turkey"'),
	(100002, 'Ｐékin  ', 'meet{سيرغي لافروف,Wang Yi}[2023-07-14,2023-07-15)'),
	(100003, NULL, 'statement{"Smith, John"}'),
	(100004, 'L’ŒUVRE', NULL),
	(100005, '', 'vote{}@"New York City"[2025-11-01,2025-12-01)');
CREATE TABLE vals_back (LIKE vals);
SQL
new_db "${workers[0]}"
q "${workers[0]}" "$shape"
copy_binary "$coord" "SELECT * FROM vals" "${workers[0]}" vals
copy_binary "${workers[0]}" "SELECT * FROM vals" "$coord" vals_back
same=$(q "$coord" "SELECT count(*) FROM vals v JOIN vals_back b USING (id)
WHERE v.title::text IS NOT DISTINCT FROM b.title::text
  AND akhbar.ftext_key(v.title) IS NOT DISTINCT FROM akhbar.ftext_key(b.title)
  AND v.e::text IS NOT DISTINCT FROM b.e::text
  AND (v.e IS NULL OR v.e OPERATOR(akhbar.=) b.e)")
total=$(q "$coord" "SELECT count(*) FROM vals")
report "binary COPY: $total ftext and event values, coordinator -> worker -> coordinator, unchanged" "$same" "$total"

# 2. PARALLEL SAFE, and a parallel plan for extraction.
unsafe=$(q "$coord" "SELECT string_agg(proname, ',' ORDER BY proname) FROM pg_proc
WHERE pronamespace = 'akhbar'::regnamespace AND proparallel <> 's'")
nfuncs=$(q "$coord" "SELECT count(*) FROM pg_proc WHERE pronamespace = 'akhbar'::regnamespace")
report "PARALLEL SAFE: all $nfuncs functions of akhbar but the two gazetteer triggers" "$unsafe" "gazetteer_changed,protect_builtin"
plan=$(psql -qAtX -d "$coord" -c "SET parallel_setup_cost = 0" -c "SET parallel_tuple_cost = 0" \
	-c "SET min_parallel_table_scan_size = 0" -c "SET max_parallel_workers_per_gather = 2" \
	-c "EXPLAIN (COSTS OFF) SELECT count(*) FROM articles a, akhbar.entities(a.body) m, akhbar.events(a.body, a.published) e" |
	grep -c -E 'Workers Planned|Parallel Seq Scan' || true)
report "a parallel plan for entities() and events() (Gather over a Parallel Seq Scan)" "$plan" "2"

# 3. Four shards in four databases against the one table.
mentions="SELECT a.id, m.entity_id, m.kind, m.name, m.surface, m.start, m.len, m.key FROM articles a, akhbar.entities(a.body) m"
events="SELECT a.id, e.event, e.trigger, e.start, e.len, e.main FROM articles a, akhbar.events(a.body, a.published) e"
mentions_shape="(id int, entity_id bigint, kind text, name text, surface text, start int, len int, key text)"
events_shape="(id int, event akhbar.event, trigger text, start int, len int, main boolean)"
q "$coord" "CREATE TABLE shard_mentions $mentions_shape; CREATE TABLE shard_events $events_shape"
articles_shape="CREATE TABLE articles (id int PRIMARY KEY, lang text, published date, title akhbar.ftext, body text)"
for k in 0 1 2 3; do
	w=${workers[$k]}
	[ "$k" -eq 0 ] || new_db "$w"
	q "$w" "$gazetteer $articles_shape"
	copy_binary "$coord" "SELECT * FROM articles WHERE id % 4 = $k" "$w" articles
	copy_binary "$w" "$mentions" "$coord" shard_mentions
	copy_binary "$w" "$events" "$coord" shard_events
done
# diff TABLE QUERY: rows in one and not the other, both ways (events compared by text form).
diff_rows() {
	q "$coord" "WITH one AS ($2), sharded AS (SELECT * FROM $1)
SELECT (SELECT count(*) FROM (SELECT * FROM one EXCEPT ALL SELECT * FROM sharded) x)
     + (SELECT count(*) FROM (SELECT * FROM sharded EXCEPT ALL SELECT * FROM one) y)"
}
nm=$(q "$coord" "SELECT count(*) FROM shard_mentions")
ne=$(q "$coord" "SELECT count(*) FROM shard_events")
nuser=$(q "$coord" "SELECT count(*) FROM shard_mentions WHERE entity_id = 900000020 OR surface = 'Zorglub le Grand'")
report "4 shards in 4 databases give the entities() rows of the one table ($nm mentions, $nuser of user gazetteer rows)" \
	"$(diff_rows shard_mentions "$mentions")" "0"
report "4 shards in 4 databases give the events() rows of the one table ($ne events)" \
	"$(diff_rows "(SELECT id, event::text, trigger, start, len, main FROM shard_events) s" \
		"SELECT a.id, e.event::text, e.trigger, e.start, e.len, e.main FROM articles a, akhbar.events(a.body, a.published) e")" "0"

# A node without the user's gazetteer rows finds other mentions and events.
new_db "$bare"
q "$bare" "$articles_shape"
copy_binary "$coord" "SELECT * FROM articles WHERE id % 4 = 0" "$bare" articles
q "$coord" "CREATE TABLE bare_mentions $mentions_shape"
copy_binary "$bare" "$mentions" "$coord" bare_mentions
missing=$(q "$coord" "SELECT count(*) FROM (SELECT * FROM shard_mentions WHERE id % 4 = 0 EXCEPT ALL SELECT * FROM bare_mentions) x")
if [ "$missing" -gt 0 ]; then
	echo "PASS a node without the user gazetteer rows misses $missing mentions of one shard (they must be on every node)"
else
	echo "FAIL a node without the user gazetteer rows found the same mentions: the check above proves nothing"
	status=1
fi

# 4. The ~= self-join by week buckets, shard by shard, against the one-table join. Synthetic
# events over 200 days: days, and one in ten a whole month; one in twenty without a period.
psql -qX -v ON_ERROR_STOP=1 -d "$coord" >/dev/null <<'SQL'
CREATE TABLE ev AS
SELECT r AS id,
       format('%s{Person %s,Person %s}%s%s',
              (ARRAY['meet','call','visit','summit','statement','agreement'])[1 + x % 6],
              x % 150, (x * 7 + 3) % 150,
              CASE WHEN x % 4 = 0 THEN '' ELSE '@City ' || x % 40 END,
              CASE WHEN r % 20 = 0 THEN ''
                   WHEN r % 10 = 0 THEN format('[%s,%s)', date_trunc('month', d)::date, (date_trunc('month', d) + interval '1 month')::date)
                   ELSE format('[%s,%s)', d, d + 1) END)::akhbar.event AS e
FROM (SELECT r, r / 3 AS x, date '2024-01-01' + (r / 3) % 200 + r % 5 AS d
      FROM generate_series(1, 3000) r) s;
-- The buckets of an event: every week (Monday to Sunday) that its period, extended by
-- event_window days after its end, touches. Two events with a ~= b then share the week of
-- the later one's first day. Events without a period match nothing and get no bucket.
CREATE TABLE ev_buckets AS
SELECT ev.id, ev.e, w.bucket
FROM (SELECT id, e, akhbar.event_period(e) AS p FROM ev) ev,
     LATERAL (SELECT DISTINCT (lower(ev.p) + i - date '2000-01-03') / 7 AS bucket
              FROM generate_series(0, upper(ev.p) - lower(ev.p) - 1
                                      + current_setting('akhbar.event_window')::int) i) w
WHERE ev.p IS NOT NULL;
SQL
for k in 0 1 2 3; do
	q "$coord" "CREATE TABLE ev_shard_$k AS SELECT * FROM ev_buckets WHERE bucket % 4 = $k;
CREATE INDEX ON ev_shard_$k USING gist (e); ANALYZE ev_shard_$k"
done
pairs="SELECT a.id AS a, b.id AS b FROM ev a JOIN ev b ON a.e OPERATOR(akhbar.~=) b.e AND a.id < b.id"
sharded="SELECT DISTINCT p.a, p.b FROM ($(for k in 0 1 2 3; do
	[ "$k" -gt 0 ] && echo " UNION ALL "
	echo "SELECT x.id, y.id FROM ev_shard_$k x JOIN ev_shard_$k y ON x.bucket = y.bucket AND x.e OPERATOR(akhbar.~=) y.e AND x.id < y.id"
done)) p(a, b)"
npairs=$(q "$coord" "SELECT count(*) FROM ($pairs) p")
copies=$(q "$coord" "SELECT round(count(*)::numeric / (SELECT count(*) FROM ev WHERE akhbar.event_period(e) IS NOT NULL), 2) FROM ev_buckets")
report "~= self-join on week buckets in 4 shards finds the $npairs pairs of the one-table join (3000 events, $copies bucket rows per event)" \
	"$(q "$coord" "SELECT (SELECT count(*) FROM (($pairs) EXCEPT ($sharded)) x) + (SELECT count(*) FROM (($sharded) EXCEPT ($pairs)) y)")" "0"
# Without the extension by event_window days, pairs across a week's end are lost.
narrow=$(q "$coord" "SELECT count(*) FROM (($pairs) EXCEPT (SELECT DISTINCT x.id, y.id
FROM (SELECT id, e, (lower(akhbar.event_period(e)) - date '2000-01-03') / 7 AS bucket FROM ev) x
JOIN (SELECT id, e, (lower(akhbar.event_period(e)) - date '2000-01-03') / 7 AS bucket FROM ev) y
  ON x.bucket = y.bucket AND x.e OPERATOR(akhbar.~=) y.e AND x.id < y.id)) z")
if [ "$narrow" -gt 0 ]; then
	echo "PASS one bucket per event (the week of its first day) would lose $narrow of them: the extension is needed"
else
	echo "FAIL no pair crosses a week's end: the bucket check above proves nothing"
	status=1
fi

for db in "$coord" "${workers[@]}" "$bare"; do psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null; done
exit $status
