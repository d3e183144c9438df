-- CREATE EXTENSION refuses a database whose encoding is not UTF8, with a clear message.
\set orig_db :DBNAME
CREATE DATABASE akhbar_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c akhbar_latin1
\set VERBOSITY default
CREATE EXTENSION akhbar;
SELECT count(*) AS akhbar_objects FROM pg_extension WHERE extname = 'akhbar';
\c :orig_db
DROP DATABASE akhbar_latin1;
