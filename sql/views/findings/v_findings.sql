-- Each finding of the article (table findings) beside the value its view computes on the snapshots of the
-- months it reads (the latest snapshot of each month, by name: findings.snapshot and, for a finding that
-- compares two months, findings.from_snapshot), and whether it holds. Each view is asked for those
-- snapshots only, so the check costs the same whatever the number of snapshots.
--   kind:   'list' for a finding computed from the lists (it reads a snapshot), 'reference' for one that
--           reads only the schema's reference data (F13): a check of the reference data, not of a list.
--   status: 'holds', 'does not hold', or 'no snapshot' when a month it reads has no snapshot; holds is then
--           NULL (neither true nor false).
CREATE VIEW v_findings AS
WITH chosen AS (
    SELECT f.*,
           (SELECT max(date) FROM snapshot WHERE substr(date, 1, 7) = f.from_snapshot) AS from_date,
           (SELECT max(date) FROM snapshot WHERE substr(date, 1, 7) = f.snapshot) AS snapshot_date
    FROM findings f
),
valued AS (
    SELECT c.*,
           (c.snapshot IS NOT NULL AND c.snapshot_date IS NULL)
               OR (c.from_snapshot IS NOT NULL AND c.from_date IS NULL) AS missing,
           CASE c.id
        WHEN 'F01' THEN (SELECT actual FROM v_company_growth v
                          WHERE v.from_date = c.from_date AND v.snapshot_date = c.snapshot_date)
        WHEN 'F02' THEN (SELECT actual FROM v_hosting_share v WHERE v.snapshot_date = c.snapshot_date)
        WHEN 'F03' THEN (SELECT actual FROM v_esn_rank v WHERE v.snapshot_date = c.snapshot_date)
        WHEN 'F04' THEN (SELECT actual FROM v_named_end_users v WHERE v.snapshot_date = c.snapshot_date)
        WHEN 'F05' THEN (SELECT actual FROM v_unexpected_actors v WHERE v.snapshot_date = c.snapshot_date)
        WHEN 'F06' THEN (SELECT actual FROM v_all_activities_share v WHERE v.snapshot_date = c.snapshot_date)
        WHEN 'F07' THEN (SELECT actual FROM v_single_activity_companies v WHERE v.snapshot_date = c.snapshot_date)
        WHEN 'F08' THEN (SELECT actual FROM v_activity_share v WHERE v.snapshot_date = c.snapshot_date)
        WHEN 'F09' THEN (SELECT actual FROM v_named_company_activities v WHERE v.snapshot_date = c.snapshot_date)
        WHEN 'F10' THEN (SELECT actual FROM v_nationality_count v WHERE v.snapshot_date = c.snapshot_date)
        WHEN 'F11' THEN (SELECT actual FROM v_us_companies v WHERE v.snapshot_date = c.snapshot_date)
        WHEN 'F12' THEN (SELECT actual FROM v_nationalities v WHERE v.snapshot_date = c.snapshot_date)
        WHEN 'F13' THEN (SELECT actual FROM v_certificate_type_activities)
    END AS value
    FROM chosen c
),
compared AS (
    SELECT v.*,
           CASE WHEN missing THEN NULL
                WHEN value IS NULL THEN 0
                WHEN tolerance IS NULL THEN value = expected
                ELSE abs(CAST(value AS REAL) - CAST(expected AS REAL)) <= tolerance END AS verdict
    FROM valued v
)
SELECT id,
       CASE WHEN snapshot IS NULL AND from_snapshot IS NULL THEN 'reference' ELSE 'list' END AS kind,
       statement, from_snapshot, from_date, snapshot, snapshot_date, view, expected,
       CASE WHEN missing THEN 'no snapshot' ELSE ifnull(value, 'none') END AS actual,
       CASE WHEN tolerance IS NULL THEN 'exact' ELSE 'within ' || tolerance END AS comparison,
       CASE WHEN verdict IS NULL THEN 'no snapshot' WHEN verdict THEN 'holds' ELSE 'does not hold' END AS status,
       verdict AS holds
FROM compared
ORDER BY id;
