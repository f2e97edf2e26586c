-- F12: how many nationalities each snapshot holds, how many companies come from European countries other
-- than France and from how many countries, and whether the companies the article places (finding_company
-- F12) have the nationality it gives them.
CREATE VIEW v_nationalities AS
WITH european AS (
    SELECT sc.snapshot_id, sc.nationality FROM v_snapshot_company sc
    JOIN country c ON c.code = sc.nationality
    WHERE c.region = 'Europe' AND sc.nationality <> 'FR'
)
SELECT t.snapshot_id, t.snapshot_date,
       (SELECT count(DISTINCT nationality) FROM v_snapshot_company sc WHERE sc.snapshot_id = t.snapshot_id)
       || ' nationalities, '
       || (SELECT count(*) FROM european e WHERE e.snapshot_id = t.snapshot_id) || ' companies from '
       || (SELECT count(DISTINCT nationality) FROM european e WHERE e.snapshot_id = t.snapshot_id)
       || ' other European countries, '
       || (SELECT count(*) FROM v_finding_company fc JOIN v_snapshot_company sc ON sc.company_id = fc.company_id
            WHERE fc.finding_id = 'F12' AND sc.snapshot_id = t.snapshot_id AND sc.nationality = fc.stated_nationality)
       || ' of ' || (SELECT count(*) FROM finding_company WHERE finding_id = 'F12') || ' named' AS actual
FROM v_snapshot_total t;
