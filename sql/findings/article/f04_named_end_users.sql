-- id: F04
-- statement: nombre d'utilisateurs finaux ont également obtenu cette certification (GIP MiPih, GIP SIB, GIE
--   Almaviva Santé, Vivalto Santé Services Partagés, AP-HM, Orpéa)
-- source: mind Health, "Hébergement des données de santé : que révèle l'analyse des entreprises
--   certifiées ?", 29 October 2020 (updated 8 March 2022)
-- snapshot: 2020-07
-- expected: 6 of 6

-- The end users the article names (as it writes them, with their normalised key), found by key or alias,
-- listed in the snapshot with an end-user positioning.
WITH named (name, key) AS (VALUES
    ('GIP MiPih Midi Picardie', 'gipmipihmidipicardie'),
    ('GIP SIB', 'gipsib'),
    ('GIE Almaviva Santé', 'giealmavivasante'),
    ('Vivalto Santé Services Partagés', 'vivaltosanteservicespartages'),
    ('AP-HM Direction des services numériques', 'aphmdirectiondesservicesnumeriques'),
    ('Orpéa', 'orpea'))
SELECT (SELECT count(*) FROM named n
          JOIN v_snapshot_company sc
            ON sc.company_id = (SELECT company_id FROM v_company_by_key k WHERE k.key = n.key)
         WHERE sc.snapshot_date = :snapshot AND sc.positioning = 'end_user')
       || ' of ' || (SELECT count(*) FROM named) AS actual;
