-- What each snapshot listed, one row per certificate: certificate_span unrolled over the snapshots it
-- covers (an open span, last_date NULL, covers every snapshot from first_date on).
CREATE VIEW v_listing AS
SELECT s.date          AS snapshot_date,
       s.id            AS snapshot_id,
       c.id            AS certificate_id,
       c.company_id    AS company_id
FROM certificate_span sp
JOIN snapshot s ON s.date BETWEEN sp.first_date AND ifnull(sp.last_date, s.date)
JOIN certificate c ON c.id = sp.certificate_id;

-- Where each snapshot listed each certificate: file and line. Each file's lines are line_entry rows plus
-- line_run rows that copy lines of the same file of its base snapshot; this follows the runs from base to
-- base (see docs/schema.md). It reads every snapshot: ask it for one snapshot_id.
CREATE VIEW v_listing_line AS
WITH RECURSIVE piece(target_id, ordinal, snapshot_id, lo, hi, shift) AS (
    SELECT snapshot_id, ordinal, snapshot_id, 1, 4611686018427387904, 0 FROM source_file
    UNION ALL
    SELECT p.target_id, p.ordinal, f.base_snapshot_id, r.base_first_line,
           min(p.hi, r.first_line + r.count - 1) - r.first_line + r.base_first_line,
           p.shift + r.first_line - r.base_first_line
    FROM piece p
    JOIN source_file f ON f.snapshot_id = p.snapshot_id AND f.ordinal = p.ordinal
    JOIN line_run r ON r.snapshot_id = p.snapshot_id AND r.file_ordinal = p.ordinal AND r.first_line BETWEEN p.lo AND p.hi
    UNION ALL
    SELECT p.target_id, p.ordinal, f.base_snapshot_id, p.lo - r.first_line + r.base_first_line,
           min(p.hi, r.first_line + r.count - 1) - r.first_line + r.base_first_line,
           p.shift + r.first_line - r.base_first_line
    FROM piece p
    JOIN source_file f ON f.snapshot_id = p.snapshot_id AND f.ordinal = p.ordinal
    JOIN line_run r ON r.snapshot_id = p.snapshot_id AND r.file_ordinal = p.ordinal
         AND r.first_line = (SELECT max(x.first_line) FROM line_run x
                             WHERE x.snapshot_id = p.snapshot_id AND x.file_ordinal = p.ordinal AND x.first_line < p.lo)
    WHERE r.first_line + r.count - 1 >= p.lo
)
SELECT s.date AS snapshot_date, f.path AS file, e.line + p.shift AS line,
       p.target_id AS snapshot_id, p.ordinal AS file_ordinal, e.certificate_id AS certificate_id
FROM piece p
JOIN line_entry e ON e.snapshot_id = p.snapshot_id AND e.file_ordinal = p.ordinal AND e.line BETWEEN p.lo AND p.hi
JOIN snapshot s ON s.id = p.target_id
JOIN source_file f ON f.snapshot_id = p.target_id AND f.ordinal = p.ordinal;

-- Each certificate's activities as rows (certificate.activities holds them as bits).
CREATE VIEW v_certificate_activity AS
SELECT c.id AS certificate_id, a.number AS activity
FROM certificate c
JOIN activity a ON (c.activities >> (a.number - 1)) & 1 = 1;

-- Every certificate with its names spelled out.
CREATE VIEW v_certificate AS
SELECT co.display_name     AS company,
       ct.code             AS certificate_type,
       ce.name             AS certifier,
       c.number            AS number,
       c.valid_from        AS valid_from,
       c.valid_to          AS valid_to,
       c.referential       AS referential,
       (SELECT group_concat(activity, ',') FROM (SELECT activity FROM v_certificate_activity ca
         WHERE ca.certificate_id = c.id ORDER BY activity)) AS activity_list,
       -- Keys and bits last: a person browsing the view reads the columns above first.
       c.id                AS certificate_id,
       c.company_id        AS company_id,
       co.key              AS company_key,
       ct.id               AS certificate_type_id,  -- the number hds::certificate_type gives it
       c.activities        AS activities
FROM certificate c
JOIN company co ON co.id = c.company_id
JOIN certificate_type ct ON ct.id = c.certificate_type
LEFT JOIN certifier ce ON ce.id = c.certifier_id;
