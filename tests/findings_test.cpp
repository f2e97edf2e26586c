#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "hds/annotate.hpp"
#include "hds/findings.hpp"
#include "hds/ingest.hpp"
#include "hds/log.hpp"
#include "queries/row_mapping.hpp"
#include "test_support.hpp"

namespace {

using hds::testing_support::read_bytes;
using hds::testing_support::temp_dir;

const std::filesystem::path data_dir = HDS_DATA_DIR;

// The article's database, built from data/ the way data/build-db does, with the 2020 list's bytes passed
// through `alter` first; the 2019 list is ingested on `date_2019`, then each of `extra` (bytes, date).
class article_database {
public:
    template <typename Alter>
    article_database(Alter alter, const std::string& date_2019,
                     const std::vector<std::pair<std::string, std::string>>& extra = {})
    {
        hds::set_log_level(hds::log_level::error);
        const auto list_2020 = dir_.write("registry-2020-07.csv", alter(read_bytes(data_dir / "registry-2020-07.csv")));
        db_path_ = dir_.path() / "hds.db";
        auto db = hds::database::open(db_path_);
        hds::ingest_snapshot(db, {data_dir / "registry-2019-06.csv"}, {.date = date_2019});
        hds::ingest_snapshot(db, {list_2020}, {.date = "2020-07-31"});
        for (const auto& [bytes, date] : extra)
            hds::ingest_snapshot(db, {dir_.write("registry-" + date + ".csv", bytes)}, {.date = date});
        hds::annotate(db, data_dir / "annotations.csv");
    }
    template <typename Alter>
    explicit article_database(Alter alter) : article_database(alter, "2019-06-30") {}
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
    hds::finding finding(const std::string& id)
    {
        for (auto& f : findings().findings)
            if (f.id == id) return f;
        ADD_FAILURE() << "no finding " << id;
        return {};
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
    for (const auto& f : report.findings) {
        EXPECT_TRUE(f.holds) << f.id << ": expected " << f.expected << ", actual " << f.actual;
        EXPECT_EQ(f.status, "holds") << f.id;
        EXPECT_EQ(f.kind, f.id == "F13" ? "reference" : "list") << f.id;
    }
    EXPECT_TRUE(report.holds);
    EXPECT_EQ(report.findings[0].actual, "19 → 104");
    EXPECT_EQ(report.findings[0].from_snapshot, "2019-06");
    EXPECT_EQ(report.findings[0].snapshot, "2020-07");
    EXPECT_EQ(report.findings[1].actual, "0.337");
    EXPECT_EQ(report.findings[1].from_snapshot, std::nullopt);
    EXPECT_EQ(report.findings[1].comparison, "within 0.05");
    EXPECT_EQ(report.findings[12].snapshot, std::nullopt);
}

// F01 reads June 2019 and July 2020 by name: a snapshot between them (18 companies, 15 January 2020) is not
// "the snapshot before" July 2020 for it.
TEST(findings, f01_compares_june_2019_whatever_snapshot_lies_between)
{
    // The June 2019 list without its first company (all its rows): 18 companies.
    const std::string list_2019 = read_bytes(data_dir / "registry-2019-06.csv");
    const auto first_row = list_2019.find('\n') + 1;
    const std::string first_company = list_2019.substr(first_row, list_2019.find(';', first_row) - first_row);
    std::string list_2020_01;
    for (std::size_t start = 0; start < list_2019.size();) {
        const auto end = std::min(list_2019.find('\n', start), list_2019.size() - 1) + 1;
        if (list_2019.compare(start, first_company.size() + 1, first_company + ";") != 0)
            list_2020_01 += list_2019.substr(start, end - start);
        start = end;
    }
    article_database article([](std::string bytes) { return bytes; }, "2019-06-30", {{list_2020_01, "2020-01-15"}});
    const auto f01 = article.finding("F01");
    EXPECT_EQ(f01.actual, "19 → 104");
    EXPECT_TRUE(f01.holds);
    EXPECT_EQ(f01.status, "holds");
    EXPECT_EQ(article.failing(), std::set<std::string>{});
    // The snapshot between is there, and the growth view has its pairs too.
    SQLite::Database db(article.path().string());
    EXPECT_EQ(db.execAndGet("SELECT actual FROM v_company_growth WHERE from_date = '2020-01-15' "
                            "AND snapshot_date = '2020-07-31'").getString(),
              "18 → 104");
}

// Without a June 2019 snapshot (the 2019 list ingested as of 1 March 2017), F01 has nothing to compare:
// it reports "no snapshot", neither holding nor failing, and the findings of July 2020 alone still hold.
TEST(findings, f01_has_no_snapshot_without_june_2019)
{
    article_database article([](std::string bytes) { return bytes; }, "2017-03-01");
    const auto report = article.findings();
    for (const auto& f : report.findings) {
        if (f.id == "F01") {
            EXPECT_FALSE(f.holds);
            EXPECT_TRUE(f.no_snapshot());
            EXPECT_EQ(f.status, "no snapshot");
            EXPECT_EQ(f.actual, "no snapshot for 2019-06");
        } else {
            EXPECT_TRUE(f.holds) << f.id << ": " << f.actual;
        }
    }
    EXPECT_TRUE(report.holds); // a missing month does not make the check fail (cli-contract.md)
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

// View v_findings, read with plain SQL as a SQLite browser would, gives what check_findings reports, finding by
// finding: it is generated from the same set's files, with the same rule for the snapshot of a month.
void expect_view_matches(const std::filesystem::path& path, const hds::findings_report& report)
{
    SQLite::Database db(path.string());
    SQLite::Statement query(db, "SELECT id, kind, statement, from_snapshot, from_date, snapshot, snapshot_date, "
                                "file, expected, actual, comparison, status, holds FROM v_findings ORDER BY id");
    std::size_t i = 0;
    for (; query.executeStep(); ++i) {
        ASSERT_LT(i, report.findings.size());
        const auto& f = report.findings[i];
        EXPECT_EQ(query.getColumn(0).getString(), f.id);
        EXPECT_EQ(query.getColumn(1).getString(), f.kind) << f.id;
        EXPECT_EQ(query.getColumn(2).getString(), f.statement) << f.id;
        EXPECT_EQ(hds::queries::optional_text(query.getColumn(3)), f.from_snapshot) << f.id;
        EXPECT_EQ(hds::queries::optional_text(query.getColumn(4)), f.from_date) << f.id;
        EXPECT_EQ(hds::queries::optional_text(query.getColumn(5)), f.snapshot) << f.id;
        EXPECT_EQ(hds::queries::optional_text(query.getColumn(6)), f.snapshot_date) << f.id;
        EXPECT_EQ(query.getColumn(7).getString(), f.file) << f.id;
        EXPECT_EQ(query.getColumn(8).getString(), f.expected) << f.id;
        EXPECT_EQ(query.getColumn(9).getString(), f.actual) << f.id;
        EXPECT_EQ(query.getColumn(10).getString(), f.comparison) << f.id;
        EXPECT_EQ(query.getColumn(11).getString(), f.status) << f.id;
        if (f.no_snapshot()) EXPECT_TRUE(query.getColumn(12).isNull()) << f.id;
        else EXPECT_EQ(query.getColumn(12).getInt() != 0, f.holds) << f.id;
    }
    EXPECT_EQ(i, report.findings.size());
}

TEST(findings, v_findings_read_directly_gives_the_reported_values)
{
    article_database article;
    expect_view_matches(article.path(), article.findings());
}

// The same where findings fail and where a month has no snapshot: the view's rules are check_findings' rules.
TEST(findings, v_findings_agrees_where_findings_fail_or_have_no_snapshot)
{
    article_database failing([](std::string bytes) { return drop_lines(bytes, "diteur exemple 08;"); });
    const auto report = failing.findings();
    EXPECT_FALSE(report.holds);
    expect_view_matches(failing.path(), report);

    article_database without_june([](std::string bytes) { return bytes; }, "2017-03-01");
    expect_view_matches(without_june.path(), without_june.findings());
}

// On a database without a snapshot, each finding on the lists says so (neither holds nor fails); F13, the
// check of the reference data, is apart (kind "reference") and holds: it reads no list.
TEST(findings, a_database_without_snapshots_has_no_snapshot_for_the_list_findings_and_f13_apart)
{
    temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    const auto report = hds::check_findings(db);
    ASSERT_EQ(report.findings.size(), 13U);
    EXPECT_TRUE(report.holds);
    for (const auto& f : report.findings) {
        if (f.id == "F13") {
            EXPECT_EQ(f.kind, "reference");
            EXPECT_TRUE(f.reads_reference_data());
            EXPECT_TRUE(f.holds);
            EXPECT_EQ(f.status, "holds");
        } else {
            EXPECT_EQ(f.kind, "list") << f.id;
            EXPECT_FALSE(f.holds) << f.id;
            EXPECT_EQ(f.status, "no snapshot") << f.id;
            EXPECT_EQ(f.actual, "no snapshot for " + std::string(f.id == "F01" ? "2019-06" : "2020-07")) << f.id;
        }
    }
}

} // namespace
