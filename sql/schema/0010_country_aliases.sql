-- Codes people write for a country that ISO 3166-1 codes otherwise, so that a nationality written with one
-- (in an annotation file or `hds companies --nationality`) is refused with the code to use instead of a bare
-- "unknown". They are not accepted in its place: a nationality is stored as ISO 3166-1 writes it, and one
-- spelling per country keeps `breakdown --by nationality` from counting a country twice.
CREATE TABLE country_alias (
    alias   TEXT PRIMARY KEY CHECK (alias GLOB '[A-Z][A-Z]'),
    code    TEXT NOT NULL REFERENCES country(code),
    source  TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO country_alias (alias, code, source) VALUES
    ('UK', 'GB', 'ISO 3166-1: exceptionally reserved for the United Kingdom, whose code is GB'),
    ('EL', 'GR', 'European Union: the code its institutions use for Greece (Interinstitutional Style Guide)');
