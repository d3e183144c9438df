-- akhbar.fold(): one rule per line.
SET search_path = public, akhbar;

-- The examples of the specification.
SELECT fold('الرئيـــس التركي أردوغان');
SELECT fold('L’ŒUVRE — « Le Petit Prince »');
SELECT fold('في ٥ أغسطس ٢٠٢٢');

-- 1. NFKC: presentation forms, ligatures, fullwidth forms; ﷺ grows to 18 letters.
SELECT fold(U&'\FEFB') AS lam_alef, fold(U&'\FB01nance') AS fi, fold(U&'\FF21\FF22\FF23') AS fullwidth;
SELECT fold(U&'\FDFA'), length(fold(U&'\FDFA'));

-- 2. Deleted: harakat, tatweel, superscript alef, bidi and format controls, soft hyphen.
SELECT fold('مَبْنًى') AS harakat, fold('الصـــين') AS tatweel;
SELECT fold(U&'\200FPutin\200E') AS rlm_lrm, fold(U&'a\200Bb') AS zwsp,
       fold(U&'\2067x\2069') AS isolates, fold(U&'co\00ADop') AS soft_hyphen, fold(U&'\FEFFbom') AS bom;

-- 3. Arabic letters: alef forms, alef maksura, teh marbuta, hamza carriers, Persian letters.
SELECT fold('آ أ إ ٱ') AS alefs, fold('الصينى') AS maksura, fold('مدينة') AS marbuta;
SELECT fold('مسؤول') = fold('مسئول') AS masul, fold('شؤون') = fold('شئون') AS shuun;
SELECT fold('ی ک ۀ ہ ە') AS persian;

-- 4. Digits and Arabic numeric punctuation.
SELECT fold('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹') AS digits, fold('٣٫٥٪ ١٬٠٠٠') AS numbers;

-- 5. Punctuation.
SELECT fold('نعم، لا؛ لماذا؟ ختام۔');
SELECT fold('‘a’ ‚b‛ ′c ʼd ʻe `f');
SELECT fold('“a” „b‟ «c» ″d');
SELECT fold('a‐b‑c‒d–e—f―g−h');

-- 6. Case folding, diacritics, ligatures.
SELECT fold('Pékin') = fold('PEKIN') AS pekin, fold('Erdoğan'), fold('Straße'), fold('ŒUVRE Æ Ø Ł Đ');
SELECT fold('Ἀθῆναι') AS greek, fold('Ёлка') AS cyrillic, fold('Sergueï Nétanyahou');

-- 7. White space: every run becomes one space, trimmed.
SELECT '[' || fold(E'  a \t\n b  ') || ']' AS tabs,
       '[' || fold(U&'a\00A0b\202Fc\2009d') || ']' AS nbsp,
       '[' || fold('   ') || ']' AS blank, '[' || fold('') || ']' AS empty;

-- Mixed-script text keeps both scripts.
SELECT fold('Le ministre Lavrov (لافروف) à Jakarta — « جاكرتا »');

-- NULL in, NULL out; fold is idempotent here.
SELECT fold(NULL) IS NULL AS strict;
SELECT fold(fold('L’ŒUVRE — « Le Petit Prince » الرئيـــس')) = fold('L’ŒUVRE — « Le Petit Prince » الرئيـــس') AS idempotent;

-- Long input: a 110 MB value folds in linear time, its size as expected.
SELECT length(fold(repeat('Pékin بكين ', 10000000))) AS hundred_mb;

-- Cancellation: a statement timeout interrupts fold() on a long value.
CREATE TEMP TABLE big AS SELECT repeat('Pékin بكين ', 10000000) AS body;
SET statement_timeout = '100ms';
SELECT length(fold(body)) FROM big, generate_series(1, 100);
RESET statement_timeout;
DROP TABLE big;

-- Marks only and bidi controls only fold to nothing.
SELECT length(fold(repeat(U&'\064E\0651', 100000))) AS marks, length(fold(repeat(U&'\200F\2067', 100000))) AS bidi;

-- An expression index on fold() is used.
CREATE TABLE fold_names (name text);
INSERT INTO fold_names SELECT 'name ' || g FROM generate_series(1, 1000) g;
INSERT INTO fold_names VALUES ('Pékin'), ('بكين'), ('PEKIN');
CREATE INDEX ON fold_names (fold(name));
ANALYZE fold_names;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT name FROM fold_names WHERE fold(name) = fold('pekin');
SELECT name FROM fold_names WHERE fold(name) = fold('pekin') ORDER BY name;
RESET enable_seqscan;
DROP TABLE fold_names;
