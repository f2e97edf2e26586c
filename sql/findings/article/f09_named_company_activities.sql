-- id: F09
-- statement: OVHcloud a demandé et obtenu la certification sur cinq des six activités. Seule exception,
--   l'administration et l'exploitation
-- source: mind Health, "Hébergement des données de santé : que révèle l'analyse des entreprises
--   certifiées ?", 29 October 2020 (updated 8 March 2022)
-- snapshot: 2020-07
-- expected: 1,2,3,4,6

-- OVHcloud's activities in the snapshot, found by its key ('ovhcloud') or an alias.
SELECT ifnull((SELECT sc.activity_list FROM v_company_by_key k
                 JOIN v_snapshot_company sc ON sc.company_id = k.company_id
                WHERE k.key = 'ovhcloud' AND sc.snapshot_date = :snapshot), 'not listed') AS actual;
