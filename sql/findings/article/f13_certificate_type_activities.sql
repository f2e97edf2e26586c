-- id: F13
-- statement: L'Asip délivre deux types de certificats qui couvrent six activités : hébergeur
--   d'infrastructure physique (1, 2) et hébergeur infogéreur (3 à 6)
-- source: mind Health, "Hébergement des données de santé : que révèle l'analyse des entreprises
--   certifiées ?", 29 October 2020 (updated 8 March 2022)
-- snapshot: none
-- expected: Hébergeur d'infrastructure physique: 1,2; Hébergeur infogéreur: 3,4,5,6

-- Reads only the schema's reference data (certificate types and the activities each covers), no list:
-- "snapshot: none" makes it a check of the reference data, reported apart.
SELECT actual FROM v_certificate_type_activities;
