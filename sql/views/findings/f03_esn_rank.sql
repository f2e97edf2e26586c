-- F03: IT services firms (ESN) in each snapshot and their rank among positionings ("le deuxième contingent
-- le plus important ... 21 ESN"), read from v_positioning_rank.
CREATE VIEW v_esn_rank AS
SELECT t.snapshot_id, t.snapshot_date, r.companies AS esn_companies, r.rank,
       (SELECT group_concat(positioning || ' ' || companies, ', ') FROM (SELECT positioning, companies
          FROM v_positioning_rank a WHERE a.snapshot_id = t.snapshot_id ORDER BY rank, positioning)) AS ranking,
       ifnull(r.companies, 0) || ', rank ' || ifnull(r.rank, '-') AS actual
FROM v_snapshot_total t
LEFT JOIN v_positioning_rank r ON r.snapshot_id = t.snapshot_id AND r.positioning = 'esn';
