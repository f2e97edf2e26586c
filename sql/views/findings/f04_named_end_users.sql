-- F04: the end users the article names (finding_company F04), listed in each snapshot with an end-user
-- positioning.
CREATE VIEW v_named_end_users AS
SELECT t.snapshot_id, t.snapshot_date,
       group_concat(CASE WHEN sc.positioning = 'end_user' THEN fc.name END, ', ') AS listed_as_end_users,
       group_concat(CASE WHEN sc.positioning IS NOT 'end_user' THEN fc.name END, ', ') AS missing,
       count(CASE WHEN sc.positioning = 'end_user' THEN 1 END) || ' of ' || count(*) AS actual
FROM v_snapshot_total t
CROSS JOIN v_finding_company fc
LEFT JOIN v_snapshot_company sc ON sc.snapshot_id = t.snapshot_id AND sc.company_id = fc.company_id
WHERE fc.finding_id = 'F04'
GROUP BY t.snapshot_id;
