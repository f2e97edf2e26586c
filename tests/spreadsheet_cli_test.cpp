// `hds ingest` of workbooks (.xlsx, .ods saved by LibreOffice, tests/data/spreadsheets) and of standard input,
// through the real binary: a registry read from a workbook answers as the same registry read from CSV.
#include <gtest/gtest.h>

#include "process.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace hds::testing_process;

const fs::path spreadsheets = fs::path(HDS_TEST_DATA) / "spreadsheets";

/// A fresh directory under testing::TempDir() for each test, removed afterwards.
class spreadsheet_cli : public testing::Test {
protected:
    spreadsheet_cli()
    {
        const auto* info = testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::path(testing::TempDir()) / ("hds_sheet_" + std::string(info->name()) + "_" + std::to_string(getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    ~spreadsheet_cli() override
    {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    std::string db(const std::string& name) const { return (dir_ / name).string(); }
    run_result run(const std::vector<std::string>& args) const { return run_program(HDS_CLI, args, dir_); }
    /// `hds ARGS < input` through the shell, with TMPDIR in the test's directory.
    run_result run_with_input(const std::string& args, const fs::path& input) const
    {
        return run_program("/bin/sh", {"-c", "TMPDIR='" + dir_.string() + "' '" + HDS_CLI + "' " + args + " < '" + input.string() + "'"}, dir_);
    }
    json run_json(std::vector<std::string> args) const
    {
        args.insert(args.end(), {"--format", "json"});
        const run_result r = run(args);
        EXPECT_EQ(r.code, 0) << describe(r);
        return r.code == 0 ? json::parse(r.out) : json();
    }
    void ingest(const std::string& database, const fs::path& file, std::vector<std::string> more = {},
                const std::string& date = "2020-07-31") const
    {
        std::vector<std::string> args{"ingest", database, file.string(), "--date", date};
        args.insert(args.end(), more.begin(), more.end());
        const run_result r = run(args);
        ASSERT_EQ(r.code, 0) << describe(r);
    }
    /// What the database answers about the snapshot, without where each row came from (file and line differ
    /// by design: a sheet's lines are its row numbers).
    json answers(const std::string& database) const
    {
        json out;
        for (const char* by : {"activity", "certifier", "certificate-type", "activity-count"})
            out[by] = run_json({"breakdown", database, "--by", by});
        out["companies"] = without_provenance(run_json({"companies", database}));
        for (const char* date : {"2020-03-01", "2021-01-01", "2022-03-01", "2023-02-01"})
            out[std::string("as-of ") + date] = run_json({"as-of", database, date});
        return out;
    }
    static json without_provenance(json value)
    {
        if (value.is_object()) {
            value.erase("file");
            value.erase("line");
            value.erase("provenance");
            for (auto& [key, item] : value.items()) item = without_provenance(item);
        } else if (value.is_array()) {
            for (auto& item : value) item = without_provenance(item);
        }
        return value;
    }
    /// Exit 2, one line "hds: " + `message` on standard error, nothing on standard output.
    static void expect_refusal(const run_result& r, const std::string& message)
    {
        EXPECT_EQ(r.code, 2) << describe(r);
        EXPECT_EQ(r.err, "hds: " + message + "\n");
        EXPECT_EQ(r.out, "");
    }

    fs::path dir_;
};

TEST_F(spreadsheet_cli, a_workbook_answers_as_the_same_registry_in_csv_dates_included)
{
    ingest(db("csv.db"), spreadsheets / "registry.csv");
    const json expected = answers(db("csv.db"));
    // The registry's as-of answers depend on its dates: a wrong date system would change them.
    ASSERT_EQ(expected["as-of 2023-02-01"]["companies"].size(), 3U) << expected["as-of 2023-02-01"].dump();
    ASSERT_EQ(expected["as-of 2020-03-01"]["companies"].size(), 2U) << expected["as-of 2020-03-01"].dump();
    for (const char* workbook : {"registry.xlsx", "registry.ods", "registry-1904.xlsx"}) {
        SCOPED_TRACE(workbook);
        const std::string database = db(std::string(workbook) + ".db");
        ingest(database, spreadsheets / workbook);
        EXPECT_EQ(answers(database), expected);
    }
}

TEST_F(spreadsheet_cli, sheet_chooses_another_sheet)
{
    ingest(db("csv.db"), spreadsheets / "archive.csv");
    const json expected = answers(db("csv.db"));
    ASSERT_EQ(expected["companies"].size(), 3U);
    for (const char* workbook : {"registry.xlsx", "registry.ods"}) {
        SCOPED_TRACE(workbook);
        const std::string database = db(std::string(workbook) + ".db");
        ingest(database, spreadsheets / workbook, {"--sheet", "Archive"});
        EXPECT_EQ(answers(database), expected);
        const json snapshots = run_json({"snapshots", database});
        EXPECT_EQ(snapshots[0]["files"][0]["format"], std::string(workbook).ends_with(".ods") ? "ods sheet \"Archive\""
                                                                                           : "xlsx sheet \"Archive\"");
    }
}

TEST_F(spreadsheet_cli, provenance_lines_are_sheet_rows)
{
    ingest(db("x.db"), spreadsheets / "registry.xlsx");
    const json companies = run_json({"companies", db("x.db")});
    const std::string dump = companies.dump();
    // Alpha Cloud is on row 5 of sheet "Liste" (title, blank, two header rows before it).
    EXPECT_NE(dump.find(R"("line":5)"), std::string::npos) << dump;
    EXPECT_EQ(dump.find(R"("line":2)"), std::string::npos) << dump;
}

TEST_F(spreadsheet_cli, errors_name_the_sheet_and_cell_and_leave_the_database_as_it_was)
{
    ingest(db("x.db"), spreadsheets / "registry.csv", {}, "2020-01-31");
    const std::string before = read_file(db("x.db"));
    const auto refused = [&](const std::vector<std::string>& args, const std::string& message) {
        SCOPED_TRACE(message);
        std::vector<std::string> all{"ingest", db("x.db")};
        all.insert(all.end(), args.begin(), args.end());
        all.insert(all.end(), {"--date", "2021-01-31"});
        expect_refusal(run(all), message);
        EXPECT_EQ(read_file(db("x.db")), before);
    };
    const std::string dir = spreadsheets.string() + "/";
    refused({dir + "bad-activity.xlsx"}, dir + "bad-activity.xlsx:Liste!C6: unknown activity 7 (activities are numbered 1 to 6)");
    refused({dir + "bad-activity.ods"}, dir + "bad-activity.ods:Liste!C6: unknown activity 7 (activities are numbered 1 to 6)");
    refused({dir + "no-registry.xlsx"},
            dir + "no-registry.xlsx: the workbook's only sheet (\"Lisez-moi\") has no company column (raison sociale, "
                  "hébergeur, nom, company); name the registry's columns with --mapping and its sheet with --sheet");
    refused({dir + "registry.ods", "--sheet", "Liste 2"},
            dir + "registry.ods: no sheet \"Liste 2\" in the workbook (sheets: \"Lisez-moi\", \"Liste\", \"Archive\")");
    refused({dir + "registry.xlsx", "--sheet", "Lisez-moi"},
            dir + "registry.xlsx:Lisez-moi!1:1: missing column \"company\" (raison sociale, hébergeur, nom, company)");
    refused({dir + "registry.csv", "--sheet", "Liste"}, "--sheet is for workbooks (.xlsx, .ods); " + dir + "registry.csv is read as csv");
    refused({dir + "registry.ods", "--format", "xlsx"},
            dir + "registry.ods: an OpenDocument spreadsheet, not an XLSX workbook: name it .ods or use --format ods");
}

TEST_F(spreadsheet_cli, skip_bad_rows_keeps_the_sheet_row_of_a_rejected_row)
{
    const run_result r = run({"ingest", db("x.db"), (spreadsheets / "bad-activity.ods").string(), "--date", "2020-07-31",
                              "--skip-bad-rows"});
    ASSERT_EQ(r.code, 0) << describe(r);
    EXPECT_NE(r.out.find("1 row rejected"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("bad-activity.ods:6: unknown activity 7"), std::string::npos) << r.out;
}

TEST_F(spreadsheet_cli, standard_input_is_read_detected_and_named_dash_with_its_sha256)
{
    for (const char* file : {"registry.csv", "registry.ods", "registry.xlsx"}) {
        SCOPED_TRACE(file);
        const std::string by_name = db(std::string(file) + ".db");
        const std::string piped = db(std::string(file) + "-stdin.db");
        ingest(by_name, spreadsheets / file);
        const run_result r = run_with_input("ingest '" + piped + "' - --date 2020-07-31", spreadsheets / file);
        ASSERT_EQ(r.code, 0) << describe(r);
        EXPECT_EQ(answers(piped), answers(by_name));

        const json expected = run_json({"snapshots", by_name})[0]["files"][0];
        const json got = run_json({"snapshots", piped})[0]["files"][0];
        EXPECT_EQ(got["path"], "-");
        EXPECT_EQ(got["sha256"], expected["sha256"]);
        EXPECT_EQ(got["format"], expected["format"]);
        // The same bytes again from standard input: the same snapshot, nothing to do.
        const run_result again = run_with_input("ingest '" + piped + "' - --date 2020-07-31", spreadsheets / file);
        EXPECT_EQ(again.code, 0) << describe(again);
        EXPECT_NE(again.out.find("already ingested from the same files"), std::string::npos) << again.out;
    }
    // The copy of standard input is gone.
    for (const auto& entry : fs::directory_iterator(dir_))
        EXPECT_EQ(entry.path().filename().string().rfind("hds-stdin-", 0), std::string::npos) << entry.path();
}

TEST_F(spreadsheet_cli, standard_input_errors_name_it_dash)
{
    const fs::path bad = dir_ / "bad.csv";
    write_file(bad, "Raison sociale;Activités\nAlpha;7\n");
    expect_refusal(run_with_input("ingest '" + db("x.db") + "' - --date 2020-07-31", bad),
                   "-:2: unknown activity 7 (activities are numbered 1 to 6)");
    expect_refusal(run_with_input("ingest '" + db("x.db") + "' - - --date 2020-07-31", bad), "standard input (-) is given twice");
    EXPECT_FALSE(fs::exists(db("x.db")));
}

} // namespace
