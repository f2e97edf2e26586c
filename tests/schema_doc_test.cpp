#include <set>
#include <string>
#include <utility>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "hds/database.hpp"
#include "hds/schema_doc.hpp"
#include "test_support.hpp"

namespace {

using hds::testing_support::temp_dir;
using entry = std::pair<std::string, std::string>; // object, column ("" for the object itself)

/// Every table and view of a freshly migrated database, and each of their columns, read from SQLite itself.
std::set<entry> schema_of(const std::filesystem::path& path)
{
    SQLite::Database sql(path.string());
    SQLite::Statement query(sql, "SELECT m.name, '' FROM sqlite_schema m WHERE m.type IN ('table', 'view') "
                                 "AND m.name NOT LIKE 'sqlite_%' "
                                 "UNION ALL SELECT m.name, p.name FROM sqlite_schema m "
                                 "JOIN pragma_table_info(m.name) p WHERE m.type IN ('table', 'view') "
                                 "AND m.name NOT LIKE 'sqlite_%'");
    std::set<entry> out;
    while (query.executeStep()) out.emplace(query.getColumn(0).getString(), query.getColumn(1).getString());
    return out;
}

class schema_doc_test : public ::testing::Test {
protected:
    temp_dir dir_;
    std::filesystem::path path_ = dir_.path() / "hds.db";
};

TEST_F(schema_doc_test, describes_every_table_view_and_column)
{
    auto db = hds::database::open(path_);
    std::set<entry> described;
    for (const auto& d : hds::schema_doc(db)) {
        EXPECT_FALSE(d.description.empty()) << d.object << "." << d.column.value_or("");
        described.emplace(d.object, d.column.value_or(""));
    }
    const auto schema = schema_of(path_);
    ASSERT_GT(schema.size(), 280U); // the schema was read: some forty-five tables and views and their columns
    for (const auto& [object, column] : schema)
        EXPECT_TRUE(described.count({object, column}) == 1)
            << (column.empty() ? object : object + "." + column) << " has no description in sql/doc/schema_doc.sql";
    // And nothing described that the schema lacks (a misspelt name would document nothing).
    for (const auto& [object, column] : described)
        EXPECT_TRUE(schema.count({object, column}) == 1) << object << "." << column << " is described but does not exist";
}

TEST_F(schema_doc_test, lists_the_object_first_then_its_columns_in_their_order)
{
    auto db = hds::database::open(path_);
    std::vector<std::string> columns;
    bool object_first = false;
    for (const auto& d : hds::schema_doc(db)) {
        if (d.object != "v_snapshot_company") continue;
        if (!d.column) object_first = columns.empty();
        else columns.push_back(*d.column);
        EXPECT_TRUE(d.is_view);
    }
    EXPECT_TRUE(object_first);
    // Readable columns first, keys and bits last (issue 10).
    ASSERT_GE(columns.size(), 5U);
    EXPECT_EQ(columns[0], "snapshot_date");
    EXPECT_EQ(columns[1], "company");
    EXPECT_EQ(columns.back(), "activities");
}

TEST_F(schema_doc_test, a_missing_description_is_refused)
{
    auto db = hds::database::open(path_);
    SQLite::Database sql(path_.string(), SQLite::OPEN_READWRITE);
    EXPECT_THROW(sql.exec("INSERT INTO schema_doc (object, \"column\", description) VALUES ('company', 'x', '')"),
                 SQLite::Exception);
    EXPECT_THROW(sql.exec("INSERT INTO schema_doc (object, \"column\", description) VALUES ('company', NULL, 'again')"),
                 SQLite::Exception);
}

TEST_F(schema_doc_test, no_view_exposes_an_internal_sort_key)
{
    auto db = hds::database::open(path_);
    for (const auto& [object, column] : schema_of(path_)) EXPECT_NE(column, "sort") << object;
}

} // namespace
