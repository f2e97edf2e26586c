-- F08: the share (%) of companies certified for the virtual infrastructure and for the hardware
-- infrastructure, each activity found by what it is (activity.code), whatever number a source gives it.
-- Both counts come from one pass over the snapshot's companies, grouped by snapshot: a condition on
-- snapshot_id or snapshot_date reaches the grouped query, so that only that snapshot's are read (each read
-- goes over every company span of the history). A snapshot that lists no company has no row. The bits are
-- tested here rather than through v_snapshot_company_activity, whose join with `activity` for every company
-- made the pass half as dear again (41 against 62 M instructions on a ten-year database).
CREATE VIEW v_activity_share AS
SELECT c.snapshot_id, c.snapshot_date, t.total, c.virtual_infrastructure, c.hardware_infrastructure,
       printf('%.1f / %.1f', 100.0 * c.virtual_infrastructure / t.total,
              100.0 * c.hardware_infrastructure / t.total) AS actual
FROM (SELECT sc.snapshot_id, sc.snapshot_date,
             sum((sc.activities >> (v.number - 1)) & 1) AS virtual_infrastructure,
             sum((sc.activities >> (h.number - 1)) & 1) AS hardware_infrastructure
      FROM v_snapshot_company sc
      JOIN activity v ON v.code = 'virtual_infrastructure'
      JOIN activity h ON h.code = 'hardware_infrastructure'
      GROUP BY sc.snapshot_id, sc.snapshot_date) c
JOIN v_snapshot_total t ON t.snapshot_id = c.snapshot_id;
