-- Name keys across scripts, and name similarity.
SET search_path = public, akhbar;

SELECT name_key('Lavrov') = name_key('لافروف') AS lavrov,
       name_key('Sergueï') = name_key('سيرجي') AND name_key('Sergey') = name_key('سيرغي') AS sergei,
       name_key('Poutine') = name_key('Putin') AND name_key('Putin') = name_key('بوتين') AS putin,
       name_key('Xi Jinping') = name_key('شي جين بينغ') AND name_key('شى جين بينج') = name_key('Xi Jinping') AS xi,
       name_key('Erdoğan') = name_key('أردوغان') AS erdogan,
       name_key('Nétanyahou') = name_key('نتنياهو') AND name_key('Netanyahu') = name_key('Nétanyahou') AS netanyahu;

SELECT name_key('Wang Yi') <> name_key('Wang Wenbin') AS wang, name_key('Lavrov') <> name_key('Choïgou') AS lavrov_shoigu;

SELECT name_similarity('Poutine', 'بوتين') AS same, name_similarity('Lavrov', 'Lavrova') > 0.5 AS close,
       name_similarity('Lavrov', 'Choïgou') < 0.5 AS far, name_similarity('', 'x') AS empty;
