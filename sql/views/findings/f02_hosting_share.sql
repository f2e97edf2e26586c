-- F02: the share of companies whose main positioning is hosting, cloud and managed services ("un tiers").
CREATE VIEW v_hosting_share AS
SELECT snapshot_id, snapshot_date, hosting_companies, total,
       printf('%.3f', CAST(hosting_companies AS REAL) / total) AS actual
FROM (SELECT t.snapshot_id, t.snapshot_date, t.total,
             (SELECT count(*) FROM v_snapshot_company sc
               WHERE sc.snapshot_id = t.snapshot_id AND sc.positioning = 'hosting') AS hosting_companies
      FROM v_snapshot_total t);
