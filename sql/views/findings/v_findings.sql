-- Each finding of the article (table findings) beside the value its view computes on the snapshot of the
-- month it reads (the latest snapshot of that month), and whether it holds.
CREATE VIEW v_findings AS
WITH actual (id, snapshot_date, value) AS (
    SELECT 'F01', snapshot_date, actual FROM v_company_growth
    UNION ALL SELECT 'F02', snapshot_date, actual FROM v_hosting_share
    UNION ALL SELECT 'F03', snapshot_date, actual FROM v_esn_rank
    UNION ALL SELECT 'F04', snapshot_date, actual FROM v_named_end_users
    UNION ALL SELECT 'F05', snapshot_date, actual FROM v_unexpected_actors
    UNION ALL SELECT 'F06', snapshot_date, actual FROM v_all_activities_share
    UNION ALL SELECT 'F07', snapshot_date, actual FROM v_single_activity_companies
    UNION ALL SELECT 'F08', snapshot_date, actual FROM v_activity_share
    UNION ALL SELECT 'F09', snapshot_date, actual FROM v_named_company_activities
    UNION ALL SELECT 'F10', snapshot_date, actual FROM v_nationality_count
    UNION ALL SELECT 'F11', snapshot_date, actual FROM v_us_companies
    UNION ALL SELECT 'F12', snapshot_date, actual FROM v_nationalities
    UNION ALL SELECT 'F13', NULL, actual FROM v_certificate_type_activities
),
chosen AS (
    SELECT f.*, (SELECT max(date) FROM snapshot WHERE substr(date, 1, 7) = f.snapshot) AS snapshot_date
    FROM findings f
)
SELECT c.id, c.statement, c.snapshot, c.snapshot_date, c.view, c.expected,
       CASE WHEN c.snapshot IS NOT NULL AND c.snapshot_date IS NULL THEN 'no snapshot'
            ELSE ifnull(a.value, 'none') END AS actual,
       CASE WHEN c.tolerance IS NULL THEN 'exact' ELSE 'within ' || c.tolerance END AS comparison,
       CASE WHEN a.value IS NULL THEN 0
            WHEN c.tolerance IS NULL THEN a.value = c.expected
            ELSE abs(CAST(a.value AS REAL) - CAST(c.expected AS REAL)) <= c.tolerance END AS holds
FROM chosen c
LEFT JOIN actual a ON a.id = c.id AND a.snapshot_date IS c.snapshot_date
ORDER BY c.id;
