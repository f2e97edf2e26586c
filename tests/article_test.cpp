// The article's database, built by data/build-db with the real `hds` binary, read three ways: the C++ API,
// the command line's JSON and plain SQL on the views. All three must agree.
#include <cstdio>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "hds/breakdown.hpp"
#include "hds/findings.hpp"
#include "test_support.hpp"

namespace {

using hds::testing_support::temp_dir;

struct run_result {
    int code = -1;
    std::string out;
};

run_result run(const std::string& command)
{
    run_result result;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return result;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
    const int status = pclose(pipe);
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

class article : public ::testing::Test {
protected:
    article() : db_path_(dir_.path() / "hds.db")
    {
        const auto built = run("HDS='" HDS_CLI "' '" HDS_DATA_DIR "/build-db' '" + db_path_.string() + "' 2>&1");
        EXPECT_EQ(built.code, 0) << built.out;
    }
    nlohmann::json cli_json(const std::string& arguments, int expected_code = 0)
    {
        const auto result = run("'" HDS_CLI "' " + arguments + " --format json");
        EXPECT_EQ(result.code, expected_code) << arguments;
        return nlohmann::json::parse(result.out);
    }
    temp_dir dir_;
    std::filesystem::path db_path_;
};

TEST_F(article, build_db_then_findings_all_hold_and_each_view_says_the_same)
{
    const auto report = cli_json("findings '" + db_path_.string() + "'");
    EXPECT_EQ(report["holds"], true);
    EXPECT_EQ(report["summary"], "12 of 12 findings on the lists hold; reference data agrees with F13");
    ASSERT_EQ(report["findings"].size(), 13U);
    // v_findings, as a SQLite browser shows it, says the same of each.
    SQLite::Database db(db_path_.string());
    SQLite::Statement view(db, "SELECT actual, status, holds, kind FROM v_findings WHERE id = ?");
    for (const auto& f : report["findings"]) {
        EXPECT_EQ(f["holds"], true) << f.dump();
        EXPECT_EQ(f["status"], "holds") << f.dump();
        EXPECT_EQ(f["kind"], f["id"] == "F13" ? "reference" : "list") << f.dump();
        EXPECT_EQ(f["from_snapshot"], f["id"] == "F01" ? nlohmann::json("2019-06") : nlohmann::json(nullptr)) << f.dump();
        view.bind(1, f["id"].get<std::string>());
        ASSERT_TRUE(view.executeStep()) << f.dump();
        EXPECT_EQ(view.getColumn(0).getString(), f["actual"].get<std::string>()) << f.dump();
        EXPECT_EQ(view.getColumn(1).getString(), "holds") << f.dump();
        EXPECT_EQ(view.getColumn(2).getInt(), 1) << f.dump();
        EXPECT_EQ(view.getColumn(3).getString(), f["kind"].get<std::string>()) << f.dump();
        view.reset();
    }
}

// What people read first: the summary line, the findings on the lists apart from the reference data's F13.
TEST_F(article, findings_table_starts_with_the_summary_line)
{
    const auto table = run("'" HDS_CLI "' findings '" + db_path_.string() + "'");
    EXPECT_EQ(table.code, 0) << table.out;
    EXPECT_EQ(table.out.substr(0, table.out.find('\n')),
              "12 of 12 findings on the lists hold; reference data agrees with F13");
}

// F01 compares June 2019 with July 2020 by name: a list ingested on 15 January 2020, between the two, does
// not become its "before" (it did: "104 → 104"), and the findings still all hold.
TEST_F(article, a_snapshot_between_june_2019_and_july_2020_leaves_f01_alone)
{
    const auto ingested = run("'" HDS_CLI "' ingest '" + db_path_.string() + "' '" HDS_DATA_DIR
                              "/registry-2020-07.csv' --date 2020-01-15 2>&1");
    ASSERT_EQ(ingested.code, 0) << ingested.out;
    const auto report = cli_json("findings '" + db_path_.string() + "'");
    EXPECT_EQ(report["holds"], true) << report.dump();
    EXPECT_EQ(report["findings"][0]["id"], "F01");
    EXPECT_EQ(report["findings"][0]["actual"], "19 → 104");
    EXPECT_EQ(report["findings"][0]["holds"], true);
    EXPECT_EQ(report["summary"], "12 of 12 findings on the lists hold; reference data agrees with F13");
}

TEST_F(article, build_db_is_idempotent)
{
    const auto again = run("HDS='" HDS_CLI "' '" HDS_DATA_DIR "/build-db' '" + db_path_.string() + "' 2>&1");
    EXPECT_EQ(again.code, 0) << again.out;
    EXPECT_EQ(cli_json("snapshots '" + db_path_.string() + "'").size(), 2U);
}

// The same breakdown through the C++ API, the CLI's JSON and a plain SELECT on v_breakdown.
TEST_F(article, breakdown_agrees_across_api_cli_and_sql)
{
    auto db = hds::database::open(db_path_, hds::open_mode::existing);
    const auto snapshot = hds::resolve_snapshot(db, "2020-07");
    SQLite::Database sql(db_path_.string());
    for (const char* name : {"activity", "nationality", "positioning", "certifier", "certificate-type",
                             "activity-count"}) {
        const auto api = hds::breakdown(db, snapshot, hds::parse_dimension(name));
        const auto cli = cli_json("breakdown '" + db_path_.string() + "' --by " + name + " --snapshot 2020-07");
        EXPECT_EQ(cli["total"], api.total) << name;
        ASSERT_EQ(cli["rows"].size(), api.rows.size()) << name;
        SQLite::Statement select(sql, "SELECT key, count, share FROM v_breakdown WHERE snapshot_date = '2020-07-31' "
                                      "AND dimension = ?");
        select.bind(1, name);
        std::size_t sql_rows = 0;
        while (select.executeStep()) {
            ++sql_rows;
            const auto key = select.getColumn(0).isNull() ? std::optional<std::string>{} : select.getColumn(0).getString();
            std::size_t matched = 0;
            for (std::size_t i = 0; i < api.rows.size(); ++i) {
                if (api.rows[i].key != key) continue;
                ++matched;
                EXPECT_EQ(api.rows[i].count, static_cast<std::size_t>(select.getColumn(1).getInt64())) << name;
                EXPECT_DOUBLE_EQ(api.rows[i].share, select.getColumn(2).getDouble()) << name;
                EXPECT_EQ(cli["rows"][i]["key"], key ? nlohmann::json(*key) : nlohmann::json(nullptr)) << name;
                EXPECT_EQ(cli["rows"][i]["count"], api.rows[i].count) << name;
                EXPECT_DOUBLE_EQ(cli["rows"][i]["share"].get<double>(), api.rows[i].share) << name;
            }
            EXPECT_EQ(matched, 1U) << name;
        }
        EXPECT_EQ(sql_rows, api.rows.size()) << name;
    }
}

} // namespace
