-- F11: companies from the United States in each snapshot, and how many of those the article names
-- (finding_company F11) are listed as American.
CREATE VIEW v_us_companies AS
SELECT t.snapshot_id, t.snapshot_date,
       (SELECT count(*) FROM v_snapshot_company sc WHERE sc.snapshot_id = t.snapshot_id AND sc.nationality = 'US')
       || ', '
       || (SELECT count(*) FROM v_finding_company fc JOIN v_snapshot_company sc ON sc.company_id = fc.company_id
            WHERE fc.finding_id = 'F11' AND sc.snapshot_id = t.snapshot_id AND sc.nationality = fc.stated_nationality)
       || ' of ' || (SELECT count(*) FROM finding_company WHERE finding_id = 'F11') || ' named' AS actual
FROM v_snapshot_total t;
