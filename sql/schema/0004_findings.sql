-- The findings of the mind Health article "Hébergement des données de santé : que révèle l'analyse des
-- entreprises certifiées ?" (29 October 2020), to check against the data: view v_findings computes each
-- actual value with the finding's own view (sql/views/findings/) and compares it with `expected`.

-- Countries' continent, for "nine other nationalities, all European" (F12).
ALTER TABLE country ADD COLUMN region TEXT;
UPDATE country SET region = 'Europe' WHERE code IN ('AD', 'AL', 'AT', 'AX', 'BA', 'BE', 'BG', 'BY', 'CH', 'CY',
    'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FO', 'FR', 'GB', 'GG', 'GI', 'GR', 'HR', 'HU', 'IE', 'IM', 'IS', 'IT',
    'JE', 'LI', 'LT', 'LU', 'LV', 'MC', 'MD', 'ME', 'MK', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'RU', 'SE',
    'SI', 'SJ', 'SK', 'SM', 'UA', 'VA');

CREATE TABLE findings (
    id          TEXT PRIMARY KEY,   -- F01..F13, as in shared/article/FINDINGS.md
    statement   TEXT NOT NULL,      -- the article's words
    snapshot    TEXT,               -- the month of the snapshot it reads (NULL: reference data only)
    view        TEXT NOT NULL,      -- the view that computes it, per snapshot
    expected    TEXT NOT NULL,      -- in the form the view's `actual` column takes
    tolerance   REAL                -- NULL: actual must equal expected; else |actual - expected| <= tolerance
);

