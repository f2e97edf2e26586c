-- Positionings ranked by companies in each snapshot (F03 reads the rank of 'esn' in v_esn_rank).
CREATE VIEW v_positioning_rank AS
WITH counted AS (
    SELECT snapshot_id, snapshot_date, positioning, count(*) AS companies
    FROM v_snapshot_company WHERE positioning IS NOT NULL
    GROUP BY snapshot_id, positioning
)
SELECT snapshot_id, snapshot_date, positioning, companies,
       rank() OVER (PARTITION BY snapshot_id ORDER BY companies DESC) AS rank
FROM counted;
