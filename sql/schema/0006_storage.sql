-- Storage that grows with change, not with rows moving.
--
-- Presence and line provenance are kept apart:
-- - certificate_span (certificate, run of snapshots) and company_span (company, activities, provenance note,
--   run of snapshots) say what each snapshot lists. A span still listed by the latest snapshot is open
--   (last_date NULL), so a snapshot that lists what the previous one did touches no span at all.
-- - line_entry and line_run say at which line of which file each snapshot listed each certificate: a file's
--   lines are described against the same file of an earlier snapshot (its base), as runs of lines copied
--   from the base plus the lines that are new. One row inserted near the top of a sorted list costs one
--   entry and one more run, not a new row for every line below it.
--
-- listing_span, which held both and put the line in the span's key, is carried over and dropped.

-- A certificate was listed in every snapshot dated from first_date to last_date (both snapshot dates, no
-- snapshot between them without it); last_date NULL: up to and including the latest snapshot.
CREATE TABLE certificate_span (
    certificate_id  INTEGER NOT NULL REFERENCES certificate(id),
    first_date      TEXT NOT NULL,
    last_date       TEXT CHECK (last_date IS NULL OR last_date >= first_date),
    PRIMARY KEY (certificate_id, first_date)
) WITHOUT ROWID;
CREATE INDEX certificate_span_last ON certificate_span(last_date, first_date);

-- Lines as the file states them: file ORDINAL of snapshot SNAPSHOT_ID listed CERTIFICATE_ID at LINE.
CREATE TABLE line_entry (
    snapshot_id     INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    file_ordinal    INTEGER NOT NULL,
    line            INTEGER NOT NULL,
    certificate_id  INTEGER NOT NULL REFERENCES certificate(id),
    PRIMARY KEY (snapshot_id, file_ordinal, line, certificate_id)
) WITHOUT ROWID;
CREATE INDEX line_entry_certificate ON line_entry(certificate_id);

-- Lines copied from the base: lines first_line .. first_line + count - 1 of this file list exactly what
-- lines base_first_line .. of the same file of snapshot base_snapshot_id (source_file.base_snapshot_id) list.
CREATE TABLE line_run (
    snapshot_id      INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    file_ordinal     INTEGER NOT NULL,
    first_line       INTEGER NOT NULL,
    count            INTEGER NOT NULL CHECK (count >= 1),
    base_first_line  INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, file_ordinal, first_line)
) WITHOUT ROWID;

-- Which snapshot's file of the same ordinal a file's line_run rows copy from (NULL: every line is in
-- line_entry), and how many bases lie behind it, which the store bounds so that reading lines stays cheap.
ALTER TABLE source_file ADD COLUMN base_snapshot_id INTEGER REFERENCES snapshot(id);
ALTER TABLE source_file ADD COLUMN base_depth INTEGER NOT NULL DEFAULT 0;

-- The free note a registry row may carry in a `provenance` column ("reconstructed: activities", the
-- source's words), per company and run of snapshots, beside its activities.
ALTER TABLE company_span ADD COLUMN provenance TEXT;

-- Carry over: presence from listing_span (a certificate listed at two lines is one presence), lines as
-- entries of every snapshot.
INSERT INTO certificate_span (certificate_id, first_date, last_date)
WITH listed AS (
    SELECT DISTINCT sp.certificate_id, s.date
    FROM listing_span sp JOIN snapshot s ON s.date BETWEEN sp.first_date AND sp.last_date
),
numbered AS (
    SELECT l.certificate_id, l.date,
           (SELECT count(*) FROM snapshot s WHERE s.date < l.date)
             - row_number() OVER (PARTITION BY l.certificate_id ORDER BY l.date) AS island
    FROM listed l
)
SELECT certificate_id, min(date), max(date) FROM numbered GROUP BY certificate_id, island;

INSERT INTO line_entry (snapshot_id, file_ordinal, line, certificate_id)
SELECT DISTINCT s.id, sp.file_ordinal, sp.line, sp.certificate_id
FROM listing_span sp JOIN snapshot s ON s.date BETWEEN sp.first_date AND sp.last_date;

DROP TABLE listing_span;

-- Open the spans that reach the latest snapshot.
UPDATE certificate_span SET last_date = NULL WHERE last_date = (SELECT max(date) FROM snapshot);
CREATE TABLE company_span_new (
    company_id  INTEGER NOT NULL REFERENCES company(id),
    activities  INTEGER NOT NULL CHECK (activities BETWEEN 1 AND 63),
    provenance  TEXT,
    first_date  TEXT NOT NULL,
    last_date   TEXT CHECK (last_date IS NULL OR last_date >= first_date),
    PRIMARY KEY (company_id, first_date)
) WITHOUT ROWID;
INSERT INTO company_span_new (company_id, activities, provenance, first_date, last_date)
SELECT company_id, activities, provenance, first_date,
       CASE WHEN last_date = (SELECT max(date) FROM snapshot) THEN NULL ELSE last_date END
FROM company_span;
DROP TABLE company_span;
ALTER TABLE company_span_new RENAME TO company_span;
CREATE INDEX company_span_last ON company_span(last_date, first_date);

-- Certificates and certifiers that no snapshot lists any more (left by --replace before this version).
DELETE FROM certificate WHERE id NOT IN (SELECT certificate_id FROM certificate_span);
DELETE FROM certifier WHERE id NOT IN (SELECT certifier_id FROM certificate WHERE certifier_id IS NOT NULL);
