#!/usr/bin/env bash
# Tests that need more than one session or database:
# - pg_dump and restore of a database using akhbar: user gazetteer rows and ftext columns come
#   back, built-in rows are not duplicated, and the same queries give the same results;
# - a gazetteer change made by one session is used by the next statement of another session
#   that had already built its automaton.
# Prints PASS/FAIL lines. PGHOST/PGPORT/PGUSER point at the server.
set -euo pipefail
src=akhbar_dump_src
dst=akhbar_dump_dst
q() { psql -qAtX -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

for db in $src $dst; do
	psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8'" >/dev/null 2>&1
done
psql -qX -v ON_ERROR_STOP=1 -d $src >/dev/null <<'SQL'
CREATE EXTENSION akhbar;
INSERT INTO akhbar.entity (id, kind, name_en, name_fr) VALUES (900000010, 'person', 'Jean Testeur', 'Jean Testeur');
INSERT INTO akhbar.alias (entity_id, alias, lang) VALUES (900000010, 'جان تستور', 'ar'), (156, 'Empire du Milieu', 'fr');
CREATE TABLE names (n akhbar.ftext PRIMARY KEY);
INSERT INTO names VALUES ('Pékin'), ('الصينى');
CREATE INDEX names_hash ON names USING hash (n);
CREATE TABLE reports (id int PRIMARY KEY, e akhbar.event);
INSERT INTO reports VALUES
	(1, 'meet{Sergey Lavrov,Wang Yi}@Jakarta[2023-07-13,2023-07-14)'),
	(2, 'meet{سيرغي لافروف,Wang Yi}[2023-07-14,2023-07-15)'),
	(3, 'meet{Sergey Lavrov,Wang Yi}[2024-07-25,2024-07-26)'),
	(4, 'disaster{}@"Izmir, Turkey"');
CREATE INDEX reports_gist ON reports USING gist (e);
CREATE INDEX reports_btree ON reports (e);
CREATE TABLE docs (id int PRIMARY KEY, body text);
INSERT INTO docs VALUES (1, 'Vladimir Poutine a reçu Xi Jinping à Moscou.'),
	(2, 'التقى الرئيس الروسي فلاديمير بوتين نظيره الصيني شي جين بينغ.'), (3, 'Rien à signaler.');
CREATE INDEX docs_gin ON docs USING gin (to_tsvector('akhbar.news', body));
SQL
check=$(cat <<'SQL'
SELECT string_agg(name || ':' || surface, ', ' ORDER BY start)
FROM akhbar.entities('Jean Testeur et جان تستور, l''Empire du Milieu et Pékin')
SQL
)
before=$(q $src "$check")
counts="SELECT (SELECT count(*) FROM akhbar.entity) || '/' || (SELECT count(*) FROM akhbar.alias)"
counts_before=$(q $src "$counts")
pg_dump -Fc -d $src -f /tmp/akhbar_dump.$$ 
pg_restore -d $dst /tmp/akhbar_dump.$$
rm -f /tmp/akhbar_dump.$$
after=$(q $dst "$check")
counts_after=$(q $dst "$counts")
ftext=$(q $dst "SET search_path = public, akhbar; SELECT count(*) FROM names WHERE n = 'PEKIN' OR n = 'الصيني'")
events="SET enable_seqscan = off; SET search_path = public, akhbar;
SELECT string_agg(a.id || '~' || b.id || ':' || a.e::text, ' ' ORDER BY a.id, b.id) FROM reports a JOIN reports b ON a.e ~= b.e"
events_src=$(q $src "$events")
events_dst=$(q $dst "$events")
search="SET enable_seqscan = off; SELECT string_agg(id::text, ',' ORDER BY id) FROM docs
WHERE to_tsvector('akhbar.news', body) @@ akhbar.entity_query('Putin')"
search_src=$(q $src "$search")
search_dst=$(q $dst "$search")
search_plan=$(q $dst "SET enable_seqscan = off; EXPLAIN (COSTS OFF) SELECT id FROM docs WHERE to_tsvector('akhbar.news', body) @@ akhbar.entity_query('Putin')" | grep -c docs_gin || true)
# Binary COPY: every value goes out through event_send and back through event_recv.
q $dst "CREATE TABLE reports_copy (LIKE reports)"
psql -qAtX -v ON_ERROR_STOP=1 -d $dst -c "COPY reports TO STDOUT (FORMAT binary)" \
	| psql -qAtX -v ON_ERROR_STOP=1 -d $dst -c "COPY reports_copy FROM STDIN (FORMAT binary)"
binary=$(q $dst "SELECT count(*) FROM reports r JOIN reports_copy c USING (id) WHERE r.e OPERATOR(akhbar.=) c.e AND r.e::text = c.e::text")

report() { if [ "$2" = "$3" ]; then echo "PASS $1"; else echo "FAIL $1: '$2' vs '$3'"; fi; }
report "dump/restore: entities() finds user rows the same ($after)" "$before" "$after"
report "dump/restore: gazetteer rows not duplicated ($counts_after)" "$counts_before" "$counts_after"
report "dump/restore: ftext values and their keys" "$ftext" "2"
report "dump/restore: event values and their GiST index give the same pairs" "$events_src" "$events_dst"
report "binary COPY of events gives the same values" "$binary" "4"
report "dump/restore: a GIN index on to_tsvector('akhbar.news') finds the same rows ($search_dst)" "$search_src" "$search_dst"
report "dump/restore: the restored GIN index is used" "$search_plan" "1"
for db in $src $dst; do psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null; done

# Cache invalidation across sessions: session B builds its automaton, session A adds an alias,
# B's next statement uses it (B stays connected throughout: one psql with a pipe).
db=akhbar_sessions
psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8'" >/dev/null 2>&1
q $db "CREATE EXTENSION akhbar"
fifo=$(mktemp -u)
mkfifo "$fifo"
psql -qAtX -d $db <"$fifo" >/tmp/akhbar_sessions.$$ 2>&1 &
exec 3>"$fifo"
echo "SELECT 'before:' || count(*) FROM akhbar.entities('Selon Zorglub le Grand');" >&3
sleep 1
q $db "INSERT INTO akhbar.alias (entity_id, alias, lang) SELECT id, 'Zorglub le Grand', 'fr' FROM akhbar.entity WHERE name_en = 'Vladimir Putin'"
echo "SELECT 'after:' || string_agg(name, ',') FROM akhbar.entities('Selon Zorglub le Grand');" >&3
exec 3>&-
wait
result=$(tr '\n' ' ' </tmp/akhbar_sessions.$$)
rm -f "$fifo" /tmp/akhbar_sessions.$$
report "another session's next statement uses a new alias ($result)" "$result" "before:0 after:Vladimir Putin "
psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null
