-- id: F06
-- statement: 63,5 % des sociétés certifiées ont obtenu le sésame pour l'ensemble de ces activités
-- source: mind Health, "Hébergement des données de santé : que révèle l'analyse des entreprises
--   certifiées ?", 29 October 2020 (updated 8 March 2022)
-- snapshot: 2020-07
-- expected: 63.5

SELECT actual FROM v_all_activities_share WHERE snapshot_date = :snapshot;
