-- id: F01
-- statement: le nombre de sociétés certifiées est passé de 19 en juin 2019 à 104 en juillet 2020
-- source: mind Health, "Hébergement des données de santé : que révèle l'analyse des entreprises
--   certifiées ?", 29 October 2020 (updated 8 March 2022)
-- snapshot: 2020-07
-- from: 2019-06
-- expected: 19 → 104

-- The two months are read by name, never as "the snapshot just before": a list ingested between them
-- changes nothing here. v_company_growth has one row per pair of snapshots.
SELECT actual FROM v_company_growth WHERE from_date = :from AND snapshot_date = :snapshot;
