// The `hds` command line, run as a real process against databases built here from small registry files
// whose answers are worked out by hand below (docs: cli-contract.md).
#include <gtest/gtest.h>

#include "cli_fixture.hpp"
#include "process.hpp"
#include "text.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace hds::testing_process;
using namespace hds::testing_cli;

/// Each code point of UTF-8 text; for the Latin letters used here, one per terminal column.
std::u32string code_points(const std::string& utf8)
{
    std::u32string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        const std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        char32_t cp = length == 1 ? byte : byte & (0x3FU >> (length - 1));
        for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3FU);
        out.push_back(cp);
        i += length;
    }
    return out;
}

const json* find_row(const json& rows, const json& key)
{
    for (const auto& row : rows)
        if (row.at("key") == key) return &row;
    return nullptr;
}

std::vector<std::string> names_of(const json& companies)
{
    std::vector<std::string> names;
    for (const auto& c : companies) names.push_back(c.at("name").get<std::string>());
    return names;
}

// --- writing commands ------------------------------------------------------------------------------------

TEST_F(cli, init_creates_the_database_and_is_idempotent)
{
    const run_result first = run({"init", db()});
    EXPECT_EQ(first.code, 0) << describe(first);
    EXPECT_TRUE(fs::exists(db()));
    EXPECT_TRUE(contains(first.out, "schema version")) << first.out;
    const std::string bytes = read_file(db());
    const run_result second = run({"init", db()});
    EXPECT_EQ(second.code, 0) << describe(second);
    EXPECT_EQ(read_file(db()), bytes);
}

TEST_F(cli_registry, ingest_prints_its_summary_on_stdout)
{
    EXPECT_EQ(r1_.out, "snapshot 2020-01-31 ingested: 3 rows read, 3 companies (3 new, 0 unchanged), "
                       "3 certificates, 0 rows rejected, 0 warnings\n");
    EXPECT_EQ(r2_.out, "snapshot 2020-07-31 ingested: 5 rows read, 4 companies (2 new, 1 unchanged), "
                       "5 certificates, 0 rows rejected, 0 warnings\n");
    EXPECT_TRUE(r1_.err.empty()) << r1_.err;
    EXPECT_TRUE(r2_.err.empty()) << r2_.err;
}

TEST_F(cli_registry, ingest_of_the_same_file_again_changes_nothing)
{
    const std::string before = read_file(db());
    const run_result r = run({"ingest", db(), s2_, "--date", "2020-07-31"});
    EXPECT_EQ(r.code, 0) << describe(r);
    EXPECT_TRUE(contains(r.out, "nothing changed")) << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
    EXPECT_EQ(read_file(db()), before);
}

TEST_F(cli_registry, ingest_of_another_file_for_a_known_date_needs_replace)
{
    const std::string before = read_file(db());
    const std::string other = file("other.csv", snapshot_2 + "Eta Cloud;Hébergeur infogéreur;6;LNE;01/01/2020;31/12/2022\n");
    const run_result refused = run({"ingest", db(), other, "--date", "2020-07-31"});
    expect_error(refused, "2020-07-31");
    EXPECT_EQ(read_file(db()), before);

    const run_result replaced = run({"ingest", db(), other, "--date", "2020-07-31", "--replace"});
    EXPECT_EQ(replaced.code, 0) << describe(replaced);
    EXPECT_TRUE(contains(replaced.out, "snapshot 2020-07-31 replaced: 6 rows read, 5 companies")) << replaced.out;
    const json list = run_json({"snapshots", db()});
    ASSERT_EQ(list.size(), 2U);
    EXPECT_EQ(list[1].at("companies"), 5);
}

TEST_F(cli_registry, ingest_of_a_bad_file_fails_with_file_and_line_and_leaves_the_database_as_it_was)
{
    const std::string before = read_file(db());
    const std::string bad = file("bad.csv", registry_header +
                                                "Alpha Cloud;Hébergeur infogéreur;3, 4;LNE;01/02/2020;31/01/2023\n"
                                                "Broken;Hébergeur infogéreur;3, 4;LNE;01/02/2020;not a date\n");
    const run_result r = run({"ingest", db(), bad, "--date", "2021-01-31"});
    expect_error(r, bad + ":3:");
    EXPECT_EQ(read_file(db()), before);
    EXPECT_EQ(run_json({"snapshots", db()}).size(), 2U);
}

TEST_F(cli, failed_ingest_into_a_new_database_leaves_no_file)
{
    const std::string bad = file("bad.csv", registry_header + "Broken;Hébergeur infogéreur;9;LNE;01/02/2020;31/01/2023\n");
    const run_result r = run({"ingest", db(), bad, "--date", "2021-01-31"});
    expect_error(r, bad + ":2:");
    EXPECT_FALSE(fs::exists(db()));
}

TEST_F(cli, skip_bad_rows_ingests_the_others_and_reports_the_rejected_ones)
{
    const std::string bad = file("bad.csv", registry_header +
                                                "Alpha Cloud;Hébergeur infogéreur;3, 4;LNE;01/02/2020;31/01/2023\n"
                                                "Broken;Hébergeur infogéreur;3, 4;LNE;01/02/2020;not a date\n");
    const run_result r = run({"ingest", db(), bad, "--date", "2021-01-31", "--skip-bad-rows"});
    EXPECT_EQ(r.code, 0) << describe(r);
    EXPECT_TRUE(contains(r.out, "2 rows read, 1 company")) << r.out;
    EXPECT_TRUE(contains(r.out, "1 row rejected")) << r.out;
    EXPECT_TRUE(contains(r.out, bad + ":3:")) << r.out;
}

