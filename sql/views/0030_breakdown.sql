-- Companies of each snapshot counted by one dimension: `hds breakdown`. total is the number of companies
-- in the snapshot and share = count / total (rounded to 4 decimals). For activity every activity has a row,
-- even at 0; a company may count under several certifiers or certificate types. The order of the rows is the
-- reader's choice (hds::breakdown orders activities, activity counts and certificate types by number).
CREATE VIEW v_breakdown AS
WITH counted (snapshot_id, dimension, key, label, count) AS (
    SELECT t.snapshot_id, 'activity', CAST(a.number AS TEXT), a.label_fr,
           (SELECT count(*) FROM v_snapshot_company_activity sca
             WHERE sca.snapshot_id = t.snapshot_id AND sca.activity = a.number)
    FROM v_snapshot_total t CROSS JOIN activity a
    UNION ALL
    SELECT sc.snapshot_id, 'nationality', sc.nationality, ifnull(cn.name, 'unknown'), count(*)
    FROM v_snapshot_company sc LEFT JOIN country cn ON cn.code = sc.nationality
    GROUP BY sc.snapshot_id, sc.nationality
    UNION ALL
    SELECT sc.snapshot_id, 'positioning', sc.positioning, ifnull(p.label_fr, 'unknown'), count(*)
    FROM v_snapshot_company sc LEFT JOIN positioning p ON p.code = sc.positioning
    GROUP BY sc.snapshot_id, sc.positioning
    UNION ALL
    SELECT l.snapshot_id, 'certifier', ce.key, ifnull(ce.name, 'unknown'), count(DISTINCT l.company_id)
    FROM v_listing l JOIN certificate c ON c.id = l.certificate_id LEFT JOIN certifier ce ON ce.id = c.certifier_id
    GROUP BY l.snapshot_id, ce.id
    UNION ALL
    SELECT l.snapshot_id, 'certificate-type', ct.code, ct.label_fr, count(DISTINCT l.company_id)
    FROM v_listing l JOIN certificate c ON c.id = l.certificate_id
    JOIN certificate_type ct ON ct.id = c.certificate_type
    GROUP BY l.snapshot_id, ct.id
    UNION ALL
    SELECT snapshot_id, 'activity-count', CAST(activity_count AS TEXT),
           activity_count || CASE activity_count WHEN 1 THEN ' activité' ELSE ' activités' END, count(*)
    FROM v_snapshot_company GROUP BY snapshot_id, activity_count
)
SELECT t.snapshot_date, c.dimension, c.key, c.label, c.count, t.total,
       round(CAST(c.count AS REAL) / t.total, 4) AS share, c.snapshot_id
FROM counted c JOIN v_snapshot_total t ON t.snapshot_id = c.snapshot_id;
