-- Installing akhbar: the schema, and nothing leaks into public.
CREATE EXTENSION akhbar;
SELECT extname, extversion, nspname AS schema, extrelocatable
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE extname = 'akhbar';

-- Every function but the triggers is PARALLEL SAFE, and IMMUTABLE ones are STRICT (but dates(),
-- whose publication date may be NULL).
SELECT p.proname, p.provolatile, p.proparallel, p.proisstrict
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'akhbar'
WHERE p.prorettype <> 'trigger'::regtype
  AND (p.proparallel <> 's' OR (p.provolatile = 'i' AND NOT p.proisstrict AND p.prokind = 'f'
							   AND p.proname <> 'dates'))
ORDER BY 1;

-- Every public function, type, operator and aggregate has a comment.
SELECT pg_describe_object(d.classid, d.objid, 0) AS uncommented
FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'akhbar'
WHERE d.deptype = 'e'
  AND d.classid IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_operator'::regclass)
  AND obj_description(d.objid, d.classid::regclass::text) IS NULL
  AND NOT (d.classid = 'pg_proc'::regclass AND (SELECT proname FROM pg_proc WHERE oid = d.objid) IN ('ftext_in', 'ftext_out', 'ftext_recv', 'ftext_send'))
ORDER BY 1;

-- No SECURITY DEFINER anywhere.
SELECT count(*) AS security_definer
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'akhbar'
WHERE p.prosecdef;

SET search_path = public, akhbar;
