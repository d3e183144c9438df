-- Scores on the gold corpus, loaded by scripts/eval.sh into table corpus.
-- Each check prints one line starting with PASS or FAIL; scores print as plain lines.

\echo '-- normalization and language'
SELECT CASE WHEN akhbar.lang(body) IS NOT DISTINCT FROM lang THEN 'PASS' ELSE 'FAIL' END
       || ' lang(' || id || ') = ' || coalesce(akhbar.lang(body), 'NULL') || ' (gold ' || lang || ')'
FROM corpus ORDER BY id;

SELECT 'lang accuracy ' || count(*) FILTER (WHERE akhbar.lang(body) = lang) || '/' || count(*)
FROM corpus;

SELECT CASE WHEN akhbar.fold(akhbar.fold(body)) = akhbar.fold(body) THEN 'PASS' ELSE 'FAIL' END
       || ' fold idempotent on ' || id
FROM corpus ORDER BY id;

-- Nothing fold() deletes or maps survives it.
SELECT CASE WHEN akhbar.fold(body) !~ '[\u064B-\u065F\u0640\u0622\u0623\u0625\u0649\u0629\u200B-\u200F\u00A0A-Z«»“”’]'
            THEN 'PASS' ELSE 'FAIL' END || ' fold leaves no folded-away character in ' || id
FROM corpus ORDER BY id;
