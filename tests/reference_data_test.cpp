// Activity numbering lives in the reference data alone: renumber it in the database and ingest, breakdown
// labels, the findings and the certificate types' ranges all follow, with no number fixed in code.
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "hds/breakdown.hpp"
#include "hds/database.hpp"
#include "hds/error.hpp"
#include "hds/ingest.hpp"
#include "hds/reference_data.hpp"
#include "hds/snapshots.hpp"
#include "store/connection.hpp"
#include "test_support.hpp"

namespace {

using hds::testing_support::temp_dir;

// Gives activities `a` and `b` each other's number, in table activity and everywhere it is referenced.
void swap_numbers(hds::database& db, int a, int b)
{
    SQLite::Database& sql = db.internal().db;
    SQLite::Transaction transaction(sql);
    sql.exec("PRAGMA defer_foreign_keys = ON");
    sql.exec("CREATE TEMP TABLE moved AS SELECT * FROM activity WHERE number IN (" + std::to_string(a) + ", " +
             std::to_string(b) + ")");
    sql.exec("DELETE FROM activity WHERE number IN (SELECT number FROM moved)");
    const std::string swap = "CASE number WHEN " + std::to_string(a) + " THEN " + std::to_string(b) + " ELSE " +
                             std::to_string(a) + " END";
    sql.exec("INSERT INTO activity SELECT " + swap + ", code, certificate_type, label_fr, label_en, decree_text_fr, "
             "source FROM moved");
    sql.exec("UPDATE activity_header SET activity = CASE activity WHEN " + std::to_string(a) + " THEN " +
             std::to_string(b) + " ELSE " + std::to_string(a) + " END WHERE activity IN (" + std::to_string(a) + ", " +
             std::to_string(b) + ")");
    sql.exec("DROP TABLE moved");
    transaction.commit();
}

std::string label_of(const hds::breakdown_result& result, const std::string& key)
{
    for (const auto& row : result.rows)
        if (row.key == key) return row.label + " = " + std::to_string(row.count);
    return "none";
}

// Columns named by label: "Infrastructure virtuelle" is whatever number the database gives it.
const std::string labelled_list = "Société;Sites physiques;Infrastructure matérielle;Plateforme d'hébergement "
                                  "d'applications;Infrastructure virtuelle;Administration et exploitation;Sauvegarde\n"
                                  "Alpha;;;;X;X;\n"
                                  "Beta;;;;X;;\n"
                                  "Gamma;;;X;;;\n";

} // namespace

TEST(reference_data, swapping_3_and_4_is_followed_by_ingest_breakdown_and_f08)
{
    temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    swap_numbers(db, 3, 4);
    EXPECT_EQ(hds::activity_by_code(db, "virtual_infrastructure"), hds::activity{3});

    hds::ingest_snapshot(db, {dir.write("list.csv", labelled_list)}, {.date = "2020-07-31"});
    SQLite::Statement stored(db.internal().db, "SELECT company, activity_list FROM v_snapshot_company ORDER BY company");
    std::vector<std::string> rows;
    while (stored.executeStep()) rows.push_back(stored.getColumn(0).getString() + ": " + stored.getColumn(1).getString());
    EXPECT_EQ(rows, (std::vector<std::string>{"Alpha: 3,5", "Beta: 3", "Gamma: 4"}));

    const auto by_activity = hds::breakdown(db, hds::resolve_snapshot(db, "latest"), hds::dimension::activity);
    EXPECT_EQ(label_of(by_activity, "3"), "Infrastructure virtuelle = 2");
    EXPECT_EQ(label_of(by_activity, "4"), "Plateforme d'hébergement d'applications = 1");

    SQLite::Statement f08(db.internal().db, "SELECT virtual_infrastructure, hardware_infrastructure FROM v_activity_share");
    ASSERT_TRUE(f08.executeStep());
    EXPECT_EQ(f08.getColumn(0).getInt(), 2);
    EXPECT_EQ(f08.getColumn(1).getInt(), 0);
}

// Across certificate types: with 2 and 3 swapped, the physical infrastructure certificate covers 1 and 3.
TEST(reference_data, certificate_types_cover_what_the_activity_table_says)
{
    temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    swap_numbers(db, 2, 3);
    hds::ingest_snapshot(db,
                         {dir.write("types.csv", "Société;Type de certificat\n"
                                                 "Alpha;Hébergeur d'infrastructure physique\n"),
                          dir.write("activities.csv", "Société;Type de certificat;Activités\n"
                                                      "Beta;Hébergeur infogéreur;2, 4\n")},
                         {.date = "2020-07-31"});
    SQLite::Statement stored(db.internal().db, "SELECT company, activity_list FROM v_snapshot_company ORDER BY company");
    std::vector<std::string> rows;
    while (stored.executeStep()) rows.push_back(stored.getColumn(0).getString() + ": " + stored.getColumn(1).getString());
    EXPECT_EQ(rows, (std::vector<std::string>{"Alpha: 1,3", "Beta: 2,4"}));

    try {
        hds::ingest_snapshot(db, {dir.write("bad.csv", "Société;Type de certificat;Activités\n"
                                                       "Gamma;Hébergeur infogéreur;3\n")},
                             {.date = "2020-08-31"});
        FAIL() << "activity 3 is now the hardware infrastructure";
    } catch (const hds::error& e) {
        EXPECT_EQ(std::string(e.what()), std::string(dir.path() / "bad.csv") +
                                             ":2: activity 3 is not covered by a \"Hébergeur infogéreur\" certificate "
                                             "(activities 2,4,5,6)");
    }
}
