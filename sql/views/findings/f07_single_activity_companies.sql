-- F07: companies certified for a single activity, and whether those the article names (finding_company
-- F07) hold exactly the activity it states.
CREATE VIEW v_single_activity_companies AS
SELECT t.snapshot_id, t.snapshot_date,
       (SELECT group_concat(company || ' (' || activity_list || ')', ', ') FROM v_snapshot_company sc
         WHERE sc.snapshot_id = t.snapshot_id AND sc.activity_count = 1) AS companies,
       (SELECT count(*) FROM v_snapshot_company sc WHERE sc.snapshot_id = t.snapshot_id AND sc.activity_count = 1)
       || ' companies, '
       || (SELECT count(*) FROM v_finding_company fc JOIN v_snapshot_company sc ON sc.company_id = fc.company_id
            WHERE fc.finding_id = 'F07' AND sc.snapshot_id = t.snapshot_id AND sc.activities = fc.stated_activities)
       || ' of ' || (SELECT count(*) FROM finding_company WHERE finding_id = 'F07') || ' as stated' AS actual
FROM v_snapshot_total t;
