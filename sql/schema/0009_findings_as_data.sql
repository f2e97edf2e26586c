-- Findings are data now: a findings set is a directory of .sql files, one finding a file, with its words,
-- source, months, expected value and query (docs/findings.md). The article's set is built into hds
-- (sql/findings/article/) and v_findings is generated from it when a database is opened, so the tables that
-- wired the 13 findings into the schema by id go. The companies a finding names are listed in its own file.
-- country.region stays: F12 reads it, and any set may.
DROP TABLE finding_company;
DROP TABLE findings;
