-- F10: French companies out of all companies in each snapshot ("75 des 104").
CREATE VIEW v_nationality_count AS
SELECT t.snapshot_id, t.snapshot_date, count(sc.company_id) AS french_companies, t.total,
       count(sc.company_id) || ' of ' || t.total AS actual
FROM v_snapshot_total t
LEFT JOIN v_snapshot_company sc ON sc.snapshot_id = t.snapshot_id AND sc.nationality = 'FR'
GROUP BY t.snapshot_id;
