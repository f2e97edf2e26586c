-- F01: the companies listed in an earlier and in a later snapshot, one row per pair of snapshots ("19 en
-- juin 2019 à 104 en juillet 2020"). The finding picks the pair by the two months it names (its from: and
-- snapshot: lines), never by "the snapshot just before".
CREATE VIEW v_company_growth AS
SELECT t.snapshot_id, t.snapshot_date, f.snapshot_id AS from_snapshot_id, f.snapshot_date AS from_date,
       f.total AS from_companies, t.total AS companies,
       f.total || ' → ' || t.total AS actual
FROM v_snapshot_total t
JOIN v_snapshot_total f ON f.snapshot_date < t.snapshot_date;
