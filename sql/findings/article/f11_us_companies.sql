-- id: F11
-- statement: 12 sont originaires des États-Unis (Microsoft Azure, Google Cloud, Amazon Web Services, St. Jude
--   Medical, Boston Scientific, Salesforce)
-- source: mind Health, "Hébergement des données de santé : que révèle l'analyse des entreprises
--   certifiées ?", 29 October 2020 (updated 8 March 2022)
-- snapshot: 2020-07
-- expected: 12, 6 of 6 named

-- Companies from the United States, and how many of those the article names are listed as American.
WITH named (name, key) AS (VALUES
    ('Microsoft', 'microsoft'),
    ('Google Cloud', 'googlecloud'),
    ('Amazon Web Services', 'amazonwebservices'),
    ('St. Jude Medical', 'stjudemedical'),
    ('Boston Scientific', 'bostonscientific'),
    ('Salesforce', 'salesforce'))
SELECT (SELECT count(*) FROM v_snapshot_company WHERE snapshot_date = :snapshot AND nationality = 'US')
       || ', '
       || (SELECT count(*) FROM named n
             JOIN v_snapshot_company sc
               ON sc.company_id = (SELECT company_id FROM v_company_by_key k WHERE k.key = n.key)
            WHERE sc.snapshot_date = :snapshot AND sc.nationality = 'US')
       || ' of ' || (SELECT count(*) FROM named) || ' named' AS actual;
