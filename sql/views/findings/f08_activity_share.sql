-- F08: the share (%) of companies certified for the virtual infrastructure and for the hardware
-- infrastructure, each activity found by what it is (activity.code), whatever number a source gives it.
CREATE VIEW v_activity_share AS
WITH shares AS (
    SELECT t.snapshot_id, t.snapshot_date, t.total, a.code,
           (SELECT count(*) FROM v_snapshot_company_activity sca
             WHERE sca.snapshot_id = t.snapshot_id AND sca.activity = a.number) AS companies
    FROM v_snapshot_total t CROSS JOIN activity a
)
SELECT v.snapshot_id, v.snapshot_date, v.total,
       v.companies AS virtual_infrastructure, h.companies AS hardware_infrastructure,
       printf('%.1f / %.1f', 100.0 * v.companies / v.total, 100.0 * h.companies / h.total) AS actual
FROM shares v
JOIN shares h ON h.snapshot_id = v.snapshot_id AND h.code = 'hardware_infrastructure'
WHERE v.code = 'virtual_infrastructure';