TEST_F(cli, ingest_refuses_a_bad_date_and_a_missing_file)
{
    const std::string good = file("s1.csv", snapshot_1);
    expect_error(run({"ingest", db(), good, "--date", "31/01/2020"}), "31/01/2020");
    expect_error(run({"ingest", db(), path("missing.csv").string(), "--date", "2020-01-31"}), "missing.csv");
    EXPECT_FALSE(fs::exists(db()));
}

TEST_F(cli_registry, annotate_counts_the_companies_and_lists_those_no_snapshot_lists)
{
    EXPECT_TRUE(contains(ra_.out, "4 companies annotated")) << ra_.out;
    EXPECT_TRUE(contains(ra_.out, "1 company not listed by any snapshot yet")) << ra_.out;
    EXPECT_TRUE(contains(ra_.out, "Zeta Unlisted")) << ra_.out;
    EXPECT_FALSE(contains(ra_.out, "Alpha Cloud")) << ra_.out;
    EXPECT_TRUE(ra_.err.empty()) << ra_.err; // listed once, on stdout, not again as log warnings
}

TEST_F(cli_registry, annotate_rejects_an_unknown_positioning_with_file_line_and_the_valid_codes)
{
    const std::string before = read_file(db());
    const std::string bad =
        file("bad-annotations.csv", "company,nationality,positioning\nAlpha Cloud,FR,hosting\nBêta Santé,FR,hospital\n");
    const run_result r = run({"annotate", db(), bad});
    expect_error(r, bad + ":3:");
    EXPECT_TRUE(contains(r.err, "end_user")) << r.err;
    EXPECT_EQ(read_file(db()), before);
}

TEST_F(cli_registry, alias_declares_a_rename_and_refuses_an_unknown_company)
{
    const run_result r = run({"alias", db(), "Alpha Nuage", "Alpha Cloud"});
    EXPECT_EQ(r.code, 0) << describe(r);
    EXPECT_TRUE(contains(r.out, "Alpha Nuage")) << r.out;
    const std::string before = read_file(db());
    expect_error(run({"alias", db(), "Somebody", "Nobody Known"}), "Nobody Known");
    EXPECT_EQ(read_file(db()), before);
}

// --- read commands: JSON shapes and values ---------------------------------------------------------------

TEST_F(cli_registry, snapshots_json)
{
    const json list = run_json({"snapshots", db()});
    ASSERT_TRUE(list.is_array());
    ASSERT_EQ(list.size(), 2U);
    EXPECT_EQ(list[0].at("date"), "2020-01-31");
    EXPECT_EQ(list[0].at("label"), "relevé de janvier");
    EXPECT_EQ(list[0].at("companies"), 3);
    EXPECT_EQ(list[1].at("date"), "2020-07-31");
    EXPECT_TRUE(list[1].at("label").is_null());
    EXPECT_EQ(list[1].at("companies"), 4);

    // sha256 of each file's bytes, as sha256sum computes it.
    const run_result sum = run_program("/usr/bin/sha256sum", {s1_}, dir_);
    ASSERT_EQ(sum.code, 0) << describe(sum);
    const std::string expected = sum.out.substr(0, 64);
    ASSERT_TRUE(list[0].at("sha256").is_array());
    ASSERT_EQ(list[0].at("sha256").size(), 1U);
    EXPECT_EQ(list[0].at("sha256")[0], expected);
}

TEST_F(cli_registry, breakdown_by_activity_has_all_six_rows)
{
    const json b = run_json({"breakdown", db(), "--by", "activity"});
    EXPECT_EQ(b.at("snapshot"), "2020-07-31");
    EXPECT_EQ(b.at("dimension"), "activity");
    EXPECT_EQ(b.at("total"), 4);
    const auto& rows = b.at("rows");
    ASSERT_EQ(rows.size(), 6U);
    // Délta {1,2}, Epsilon {1..6}, Alpha {3,4}, Bêta {4,5,6}.
    const int counts[] = {2, 2, 2, 3, 2, 2};
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_EQ(rows[i].at("key"), std::to_string(i + 1));
        EXPECT_EQ(rows[i].at("count"), counts[i]) << i + 1;
        EXPECT_TRUE(rows[i].at("share").is_number());
        EXPECT_DOUBLE_EQ(rows[i].at("share").get<double>(), counts[i] / 4.0) << i + 1;
        EXPECT_TRUE(rows[i].at("label").is_string());
    }
    EXPECT_EQ(rows[3].at("label"), "Infrastructure virtuelle");
}

TEST_F(cli_registry, breakdown_of_an_earlier_snapshot_by_month)
{
    const json b = run_json({"breakdown", db(), "--by", "activity", "--snapshot", "2020-01"});
    EXPECT_EQ(b.at("snapshot"), "2020-01-31");
    EXPECT_EQ(b.at("total"), 3);
    const auto& rows = b.at("rows");
    ASSERT_EQ(rows.size(), 6U);
    EXPECT_EQ(rows[1].at("count"), 0); // nobody for activity 2, still a row
    EXPECT_DOUBLE_EQ(rows[1].at("share").get<double>(), 0.0);
    EXPECT_EQ(rows[0].at("count"), 1); // Gamma
    EXPECT_DOUBLE_EQ(rows[0].at("share").get<double>(), 0.3333);
}

