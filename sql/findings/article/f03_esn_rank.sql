-- id: F03
-- statement: Le deuxième contingent le plus important est constitué de 21 entreprises de services numériques
--   (ESN)
-- source: mind Health, "Hébergement des données de santé : que révèle l'analyse des entreprises
--   certifiées ?", 29 October 2020 (updated 8 March 2022)
-- snapshot: 2020-07
-- expected: 21, rank 2

SELECT actual FROM v_esn_rank WHERE snapshot_date = :snapshot;
