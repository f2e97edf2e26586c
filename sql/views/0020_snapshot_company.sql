-- The companies each snapshot listed, with their annotations and activities (bits, count and list): one
-- company_span row per company and run of snapshots, unrolled over the snapshots it covers.
CREATE VIEW v_snapshot_company AS
SELECT s.id                AS snapshot_id,
       s.date              AS snapshot_date,
       co.id               AS company_id,
       co.display_name     AS company,
       co.key              AS company_key,  -- sorts names whatever their case and accents
       co.nationality      AS nationality,
       co.positioning      AS positioning,
       co.group_name       AS group_name,
       cs.activities       AS activities,
       (SELECT count(*) FROM activity a WHERE (cs.activities >> (a.number - 1)) & 1 = 1) AS activity_count,
       (SELECT group_concat(number, ',') FROM (SELECT number FROM activity a
         WHERE (cs.activities >> (a.number - 1)) & 1 = 1 ORDER BY number)) AS activity_list
FROM company_span cs
JOIN snapshot s ON s.date BETWEEN cs.first_date AND cs.last_date
JOIN company co ON co.id = cs.company_id;

-- The same, one row per activity.
CREATE VIEW v_snapshot_company_activity AS
SELECT sc.snapshot_id, sc.snapshot_date, sc.company_id, a.number AS activity
FROM v_snapshot_company sc
JOIN activity a ON (sc.activities >> (a.number - 1)) & 1 = 1;

-- The number of companies in each snapshot.
CREATE VIEW v_snapshot_total AS
SELECT s.id AS snapshot_id, s.date AS snapshot_date,
       (SELECT count(*) FROM company_span cs WHERE s.date BETWEEN cs.first_date AND cs.last_date) AS total
FROM snapshot s;

-- Each snapshot with what it holds and where it came from.
CREATE VIEW v_snapshot AS
SELECT s.id, s.date, s.label, s.parser_version, s.ingested_at,
       (SELECT count(*) FROM company_span cs WHERE s.date BETWEEN cs.first_date AND cs.last_date) AS companies,
       (SELECT count(*) FROM listing_span sp WHERE s.date BETWEEN sp.first_date AND sp.last_date) AS certificates,
       (SELECT count(*) FROM rejected_row r WHERE r.snapshot_id = s.id)                           AS rejected_rows,
       (SELECT group_concat(sha256, ' ') FROM (SELECT sha256 FROM source_file f
         WHERE f.snapshot_id = s.id ORDER BY ordinal))                                            AS sha256
FROM snapshot s;
