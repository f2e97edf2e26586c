-- id: L02
-- statement: 56.6 % of them certified for all six activities
-- source: mind Health, third analysis of the HDS list, 14 June 2022 (the list of April 2022)
-- snapshot: 2022-04
-- expected: 56.6

-- The share (%) with one decimal, as the article's own finding on July 2020 (F06) reads it; "of them": of
-- the companies of the April 2022 list. The statement summarises the source (shared/article/FINDINGS.md).
SELECT actual FROM v_all_activities_share WHERE snapshot_date = :snapshot;
