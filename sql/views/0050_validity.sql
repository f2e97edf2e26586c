-- Certificates by their own validity dates, whatever the snapshots: `hds as-of DATE` selects the rows
-- with valid_from <= DATE <= valid_to. Certificates without both dates cannot be placed and are left out.
CREATE VIEW v_certificate_validity AS
SELECT company, certificate_type, certifier, valid_from, valid_to, activity_list,
       certificate_id, company_id, company_key, activities
FROM v_certificate
WHERE valid_from IS NOT NULL AND valid_to IS NOT NULL;
