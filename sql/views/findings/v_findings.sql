-- Each finding of the article (table findings) beside the value its view computes on the snapshot of the
-- month it reads (the latest snapshot of that month), and whether it holds. Each view is asked for that
-- one snapshot only, so the check costs the same whatever the number of snapshots.
CREATE VIEW v_findings AS
WITH chosen AS (
    SELECT f.*, (SELECT max(date) FROM snapshot WHERE substr(date, 1, 7) = f.snapshot) AS snapshot_date
    FROM findings f
),
valued AS (
    SELECT c.*, CASE c.id
        WHEN 'F01' THEN (SELECT actual FROM v_company_growth v WHERE v.snapshot_date = c.snapshot_date)
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
)
SELECT id, statement, snapshot, snapshot_date, view, expected,
       CASE WHEN snapshot IS NOT NULL AND snapshot_date IS NULL THEN 'no snapshot'
            ELSE ifnull(value, 'none') END AS actual,
       CASE WHEN tolerance IS NULL THEN 'exact' ELSE 'within ' || tolerance END AS comparison,
       CASE WHEN value IS NULL THEN 0
            WHEN tolerance IS NULL THEN value = expected
            ELSE abs(CAST(value AS REAL) - CAST(expected AS REAL)) <= tolerance END AS holds
FROM valued
ORDER BY id;
