-- F03: IT services firms (ESN) in each snapshot and their rank among positionings ("le deuxième contingent
-- le plus important ... 21 ESN"): 1 + the positionings with more companies, counted in one pass over the
-- snapshot's companies.
CREATE VIEW v_esn_rank AS
SELECT snapshot_id, snapshot_date, esn_companies, rank, esn_companies || ', rank ' || rank AS actual
FROM (SELECT snapshot_id, snapshot_date, esn_companies,
             1 + (SELECT count(*) FROM (SELECT sc.positioning FROM v_snapshot_company sc
                                         WHERE sc.snapshot_id = e.snapshot_id AND sc.positioning IS NOT NULL
                                         GROUP BY sc.positioning HAVING count(*) > e.esn_companies)) AS rank
      FROM (SELECT t.snapshot_id, t.snapshot_date,
                   (SELECT count(*) FROM v_snapshot_company sc
                     WHERE sc.snapshot_id = t.snapshot_id AND sc.positioning = 'esn') AS esn_companies
            FROM v_snapshot_total t) e);