TEST_F(cli_registry, breakdown_by_nationality_has_a_null_key_for_unknown)
{
    const json b = run_json({"breakdown", db(), "--by", "nationality"});
    EXPECT_EQ(b.at("total"), 4);
    const auto& rows = b.at("rows");
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_EQ(rows[0].at("key"), "FR"); // largest first
    EXPECT_EQ(rows[0].at("count"), 2);
    EXPECT_DOUBLE_EQ(rows[0].at("share").get<double>(), 0.5);
    const json* us = find_row(rows, "US");
    ASSERT_NE(us, nullptr);
    EXPECT_EQ(us->at("count"), 1);
    const json* unknown = find_row(rows, nullptr);
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->at("count"), 1); // Délta Médical
    EXPECT_DOUBLE_EQ(unknown->at("share").get<double>(), 0.25);
}

TEST_F(cli_registry, breakdown_by_positioning_certificate_type_activity_count_and_certifier)
{
    const json positioning = run_json({"breakdown", db(), "--by", "positioning"});
    ASSERT_NE(find_row(positioning.at("rows"), "hosting"), nullptr);
    EXPECT_EQ(find_row(positioning.at("rows"), "hosting")->at("count"), 2);
    ASSERT_NE(find_row(positioning.at("rows"), "end_user"), nullptr);
    EXPECT_EQ(find_row(positioning.at("rows"), "end_user")->at("count"), 1);
    ASSERT_NE(find_row(positioning.at("rows"), nullptr), nullptr);

    const json types = run_json({"breakdown", db(), "--by", "certificate-type"});
    EXPECT_EQ(types.at("dimension"), "certificate-type");
    ASSERT_NE(find_row(types.at("rows"), "managed_hosting"), nullptr);
    EXPECT_EQ(find_row(types.at("rows"), "managed_hosting")->at("count"), 3);
    EXPECT_DOUBLE_EQ(find_row(types.at("rows"), "managed_hosting")->at("share").get<double>(), 0.75);
    ASSERT_NE(find_row(types.at("rows"), "physical_infrastructure"), nullptr);
    EXPECT_EQ(find_row(types.at("rows"), "physical_infrastructure")->at("count"), 2);

    // Alpha {3,4} and Délta {1,2}: 2 activities; Bêta: 3; Epsilon: 6. Only counts above 0.
    const json counts = run_json({"breakdown", db(), "--by", "activity-count"});
    ASSERT_EQ(counts.at("rows").size(), 3U);
    EXPECT_EQ(counts.at("rows")[0].at("key"), "2");
    EXPECT_EQ(counts.at("rows")[0].at("count"), 2);
    EXPECT_EQ(counts.at("rows")[1].at("key"), "3");
    EXPECT_EQ(counts.at("rows")[2].at("key"), "6");

    const json certifiers = run_json({"breakdown", db(), "--by", "certifier"});
    std::set<std::pair<std::string, int>> seen;
    for (const auto& row : certifiers.at("rows"))
        seen.emplace(row.at("label").get<std::string>(), row.at("count").get<int>());
    const std::set<std::pair<std::string, int>> expected = {
        {"AFNOR Certification", 2}, {"Bureau Veritas Certification", 1}, {"LNE", 1}};
    EXPECT_EQ(seen, expected);
}

TEST_F(cli_registry, breakdown_refuses_an_unknown_dimension_and_snapshot)
{
    const run_result dimension = run({"breakdown", db(), "--by", "colour"});
    EXPECT_EQ(dimension.code, 2) << describe(dimension);
    EXPECT_TRUE(contains(dimension.err, "colour")) << dimension.err;
    EXPECT_TRUE(dimension.out.empty());
    expect_error(run({"breakdown", db(), "--by", "activity", "--snapshot", "2019-06"}), "2019-06");
}

TEST_F(cli_registry, companies_json)
{
    const json list = run_json({"companies", db()});
    ASSERT_TRUE(list.is_array());
    EXPECT_EQ(names_of(list),
              (std::vector<std::string>{"Alpha Cloud", "Bêta Santé", "Délta Médical", "Epsilon Data"}));
    ASSERT_EQ(list.size(), 4U);
    EXPECT_EQ(list[0].at("nationality"), "FR");
    EXPECT_EQ(list[0].at("positioning"), "hosting");
    EXPECT_EQ(list[0].at("activities"), json({3, 4}));
    EXPECT_EQ(list[1].at("positioning"), "end_user");
    EXPECT_EQ(list[1].at("activities"), json({4, 5, 6}));
    EXPECT_TRUE(list[2].at("nationality").is_null());
    EXPECT_TRUE(list[2].at("positioning").is_null());
    EXPECT_EQ(list[2].at("activities"), json({1, 2}));
    EXPECT_EQ(list[3].at("nationality"), "US");
    EXPECT_EQ(list[3].at("activities"), json({1, 2, 3, 4, 5, 6}));
}

TEST_F(cli_registry, companies_filters)
{
    struct filter_case {
        std::vector<std::string> flags;
        std::vector<std::string> expected;
    };
    const filter_case cases[] = {
        {{"--activity", "4"}, {"Alpha Cloud", "Bêta Santé", "Epsilon Data"}},
        {{"--activity", "4", "--activity", "5"}, {"Bêta Santé", "Epsilon Data"}},
        {{"--activity", "1", "--activity", "4"}, {"Epsilon Data"}},
        {{"--nationality", "FR"}, {"Alpha Cloud", "Bêta Santé"}},
        {{"--nationality", "fr"}, {"Alpha Cloud", "Bêta Santé"}},
        {{"--positioning", "hosting"}, {"Alpha Cloud", "Epsilon Data"}},
        {{"--nationality", "US", "--activity", "2"}, {"Epsilon Data"}},
        {{"--snapshot", "2020-01-31"}, {"Alpha Cloud", "Bêta Santé", "Gamma Hosting"}},
        {{"--snapshot", "2020-01", "--activity", "1"}, {"Gamma Hosting"}},
        {{"--activity", "2", "--positioning", "end_user"}, {}},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args{"companies", db()};
        args.insert(args.end(), c.flags.begin(), c.flags.end());
        EXPECT_EQ(names_of(run_json(args)), c.expected) << testing::PrintToString(c.flags);
    }
}

