-- A database that explains itself: one row per table and view ("column" NULL) and one per column of each,
-- saying what it holds, its unit and where the value comes from, for someone who opens the file in an SQLite
-- browser or Datasette without the source. The rows are written by sql/doc/schema_doc.sql, which runs again
-- with the views whenever it or they change, so a description is corrected without a migration.
CREATE TABLE schema_doc (
    object       TEXT NOT NULL,   -- a table or view of this database
    "column"     TEXT,            -- one of its columns; NULL: the row describes the table or view itself
    description  TEXT NOT NULL CHECK (description <> '')
);
-- ifnull(): UNIQUE treats NULLs as all different, and an object has one description of its own.
CREATE UNIQUE INDEX schema_doc_entry ON schema_doc(object, ifnull("column", ''));
