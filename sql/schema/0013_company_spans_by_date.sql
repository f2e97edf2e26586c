-- Company spans in the order of their first date. The findings, and any question about one snapshot that is
-- not the latest, ask which spans cover a date: keyed by company, that read every company span of the history
-- (37,700 at ten years of daily lists; the article's findings read them eight times, docs/performance.md,
-- twelfth round). Keyed by first date, the spans that started by that date are a range of the table, and an
-- early snapshot reads only those. A late one reads the whole table, as before: a range of it, not a scan
-- of an index and a lookup per row, so no query's plan gets worse than a table scan.
-- A company's own spans are found by index company_span_company (which holds first_date too, the key).
CREATE TABLE company_span_new (
    company_id  INTEGER NOT NULL REFERENCES company(id),
    activities  INTEGER NOT NULL CHECK (activities BETWEEN 1 AND 63),
    provenance  TEXT,
    first_date  TEXT NOT NULL,
    last_date   TEXT CHECK (last_date IS NULL OR last_date >= first_date),
    PRIMARY KEY (first_date, company_id)
) WITHOUT ROWID;
INSERT INTO company_span_new (company_id, activities, provenance, first_date, last_date)
SELECT company_id, activities, provenance, first_date, last_date FROM company_span ORDER BY first_date, company_id;
DROP TABLE company_span;
ALTER TABLE company_span_new RENAME TO company_span;
CREATE INDEX company_span_company ON company_span(company_id);
CREATE INDEX company_span_open ON company_span(company_id, last_date, activities, provenance) WHERE last_date IS NULL;