TEST_F(cli_registry, companies_refuses_bad_filters)
{
    const run_result activity = run({"companies", db(), "--activity", "7"});
    EXPECT_EQ(activity.code, 2) << describe(activity);
    EXPECT_TRUE(activity.out.empty());
    const run_result positioning = run({"companies", db(), "--positioning", "bogus"});
    expect_error(positioning, "bogus");
    EXPECT_TRUE(contains(positioning.err, "hosting")) << positioning.err; // lists the valid codes
}

TEST_F(cli_registry, diff_json)
{
    const json d = run_json({"diff", db(), "2020-01", "2020-07-31"});
    EXPECT_EQ(d.at("from"), "2020-01-31");
    EXPECT_EQ(d.at("to"), "2020-07-31");

    ASSERT_EQ(d.at("entered").size(), 2U);
    EXPECT_EQ(d.at("entered")[0].at("name"), "Délta Médical");
    EXPECT_EQ(d.at("entered")[0].at("activities"), json({1, 2}));
    EXPECT_EQ(d.at("entered")[1].at("name"), "Epsilon Data");
    EXPECT_EQ(d.at("entered")[1].at("activities"), json({1, 2, 3, 4, 5, 6}));

    ASSERT_EQ(d.at("left").size(), 1U);
    EXPECT_EQ(d.at("left")[0].at("name"), "Gamma Hosting");
    EXPECT_EQ(d.at("left")[0].at("activities"), json({1}));

    ASSERT_EQ(d.at("changed").size(), 1U);
    EXPECT_EQ(d.at("changed")[0].at("name"), "Bêta Santé");
    EXPECT_EQ(d.at("changed")[0].at("added"), json({4}));
    EXPECT_EQ(d.at("changed")[0].at("removed"), json::array());

    // Alpha moved to another body; Bêta renewed by the same one.
    ASSERT_EQ(d.at("certificates").size(), 2U);
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& c : d.at("certificates"))
        seen.emplace(c.at("name").get<std::string>(), c.at("change").get<std::string>());
    const std::set<std::pair<std::string, std::string>> expected = {{"Alpha Cloud", "certifier"},
                                                                    {"Bêta Santé", "renewed"}};
    EXPECT_EQ(seen, expected);
}

TEST_F(cli_registry, diff_backwards_swaps_entered_and_left)
{
    const json d = run_json({"diff", db(), "latest", "2020-01-31"});
    EXPECT_EQ(names_of(d.at("entered")), std::vector<std::string>{"Gamma Hosting"});
    EXPECT_EQ(names_of(d.at("left")), (std::vector<std::string>{"Délta Médical", "Epsilon Data"}));
    ASSERT_EQ(d.at("changed").size(), 1U);
    EXPECT_EQ(d.at("changed")[0].at("added"), json::array());
    EXPECT_EQ(d.at("changed")[0].at("removed"), json({4}));
}

TEST_F(cli_registry, as_of_json)
{
    // Before Gamma's certificate starts (2019-06-01): Alpha (AFNOR) and Bêta (first certificate).
    const json early = run_json({"as-of", db(), "2019-04-01"});
    EXPECT_EQ(early.at("date"), "2019-04-01");
    ASSERT_EQ(early.at("companies").size(), 2U);
    EXPECT_EQ(early.at("companies")[0].at("name"), "Alpha Cloud");
    EXPECT_EQ(early.at("companies")[0].at("activities"), json({3, 4}));
    EXPECT_EQ(early.at("companies")[0].at("valid_to"), "2022-01-31");
    EXPECT_EQ(early.at("companies")[1].at("name"), "Bêta Santé");
    EXPECT_EQ(early.at("companies")[1].at("activities"), json({5, 6}));
    EXPECT_EQ(early.at("companies")[1].at("valid_to"), "2022-03-14");

    // Everyone holds something; Alpha's latest end is LNE's, Bêta's the renewed one.
    const json mid = run_json({"as-of", db(), "2020-06-01"});
    EXPECT_EQ(names_of(mid.at("companies")), (std::vector<std::string>{"Alpha Cloud", "Bêta Santé", "Délta Médical",
                                                                        "Epsilon Data", "Gamma Hosting"}));
    EXPECT_EQ(mid.at("companies")[0].at("valid_to"), "2023-01-31");
    EXPECT_EQ(mid.at("companies")[1].at("activities"), json({4, 5, 6}));
    EXPECT_EQ(mid.at("companies")[1].at("valid_to"), "2023-03-14");

    const json backup = run_json({"as-of", db(), "2020-06-01", "--activity", "1"});
    EXPECT_EQ(names_of(backup.at("companies")),
              (std::vector<std::string>{"Délta Médical", "Epsilon Data", "Gamma Hosting"}));

    // Gamma's certificate ended on 2022-05-31.
    const json late = run_json({"as-of", db(), "2022-06-01"});
    EXPECT_EQ(names_of(late.at("companies")),
              (std::vector<std::string>{"Alpha Cloud", "Bêta Santé", "Délta Médical", "Epsilon Data"}));

    expect_error(run({"as-of", db(), "01/06/2020"}), "01/06/2020");
}

