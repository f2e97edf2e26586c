-- id: F08
-- statement: 89,4 % des sociétés certifiées le sont pour l'infrastructure virtuelle du système d'information
--   et 81,7 % pour son infrastructure matérielle
-- source: mind Health, "Hébergement des données de santé : que révèle l'analyse des entreprises
--   certifiées ?", 29 October 2020 (updated 8 March 2022)
-- snapshot: 2020-07
-- expected: 89.4 / 81.7

SELECT actual FROM v_activity_share WHERE snapshot_date = :snapshot;
