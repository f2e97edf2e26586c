// What hds writes for pipelines and for people at a terminal (issue 11): `--format ndjson`, one record a line
// with the keys of the json form's records; the progress of a long ingest on a terminal, and only there;
// `-v` logging each stage with its time; NO_COLOR.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "cli_fixture.hpp"
#include "terminal.hpp"

namespace {

using namespace hds::testing_cli;

/// The records of a read command's json form: the array itself, or the member holding the list.
json records_of(const std::string& command, const json& whole)
{
    if (command == "breakdown") return whole.at("rows");
    if (command == "as-of") return whole.at("companies");
    if (command == "findings") return whole.at("findings");
    if (command == "diff") {
        json all = json::array();
        for (const char* list : {"entered", "left", "changed"})
            for (json record : whole.at(list)) {
                record["change"] = list; // the one key ndjson adds: which list the record comes from
                all.push_back(record);
            }
        for (const auto& record : whole.at("certificates")) all.push_back(record);
        return all;
    }
    return whole;
}

TEST_F(cli_registry, ndjson_lines_are_the_json_form_s_records)
{
    const std::vector<std::vector<std::string>> commands = {
        {"snapshots", db()},
        {"breakdown", db(), "--by", "activity"},
        {"breakdown", db(), "--by", "nationality"},
        {"companies", db()},
        {"companies", db(), "--activity", "4", "--nationality", "FR"},
        {"diff", db(), "2020-01", "2020-07"},
        {"as-of", db(), "2021-01-01"},
        {"findings", db()},
    };
    for (const auto& args : commands) {
        std::vector<std::string> as_json = args, as_ndjson = args;
        as_json.insert(as_json.end(), {"--format", "json"});
        as_ndjson.insert(as_ndjson.end(), {"--format", "ndjson"});
        const run_result whole = run(as_json);
        const run_result lines = run(as_ndjson);
        EXPECT_EQ(lines.code, whole.code) << describe(lines); // findings: 1 when one does not hold, in both
        EXPECT_TRUE(lines.err.empty()) << lines.err;
        const json expected = records_of(args[0], json::parse(whole.out));
        ASSERT_FALSE(expected.empty()) << testing::PrintToString(args);
        json parsed = json::array();
        for (const auto& line : lines_of(lines.out)) {
            const json record = json::parse(line);
            EXPECT_TRUE(record.is_object()) << line;
            parsed.push_back(record);
        }
        EXPECT_EQ(parsed, expected) << testing::PrintToString(args) << "\n" << lines.out;
        EXPECT_EQ(lines.out.back(), '\n');
    }
}

TEST_F(cli_registry, ndjson_of_no_record_is_empty_and_json_is_unchanged)
{
    const run_result none = run({"companies", db(), "--positioning", "insurer", "--format", "ndjson"});
    EXPECT_EQ(none.code, 0) << describe(none);
    EXPECT_EQ(none.out, "");
    // The json form stays indented, as before ndjson.
    const run_result json_form = run({"as-of", db(), "2021-01-01", "--format", "json"});
    EXPECT_EQ(json_form.out.rfind("{\n  \"date\": \"2021-01-01\",\n  \"companies\": [\n    {\n", 0), 0U) << json_form.out;
}

// --- progress on a terminal -------------------------------------------------------------------------------

/// SGR escape sequences (colour, bold): ESC [ digits and semicolons, then m.
bool has_colour(const std::string& text) { return std::regex_search(text, std::regex("\x1b\\[[0-9;]*m")); }

std::string big_registry(std::size_t rows)
{
    std::string text = registry_header;
    for (std::size_t i = 0; i < rows; ++i)
        text += "Company " + std::to_string(i) + ";Hébergeur infogéreur;3, 4;LNE;01/02/2020;31/01/2023\n";
    return text;
}

TEST_F(cli, ingest_shows_stage_and_rows_read_on_a_terminal_and_erases_the_line)
{
    const std::string registry = file("registry.csv", snapshot_2);
    const run_result r = run_on_terminal(HDS_CLI, {"ingest", db(), registry, "--date", "2020-07-31"}, dir_, {},
                                         {"NO_COLOR"});
    EXPECT_EQ(r.code, 0) << describe(r);
    EXPECT_TRUE(contains(r.out, "snapshot 2020-07-31 ingested: 5 rows read")) << r.out;
    for (const char* stage : {"checking", "reading", "writing"}) EXPECT_TRUE(contains(r.err, stage)) << r.err;
    EXPECT_TRUE(contains(r.err, "5 rows read")) << r.err;
    // Drawn in place, and erased at the end so that the summary starts on a clean line.
    EXPECT_EQ(r.err.rfind("\r\x1b[K", 0), 0U) << r.err;
    ASSERT_GE(r.err.size(), 4U);
    EXPECT_EQ(r.err.substr(r.err.size() - 4), "\r\x1b[K") << r.err;
    EXPECT_FALSE(contains(r.err, "\n")) << r.err;
    EXPECT_TRUE(has_colour(r.err)) << r.err; // the stage in bold
}

TEST_F(cli, ingest_progress_is_throttled)
{
    const std::string registry = file("registry.csv", big_registry(20'000));
    const run_result r = run_on_terminal(HDS_CLI, {"ingest", db(), registry, "--date", "2020-07-31"}, dir_);
    ASSERT_EQ(r.code, 0) << describe(r);
    EXPECT_TRUE(contains(r.err, "20,000 rows read")) << r.err; // the last stage shows every row
    // One line a stage plus at most ten a second: far fewer than the rows.
    const auto draws = static_cast<std::size_t>(std::count(r.err.begin(), r.err.end(), '\r'));
    EXPECT_LT(draws, 200U) << r.err.size();
}

TEST_F(cli, ingest_draws_nothing_without_a_terminal_or_with_quiet)
{
    const std::string registry = file("registry.csv", snapshot_2);
    const run_result piped = run({"ingest", db(), registry, "--date", "2020-07-31"});
    EXPECT_EQ(piped.code, 0) << describe(piped);
    EXPECT_EQ(piped.err, "");
    const run_result quiet =
        run_on_terminal(HDS_CLI, {"ingest", path("quiet.db").string(), registry, "--date", "2020-07-31", "--quiet"}, dir_);
    EXPECT_EQ(quiet.code, 0) << describe(quiet);
    EXPECT_EQ(quiet.err, "");
    EXPECT_TRUE(contains(quiet.out, "snapshot 2020-07-31 ingested")) << quiet.out;
}

TEST_F(cli, verbose_logs_each_stage_with_its_time)
{
    const std::string registry = file("registry.csv", snapshot_2);
    const run_result r = run({"-v", "ingest", db(), registry, "--date", "2020-07-31"});
    EXPECT_EQ(r.code, 0) << describe(r);
    std::size_t at = 0;
    for (const char* stage : {"checking", "reading", "writing"}) {
        std::smatch m;
        const std::string rest = r.err.substr(at);
        ASSERT_TRUE(std::regex_search(rest, m, std::regex(std::string("hds: info: ") + stage +
                                                          ": [0-9]+\\.[0-9]{3} s, [0-9]+ rows read\n")))
            << stage << "\n" << r.err;
        at += static_cast<std::size_t>(m.position(0) + m.length(0)); // in order
    }
    EXPECT_TRUE(contains(r.err, "writing: ")) << r.err;
    EXPECT_TRUE(std::regex_search(r.err, std::regex("reading: [0-9.]+ s, 5 rows read"))) << r.err;
}

TEST_F(cli, no_color_turns_colour_off)
{
    const std::string registry = file("registry.csv", snapshot_2);
    const std::vector<std::string> verbose = {"-v", "ingest", db(), registry, "--date", "2020-07-31"};
    const run_result coloured = run_on_terminal(HDS_CLI, verbose, dir_, {}, {"NO_COLOR"});
    ASSERT_EQ(coloured.code, 0) << describe(coloured);
    EXPECT_TRUE(has_colour(coloured.err)) << coloured.err; // the log's level, on a terminal
    const run_result plain = run_on_terminal(HDS_CLI, {"ingest", db(), registry, "--date", "2020-07-31", "--replace"},
                                             dir_, {{"NO_COLOR", "1"}});
    ASSERT_EQ(plain.code, 0) << describe(plain);
    EXPECT_FALSE(has_colour(plain.err)) << plain.err;
    EXPECT_TRUE(contains(plain.err, "checking")) << plain.err; // still drawn, without colour
    const run_result plain_log = run_on_terminal(HDS_CLI, verbose, dir_, {{"NO_COLOR", "1"}});
    ASSERT_EQ(plain_log.code, 0) << describe(plain_log);
    EXPECT_TRUE(contains(plain_log.err, "info")) << plain_log.err;
    EXPECT_FALSE(has_colour(plain_log.err)) << plain_log.err;
}

} // namespace