// January and July 2020 but no June 2019: F01, which compares June 2019 with July 2020, has no snapshot
// (and does not fall back on January 2020); the other list findings read July 2020 and fail.
TEST_F(cli_registry, findings_without_the_article_data_exits_1)
{
    const run_result r = run({"findings", db(), "--format", "json"});
    EXPECT_EQ(r.code, 1) << describe(r);
    const json f = json::parse(r.out);
    EXPECT_EQ(f.at("holds"), false);
    ASSERT_TRUE(f.at("findings").is_array());
    ASSERT_FALSE(f.at("findings").empty());
    for (const auto& one : f.at("findings")) {
        EXPECT_TRUE(one.at("id").is_string());
        EXPECT_TRUE(one.at("statement").is_string());
        EXPECT_TRUE(one.at("expected").is_string());
        EXPECT_TRUE(one.at("actual").is_string());
        EXPECT_TRUE(one.at("status").is_string());
        EXPECT_TRUE(one.at("kind").is_string());
        if (one.at("id") == "F01") EXPECT_TRUE(one.at("holds").is_null()) << one.dump();
        else EXPECT_TRUE(one.at("holds").is_boolean()) << one.dump();
    }
    const json& f01 = f.at("findings")[0];
    EXPECT_EQ(f01.at("id"), "F01");
    EXPECT_EQ(f01.at("status"), "no snapshot");
    EXPECT_EQ(f01.at("actual"), "no snapshot for 2019-06");
    EXPECT_EQ(f01.at("from_snapshot"), "2019-06");
    EXPECT_EQ(f01.at("snapshot"), "2020-07");
    EXPECT_TRUE(contains(f.at("summary").get<std::string>(), "; reference data agrees with F13")) << f.dump();

    const run_result table = run({"findings", db()});
    EXPECT_EQ(table.code, 1) << describe(table);
    EXPECT_TRUE(contains(table.out, "F01")) << table.out;
    EXPECT_TRUE(contains(table.out, "2019-06")) << table.out;
}

// An empty database: the twelve findings on the lists have no snapshot (null, neither holding nor failing);
// F13, which reads only the reference data, is reported apart, after the lists' table.
TEST_F(cli, findings_on_an_empty_database_report_no_snapshot_and_the_reference_data_apart)
{
    ASSERT_EQ(run({"init", db()}).code, 0);
    const json f = run_json({"findings", db()});
    EXPECT_EQ(f.at("holds"), true);
    EXPECT_EQ(f.at("summary"), "0 of 12 findings on the lists hold (12 have no snapshot); reference data agrees with F13");
    ASSERT_EQ(f.at("findings").size(), 13U);
    for (const auto& one : f.at("findings")) {
        if (one.at("id") == "F13") {
            EXPECT_EQ(one.at("kind"), "reference");
            EXPECT_EQ(one.at("holds"), true);
            EXPECT_EQ(one.at("status"), "holds");
            EXPECT_TRUE(one.at("snapshot").is_null());
            EXPECT_TRUE(one.at("from_snapshot").is_null());
        } else {
            EXPECT_EQ(one.at("kind"), "list") << one.dump();
            EXPECT_TRUE(one.at("holds").is_null()) << one.dump();
            EXPECT_EQ(one.at("status"), "no snapshot") << one.dump();
            // F01's earlier month is the first it misses.
            EXPECT_EQ(one.at("actual"), one.at("id") == "F01" ? "no snapshot for 2019-06" : "no snapshot for 2020-07")
                << one.dump();
        }
    }

    const run_result table = run({"findings", db()});
    EXPECT_EQ(table.code, 0) << describe(table);
    EXPECT_EQ(table.out.substr(0, table.out.find('\n')),
              "0 of 12 findings on the lists hold (12 have no snapshot); reference data agrees with F13");
    const auto reference = table.out.find("Reference data");
    ASSERT_NE(reference, std::string::npos) << table.out;
    EXPECT_LT(table.out.find("\nF12 "), reference) << table.out;
    EXPECT_GT(table.out.find("\nF13 "), reference) << table.out;

    const run_result csv = run({"findings", db(), "--format", "csv"});
    EXPECT_EQ(csv.code, 0) << describe(csv);
    EXPECT_TRUE(contains(csv.out, "F13,reference,yes,")) << csv.out;
    EXPECT_TRUE(contains(csv.out, "F01,list,,2019-06,2020-07,")) << csv.out;
}

// The later lists' set on a database without a list of April 2022 or February 2021: each finding reports "no
// snapshot" for its month, `holds` null, and the command exits 0 (no finding fails).
TEST_F(cli_registry, findings_of_the_later_lists_have_no_snapshot)
{
    const json f = run_json({"findings", db(), "--set", "later-lists"});
    EXPECT_EQ(f.at("holds"), true);
    EXPECT_EQ(f.at("sets"), json::array({"later-lists"}));
    EXPECT_EQ(f.at("summary"), "0 of 4 findings on the lists hold (4 have no snapshot)");
    ASSERT_EQ(f.at("findings").size(), 4U);
    for (const auto& one : f.at("findings")) {
        EXPECT_TRUE(one.at("holds").is_null()) << one.dump();
        EXPECT_EQ(one.at("status"), "no snapshot") << one.dump();
        EXPECT_EQ(one.at("actual"), "no snapshot for " + one.at("snapshot").get<std::string>()) << one.dump();
        EXPECT_EQ(one.at("set"), "later-lists");
    }
    EXPECT_EQ(f.at("findings")[0].at("actual"), "no snapshot for 2022-04");
}

