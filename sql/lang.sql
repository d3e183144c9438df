-- akhbar.lang(): ar, fr, en, or NULL.
SET search_path = public, akhbar;

SELECT lang('التقى وزير الخارجية الصيني نظيره الروسي في جاكرتا') AS ar;
SELECT lang('Le président russe a rencontré son homologue chinois à Pékin.') AS fr;
SELECT lang('The Russian president met his Chinese counterpart in Beijing.') AS en;
SELECT lang('l’ONU et d’autres pays') AS elision;

-- Cannot tell: no letters, too little evidence, another script.
SELECT lang('') IS NULL AS empty, lang('2023-07-13 !!! 42') IS NULL AS digits,
       lang('Vladimir Putin') IS NULL AS names_only, lang('Москва') IS NULL AS cyrillic;
SELECT lang(NULL) IS NULL AS strict;

-- A French quotation inside an Arabic article does not flip it.
SELECT lang('قال رئيس الدبلوماسية الصينية وانغ يي يوم الخميس في جاكرتا إن الصين ستعزز علاقاتها مع روسيا. '
            || 'Le patron de la diplomatie chinoise a indiqué que la Chine et la Russie allaient se prémunir.') AS quoted;
