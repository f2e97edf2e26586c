-- Companies of each snapshot counted by one dimension: `hds breakdown`. total is the number of companies
-- in the snapshot and share = count / total (rounded to 4 decimals). For activity every activity has a row,
-- even at 0; a company may count under several certifiers or certificate types. The order of the rows is the
-- reader's choice (hds::breakdown orders activities, activity counts and certificate types by number).
--
-- One arm per dimension, each grouped by the snapshot's id and date: SQLite then pushes a filter on
-- snapshot_id or snapshot_date, and on dimension, into each arm, so that asking for one snapshot's activities
-- reads that snapshot's spans once and computes no other dimension. A LEFT JOIN inside an arm, or an arm that
-- groups what a subquery grouped, stops that push: the arm would count every snapshot of the history. (Six
-- activity rows per company, grouped, cost a sort of 3 million rows on 500,000 companies.)
CREATE VIEW v_breakdown AS
SELECT snapshot_date, dimension, key, label, count, total, round(CAST(count AS REAL) / total, 4) AS share,
       snapshot_id
FROM (
    -- Activities: the six counts in one pass (bit n-1 is activity n), then one row per activity.
    SELECT p.snapshot_date, 'activity' AS dimension, CAST(a.number AS TEXT) AS key, a.label_fr AS label,
           CASE a.number WHEN 1 THEN p.a1 WHEN 2 THEN p.a2 WHEN 3 THEN p.a3 WHEN 4 THEN p.a4 WHEN 5 THEN p.a5
                         ELSE p.a6 END AS count,
           p.total, p.snapshot_id
    FROM (SELECT t.snapshot_id, t.snapshot_date, t.total,
                 sum(sc.activities & 1) AS a1, sum(sc.activities >> 1 & 1) AS a2, sum(sc.activities >> 2 & 1) AS a3,
                 sum(sc.activities >> 3 & 1) AS a4, sum(sc.activities >> 4 & 1) AS a5, sum(sc.activities >> 5 & 1) AS a6
          FROM v_snapshot_total t JOIN v_snapshot_company sc ON sc.snapshot_id = t.snapshot_id
          GROUP BY t.snapshot_id, t.snapshot_date) p
    CROSS JOIN activity a
    UNION ALL
    -- A snapshot without companies has its activity rows too, at 0.
    SELECT t.snapshot_date, 'activity', CAST(a.number AS TEXT), a.label_fr, 0, t.total, t.snapshot_id
    FROM v_snapshot_total t CROSS JOIN activity a WHERE t.total = 0
    UNION ALL
    SELECT t.snapshot_date, 'nationality', sc.nationality, ifnull(cn.name, 'unknown'), count(*), t.total, t.snapshot_id
    FROM v_snapshot_total t JOIN v_snapshot_company sc ON sc.snapshot_id = t.snapshot_id
    LEFT JOIN country cn ON cn.code = sc.nationality
    GROUP BY sc.nationality, t.snapshot_id, t.snapshot_date
    UNION ALL
    SELECT t.snapshot_date, 'positioning', sc.positioning, ifnull(p.label_fr, 'unknown'), count(*), t.total, t.snapshot_id
    FROM v_snapshot_total t JOIN v_snapshot_company sc ON sc.snapshot_id = t.snapshot_id
    LEFT JOIN positioning p ON p.code = sc.positioning
    GROUP BY sc.positioning, t.snapshot_id, t.snapshot_date
    UNION ALL
    SELECT t.snapshot_date, 'certifier', ce.key, ifnull(ce.name, 'unknown'), count(DISTINCT l.company_id), t.total,
           t.snapshot_id
    FROM v_snapshot_total t JOIN v_listing l ON l.snapshot_id = t.snapshot_id
    JOIN certificate c ON c.id = l.certificate_id LEFT JOIN certifier ce ON ce.id = c.certifier_id
    GROUP BY ce.id, t.snapshot_id, t.snapshot_date
    UNION ALL
    SELECT t.snapshot_date, 'certificate-type', ct.code, ct.label_fr, count(DISTINCT l.company_id), t.total,
           t.snapshot_id
    FROM v_snapshot_total t JOIN v_listing l ON l.snapshot_id = t.snapshot_id
    JOIN certificate c ON c.id = l.certificate_id JOIN certificate_type ct ON ct.id = c.certificate_type
    GROUP BY ct.id, t.snapshot_id, t.snapshot_date
    UNION ALL
    SELECT t.snapshot_date, 'activity-count', CAST(sc.activity_count AS TEXT),
           sc.activity_count || CASE sc.activity_count WHEN 1 THEN ' activité' ELSE ' activités' END, count(*),
           t.total, t.snapshot_id
    FROM v_snapshot_total t JOIN v_snapshot_company sc ON sc.snapshot_id = t.snapshot_id
    GROUP BY sc.activity_count, t.snapshot_id, t.snapshot_date
);
