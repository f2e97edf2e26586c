-- id: L03
-- statement: "about ten" companies certified for a single activity
-- source: mind Health, third analysis of the HDS list, 14 June 2022 (the list of April 2022)
-- snapshot: 2022-04
-- expected: 10
-- tolerance: 2

-- "About ten" is a round number, not a count: a writer who counted 8 to 12 companies would say it, one who
-- counted 6 or 14 would more likely say "a handful" or "a dozen and more". Hence 10 within 2. The statement
-- summarises the source (shared/article/FINDINGS.md); only "about ten" is quoted.
SELECT count(*) AS actual FROM v_snapshot_company WHERE snapshot_date = :snapshot AND activity_count = 1;
