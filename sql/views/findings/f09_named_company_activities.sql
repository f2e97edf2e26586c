-- F09: the activities of the company the article details (finding_company F09: OVHcloud) in each snapshot.
CREATE VIEW v_named_company_activities AS
SELECT t.snapshot_id, t.snapshot_date, fc.name, ifnull(sc.activity_list, 'not listed') AS actual
FROM v_snapshot_total t
CROSS JOIN v_finding_company fc
LEFT JOIN v_snapshot_company sc ON sc.snapshot_id = t.snapshot_id AND sc.company_id = fc.company_id
WHERE fc.finding_id = 'F09';
