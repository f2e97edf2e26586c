-- id: F05
-- statement: Des acteurs plutôt inattendus y figurent aussi (DIRISI CNMO-SI Suresnes, MGEN Technologies,
--   Selligent, Worldline, Withings)
-- source: mind Health, "Hébergement des données de santé : que révèle l'analyse des entreprises
--   certifiées ?", 29 October 2020 (updated 8 March 2022)
-- snapshot: 2020-07
-- expected: 5 of 5

-- The unexpected actors the article names, listed in the snapshot and positioned as neither hosting nor IT
-- services (ESN).
WITH named (name, key) AS (VALUES
    ('DIRISI CNMO-SI Suresnes', 'dirisicnmosisuresnes'),
    ('MGEN Technologies', 'mgentechnologies'),
    ('Selligent', 'selligent'),
    ('Worldline', 'worldline'),
    ('Withings', 'withings'))
SELECT (SELECT count(*) FROM named n
          JOIN v_snapshot_company sc
            ON sc.company_id = (SELECT company_id FROM v_company_by_key k WHERE k.key = n.key)
         WHERE sc.snapshot_date = :snapshot AND sc.positioning NOT IN ('hosting', 'esn'))
       || ' of ' || (SELECT count(*) FROM named) AS actual;
