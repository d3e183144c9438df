-- Entity extraction: the gazetteer, akhbar.entities(), short mentions, user rows.
SET search_path = public, akhbar;

-- Built-in coverage.
SELECT kind, count(*) >= CASE kind WHEN 'person' THEN 400 WHEN 'place' THEN 550 ELSE 200 END AS enough
FROM entity GROUP BY kind ORDER BY kind;
SELECT count(*) >= 240 AS countries FROM entity WHERE id < 1000;
SELECT count(*) >= 50 AS media FROM entity WHERE id BETWEEN 30000 AND 34999;
SELECT name_en, name_fr, name_ar FROM entity WHERE id IN (156, 643, 840) ORDER BY id;

-- One identity across languages and spellings.
SELECT name, surface, start, len FROM entities('Le président russe Vladimir Poutine a parlé avec Xi Jinping à Pékin.');
SELECT name, surface, start, len FROM entities('قال الرئيس الروسي فلاديمير بوتين إن روسيا والصين ستعززان التعاون في بكين');

-- Clitics: every form gives the name, and the surface starts after the clitic.
SELECT name, surface FROM entities('وبكين لبكين ببكين والصين بالصين للصين بالأمم المتحدة للأمم المتحدة');

-- French elision and acronyms in capitals only.
SELECT name, surface FROM entities('l’ONU et d’Ankara, un pays de l''OTAN');

-- Short mentions inside one article.
SELECT name, surface FROM entities('التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني. وقال لافروف إن ...');

-- Offices next to a country adjective name their current holder, unless the name follows.
SELECT name, surface FROM entities('Selon le président russe, la situation évolue.');
SELECT name, surface FROM entities('وقال وزير الخارجية الروسي إن');
SELECT name, surface FROM entities('le président russe, Vladimir Poutine, a dit');

-- Unknown names from their context: entity_id NULL, a kind, and a key.
SELECT entity_id, kind, name, key FROM entities('le secrétaire de presse de l’OTSC, Vladimir Zainetdinov, a déclaré') WHERE entity_id IS NULL;
SELECT entity_id, kind, name, key FROM entities('وقال السفير الروسي في القاهرة جيورجي بوريسينكو إن حزب العدالة والتنمية') WHERE entity_id IS NULL;

-- Offsets are 1-based characters: substr(body, start, len) = surface, always.
SELECT count(*) AS mentions, bool_and(substr(b, start, len) = surface) AS offsets_exact
FROM (VALUES ('Pékin, Moscou et l’ONU — بكين وموسكو والأمم المتحدة، وقال بوتين')) v(b), entities(b);

-- Counts per entity.
SELECT * FROM entity_counts('Pékin. Pékin et Moscou. بكين') ORDER BY name;

-- Users extend the gazetteer with INSERT; the next statement uses it.
SELECT count(*) AS before FROM entities('Le maire de Trifouillis-les-Oies a parlé.');
INSERT INTO entity (id, kind, name_en, name_fr) VALUES (900000001, 'place', 'Trifouillis-les-Oies', 'Trifouillis-les-Oies');
INSERT INTO alias (entity_id, alias, lang) VALUES (900000001, 'ترفويي', 'ar');
SELECT entity_id, name, surface FROM entities('Le maire de Trifouillis-les-Oies a parlé. وفي ترفويي');
DELETE FROM entity WHERE id = 900000001;
SELECT count(*) AS after_delete FROM entities('Le maire de Trifouillis-les-Oies a parlé.');

-- Bad rows are rejected.
INSERT INTO entity (id, kind, name_en) VALUES (900000002, 'planet', 'Mars');
INSERT INTO entity (id, kind, name_en) VALUES (900000002, 'place', '  ');
INSERT INTO alias (entity_id, alias) VALUES (156, '');
INSERT INTO alias (entity_id, alias) VALUES (156, 'ـَـ');
INSERT INTO alias (entity_id, alias) VALUES (999999999, 'nowhere');
INSERT INTO alias (entity_id, alias, lang) VALUES (156, 'Cathay', 'xx');

-- Built-in rows belong to the table owner; other users add their own.
CREATE ROLE akhbar_analyst;
SET ROLE akhbar_analyst;
UPDATE entity SET name_fr = 'Chine populaire' WHERE id = 156;
DELETE FROM alias WHERE entity_id = 156;
INSERT INTO entity (id, kind, name_en, builtin) VALUES (900000003, 'place', 'Sneaky', true);
INSERT INTO alias (entity_id, alias, lang) VALUES (156, 'Empire du Milieu', 'fr');
SELECT name, surface FROM entities('l''Empire du Milieu');
DELETE FROM alias WHERE alias = 'Empire du Milieu';
RESET ROLE;
DROP ROLE akhbar_analyst;

-- NULL in, nothing out; empty text, no mention.
SELECT count(*) FROM entities(NULL);
SELECT count(*) FROM entities('');

-- The automaton's size.
SELECT gazetteer_memory() BETWEEN 100000 AND 50000000 AS memory_ok;
