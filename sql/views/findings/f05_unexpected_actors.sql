-- F05: the unexpected actors the article names (finding_company F05), listed in each snapshot and
-- positioned as neither hosting nor IT services (ESN).
CREATE VIEW v_unexpected_actors AS
SELECT t.snapshot_id, t.snapshot_date,
       group_concat(CASE WHEN sc.positioning NOT IN ('hosting', 'esn') THEN fc.name || ' (' || sc.positioning || ')' END,
                    ', ') AS listed,
       group_concat(CASE WHEN sc.positioning IS NULL OR sc.positioning IN ('hosting', 'esn') THEN fc.name END,
                    ', ') AS missing,
       count(CASE WHEN sc.positioning NOT IN ('hosting', 'esn') THEN 1 END) || ' of ' || count(*) AS actual
FROM v_snapshot_total t
CROSS JOIN v_finding_company fc
LEFT JOIN v_snapshot_company sc ON sc.snapshot_id = t.snapshot_id AND sc.company_id = fc.company_id
WHERE fc.finding_id = 'F05'
GROUP BY t.snapshot_id;
