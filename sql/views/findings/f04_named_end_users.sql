-- F04: the end users the article names (finding_company F04), listed in each snapshot with an end-user
-- positioning.
CREATE VIEW v_named_end_users AS
SELECT t.snapshot_id, t.snapshot_date,
       (SELECT group_concat(fc.name, ', ') FROM v_finding_company fc
         JOIN v_snapshot_company sc ON sc.company_id = fc.company_id AND sc.snapshot_id = t.snapshot_id
        WHERE fc.finding_id = 'F04' AND sc.positioning = 'end_user') AS listed_as_end_users,
       (SELECT count(*) FROM v_finding_company fc
         JOIN v_snapshot_company sc ON sc.company_id = fc.company_id AND sc.snapshot_id = t.snapshot_id
        WHERE fc.finding_id = 'F04' AND sc.positioning = 'end_user')
       || ' of ' || (SELECT count(*) FROM finding_company WHERE finding_id = 'F04') AS actual
FROM v_snapshot_total t;
