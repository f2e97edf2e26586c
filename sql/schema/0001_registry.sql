-- The registry of certified health-data hosts, as observed in snapshots.
--
-- Storage grows with what changes, not with snapshots × companies: a certificate row is one distinct
-- state of a certificate (same company, type, certifier, number, dates, activities), `listing_span` says
-- over which run of consecutive snapshots it was listed, at which line of which file, and `company_span`
-- over which run each company was listed with the same activities. A registry observed daily where
-- nothing changes adds one `snapshot` row a day and touches no span but to move its end date. A row that
-- moves to another line starts a new listing span, since the line is provenance.

-- Reference data (filled by 0002_reference_data.sql) ------------------------------------------------

CREATE TABLE certificate_type (
    id        INTEGER PRIMARY KEY,          -- 1 physical infrastructure, 2 managed hosting
    code      TEXT NOT NULL UNIQUE,
    label_fr  TEXT NOT NULL,
    label_en  TEXT NOT NULL
);

CREATE TABLE activity (
    number            INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 6), -- as the decree numbers it
    code              TEXT NOT NULL UNIQUE,  -- what the activity is, for views that must not hard-code a number
    certificate_type  INTEGER NOT NULL REFERENCES certificate_type(id),
    label_fr          TEXT NOT NULL,         -- short French label
    label_en          TEXT NOT NULL,
    decree_text_fr    TEXT NOT NULL,         -- the decree's own words
    source            TEXT NOT NULL          -- who numbers it so
);

-- The headers by which a file may name one activity's column (a label: "Infrastructure virtuelle").
-- Ingest reads them from here, so that renumbering activities stays in the reference data.
CREATE TABLE activity_header (
    header    TEXT PRIMARY KEY,
    activity  INTEGER NOT NULL REFERENCES activity(number)
) WITHOUT ROWID;

CREATE TABLE positioning (
    code      TEXT PRIMARY KEY,
    label_fr  TEXT NOT NULL,
    label_en  TEXT NOT NULL
);

CREATE TABLE country (
    code  TEXT PRIMARY KEY CHECK (code GLOB '[A-Z][A-Z]'),  -- ISO 3166-1 alpha-2
    name  TEXT NOT NULL
) WITHOUT ROWID;

-- Companies ------------------------------------------------------------------------------------------

CREATE TABLE company (
    id                 INTEGER PRIMARY KEY,
    key                TEXT NOT NULL UNIQUE CHECK (key <> ''),  -- normalised name: see docs/schema.md
    display_name       TEXT NOT NULL,
    display_name_date  TEXT,           -- date of the snapshot the display name was last spelt in
    nationality        TEXT REFERENCES country(code),  -- from annotations
    positioning        TEXT REFERENCES positioning(code),
    group_name         TEXT,
    annotation_source  TEXT            -- where the nationality and positioning come from
);

-- Another name of a company, declared by `hds alias` (a rename, a merger): its key resolves to company_id.
CREATE TABLE company_alias (
    key         TEXT PRIMARY KEY CHECK (key <> ''),
    company_id  INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,
    name        TEXT NOT NULL       -- as declared
) WITHOUT ROWID;

CREATE TABLE certifier (
    id    INTEGER PRIMARY KEY,
    key   TEXT NOT NULL UNIQUE CHECK (key <> ''),
    name  TEXT NOT NULL
);

-- Certificates ---------------------------------------------------------------------------------------

CREATE TABLE certificate (
    id                INTEGER PRIMARY KEY,
    company_id        INTEGER NOT NULL REFERENCES company(id),
    certificate_type  INTEGER NOT NULL REFERENCES certificate_type(id),
    certifier_id      INTEGER REFERENCES certifier(id),
    number            TEXT,
    valid_from        TEXT CHECK (valid_from IS NULL OR date(valid_from) = valid_from),
    valid_to          TEXT CHECK (valid_to IS NULL OR date(valid_to) = valid_to),
    referential       TEXT,
    -- The activities covered, bit n-1 for activity n (view v_certificate_activity lists them as rows).
    activities        INTEGER NOT NULL CHECK (activities BETWEEN 1 AND 63)
);
-- One row per distinct certificate state; ifnull() because UNIQUE treats NULLs as all different.
CREATE UNIQUE INDEX certificate_identity ON certificate(company_id, certificate_type, ifnull(certifier_id, 0),
    ifnull(number, ''), ifnull(valid_from, ''), ifnull(valid_to, ''), ifnull(referential, ''), activities);

-- Snapshots and provenance ---------------------------------------------------------------------------

CREATE TABLE snapshot (
    id              INTEGER PRIMARY KEY,
    date            TEXT NOT NULL UNIQUE CHECK (date(date) = date),
    label           TEXT,
    parser_version  TEXT NOT NULL,
    ingested_at     TEXT NOT NULL     -- UTC, ISO 8601
);

CREATE TABLE source_file (
    snapshot_id  INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL CHECK (ordinal >= 1),  -- order given on the command line
    path         TEXT NOT NULL,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    format       TEXT NOT NULL,     -- how it was read, e.g. "csv ';' windows-1252"
    bytes        INTEGER NOT NULL,
    rows         INTEGER NOT NULL,  -- data rows read
    PRIMARY KEY (snapshot_id, ordinal)
) WITHOUT ROWID;

-- A certificate was listed, at LINE of the snapshot's file ORDINAL, in every snapshot dated from
-- first_date to last_date (both snapshot dates, no snapshot between them without it).
CREATE TABLE listing_span (
    id              INTEGER PRIMARY KEY,
    certificate_id  INTEGER NOT NULL REFERENCES certificate(id),
    file_ordinal    INTEGER NOT NULL,
    line            INTEGER NOT NULL,
    first_date      TEXT NOT NULL,
    last_date       TEXT NOT NULL CHECK (last_date >= first_date)
);
CREATE INDEX listing_span_dates ON listing_span(first_date, last_date);
CREATE INDEX listing_span_certificate ON listing_span(certificate_id);

-- A company was listed, certified for `activities` (the union over its certificates, bit n-1 = activity n),
-- in every snapshot dated from first_date to last_date. Derived from listing_span by the store, so that
-- questions about one snapshot's companies read rows instead of aggregating certificates.
CREATE TABLE company_span (
    id          INTEGER PRIMARY KEY,
    company_id  INTEGER NOT NULL REFERENCES company(id),
    activities  INTEGER NOT NULL CHECK (activities BETWEEN 1 AND 63),
    first_date  TEXT NOT NULL,
    last_date   TEXT NOT NULL CHECK (last_date >= first_date)
);
CREATE INDEX company_span_dates ON company_span(first_date, last_date);
CREATE INDEX company_span_company ON company_span(company_id);

-- Rows refused by `--skip-bad-rows`, kept with their reason so that nothing is lost silently.
CREATE TABLE rejected_row (
    snapshot_id   INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    file_ordinal  INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    reason        TEXT NOT NULL,
    cells         TEXT NOT NULL,    -- the row's cells as a JSON array
    PRIMARY KEY (snapshot_id, file_ordinal, line)
) WITHOUT ROWID;

-- Which views are installed: their scripts' combined hash, so they are rebuilt only when they change.
CREATE TABLE installed_views (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    hash  TEXT NOT NULL
);
