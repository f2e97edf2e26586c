-- F02: the share of companies whose main positioning is hosting, cloud and managed services ("un tiers").
CREATE VIEW v_hosting_share AS
SELECT t.snapshot_id, t.snapshot_date, count(sc.company_id) AS hosting_companies, t.total,
       printf('%.3f', CAST(count(sc.company_id) AS REAL) / t.total) AS actual
FROM v_snapshot_total t
LEFT JOIN v_snapshot_company sc ON sc.snapshot_id = t.snapshot_id AND sc.positioning = 'hosting'
GROUP BY t.snapshot_id;
