-- The open spans are what the latest snapshot lists, which an ingest reads before it can match a day's rows.
-- Their partial indexes held only the key, so SQLite 3.40 read each open span's row from the table too, to
-- test last_date IS NULL that the index already implies: a third of a daily ingest's reading of the latest
-- snapshot (docs/performance.md, eleventh round). With last_date in the index, and a company span's
-- activities and note, the index answers alone (a "COVERING INDEX" in the query plan).
DROP INDEX certificate_span_open;
CREATE INDEX certificate_span_open ON certificate_span(certificate_id, last_date) WHERE last_date IS NULL;
DROP INDEX company_span_open;
CREATE INDEX company_span_open ON company_span(company_id, last_date, activities, provenance) WHERE last_date IS NULL;