// Several sets in one run: a column names each finding's set, and one failing finding of any set makes exit 1.
TEST_F(cli_registry, findings_of_several_sets_name_their_set)
{
    fs::create_directories(path("mine"));
    file("mine/companies.sql", "-- id: C1\n-- statement: three companies in January 2020\n-- source: the test\n"
                               "-- snapshot: 2020-01\n-- expected: 3\n\n"
                               "SELECT total AS actual FROM v_snapshot_total WHERE snapshot_date = :snapshot;\n");
    file("mine/wrong.sql", "-- id: C2\n-- statement: five companies in July 2020\n-- source: the test\n"
                           "-- snapshot: 2020-07\n-- expected: 5\n\n"
                           "SELECT total AS actual FROM v_snapshot_total WHERE snapshot_date = :snapshot;\n");
    const run_result r = run({"findings", db(), "--set", "later-lists", "--set", path("mine").string(), "--format", "json"});
    EXPECT_EQ(r.code, 1) << describe(r);
    const json f = json::parse(r.out);
    EXPECT_EQ(f.at("sets"), json::array({"later-lists", path("mine").string()}));
    ASSERT_EQ(f.at("findings").size(), 6U);
    EXPECT_EQ(f.at("findings")[4].at("id"), "C1");
    EXPECT_EQ(f.at("findings")[4].at("actual"), "3");
    EXPECT_EQ(f.at("findings")[4].at("holds"), true);
    EXPECT_EQ(f.at("findings")[5].at("actual"), "4");
    EXPECT_EQ(f.at("findings")[5].at("holds"), false);
    EXPECT_EQ(f.at("summary"), "1 of 6 findings on the lists hold (4 have no snapshot)");

    const run_result table = run({"findings", db(), "--set", "later-lists", "--set", path("mine").string()});
    EXPECT_EQ(table.code, 1) << describe(table);
    EXPECT_TRUE(contains(table.out, "\nset ")) << table.out;
    EXPECT_TRUE(contains(table.out, "\nlater-lists ")) << table.out;
    EXPECT_TRUE(contains(table.out, "\n" + path("mine").string() + "  C2 ")) << table.out;
}

// A set that writes, a malformed file, a set that is not there: exit 2, one line, the database as it was.
TEST_F(cli_registry, findings_refuse_a_writing_or_malformed_set_and_leave_the_database_alone)
{
    const std::string before = read_file(db());
    const std::string head = "-- id: W\n-- statement: w\n-- source: the test\n-- snapshot: 2020-07\n-- expected: 0\n\n";
    fs::create_directories(path("deletes"));
    file("deletes/w.sql", head + "DELETE FROM company;\n");
    expect_error(run({"findings", db(), "--set", path("deletes").string()}),
                 path("deletes/w.sql").string() + ":7: a finding is one SELECT (or WITH ... SELECT); this one starts with DELETE");
    fs::create_directories(path("hides"));
    file("hides/w.sql", head + "WITH x AS (SELECT 1) DELETE FROM company WHERE :snapshot IS NOT NULL RETURNING 0 AS actual;\n");
    expect_error(run({"findings", db(), "--set", path("hides").string()}),
                 path("hides/w.sql").string() + ":7: the finding writes to the database: a findings set only reads it");
    fs::create_directories(path("malformed"));
    file("malformed/m.sql", "-- id: M\n-- statment: typo\n");
    expect_error(run({"findings", db(), "--set", path("malformed").string()}),
                 path("malformed/m.sql").string() + ":2: unknown header key 'statment'");
    expect_error(run({"findings", db(), "--set", "no-such-set"}),
                 "findings set no-such-set: neither a directory nor a built-in set (article, later-lists)");
    EXPECT_EQ(read_file(db()), before);
    EXPECT_EQ(run({"snapshots", db()}).code, 0);
}

TEST_F(cli, read_commands_refuse_a_missing_database)
{
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"snapshots", db()},
             {"breakdown", db(), "--by", "activity"},
             {"companies", db()},
             {"diff", db(), "2020-01", "2020-07"},
             {"as-of", db(), "2020-01-01"},
             {"findings", db()}}) {
        const run_result r = run(args);
        expect_error(r, "hds.db");
        EXPECT_FALSE(fs::exists(db())) << args[0];
    }
}

// --- formats ---------------------------------------------------------------------------------------------

TEST_F(cli, csv_escapes_quotes_commas_and_formula_starts)
{
    const std::string registry = file("registry.csv", registry_header +
                                                          "=cmd;Hébergeur d'infrastructure physique;1;LNE;01/01/2020;31/12/2022\n"
                                                          "+33;Hébergeur d'infrastructure physique;1, 2;LNE;01/01/2020;31/12/2022\n"
                                                          "@home;Hébergeur d'infrastructure physique;1;LNE;01/01/2020;31/12/2022\n"
                                                          "-minus;Hébergeur d'infrastructure physique;1;LNE;01/01/2020;31/12/2022\n"
                                                          "\"Quote \"\"Q\"\"\";Hébergeur d'infrastructure physique;1;LNE;01/01/2020;31/12/2022\n"
                                                          "\"Virgule, et cie\";Hébergeur d'infrastructure physique;1;LNE;01/01/2020;31/12/2022\n");
    const run_result ingested = run({"ingest", db(), registry, "--date", "2020-06-30"});
    ASSERT_EQ(ingested.code, 0) << describe(ingested);

    const run_result r = run({"companies", db(), "--format", "csv"});
    ASSERT_EQ(r.code, 0) << describe(r);
    const std::vector<std::string> lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 7U) << r.out;
    EXPECT_EQ(lines[0], "name,nationality,positioning,activities,certifiers\r");
    const std::set<std::string> rows(lines.begin() + 1, lines.end());
    const std::set<std::string> expected = {
        "'=cmd,,,1,LNE\r",
        "'+33,,,\"1,2\",LNE\r",
        "'@home,,,1,LNE\r",
        "'-minus,,,1,LNE\r",
        "\"Quote \"\"Q\"\"\",,,1,LNE\r",
        "\"Virgule, et cie\",,,1,LNE\r",
    };
    EXPECT_EQ(rows, expected) << r.out;

    // JSON keeps the names as they are.
    const json list = run_json({"companies", db()});
    const std::vector<std::string> names = names_of(list);
    EXPECT_NE(std::find(names.begin(), names.end(), "=cmd"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "Quote \"Q\""), names.end());
}

