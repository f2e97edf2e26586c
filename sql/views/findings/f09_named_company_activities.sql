-- F09: the activities of the company the article details (finding_company F09: OVHcloud) in each snapshot.
CREATE VIEW v_named_company_activities AS
SELECT t.snapshot_id, t.snapshot_date,
       (SELECT name FROM finding_company WHERE finding_id = 'F09') AS name,
       ifnull((SELECT sc.activity_list FROM v_finding_company fc
                JOIN v_snapshot_company sc ON sc.company_id = fc.company_id AND sc.snapshot_id = t.snapshot_id
               WHERE fc.finding_id = 'F09'), 'not listed') AS actual
FROM v_snapshot_total t;
