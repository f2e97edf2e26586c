-- A company found by a normalised name (company.key), or by an alias declared with `hds alias`: what a
-- finding uses to find the companies its source names, whatever the list's spelling. A company's own key
-- wins over an alias of the same key.
CREATE VIEW v_company_by_key AS
SELECT key, id AS company_id FROM company
UNION ALL
SELECT a.key, a.company_id FROM company_alias a WHERE NOT EXISTS (SELECT 1 FROM company c WHERE c.key = a.key);
