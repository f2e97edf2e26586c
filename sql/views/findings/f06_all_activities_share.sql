-- F06: the share (%) of companies certified for every activity of table `activity` ("63,5 %").
CREATE VIEW v_all_activities_share AS
SELECT snapshot_id, snapshot_date, companies_all_activities, total,
       printf('%.1f', 100.0 * companies_all_activities / total) AS actual
FROM (SELECT t.snapshot_id, t.snapshot_date, t.total,
             (SELECT count(*) FROM v_snapshot_company sc WHERE sc.snapshot_id = t.snapshot_id
                 AND sc.activity_count = (SELECT count(*) FROM activity)) AS companies_all_activities
      FROM v_snapshot_total t);
