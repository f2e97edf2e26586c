-- The activities each company was certified for in each snapshot: the union over its listed certificates.
CREATE VIEW v_snapshot_company_activity AS
SELECT DISTINCT l.snapshot_id, l.snapshot_date, l.company_id, ca.activity
FROM v_listing l
JOIN v_certificate_activity ca ON ca.certificate_id = l.certificate_id;

-- The companies each snapshot listed, with their annotations and activities (bits, count and list).
CREATE VIEW v_snapshot_company AS
SELECT sca.snapshot_id                          AS snapshot_id,
       sca.snapshot_date                        AS snapshot_date,
       co.id                                    AS company_id,
       co.display_name                          AS company,
       co.key                                   AS company_key,  -- sorts names whatever their case and accents
       co.nationality                           AS nationality,
       co.positioning                           AS positioning,
       co.group_name                            AS group_name,
       sum(1 << (sca.activity - 1))             AS activities,
       count(*)                                 AS activity_count,
       group_concat(sca.activity, ',')          AS activity_list
FROM (SELECT * FROM v_snapshot_company_activity ORDER BY activity) sca
JOIN company co ON co.id = sca.company_id
GROUP BY sca.snapshot_id, co.id;

-- Each snapshot with what it holds and where it came from.
CREATE VIEW v_snapshot AS
SELECT s.id, s.date, s.label, s.parser_version, s.ingested_at,
       (SELECT count(DISTINCT company_id) FROM v_listing l WHERE l.snapshot_id = s.id)     AS companies,
       (SELECT count(DISTINCT certificate_id) FROM v_listing l WHERE l.snapshot_id = s.id) AS certificates,
       (SELECT count(*) FROM rejected_row r WHERE r.snapshot_id = s.id)                    AS rejected_rows,
       (SELECT group_concat(sha256, ' ') FROM (SELECT sha256 FROM source_file f
         WHERE f.snapshot_id = s.id ORDER BY ordinal))                                     AS sha256
FROM snapshot s;
