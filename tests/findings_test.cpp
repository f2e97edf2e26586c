#include <set>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "company_key.hpp"
#include "hds/annotate.hpp"
#include "hds/findings.hpp"
#include "hds/ingest.hpp"
#include "hds/log.hpp"
#include "test_support.hpp"

namespace {

using hds::testing_support::read_bytes;
using hds::testing_support::temp_dir;

const std::filesystem::path data_dir = HDS_DATA_DIR;

// The article's database, built from data/ the way data/build-db does, with the 2020 list's bytes passed
// through `alter` first.
class article_database {
public:
    template <typename Alter>
    explicit article_database(Alter alter)
    {
        hds::set_log_level(hds::log_level::error);
        const auto list_2020 = dir_.write("registry-2020-07.csv", alter(read_bytes(data_dir / "registry-2020-07.csv")));
        db_path_ = dir_.path() / "hds.db";
        auto db = hds::database::open(db_path_);
        hds::ingest_snapshot(db, {data_dir / "registry-2019-06.csv"}, {.date = "2019-06-30"});
        hds::ingest_snapshot(db, {list_2020}, {.date = "2020-07-31"});
        hds::annotate(db, data_dir / "annotations.csv");
    }
    article_database() : article_database([](std::string bytes) { return bytes; }) {}

    hds::findings_report findings()
    {
        auto db = hds::database::open(db_path_, hds::open_mode::existing);
        return hds::check_findings(db);
    }
    std::set<std::string> failing()
    {
        std::set<std::string> ids;
        for (const auto& f : findings().findings)
            if (!f.holds) ids.insert(f.id);
        return ids;
    }
    [[nodiscard]] const std::filesystem::path& path() const { return db_path_; }

private:
    temp_dir dir_;
    std::filesystem::path db_path_;
};

// Replaces the one occurrence of `from` in `bytes` (the test fails if there is not exactly one).
std::string replace_once(std::string bytes, const std::string& from, const std::string& to)
{
    const auto at = bytes.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    EXPECT_EQ(bytes.find(from, at + 1), std::string::npos) << from;
    if (at != std::string::npos) bytes.replace(at, from.size(), to);
    return bytes;
}

// Removes every line that contains `marker`.
std::string drop_lines(const std::string& bytes, const std::string& marker)
{
    std::string out;
    std::size_t start = 0, dropped = 0;
    while (start < bytes.size()) {
        const auto end = bytes.find('\n', start);
        const auto line = bytes.substr(start, end == std::string::npos ? std::string::npos : end - start + 1);
        if (line.find(marker) == std::string::npos) out += line;
        else ++dropped;
        start = end == std::string::npos ? bytes.size() : end + 1;
    }
    EXPECT_GT(dropped, 0U) << marker;
    return out;
}

TEST(findings, all_hold_on_the_bundled_data)
{
    article_database article;
    const auto report = article.findings();
    ASSERT_EQ(report.findings.size(), 13U);
    for (const auto& f : report.findings)
        EXPECT_TRUE(f.holds) << f.id << ": expected " << f.expected << ", actual " << f.actual;
    EXPECT_TRUE(report.holds);
    EXPECT_EQ(report.findings[0].actual, "19 → 104");
    EXPECT_EQ(report.findings[1].actual, "0.337");
    EXPECT_EQ(report.findings[1].comparison, "within 0.05");
}

// Dropping one French software publisher (all six activities) moves the company count, the share with all
// six activities, the activity shares and the French count — and nothing else.
TEST(findings, dropping_a_french_company_breaks_exactly_the_counts_that_include_it)
{
    article_database article([](std::string bytes) { return drop_lines(bytes, "diteur exemple 08;"); });
    EXPECT_EQ(article.failing(), (std::set<std::string>{"F01", "F06", "F08", "F10"}));
}

TEST(findings, removing_one_company_s_activity_4_breaks_the_all_six_and_activity_shares)
{
    article_database article([](std::string bytes) {
        return replace_once(bytes, "bergeur exemple 05;H\xe9" "bergeur infog\xe9reur;3, 4, 5, 6;",
                            "bergeur exemple 05;H\xe9" "bergeur infog\xe9reur;3, 5, 6;");
    });
    EXPECT_EQ(article.failing(), (std::set<std::string>{"F06", "F08"}));
}

TEST(findings, changing_ivbar_s_activities_breaks_only_the_single_activity_finding)
{
    article_database article([](std::string bytes) {
        return replace_once(bytes, "Ivbar;H\xe9" "bergeur infog\xe9reur;5;", "Ivbar;H\xe9" "bergeur infog\xe9reur;5, 6;");
    });
    EXPECT_EQ(article.failing(), (std::set<std::string>{"F07"}));
}

// Each finding's view, read with plain SQL as a SQLite browser would, gives what check_findings reports.
TEST(findings, each_view_read_directly_gives_the_reported_value)
{
    article_database article;
    const auto report = article.findings();
    SQLite::Database db(article.path().string());
    for (const auto& f : report.findings) {
        SQLite::Statement query(db, "SELECT actual FROM " + f.view +
                                        (f.snapshot ? " WHERE substr(snapshot_date, 1, 7) = ?" : ""));
        if (f.snapshot) query.bind(1, *f.snapshot);
        ASSERT_TRUE(query.executeStep()) << f.view;
        EXPECT_EQ(query.getColumn(0).getString(), f.actual) << f.id;
    }
}

// The keys written into finding_company by migration 0004 are the library's keys of the article's names.
TEST(findings, named_companies_carry_the_library_s_key)
{
    temp_dir dir;
    hds::database::open(dir.path() / "hds.db");
    SQLite::Database sql((dir.path() / "hds.db").string());
    SQLite::Statement query(sql, "SELECT name, key FROM finding_company");
    int rows = 0;
    while (query.executeStep()) {
        EXPECT_EQ(hds::company_key(query.getColumn(0).getString()), query.getColumn(1).getString());
        ++rows;
    }
    EXPECT_EQ(rows, 27);
}

TEST(findings, a_database_without_the_article_s_snapshots_holds_only_the_reference_data_finding)
{
    temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    const auto report = hds::check_findings(db);
    EXPECT_FALSE(report.holds);
    for (const auto& f : report.findings) {
        EXPECT_EQ(f.holds, f.id == "F13") << f.id;
        if (f.id != "F13") {
            EXPECT_EQ(f.actual, "no snapshot");
        }
    }
}

} // namespace
