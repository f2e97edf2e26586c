-- id: L01
-- statement: 205 companies certified in April 2022
-- source: mind Health, third analysis of the HDS list, 14 June 2022 (the list of April 2022)
-- snapshot: 2022-04
-- expected: 205

-- The statement is the project's English summary of the source (shared/article/FINDINGS.md), not a quote.
SELECT total AS actual FROM v_snapshot_total WHERE snapshot_date = :snapshot;
