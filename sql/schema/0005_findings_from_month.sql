-- A finding names every month it reads. Most read one snapshot (findings.snapshot); a finding that compares
-- two months also names the earlier one here, so that the check reads those two months by name and never
-- "the snapshot just before": F01 compares June 2019 with July 2020, whatever was ingested between them.
ALTER TABLE findings ADD COLUMN from_snapshot TEXT;  -- the earlier month it reads, e.g. '2019-06'; NULL: one month only

UPDATE findings SET from_snapshot = '2019-06' WHERE id = 'F01';
