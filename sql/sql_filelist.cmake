# The SQL scripts embedded into the library, in the order they run.
# Migrations: each moves the schema from version N-1 to N (PRAGMA user_version = N); never edit a
# released one, add the next. Views: dropped and created again whenever their text changes.
set(HDS_SQL_MIGRATIONS
    sql/schema/0001_registry.sql
    sql/schema/0002_reference_data.sql
    sql/schema/0003_countries.sql
)
set(HDS_SQL_VIEWS
    sql/views/0010_listing.sql
    sql/views/0020_snapshot_company.sql
    sql/views/0030_breakdown.sql
    sql/views/0040_diff.sql
    sql/views/0050_validity.sql
)