TEST_F(cli_registry, table_aligns_columns_by_display_width)
{
    const run_result r = run({"companies", db()});
    ASSERT_EQ(r.code, 0) << describe(r);
    std::vector<std::u32string> lines;
    for (const auto& line : lines_of(r.out)) lines.push_back(code_points(line));
    const auto header = std::find_if(lines.begin(), lines.end(),
                                     [](const std::u32string& l) { return l.rfind(U"name", 0) == 0; });
    ASSERT_NE(header, lines.end()) << r.out;
    const std::vector<std::u32string> table(header, lines.end());
    ASSERT_EQ(table.size(), 2U + 4U) << r.out; // header, rule, 4 companies

    // Every column starts where its header starts, whatever the accents before it.
    std::vector<std::size_t> starts;
    for (const char32_t* column : {U"nationality", U"positioning", U"activities", U"certifiers"}) {
        const std::size_t at = table[0].find(column);
        ASSERT_NE(at, std::u32string::npos);
        starts.push_back(at);
    }
    for (std::size_t i = 1; i < table.size(); ++i)
        for (std::size_t at : starts) {
            ASSERT_GT(table[i].size(), at) << r.out;
            EXPECT_NE(table[i][at], U' ') << "line " << i << " column " << at << "\n" << r.out;
            EXPECT_EQ(table[i][at - 1], U' ') << "line " << i << " column " << at << "\n" << r.out;
            EXPECT_EQ(table[i][at - 2], U' ') << "line " << i << " column " << at << "\n" << r.out;
        }
    EXPECT_TRUE(contains(r.out, "Délta Médical  -  ")) << r.out; // unknown nationality shows as "-"
    for (const auto& line : lines_of(r.out)) EXPECT_TRUE(line.empty() || line.back() != ' ') << line;
}

TEST_F(cli_registry, format_is_checked)
{
    const run_result r = run({"snapshots", db(), "--format", "xml"});
    EXPECT_EQ(r.code, 2) << describe(r);
    EXPECT_TRUE(contains(r.err, "xml")) << r.err;
    EXPECT_TRUE(r.out.empty());
}

// --- usage -----------------------------------------------------------------------------------------------

TEST_F(cli, help_of_each_command_explains_every_flag_with_an_example)
{
    struct help_case {
        std::string command;
        std::vector<std::string> mentions;
    };
    const help_case cases[] = {
        {"init", {"DB"}},
        {"ingest", {"DB", "FILE", "--date", "--label", "--format", "--mapping", "--replace", "--skip-bad-rows"}},
        {"annotate", {"DB", "FILE", "nationality", "positioning"}},
        {"alias", {"DB", "NAME", "CANONICAL"}},
        {"snapshots", {"DB", "--format"}},
        {"breakdown", {"DB", "--by", "--snapshot", "--format", "activity-count", "certificate-type"}},
        {"companies", {"DB", "--snapshot", "--activity", "--nationality", "--positioning", "--format"}},
        {"diff", {"DB", "FROM", "TO", "--format"}},
        {"as-of", {"DB", "DATE", "--activity", "--format"}},
        {"findings", {"DB", "--format"}},
    };
    for (const auto& c : cases) {
        const run_result r = run({c.command, "--help"});
        EXPECT_EQ(r.code, 0) << c.command << "\n" << describe(r);
        EXPECT_TRUE(r.err.empty()) << c.command << ": " << r.err;
        EXPECT_TRUE(contains(r.out, "Example")) << c.command << "\n" << r.out;
        EXPECT_TRUE(contains(r.out, "hds " + c.command + " ")) << c.command << "\n" << r.out;
        for (const auto& flag : c.mentions) EXPECT_TRUE(contains(r.out, flag)) << c.command << ": " << flag;
    }
    const run_result top = run({"--help"});
    EXPECT_EQ(top.code, 0) << describe(top);
    for (const char* command :
         {"init", "ingest", "annotate", "alias", "snapshots", "breakdown", "companies", "diff", "as-of", "findings"})
        EXPECT_TRUE(contains(top.out, command)) << command;
    EXPECT_TRUE(contains(top.out, "--verbose"));
    EXPECT_TRUE(contains(top.out, "--version"));
}

TEST_F(cli, version)
{
    const run_result r = run({"--version"});
    EXPECT_EQ(r.code, 0) << describe(r);
    EXPECT_EQ(r.out, std::string("hds ") + HDS_VERSION + "\n");
}

