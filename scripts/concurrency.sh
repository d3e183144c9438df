#!/usr/bin/env bash
# Concurrency: 4 pgbench clients for 60 s, two inserting gazetteer aliases and two extracting,
# must end with zero errors, and an alias inserted by one client must be used by another
# client's next statement.
# Why: every alias insert tells all sessions to rebuild their entity automaton (the
# gazetteer_changed trigger); under load that means rebuilds racing with extraction in other
# backends, which must neither fail nor serve a stale automaton.
#
# Writers (one pgbench run, 2 clients): each transaction is one statement that inserts a new
# alias of Vladimir Putin ("Zq<letters> Vorquat", letters spelling a sequence number) into
# akhbar.alias and, in the same statement, a row naming it and the writer's backend into
# table recent. Readers (another pgbench run, 2 clients, at the same time): one statement reads
# the newest row of recent; the reader's next statement runs entities() and events() on a
# sentence naming that alias and records in table checks whether both resolved it to Vladimir
# Putin; then events() on one of the sample articles. A writer's row is visible only once its
# alias is committed, so every check is a committed alias another backend's next statement
# must see.
#
# Usage: scripts/concurrency.sh [seconds]   (default $CONCURRENCY_SECONDS or 60).
# Prints PASS/FAIL lines, exits non-zero on failure. PGHOST/PGPORT/PGUSER point at the server.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-${CONCURRENCY_SECONDS:-60}}
db=akhbar_concurrency
pgbench=${PGBIN:-$(pg_config --bindir)}/pgbench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

psql -qX -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" \
	-c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8'" >/dev/null
{
	cat <<'SQL'
CREATE EXTENSION akhbar;
CREATE SEQUENCE alias_no;
-- Zq + the sequence number spelt in letters: a word no other alias or text contains.
CREATE FUNCTION new_alias() RETURNS text LANGUAGE sql AS
$$ SELECT 'Zq' || translate(nextval('alias_no')::text, '0123456789', 'bcdfghjklm') || ' Vorquat' $$;
CREATE TABLE recent (id bigserial PRIMARY KEY, writer int NOT NULL, alias text NOT NULL);
CREATE TABLE checks (reader int, writer int, alias text, entities_ok boolean, events_ok boolean);
CREATE TABLE samples (id int, published date, body text);
-- A first alias, so that the readers' first statement has a row to read.
WITH a AS (INSERT INTO recent (writer, alias) SELECT 0, new_alias() RETURNING alias)
INSERT INTO akhbar.alias (entity_id, alias) SELECT e.id, a.alias FROM a, akhbar.entity e WHERE e.name_en = 'Vladimir Putin';
SQL
	tail -n +2 "$top/data/sample/index.tsv" | while IFS=$'\t' read -r id _lang published _rest; do
		echo "\\set body \`cat '$top/data/sample/$id.txt'\`"
		echo "INSERT INTO samples VALUES ($((10#$id)), '$published', :'body');"
	done
} | psql -qX -v ON_ERROR_STOP=1 -d "$db" >/dev/null

cat >"$work/writer.sql" <<'SQL'
WITH a AS (INSERT INTO recent (writer, alias) SELECT pg_backend_pid(), new_alias() RETURNING alias)
INSERT INTO akhbar.alias (entity_id, alias) SELECT e.id, a.alias FROM a, akhbar.entity e WHERE e.name_en = 'Vladimir Putin';
SQL
cat >"$work/reader.sql" <<'SQL'
\set article random(1, 12)
SELECT writer, alias FROM recent ORDER BY id DESC LIMIT 1 \gset
INSERT INTO checks
SELECT pg_backend_pid(), CAST(:writer AS int), CAST(:alias AS text),
       EXISTS (SELECT FROM akhbar.entities('Selon ' || :alias || ', la Russie ne cédera pas.') m
               WHERE m.name = 'Vladimir Putin' AND m.surface = :alias),
       EXISTS (SELECT FROM akhbar.events(:alias || ' a rencontré Xi Jinping vendredi à Pékin.', '2025-07-11') e
               WHERE 'Vladimir Putin' = ANY (akhbar.event_actors(e.event)));
SELECT count(*) FROM samples s, akhbar.events(s.body, s.published) WHERE s.id = :article;
SQL

# Both runs at once; -M extended passes :alias as a parameter, so no quoting is involved.
run() { "$pgbench" -n -M extended -c 2 -j 2 -T "$seconds" -f "$work/$1.sql" "$db" >"$work/$1.out" 2>&1; }
run writer & writer_pid=$!
run reader & reader_pid=$!
declare -A rc=([writer]=0 [reader]=0)
wait "$writer_pid" || rc[writer]=$?
wait "$reader_pid" || rc[reader]=$?

# processed OUT, failed OUT, errors OUT: what pgbench's log says.
summary() {
	local out=$work/$1.out
	processed=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out")
	failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
	errors=$(grep -ciE 'error|aborted|fatal' "$out" || true)
}
status=0
report() {
	if [ "$2" = "$3" ]; then echo "PASS $1"; else echo "FAIL $1: got '$2', expected '$3'"; status=1; fi
}
for side in writer reader; do
	summary $side
	if [ "${rc[$side]}" -eq 0 ] && [ "${failed:-x}" = 0 ] && [ "$errors" -eq 0 ] && [ "${processed:-0}" -gt 0 ]; then
		echo "PASS concurrency: ${side}s, 2 clients for $seconds s: $processed transactions, 0 failed, no errors"
	else
		echo "FAIL concurrency: ${side}s: exit ${rc[$side]}, ${processed:-?} transactions, ${failed:-?} failed, $errors error lines:"
		grep -iE 'error|aborted|fatal' "$work/$side.out" | head -5 | sed 's/^/    /'
		status=1
	fi
done

q() { psql -qAtX -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }
aliases=$(q "SELECT count(*) FROM recent")
checks=$(q "SELECT count(*) FROM checks WHERE reader <> writer")
misses=$(q "SELECT count(*) FILTER (WHERE NOT entities_ok) || ' by entities(), ' || count(*) FILTER (WHERE NOT events_ok) || ' by events()' FROM checks")
distinct=$(q "SELECT count(DISTINCT alias) FROM checks")
report "concurrency: $aliases aliases inserted; $checks checks of a new alias by another client's next statement ($distinct aliases), none missed" \
	"$misses" "0 by entities(), 0 by events()"
if [ "$checks" -eq 0 ]; then
	echo "FAIL concurrency: no alias was checked"
	status=1
fi
psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null
exit $status
