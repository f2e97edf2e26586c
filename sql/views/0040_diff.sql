-- What changed between any two snapshots (from_snapshot_id → to_snapshot_id): `hds diff`.
-- Companies that entered, left, or whose activities changed (added/removed as bits, bit n-1 = activity n).
CREATE VIEW v_company_diff AS
SELECT f.id AS from_snapshot_id, t.id AS to_snapshot_id, n.company_id, n.company, n.company_key,
       'entered' AS change, n.activities AS activities, n.activities AS added, 0 AS removed
FROM snapshot f JOIN snapshot t
JOIN v_snapshot_company n ON n.snapshot_id = t.id
WHERE NOT EXISTS (SELECT 1 FROM v_snapshot_company o WHERE o.snapshot_id = f.id AND o.company_id = n.company_id)
UNION ALL
SELECT f.id, t.id, o.company_id, o.company, o.company_key, 'left', o.activities, 0, o.activities
FROM snapshot f JOIN snapshot t
JOIN v_snapshot_company o ON o.snapshot_id = f.id
WHERE NOT EXISTS (SELECT 1 FROM v_snapshot_company n WHERE n.snapshot_id = t.id AND n.company_id = o.company_id)
UNION ALL
SELECT o.snapshot_id, n.snapshot_id, n.company_id, n.company, n.company_key, 'changed', n.activities,
       n.activities & ~o.activities, o.activities & ~n.activities
FROM v_snapshot_company o
JOIN v_snapshot_company n ON n.company_id = o.company_id AND n.snapshot_id <> o.snapshot_id
WHERE n.activities <> o.activities;

-- Each company's certificates of one type in one snapshot, folded to one row: certifiers and dates. Most
-- have one certifier (min = max); only the others run the subquery that lists them, which reads the
-- company's whole history again.
CREATE VIEW v_snapshot_company_certificate AS
SELECT l.snapshot_id, l.company_id, c.certificate_type,
       CASE WHEN min(ce.name) IS max(ce.name) THEN min(ce.name) ELSE
       (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT ce.name FROM v_listing l2
          JOIN certificate c2 ON c2.id = l2.certificate_id JOIN certifier ce ON ce.id = c2.certifier_id
         WHERE l2.snapshot_id = l.snapshot_id AND l2.company_id = l.company_id
           AND c2.certificate_type = c.certificate_type ORDER BY ce.name)) END AS certifiers,
       max(c.valid_from) AS valid_from,
       max(c.valid_to)   AS valid_to
FROM v_listing l JOIN certificate c ON c.id = l.certificate_id
LEFT JOIN certifier ce ON ce.id = c.certifier_id
-- Type before company: grouped in the order of index certificate_identity (company, type), SQLite would read
-- every certificate ever listed through it to spare a sort, rather than the spans of the one snapshot asked.
GROUP BY l.snapshot_id, c.certificate_type, l.company_id;

-- Certificates of a company listed in both snapshots under the same type, that moved to another
-- certifying body ('certifier') or, with the same bodies, were renewed with new dates ('renewed').
CREATE VIEW v_certificate_diff AS
SELECT o.snapshot_id AS from_snapshot_id, n.snapshot_id AS to_snapshot_id, n.company_id,
       co.display_name AS company, co.key AS company_key, ct.code AS certificate_type,
       ct.id AS certificate_type_id,
       CASE WHEN o.certifiers IS NOT n.certifiers THEN 'certifier' ELSE 'renewed' END AS change,
       o.certifiers AS from_certifiers, n.certifiers AS to_certifiers,
       o.valid_from AS from_valid_from, n.valid_from AS to_valid_from,
       o.valid_to AS from_valid_to, n.valid_to AS to_valid_to
FROM v_snapshot_company_certificate o
JOIN v_snapshot_company_certificate n ON n.company_id = o.company_id
     AND n.certificate_type = o.certificate_type AND n.snapshot_id <> o.snapshot_id
JOIN company co ON co.id = n.company_id
JOIN certificate_type ct ON ct.id = n.certificate_type
WHERE o.certifiers IS NOT n.certifiers OR o.valid_from IS NOT n.valid_from OR o.valid_to IS NOT n.valid_to;
