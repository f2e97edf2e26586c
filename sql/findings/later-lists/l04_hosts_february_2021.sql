-- id: L04
-- statement: 135 certified hosts on 1 February 2021
-- source: a consultancy's note of 9 February 2021 (the count as of 1 February 2021); the project's notes
--   on the article record neither its publisher nor an address
-- snapshot: 2021-02
-- expected: 135

-- The count is of 1 February 2021; it is read from the list of February 2021 (the latest one ingested that
-- month, as for every month), so that a list dated a few days later still answers it. "Hosts": the companies
-- of the list, as every count of this project.
SELECT total AS actual FROM v_snapshot_total WHERE snapshot_date = :snapshot;
