# The SQL scripts embedded into the library, in the order they run.
# Migrations: each moves the schema from version N-1 to N (PRAGMA user_version = N); never edit a
# released one, add the next. Views: dropped and created again whenever their text changes.
set(HDS_SQL_MIGRATIONS
    sql/schema/0001_registry.sql
    sql/schema/0002_reference_data.sql
    sql/schema/0003_countries.sql
    sql/schema/0004_findings.sql
    sql/schema/0005_findings_from_month.sql
    sql/schema/0006_storage.sql
    sql/schema/0007_open_spans_and_totals.sql
    sql/schema/0008_schema_doc.sql
    sql/schema/0009_findings_as_data.sql
    sql/schema/0010_country_aliases.sql
    sql/schema/0011_display_name_from_spans.sql
    sql/schema/0012_covering_open_spans.sql
    sql/schema/0013_company_spans_by_date.sql
)
set(HDS_SQL_VIEWS
    sql/views/0010_listing.sql
    sql/views/0020_snapshot_company.sql
    sql/views/0030_breakdown.sql
    sql/views/0040_diff.sql
    sql/views/0050_validity.sql
    sql/views/findings/00_snapshot_for_period.sql
    sql/views/findings/00_company_by_key.sql
    sql/views/findings/f01_company_growth.sql
    sql/views/findings/f02_hosting_share.sql
    sql/views/findings/f03_positioning_rank.sql
    sql/views/findings/f03_esn_rank.sql
    sql/views/findings/f06_all_activities_share.sql
    sql/views/findings/f08_activity_share.sql
    sql/views/findings/f10_nationality_count.sql
    sql/views/findings/f13_certificate_type_activities.sql
    # v_findings is not listed: it is generated from the article's findings set when a database is opened
# (lib/findings/findings_view.cpp).
# Last: it describes the tables and views above (schema_doc, migration 0008), so it runs with the views.
    sql/doc/schema_doc.sql
)
# The built-in findings sets (docs/findings.md): sql/findings/SET/*.sql, one finding a file; the directory
# names the set (`hds findings DB --set SET`).
set(HDS_SQL_FINDING_SETS
    sql/findings/article/f01_company_growth.sql
    sql/findings/article/f02_hosting_share.sql
    sql/findings/article/f03_esn_rank.sql
    sql/findings/article/f04_named_end_users.sql
    sql/findings/article/f05_unexpected_actors.sql
    sql/findings/article/f06_all_activities_share.sql
    sql/findings/article/f07_single_activity_companies.sql
    sql/findings/article/f08_activity_share.sql
    sql/findings/article/f09_named_company_activities.sql
    sql/findings/article/f10_nationality_count.sql
    sql/findings/article/f11_us_companies.sql
    sql/findings/article/f12_nationalities.sql
    sql/findings/article/f13_certificate_type_activities.sql
    sql/findings/later-lists/l01_companies_april_2022.sql
    sql/findings/later-lists/l02_all_activities_share_april_2022.sql
    sql/findings/later-lists/l03_single_activity_april_2022.sql
    sql/findings/later-lists/l04_hosts_february_2021.sql
)
