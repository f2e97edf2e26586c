-- The companies each snapshot listed, with their annotations and activities (bits, count and list): one
-- company_span row per company and run of snapshots, unrolled over the snapshots it covers.
CREATE VIEW v_snapshot_company AS
SELECT s.date              AS snapshot_date,
       co.display_name     AS company,
       co.nationality      AS nationality,
       co.positioning      AS positioning,
       (SELECT group_concat(number, ',') FROM (SELECT number FROM activity a
         WHERE (cs.activities >> (a.number - 1)) & 1 = 1 ORDER BY number)) AS activity_list,
       -- The bits set, six at most (company_span checks activities BETWEEN 1 AND 63): a sum rather than a
       -- subquery on table activity, as SQLite may compute it for every span of the history before it tests
       -- the dates (F06 and F07 spent a fifth of their time there).
       (cs.activities & 1) + (cs.activities >> 1 & 1) + (cs.activities >> 2 & 1) + (cs.activities >> 3 & 1)
         + (cs.activities >> 4 & 1) + (cs.activities >> 5 & 1) AS activity_count,
       co.group_name       AS group_name,
       cs.provenance       AS provenance,    -- the rows' note on where their facts come from, if any
       -- Keys and bits last: a person browsing the view reads the columns above first.
       s.id                AS snapshot_id,
       co.id               AS company_id,
       co.key              AS company_key,  -- sorts names whatever their case and accents
       cs.activities       AS activities
FROM company_span cs
JOIN snapshot s ON s.date BETWEEN cs.first_date AND ifnull(cs.last_date, s.date)
JOIN company co ON co.id = cs.company_id;

-- The same, one row per activity.
CREATE VIEW v_snapshot_company_activity AS
SELECT sc.snapshot_id, sc.snapshot_date, sc.company_id, a.number AS activity
FROM v_snapshot_company sc
JOIN activity a ON (sc.activities >> (a.number - 1)) & 1 = 1;

-- The number of companies and of certificates in each snapshot, counted from where spans start and end
-- (a span counts from its first snapshot to the one after its last), so that the cost grows with the
-- spans, not with snapshots × spans. The store keeps these counts in table snapshot_total; this view is
-- what they must equal.
CREATE VIEW v_snapshot_total_from_spans AS
WITH change (date, companies, certificates) AS (
    SELECT first_date, 1, 0 FROM company_span
    UNION ALL
    SELECT (SELECT min(s.date) FROM snapshot s WHERE s.date > cs.last_date), -1, 0
    FROM company_span cs WHERE cs.last_date IS NOT NULL
    UNION ALL
    SELECT first_date, 0, 1 FROM certificate_span
    UNION ALL
    SELECT (SELECT min(s.date) FROM snapshot s WHERE s.date > sp.last_date), 0, -1
    FROM certificate_span sp WHERE sp.last_date IS NOT NULL
),
per_date AS (
    SELECT date, sum(companies) AS companies, sum(certificates) AS certificates FROM change
    WHERE date IS NOT NULL GROUP BY date
)
SELECT s.id AS snapshot_id, s.date AS snapshot_date,
       sum(ifnull(p.companies, 0)) OVER (ORDER BY s.date) AS total,
       sum(ifnull(p.certificates, 0)) OVER (ORDER BY s.date) AS certificates
FROM snapshot s LEFT JOIN per_date p ON p.date = s.date;

-- The number of companies (total) and of certificates in each snapshot, as the store keeps them.
CREATE VIEW v_snapshot_total AS
SELECT s.id AS snapshot_id, s.date AS snapshot_date, t.companies AS total, t.certificates AS certificates
FROM snapshot s JOIN snapshot_total t ON t.snapshot_id = s.id;

-- Each snapshot with what it holds and where it came from.
CREATE VIEW v_snapshot AS
SELECT s.id, s.date, s.label, s.parser_version, s.ingested_at,
       t.total                                                                   AS companies,
       t.certificates                                                            AS certificates,
       (SELECT count(*) FROM rejected_row r WHERE r.snapshot_id = s.id)          AS rejected_rows,
       (SELECT group_concat(sha256, ' ') FROM (SELECT sha256 FROM source_file f
         WHERE f.snapshot_id = s.id ORDER BY ordinal))                           AS sha256
FROM snapshot s JOIN v_snapshot_total t ON t.snapshot_id = s.id;
