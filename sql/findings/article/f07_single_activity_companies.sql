-- id: F07
-- statement: Quatre sociétés se sont contentées d'un seul (EBRC, C.I.V. France, Be Kortalys : activité 1 ;
--   Ivbar : activité 5)
-- source: mind Health, "Hébergement des données de santé : que révèle l'analyse des entreprises
--   certifiées ?", 29 October 2020 (updated 8 March 2022)
-- snapshot: 2020-07
-- expected: 4 companies, 4 of 4 as stated

-- How many companies hold a single activity, and how many of those the article names hold exactly the
-- activity it states (activities as bits: bit n-1 for activity n).
WITH named (name, key, activities) AS (VALUES
    ('EBRC', 'ebrc', 1),
    ('C.I.V. France', 'civfrance', 1),
    ('Be Kortalys', 'bekortalys', 1),
    ('Ivbar', 'ivbar', 16))
SELECT (SELECT count(*) FROM v_snapshot_company WHERE snapshot_date = :snapshot AND activity_count = 1)
       || ' companies, '
       || (SELECT count(*) FROM named n
             JOIN v_snapshot_company sc
               ON sc.company_id = (SELECT company_id FROM v_company_by_key k WHERE k.key = n.key)
            WHERE sc.snapshot_date = :snapshot AND sc.activities = n.activities)
       || ' of ' || (SELECT count(*) FROM named) || ' as stated' AS actual;
