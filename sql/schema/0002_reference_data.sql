-- Reference data: the two certificate types and six activities of décret n° 2018-137 (art. R. 1111-9 of
-- the public health code), and the positionings used to qualify companies.
--
-- Sources disagree on whether activity 3 or 4 is the virtual infrastructure. This table follows the
-- decree's text as quoted by the ANS FAQ and by the mind Health article (3 = application platform,
-- 4 = virtual infrastructure); to follow another numbering, change `number` here, nowhere else.

INSERT INTO certificate_type (id, code, label_fr, label_en) VALUES
    (1, 'physical_infrastructure', 'Hébergeur d''infrastructure physique', 'Physical infrastructure host'),
    (2, 'managed_hosting', 'Hébergeur infogéreur', 'Managed hosting provider');

INSERT INTO activity (number, code, certificate_type, label_fr, label_en, decree_text_fr, source) VALUES
    (1, 'physical_sites', 1, 'Sites physiques', 'Physical sites',
     'La mise à disposition et le maintien en condition opérationnelle des sites physiques permettant d''héberger l''infrastructure matérielle du système d''information utilisé pour le traitement des données de santé',
     'décret n° 2018-137; ANS FAQ; mind Health 2020-10-29'),
    (2, 'hardware_infrastructure', 1, 'Infrastructure matérielle', 'Hardware infrastructure',
     'La mise à disposition et le maintien en condition opérationnelle de l''infrastructure matérielle du système d''information utilisé pour le traitement de données de santé',
     'décret n° 2018-137; ANS FAQ; mind Health 2020-10-29'),
    (3, 'application_platform', 2, 'Plateforme d''hébergement d''applications', 'Application hosting platform',
     'La mise à disposition et le maintien en condition opérationnelle de la plateforme d''hébergement d''applications du système d''information',
     'décret n° 2018-137; ANS FAQ; mind Health 2020-10-29'),
    (4, 'virtual_infrastructure', 2, 'Infrastructure virtuelle', 'Virtual infrastructure',
     'La mise à disposition et le maintien en condition opérationnelle de l''infrastructure virtuelle du système d''information utilisé pour le traitement des données de santé',
     'décret n° 2018-137; ANS FAQ; mind Health 2020-10-29'),
    (5, 'administration', 2, 'Administration et exploitation', 'Administration and operation',
     'L''administration et l''exploitation du système d''information contenant les données de santé',
     'décret n° 2018-137; ANS FAQ; mind Health 2020-10-29'),
    (6, 'backup', 2, 'Sauvegarde', 'Backup',
     'La sauvegarde des données de santé',
     'décret n° 2018-137; ANS FAQ; mind Health 2020-10-29');

-- Column headers by which a registry file names one activity's column (besides "Activité N", "N", "AN"),
-- matched whatever their case, accents and punctuation. They follow the numbering of `activity` above.
INSERT INTO activity_header (header, activity) VALUES
    ('sites physiques', 1),
    ('sites physiques hébergeant l''infrastructure matérielle', 1),
    ('physical sites', 1),
    ('infrastructure matérielle', 2),
    ('hardware infrastructure', 2),
    ('plateforme d''hébergement d''applications', 3),
    ('plateforme d''hébergement', 3),
    ('application platform', 3),
    ('application hosting platform', 3),
    ('infrastructure virtuelle', 4),
    ('virtual infrastructure', 4),
    ('administration et exploitation', 5),
    ('administration et exploitation du système d''information', 5),
    ('administration', 5),
    ('administration and operation', 5),
    ('sauvegarde', 6),
    ('sauvegarde des données de santé', 6),
    ('backup', 6);

INSERT INTO positioning (code, label_fr, label_en) VALUES
    ('hosting', 'Hébergement, cloud et infogérance', 'Hosting, cloud and managed services'),
    ('esn', 'Entreprise de services numériques (ESN)', 'IT services firm'),
    ('software', 'Éditeur de logiciels', 'Software publisher'),
    ('end_user', 'Utilisateur final (établissement de santé, groupement hospitalier, clinique, Ehpad)',
     'End user (care provider, hospital grouping, clinic group, nursing home)'),
    ('medtech', 'Dispositifs médicaux et objets connectés, biotech', 'Medical and connected devices, biotech'),
    ('insurer', 'Assureur, mutuelle', 'Insurer'),
    ('other', 'Autre', 'Other');
