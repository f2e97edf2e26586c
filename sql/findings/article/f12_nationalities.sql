-- id: F12
-- statement: 11 nationalités sont représentées ; neuf autres nationalités, toutes européennes (Pays-Bas :
--   Bluebee, Philips ; Allemagne : Fresenius Netcare ; Royaume-Uni : Claranet ; Suède : Ivbar)
-- source: mind Health, "Hébergement des données de santé : que révèle l'analyse des entreprises
--   certifiées ?", 29 October 2020 (updated 8 March 2022)
-- snapshot: 2020-07
-- expected: 11 nationalities, 17 companies from 9 other European countries, 5 of 5 named

-- How many nationalities the snapshot holds, how many companies come from European countries other than
-- France and from how many countries, and whether the companies the article places have the nationality it
-- gives them. Sweden (Ivbar) comes from the sentence of F07 ("l'éditeur de logiciels santé Suédois Ivbar").
WITH named (name, key, nationality) AS (VALUES
    ('Bluebee', 'bluebee', 'NL'),
    ('Philips', 'philips', 'NL'),
    ('Fresenius Netcare', 'freseniusnetcare', 'DE'),
    ('Claranet', 'claranet', 'GB'),
    ('Ivbar', 'ivbar', 'SE')),
named_company AS (
    SELECT (SELECT company_id FROM v_company_by_key k WHERE k.key = n.key) AS company_id, n.nationality
    FROM named n),
-- The snapshot's companies are read once: each read of them goes over every company span of the history.
listed AS MATERIALIZED (
    SELECT company_id, nationality FROM v_snapshot_company WHERE snapshot_date = :snapshot),
european AS (
    SELECT l.nationality FROM listed l JOIN country c ON c.code = l.nationality
    WHERE c.region = 'Europe' AND l.nationality <> 'FR')
SELECT (SELECT count(DISTINCT nationality) FROM listed)
       || ' nationalities, '
       || (SELECT count(*) FROM european) || ' companies from '
       || (SELECT count(DISTINCT nationality) FROM european) || ' other European countries, '
       || (SELECT count(*) FROM named_company n JOIN listed l ON l.company_id = n.company_id
            WHERE l.nationality = n.nationality)
       || ' of ' || (SELECT count(*) FROM named) || ' named' AS actual;