-- Companies a finding names, with what the article says of them.
CREATE TABLE finding_company (
    finding_id   TEXT NOT NULL REFERENCES findings(id),
    name         TEXT NOT NULL,     -- as the article writes it
    key          TEXT NOT NULL,     -- its normalised key (a test checks it against the library's)
    activities   INTEGER,           -- the activities the article states (bit n-1 = activity n), if any
    nationality  TEXT REFERENCES country(code),  -- the nationality the article states, if any
    PRIMARY KEY (finding_id, key)
) WITHOUT ROWID;

INSERT INTO findings (id, statement, snapshot, view, expected, tolerance) VALUES
    ('F01', 'le nombre de sociétés certifiées est passé de 19 en juin 2019 à 104 en juillet 2020',
     '2020-07', 'v_company_growth', '19 → 104', NULL),
    ('F02', 'dont un tiers de spécialistes de l''hébergement, du cloud et de l''infogérance',
     '2020-07', 'v_hosting_share', '0.333', 0.05),
    ('F03', 'Le deuxième contingent le plus important est constitué de 21 entreprises de services numériques (ESN)',
     '2020-07', 'v_esn_rank', '21, rank 2', NULL),
    ('F04', 'nombre d''utilisateurs finaux ont également obtenu cette certification (GIP MiPih, GIP SIB, GIE Almaviva Santé, Vivalto Santé Services Partagés, AP-HM, Orpéa)',
     '2020-07', 'v_named_end_users', '6 of 6', NULL),
    ('F05', 'Des acteurs plutôt inattendus y figurent aussi (DIRISI CNMO-SI Suresnes, MGEN Technologies, Selligent, Worldline, Withings)',
     '2020-07', 'v_unexpected_actors', '5 of 5', NULL),
    ('F06', '63,5 % des sociétés certifiées ont obtenu le sésame pour l''ensemble de ces activités',
     '2020-07', 'v_all_activities_share', '63.5', NULL),
    ('F07', 'Quatre sociétés se sont contentées d''un seul (EBRC, C.I.V. France, Be Kortalys : activité 1 ; Ivbar : activité 5)',
     '2020-07', 'v_single_activity_companies', '4 companies, 4 of 4 as stated', NULL),
    ('F08', '89,4 % des sociétés certifiées le sont pour l''infrastructure virtuelle du système d''information et 81,7 % pour son infrastructure matérielle',
     '2020-07', 'v_activity_share', '89.4 / 81.7', NULL),
    ('F09', 'OVHcloud a demandé et obtenu la certification sur cinq des six activités. Seule exception, l''administration et l''exploitation',
     '2020-07', 'v_named_company_activities', '1,2,3,4,6', NULL),
    ('F10', '75 des 104 sociétés certifiées sont françaises',
     '2020-07', 'v_nationality_count', '75 of 104', NULL),
    ('F11', '12 sont originaires des États-Unis (Microsoft Azure, Google Cloud, Amazon Web Services, St. Jude Medical, Boston Scientific, Salesforce)',
     '2020-07', 'v_us_companies', '12, 6 of 6 named', NULL),
    ('F12', '11 nationalités sont représentées ; neuf autres nationalités, toutes européennes (Pays-Bas : Bluebee, Philips ; Allemagne : Fresenius Netcare ; Royaume-Uni : Claranet ; Suède : Ivbar)',
     '2020-07', 'v_nationalities', '11 nationalities, 17 companies from 9 other European countries, 5 of 5 named', NULL),
    ('F13', 'L''Asip délivre deux types de certificats qui couvrent six activités : hébergeur d''infrastructure physique (1, 2) et hébergeur infogéreur (3 à 6)',
     NULL, 'v_certificate_type_activities', 'Hébergeur d''infrastructure physique: 1,2; Hébergeur infogéreur: 3,4,5,6', NULL);

INSERT INTO finding_company (finding_id, name, key, activities, nationality) VALUES
    ('F04', 'GIP MiPih Midi Picardie', 'gipmipihmidipicardie', NULL, NULL),
    ('F04', 'GIP SIB', 'gipsib', NULL, NULL),
    ('F04', 'GIE Almaviva Santé', 'giealmavivasante', NULL, NULL),
    ('F04', 'Vivalto Santé Services Partagés', 'vivaltosanteservicespartages', NULL, NULL),
    ('F04', 'AP-HM Direction des services numériques', 'aphmdirectiondesservicesnumeriques', NULL, NULL),
    ('F04', 'Orpéa', 'orpea', NULL, NULL),
    ('F05', 'DIRISI CNMO-SI Suresnes', 'dirisicnmosisuresnes', NULL, NULL),
    ('F05', 'MGEN Technologies', 'mgentechnologies', NULL, NULL),
    ('F05', 'Selligent', 'selligent', NULL, NULL),
    ('F05', 'Worldline', 'worldline', NULL, NULL),
    ('F05', 'Withings', 'withings', NULL, 'FR'),
    ('F07', 'EBRC', 'ebrc', 1, NULL),
    ('F07', 'C.I.V. France', 'civfrance', 1, NULL),
    ('F07', 'Be Kortalys', 'bekortalys', 1, NULL),
    ('F07', 'Ivbar', 'ivbar', 16, 'SE'),
    ('F09', 'OVHcloud', 'ovhcloud', 47, 'FR'),
    ('F11', 'Microsoft', 'microsoft', NULL, 'US'),
    ('F11', 'Google Cloud', 'googlecloud', NULL, 'US'),
    ('F11', 'Amazon Web Services', 'amazonwebservices', NULL, 'US'),
    ('F11', 'St. Jude Medical', 'stjudemedical', NULL, 'US'),
    ('F11', 'Boston Scientific', 'bostonscientific', NULL, 'US'),
    ('F11', 'Salesforce', 'salesforce', NULL, 'US'),
    ('F12', 'Bluebee', 'bluebee', NULL, 'NL'),
    ('F12', 'Philips', 'philips', NULL, 'NL'),
    ('F12', 'Fresenius Netcare', 'freseniusnetcare', NULL, 'DE'),
    ('F12', 'Claranet', 'claranet', NULL, 'GB'),
    ('F12', 'Ivbar', 'ivbar', NULL, 'SE');
