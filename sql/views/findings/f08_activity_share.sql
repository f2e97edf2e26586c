-- F08: the share (%) of companies certified for the virtual infrastructure and for the hardware
-- infrastructure, each activity found by what it is (activity.code), whatever number a source gives it.
CREATE VIEW v_activity_share AS
SELECT snapshot_id, snapshot_date, total, virtual_infrastructure, hardware_infrastructure,
       printf('%.1f / %.1f', 100.0 * virtual_infrastructure / total, 100.0 * hardware_infrastructure / total) AS actual
FROM (SELECT t.snapshot_id, t.snapshot_date, t.total,
             (SELECT count(*) FROM v_snapshot_company_activity sca JOIN activity a ON a.number = sca.activity
               WHERE sca.snapshot_id = t.snapshot_id AND a.code = 'virtual_infrastructure') AS virtual_infrastructure,
             (SELECT count(*) FROM v_snapshot_company_activity sca JOIN activity a ON a.number = sca.activity
               WHERE sca.snapshot_id = t.snapshot_id AND a.code = 'hardware_infrastructure') AS hardware_infrastructure
      FROM v_snapshot_total t);
