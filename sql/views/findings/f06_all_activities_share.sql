-- F06: the share (%) of companies certified for every activity of table `activity` ("63,5 %").
CREATE VIEW v_all_activities_share AS
SELECT t.snapshot_id, t.snapshot_date, count(sc.company_id) AS companies_all_activities, t.total,
       printf('%.1f', 100.0 * count(sc.company_id) / t.total) AS actual
FROM v_snapshot_total t
LEFT JOIN v_snapshot_company sc ON sc.snapshot_id = t.snapshot_id
     AND sc.activity_count = (SELECT count(*) FROM activity)
GROUP BY t.snapshot_id;
