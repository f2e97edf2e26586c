-- The snapshot a finding reads for the month or the date it names (a findings set's `snapshot:` and `from:`),
-- the one rule for it: a date (YYYY-MM-DD) names the snapshot of that date; a month (YYYY-MM) names the
-- latest snapshot of that month, so that a list ingested again later in the month replaces the earlier one
-- for the findings. A period with no snapshot has no row here: the finding then reports "no snapshot".
CREATE VIEW v_snapshot_for_period AS
SELECT substr(date, 1, 7) AS period, max(date) AS snapshot_date FROM snapshot GROUP BY substr(date, 1, 7)
UNION ALL
SELECT date, date FROM snapshot;
