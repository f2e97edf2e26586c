#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "hds/activity.hpp"
#include "hds/database.hpp"
#include "hds/error.hpp"
#include "hds/reference_data.hpp"
#include "sql_scripts.hpp"
#include "store/connection.hpp"
#include "store/migrations.hpp"
#include "store/reference_data.hpp"
#include "test_support.hpp"

namespace {

using hds::testing_support::read_bytes;
using hds::testing_support::temp_dir;

TEST(migrations, every_embedded_script_runs_on_an_empty_database)
{
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    for (const auto& script : hds::sql::migrations) EXPECT_NO_THROW(db.exec(std::string(script.text))) << script.name;
    for (const auto& script : hds::sql::views) EXPECT_NO_THROW(db.exec(std::string(script.text))) << script.name;
}

TEST(migrations, open_brings_a_new_file_to_the_latest_version)
{
    temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    EXPECT_EQ(db.schema_version(), hds::database::schema_version_supported());
    EXPECT_EQ(hds::database::schema_version_supported(), static_cast<int>(hds::sql::migrations.size()));
}

// From every older version, opening migrates forward and keeps the rows written at that version.
TEST(migrations, every_path_from_an_older_version_keeps_data)
{
    for (int from = 1; from < hds::database::schema_version_supported(); ++from) {
        temp_dir dir;
        const auto path = dir.path() / "hds.db";
        {
            SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            hds::store::migrate(old, from);
            // What each version can hold: a company and a snapshot from 0001 on; certificates need the
            // certificate types of 0002.
            old.exec("INSERT INTO company (id, key, display_name) VALUES (7, 'ebrc', 'EBRC')");
            old.exec("INSERT INTO snapshot (id, date, parser_version, ingested_at) "
                     "VALUES (1, '2020-07-31', '0', '2020-08-01T00:00:00Z')");
            if (from >= 2)
                old.exec("INSERT INTO certificate (id, company_id, certificate_type, activities) VALUES (3, 7, 1, 1)");
            if (from >= 2 && from < 6)
                old.exec("INSERT INTO listing_span (certificate_id, file_ordinal, line, first_date, last_date) "
                         "VALUES (3, 1, 2, '2020-07-31', '2020-07-31')");
            if (from >= 6)
                old.exec("INSERT INTO certificate_span VALUES (3, '2020-07-31', NULL);"
                         "INSERT INTO company_span (company_id, activities, first_date) VALUES (7, 1, '2020-07-31');"
                         "INSERT INTO line_entry VALUES (1, 1, 2, 3);");
        }
        auto db = hds::database::open(path, hds::open_mode::existing);
        EXPECT_EQ(db.schema_version(), hds::database::schema_version_supported()) << "from " << from;
        SQLite::Database check(path.string());
        EXPECT_EQ(check.execAndGet("SELECT display_name FROM company WHERE id = 7").getString(), "EBRC") << from;
        // 0011: the date of the display name is read from the spans, no longer kept in each company's row.
        EXPECT_EQ(check.execAndGet("SELECT count(*) FROM pragma_table_info('company') WHERE name = 'display_name_date'")
                      .getInt(), 0) << from;
        EXPECT_EQ(check.execAndGet("SELECT count(*) FROM snapshot WHERE date = '2020-07-31'").getInt(), 1) << from;
        EXPECT_EQ(check.execAndGet("SELECT count(*) FROM v_listing WHERE company_id = 7").getInt(), from >= 2 ? 1 : 0)
            << from;
        // 0012: the open spans' indexes hold what reading the latest snapshot asks of them.
        EXPECT_EQ(check.execAndGet("SELECT group_concat(name) FROM pragma_index_info('certificate_span_open')").getString(),
                  "certificate_id,last_date") << from;
        EXPECT_EQ(check.execAndGet("SELECT group_concat(name) FROM pragma_index_info('company_span_open')").getString(),
                  "company_id,last_date,activities,provenance") << from;
        EXPECT_EQ(check.execAndGet("SELECT count(*) FROM certificate_span INDEXED BY certificate_span_open "
                                   "WHERE last_date IS NULL").getInt(), from >= 2 ? 1 : 0) << from;
        // 0013: company spans in the order of their first date, each company's found by company_span_company,
        // the data kept; the open span is found through the partial index still.
        EXPECT_EQ(check.execAndGet("SELECT group_concat(name) FROM (SELECT name FROM pragma_table_info('company_span') "
                                   "WHERE pk > 0 ORDER BY pk)").getString(), "first_date,company_id") << from;
        EXPECT_EQ(check.execAndGet("SELECT group_concat(name) FROM pragma_index_info('company_span_company')").getString(),
                  "company_id") << from;
        EXPECT_EQ(check.execAndGet("SELECT count(*) FROM company_span INDEXED BY company_span_open WHERE last_date IS NULL")
                      .getInt(), from >= 6 ? 1 : 0) << from;
        EXPECT_EQ(check.execAndGet("SELECT ifnull(group_concat(company_id || ' ' || activities || ' ' || first_date), '') "
                                   "FROM company_span INDEXED BY company_span_company WHERE company_id = 7").getString(),
                  from >= 6 ? "7 1 2020-07-31" : "") << from;
        // 0009: the findings are data, no longer tables; v_findings, generated from the article's set, shows
        // the 13, F01 reading both months it names.
        EXPECT_EQ(check.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name IN ('findings', 'finding_company')")
                      .getInt(), 0) << from;
        EXPECT_EQ(check.execAndGet("SELECT count(*) FROM v_findings").getInt(), 13) << from;
        EXPECT_EQ(check.execAndGet("SELECT from_snapshot || ' ' || snapshot FROM v_findings WHERE id = 'F01'")
                      .getString(), "2019-06 2020-07") << from;
        // 0007: the snapshot's totals, counted from its spans on open (before 0006, company presence had a
        // table of its own, which this test leaves empty).
        EXPECT_EQ(check.execAndGet("SELECT companies || '/' || certificates FROM snapshot_total").getString(),
                  from >= 6 ? "1/1" : from >= 2 ? "0/1" : "0/0") << from;
    }
}

// A file an older hds wrote also holds that hds's views, which read the tables of its version. A later
// migration that drops a table (0009 drops finding_company) or alters one (0011 drops a column, and SQLite
// then checks every view of the schema) must not fail on them: 1M-row databases of version 6 could not be
// opened ("error in view v_finding_company: no such table: main.finding_company").
TEST(migrations, the_views_an_older_hds_installed_do_not_stop_the_migration)
{
    for (int from = 1; from < hds::database::schema_version_supported(); ++from) {
        temp_dir dir;
        const auto path = dir.path() / "hds.db";
        {
            SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            hds::store::migrate(old, from);
            // A view over each table of that version, as the views of its hds were.
            std::vector<std::string> tables;
            SQLite::Statement list(old, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%'");
            while (list.executeStep()) tables.push_back(list.getColumn(0).getString());
            for (const auto& table : tables)
                old.exec("CREATE VIEW \"v_old_" + table + "\" AS SELECT * FROM \"" + table + "\"");
            old.exec("INSERT INTO company (id, key, display_name) VALUES (7, 'ebrc', 'EBRC')");
        }
        EXPECT_NO_THROW(hds::database::open(path, hds::open_mode::existing)) << "from " << from;
        SQLite::Database check(path.string());
        EXPECT_EQ(check.execAndGet("PRAGMA user_version").getInt(), hds::database::schema_version_supported())
            << "from " << from;
        // The old views are gone, the current ones are installed, and the data is kept.
        EXPECT_EQ(check.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'v_old_%'").getInt(), 0)
            << "from " << from;
        EXPECT_EQ(check.execAndGet("SELECT count(*) FROM v_findings").getInt(), 13) << "from " << from;
        EXPECT_EQ(check.execAndGet("SELECT display_name FROM company WHERE id = 7").getString(), "EBRC")
            << "from " << from;
    }
}

TEST(migrations, opening_an_up_to_date_file_does_not_change_its_bytes)
{
    temp_dir dir;
    const auto path = dir.path() / "hds.db";
    hds::database::open(path);
    const std::string before = read_bytes(path);
    hds::database::open(path, hds::open_mode::existing);
    EXPECT_EQ(read_bytes(path), before);
}

TEST(migrations, refuses_a_file_from_a_newer_hds)
{
    temp_dir dir;
    const auto path = dir.path() / "hds.db";
    {
        SQLite::Database newer(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        newer.exec("PRAGMA user_version = 999");
    }
    try {
        hds::database::open(path);
        FAIL() << "no error";
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::database);
        EXPECT_EQ(e.what(), path.string() + ": schema version 999 is newer than this hds knows (" +
                                std::to_string(hds::database::schema_version_supported()) + "); upgrade hds");
    }
}

TEST(migrations, refuses_a_file_that_is_not_sqlite)
{
    temp_dir dir;
    const auto path = dir.write("notes.db", "these are not the tables you are looking for\n");
    try {
        hds::database::open(path);
        FAIL() << "no error";
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::database);
        EXPECT_EQ(std::string(e.what()), path.string() + ": file is not a database");
    }
}

TEST(migrations, a_missing_file_is_not_created_for_reading)
{
    temp_dir dir;
    EXPECT_THROW(hds::database::open(dir.path() / "none.db", hds::open_mode::existing), hds::error);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "none.db"));
}

