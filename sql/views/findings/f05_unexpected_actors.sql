-- F05: the unexpected actors the article names (finding_company F05), listed in each snapshot and
-- positioned as neither hosting nor IT services (ESN).
CREATE VIEW v_unexpected_actors AS
SELECT t.snapshot_id, t.snapshot_date,
       (SELECT group_concat(fc.name || ' (' || sc.positioning || ')', ', ') FROM v_finding_company fc
         JOIN v_snapshot_company sc ON sc.company_id = fc.company_id AND sc.snapshot_id = t.snapshot_id
        WHERE fc.finding_id = 'F05' AND sc.positioning NOT IN ('hosting', 'esn')) AS listed,
       (SELECT count(*) FROM v_finding_company fc
         JOIN v_snapshot_company sc ON sc.company_id = fc.company_id AND sc.snapshot_id = t.snapshot_id
        WHERE fc.finding_id = 'F05' AND sc.positioning NOT IN ('hosting', 'esn'))
       || ' of ' || (SELECT count(*) FROM finding_company WHERE finding_id = 'F05') AS actual
FROM v_snapshot_total t;
