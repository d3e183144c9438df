#!/usr/bin/env bash
# Security of the install: akhbar is a trusted extension, so the owner of a database installs it
# without being a superuser; its functions resolve every name through pg_catalog or its own
# schema, so objects an attacker puts first on the search_path (public.lower, public.btrim,
# an operator = on text) change no result and are never called; built-in gazetteer rows are
# the extension owner's alone; nothing runs as SECURITY DEFINER.
# Prints PASS/FAIL lines. PGHOST/PGPORT/PGUSER point at the server (a superuser).
set -euo pipefail
db=akhbar_security
owner=akhbar_db_owner
other=akhbar_other_user
su() { psql -qAtX -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
as() { psql -qAtX -v ON_ERROR_STOP=1 -U "$1" -d "$db" -c "$2"; }
report() { if [ "$2" = "$3" ]; then echo "PASS $1"; else echo "FAIL $1: got '$2', expected '$3'"; fi; }

psql -qX -d postgres >/dev/null 2>&1 <<SQL
DROP DATABASE IF EXISTS $db;
DROP ROLE IF EXISTS $owner;
DROP ROLE IF EXISTS $other;
SQL
su postgres "CREATE ROLE $owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
su postgres "CREATE ROLE $other LOGIN NOSUPERUSER"
su postgres "CREATE DATABASE $db OWNER $owner TEMPLATE template0 ENCODING 'UTF8'"
# PostgreSQL 15 no longer lets everyone create in public: give it back to the owner only.
su $db "ALTER SCHEMA public OWNER TO $owner"

# 1. The database owner, not a superuser, installs the extension.
if out=$(as $owner "CREATE EXTENSION akhbar" 2>&1); then
	echo "PASS trusted install by the database owner ($owner, not a superuser)"
else
	echo "FAIL trusted install by the database owner: $out"
fi

# 2. The same queries, first in a clean session, then behind a search_path trap.
queries="SELECT akhbar.fold('Ｐékin  ـالصينيّ');
SELECT akhbar.lang('وزير الخارجية الروسي');
SELECT string_agg(name, ',' ORDER BY start) FROM akhbar.entities('Poutine a rencontré Xi Jinping à Pékin');
SELECT akhbar.name_key('Poutine');
SELECT akhbar.clean('Partager:' || chr(10) || 'Texte.');
SELECT to_tsvector('akhbar.news', 'Poutine et لبوتين à Pékin')::text;
SELECT akhbar.entity_query('بوتين')::text;
SELECT string_agg(event::text, ' ') FROM akhbar.events('Wang Yi a rencontré Sergueï Lavrov vendredi.', '2023-07-15');
SELECT string_agg(value::text, ' ') FROM akhbar.dates('hier et le 1er mars 2022', '2023-07-15');
SELECT 'meet{A}[2020-01-01,2020-01-02)'::akhbar.event OPERATOR(akhbar.~=) 'meet{a}[2020-01-02,2020-01-03)';
SELECT 'Pékin'::akhbar.ftext OPERATOR(akhbar.=) 'PEKIN'::akhbar.ftext;"
clean=$(psql -qAtX -v ON_ERROR_STOP=1 -U $owner -d "$db" -c "$queries" 2>&1)

as $owner "CREATE TABLE public.trap_calls (fn text)"
psql -qX -v ON_ERROR_STOP=1 -U $owner -d "$db" >/dev/null <<'SQL'
CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO public.trap_calls VALUES ('lower'); RETURN 'pwned'; END $$;
CREATE FUNCTION public.btrim(text) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO public.trap_calls VALUES ('btrim'); RETURN 'pwned'; END $$;
CREATE FUNCTION public.length(text) RETURNS int LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO public.trap_calls VALUES ('length'); RETURN 0; END $$;
CREATE FUNCTION public.text_eq_trap(text, text) RETURNS boolean LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO public.trap_calls VALUES ('='); RETURN true; END $$;
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.text_eq_trap);
CREATE FUNCTION public.regexp_replace(text, text, text) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO public.trap_calls VALUES ('regexp_replace'); RETURN 'pwned'; END $$;
SQL
trapped=$(psql -qAtX -v ON_ERROR_STOP=1 -U $owner -d "$db" -c "SET search_path = public, akhbar, pg_catalog" -c "$queries" 2>&1)
calls=$(as $owner "SELECT count(*) FROM public.trap_calls")
report "search_path trap changes no result" "$trapped" "$clean"
report "search_path trap: no attacker function called" "$calls" "0"

# 3. Another user may add gazetteer rows, not change built-in ones.
if out=$(as $other "UPDATE akhbar.entity SET name_en = 'x' WHERE name_en = 'Vladimir Putin'" 2>&1); then
	echo "FAIL built-in gazetteer rows changed by another user"
else
	report "built-in gazetteer rows guarded from other users ($(echo "$out" | head -1 | cut -c1-60)...)" \
		"$(as $owner "SELECT count(*) FROM akhbar.entity WHERE name_en = 'Vladimir Putin'")" "1"
fi
if out=$(as $other "INSERT INTO akhbar.entity (id, kind, name_en) VALUES (990000001, 'person', 'Jean Autre')" 2>&1); then
	echo "PASS another user adds a gazetteer row"
else
	echo "FAIL another user adds a gazetteer row: $out"
fi

# 4. No SECURITY DEFINER function.
definer=$(as $owner "SELECT count(*) FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
	JOIN pg_extension e ON e.oid = d.refobjid WHERE e.extname = 'akhbar' AND p.prosecdef")
report "no SECURITY DEFINER function" "$definer" "0"

psql -qX -d postgres >/dev/null 2>&1 <<SQL
DROP DATABASE IF EXISTS $db;
DROP ROLE IF EXISTS $owner;
DROP ROLE IF EXISTS $other;
SQL