// The certificate_type enum names by id what the reference data holds: the codes must agree; and each type
// covers what ingest reads back for it.
TEST(migrations, reference_data_agrees_with_the_enums)
{
    temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    SQLite::Database& sql = db.internal().db;
    for (auto type : {hds::certificate_type::physical_infrastructure, hds::certificate_type::managed_hosting}) {
        SQLite::Statement code(sql, "SELECT code FROM certificate_type WHERE id = ?");
        code.bind(1, static_cast<int>(type));
        ASSERT_TRUE(code.executeStep());
        EXPECT_EQ(code.getColumn(0).getString(), hds::code_of(type));
    }
    const hds::certificate_types types = hds::store::read_certificate_types(sql);
    EXPECT_EQ(types.activities_of(hds::certificate_type::physical_infrastructure).numbers(), (std::vector<int>{1, 2}));
    EXPECT_EQ(types.activities_of(hds::certificate_type::managed_hosting).numbers(), (std::vector<int>{3, 4, 5, 6}));
    EXPECT_EQ(hds::activity_by_code(db, "virtual_infrastructure"), hds::activity{4});
    EXPECT_EQ(hds::activity_by_code(db, "backup"), hds::activity{6});
    EXPECT_THROW((void)hds::activity_by_code(db, "storage"), hds::error);
}

TEST(migrations, foreign_keys_are_enforced)
{
    temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    SQLite::Database& sql = db.internal().db;
    EXPECT_THROW(sql.exec("INSERT INTO certificate (company_id, certificate_type, activities) VALUES (42, 1, 1)"),
                 SQLite::Exception);
}

} // namespace
