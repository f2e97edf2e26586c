-- The companies a finding names (table finding_company), resolved to the database's companies by their
-- normalised key or a declared alias.
CREATE VIEW v_finding_company AS
SELECT fc.finding_id, fc.name, fc.activities AS stated_activities, fc.nationality AS stated_nationality,
       coalesce((SELECT id FROM company WHERE key = fc.key),
                (SELECT company_id FROM company_alias WHERE key = fc.key)) AS company_id
FROM finding_company fc;
