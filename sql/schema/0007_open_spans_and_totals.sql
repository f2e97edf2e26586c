-- How many companies and certificates each snapshot lists, one row per snapshot. The spans are the truth
-- (view v_snapshot_total_from_spans counts them); this table keeps their counts so that asking for one
-- snapshot's total reads one row, and views filtered on a snapshot are filtered before they run (a window
-- over every span, as the count from spans needs, cannot be). The store writes a snapshot's row when it
-- ingests it and counts every row again after `hds alias`, which can merge two companies of one snapshot.
CREATE TABLE snapshot_total (
    snapshot_id   INTEGER PRIMARY KEY REFERENCES snapshot(id) ON DELETE CASCADE,
    companies     INTEGER NOT NULL CHECK (companies >= 0),
    certificates  INTEGER NOT NULL CHECK (certificates >= 0)
);
-- Rows for existing snapshots are counted when the database is next opened, once the views exist.

-- The span tables' indexes on (last_date, first_date) held every span twice; what needs an index is finding
-- the open spans (last_date NULL) of the keys a new latest snapshot lists, every day. Partial indexes on the
-- open spans stay as small as one snapshot, however long the history; the rarer writes that cut or join spans
-- in the past (a snapshot ingested out of order, or replaced) scan the span table instead.
DROP INDEX certificate_span_last;
CREATE INDEX certificate_span_open ON certificate_span(certificate_id) WHERE last_date IS NULL;
DROP INDEX company_span_last;
CREATE INDEX company_span_open ON company_span(company_id) WHERE last_date IS NULL;
