-- id: F10
-- statement: 75 des 104 sociétés certifiées sont françaises
-- source: mind Health, "Hébergement des données de santé : que révèle l'analyse des entreprises
--   certifiées ?", 29 October 2020 (updated 8 March 2022)
-- snapshot: 2020-07
-- expected: 75 of 104

SELECT actual FROM v_nationality_count WHERE snapshot_date = :snapshot;
