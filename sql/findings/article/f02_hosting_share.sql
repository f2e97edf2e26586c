-- id: F02
-- statement: dont un tiers de spécialistes de l'hébergement, du cloud et de l'infogérance
-- source: mind Health, "Hébergement des données de santé : que révèle l'analyse des entreprises
--   certifiées ?", 29 October 2020 (updated 8 March 2022)
-- snapshot: 2020-07
-- expected: 0.333
-- tolerance: 0.05

-- "Un tiers" is no count: the share of companies positioned as hosting, within 0.05 of a third.
SELECT actual FROM v_hosting_share WHERE snapshot_date = :snapshot;
