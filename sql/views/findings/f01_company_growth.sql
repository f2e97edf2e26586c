-- F01: companies listed in each snapshot, and in the snapshot before it ("19 en juin 2019 à 104 en
-- juillet 2020").
CREATE VIEW v_company_growth AS
SELECT t.snapshot_id, t.snapshot_date, p.snapshot_date AS previous_date, p.total AS previous_companies,
       t.total AS companies,
       ifnull(p.total, 0) || ' → ' || t.total AS actual
FROM v_snapshot_total t
LEFT JOIN v_snapshot_total p ON p.snapshot_date = (SELECT max(snapshot_date) FROM v_snapshot_total
                                                   WHERE snapshot_date < t.snapshot_date);
