-- company.display_name_date held the date of the most recent snapshot listing the company, so every snapshot
-- rewrote the row of every company it listed: a daily history rewrote the whole company table each day. That
-- date is the end of the company's last span (company_span); ingest and `hds alias` read it there, and a
-- company's row changes only when its spelling does.
ALTER TABLE company DROP COLUMN display_name_date;