TEST_F(cli, bad_usage_exits_2_on_stderr)
{
    const std::string x = path("x.db").string();
    const std::vector<std::vector<std::string>> cases = {
        {},                                  // no command
        {"frobnicate"},                      // unknown command
        {"ingest", x, "file.csv"},           // --date missing
        {"breakdown", x},                    // --by missing
        {"diff", x, "2020-01"},              // TO missing
        {"companies", x, "--activity", "0"}, // out of range
        {"snapshots", x, "--bogus"},         // unknown flag
    };
    for (const auto& args : cases) {
        const run_result r = run(args);
        EXPECT_EQ(r.code, 2) << testing::PrintToString(args) << "\n" << describe(r);
        EXPECT_TRUE(r.out.empty()) << testing::PrintToString(args) << "\n" << r.out;
        EXPECT_EQ(r.err.rfind("hds: ", 0), 0U) << r.err;
        EXPECT_LE(std::count(r.err.begin(), r.err.end(), '\n'), 2) << r.err;
    }
    EXPECT_FALSE(fs::exists(path("x.db")));
    const run_result unknown = run({"publish", x, "--out", "r.html"});
    EXPECT_EQ(unknown.err, "hds: unknown command `publish` (commands: init, ingest, annotate, alias, snapshots, "
                           "breakdown, companies, diff, as-of, findings, report, datasette-metadata, help)\n");
}

TEST_F(cli_registry, verbose_logs_the_library_on_stderr)
{
    const run_result r = run({"--verbose", "ingest", db(), s2_, "--date", "2020-07-31"});
    EXPECT_EQ(r.code, 0) << describe(r);
    EXPECT_TRUE(contains(r.out, "nothing changed")) << r.out;
    EXPECT_FALSE(r.err.empty());
    const run_result after = run({"ingest", db(), s2_, "--date", "2020-07-31", "--verbose"});
    EXPECT_EQ(after.code, 0) << describe(after);
    EXPECT_FALSE(after.err.empty());
}

} // namespace

namespace {

// Wide characters (CJK) take two terminal columns each: the next column must still start under its header.
TEST_F(cli, table_aligns_wide_characters_by_display_width)
{
    const auto list = file("list.csv", "Raison sociale;Activités\n日本データ;1\nAlpha;2\n");
    ASSERT_EQ(run({"ingest", db(), list, "--date", "2020-07-31"}).code, 0);
    const run_result r = run({"companies", db()});
    ASSERT_EQ(r.code, 0) << describe(r);
    const std::vector<std::string> lines = lines_of(r.out);
    const auto header = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("name", 0) == 0; });
    ASSERT_NE(header, lines.end()) << r.out;
    const std::size_t column = header->find("nationality"); // the header is ASCII: bytes are columns
    ASSERT_EQ(lines.end() - header, 4) << r.out;           // header, rule, two companies
    for (auto line = header + 2; line != lines.end(); ++line) {
        // The byte where the display reaches `column`.
        std::size_t at = 0;
        while (at < line->size() && hds::text::display_width(line->substr(0, at)) < column) {
            ++at;
            while (at < line->size() && (static_cast<unsigned char>((*line)[at]) & 0xC0U) == 0x80U) ++at;
        }
        ASSERT_EQ(hds::text::display_width(line->substr(0, at)), column) << *line;
        EXPECT_EQ((*line)[at - 1], ' ') << *line;
        EXPECT_EQ((*line)[at], '-') << *line; // no nationality: "-"
    }
}

} // namespace

namespace {

/// A parse error: exit 2, "hds: " and the message naming `part`, then the pointer to --help.
void expect_parse_error(const run_result& r, const std::string& part)
{
    EXPECT_EQ(r.code, 2) << describe(r);
    EXPECT_EQ(r.err.rfind("hds: ", 0), 0U) << r.err;
    EXPECT_TRUE(contains(r.err, part)) << r.err;
}

TEST_F(cli_registry, report_writes_html_and_markdown)
{
    const run_result html = run({"report", db(), "--out", path("r.html").string()});
    EXPECT_EQ(html.code, 0) << describe(html);
    EXPECT_EQ(html.out, path("r.html").string() + ": report of snapshot 2020-07-31 (4 companies)\n");
    EXPECT_TRUE(html.err.empty()) << html.err;
    const std::string page = read_file(path("r.html"));
    EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0U);
    EXPECT_TRUE(contains(page, "<svg")) << page.substr(0, 200);

    const run_result md =
        run({"report", db(), "--out", path("r.md").string(), "--snapshot", "2020-01", "--lang", "en"});
    EXPECT_EQ(md.code, 0) << describe(md);
    EXPECT_EQ(read_file(path("r.md")).rfind("# HDS report — snapshot of 2020-01-31", 0), 0U);
}

TEST_F(cli_registry, report_refuses_bad_input_with_exit_2_and_writes_nothing)
{
    const std::string out = path("r.html").string();
    expect_parse_error(run({"report", db(), "--out", out, "--lang", "de"}), "--lang");
    expect_parse_error(run({"report", db()}), "--out");
    expect_error(run({"report", db(), "--out", out, "--snapshot", "2021-01"}), "no snapshot in 2021-01");
    expect_error(run({"report", path("missing.db").string(), "--out", out}), "missing.db");
    expect_error(run({"report", db(), "--out", path("no-such-dir/r.html").string()}), "no-such-dir/r.html: no such directory");
    EXPECT_FALSE(fs::exists(path("r.html")));
    EXPECT_FALSE(fs::exists(path("missing.db")));
}

TEST_F(cli_registry, datasette_metadata_prints_json_describing_every_view)
{
    const run_result r = run({"datasette-metadata", db()});
    EXPECT_EQ(r.code, 0) << describe(r);
    const json metadata = json::parse(r.out);
    const json& tables = metadata["databases"]["hds"]["tables"];
    EXPECT_FALSE(tables["v_snapshot_company"]["columns"]["activity_list"].get<std::string>().empty());
    EXPECT_TRUE(contains(metadata["description"].get<std::string>(), "2020-01-31 (3 companies, relevé de janvier)"))
        << metadata["description"];
    expect_error(run({"datasette-metadata", path("missing.db").string()}), "missing.db");
}

} // namespace
