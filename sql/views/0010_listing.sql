-- What each snapshot listed, one row per certificate, with where it was read: listing_span unrolled over
-- the snapshots it covers.
CREATE VIEW v_listing AS
SELECT s.id            AS snapshot_id,
       s.date          AS snapshot_date,
       c.id            AS certificate_id,
       c.company_id    AS company_id,
       sp.file_ordinal AS file_ordinal,
       f.path          AS file,
       sp.line         AS line
FROM listing_span sp
JOIN snapshot s ON s.date BETWEEN sp.first_date AND sp.last_date
JOIN certificate c ON c.id = sp.certificate_id
LEFT JOIN source_file f ON f.snapshot_id = s.id AND f.ordinal = sp.file_ordinal;

-- Each certificate's activities as rows (certificate.activities holds them as bits).
CREATE VIEW v_certificate_activity AS
SELECT c.id AS certificate_id, a.number AS activity
FROM certificate c
JOIN activity a ON (c.activities >> (a.number - 1)) & 1 = 1;

-- Every certificate with its names spelled out.
CREATE VIEW v_certificate AS
SELECT c.id                AS certificate_id,
       c.company_id        AS company_id,
       co.display_name     AS company,
       co.key              AS company_key,
       ct.code             AS certificate_type,
       ct.id               AS certificate_type_id,  -- the number hds::certificate_type gives it
       ce.name             AS certifier,
       c.number            AS number,
       c.valid_from        AS valid_from,
       c.valid_to          AS valid_to,
       c.referential       AS referential,
       c.activities        AS activities,
       (SELECT group_concat(activity, ',') FROM (SELECT activity FROM v_certificate_activity ca
         WHERE ca.certificate_id = c.id ORDER BY activity)) AS activity_list
FROM certificate c
JOIN company co ON co.id = c.company_id
JOIN certificate_type ct ON ct.id = c.certificate_type
LEFT JOIN certifier ce ON ce.id = c.certifier_id;
