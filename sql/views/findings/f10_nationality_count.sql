-- F10: French companies out of all companies in each snapshot ("75 des 104").
CREATE VIEW v_nationality_count AS
SELECT snapshot_id, snapshot_date, french_companies, total, french_companies || ' of ' || total AS actual
FROM (SELECT t.snapshot_id, t.snapshot_date, t.total,
             (SELECT count(*) FROM v_snapshot_company sc
               WHERE sc.snapshot_id = t.snapshot_id AND sc.nationality = 'FR') AS french_companies
      FROM v_snapshot_total t);
