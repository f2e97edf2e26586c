// hds installed like a Unix tool (issue 11): the bash completion script, sourced in a real bash, completes
// commands, options, --format and --by values and the database's snapshot dates; the man page built by
// help2man names every command. (`cmake --install` placing them: tests/find_package/run.cmake, cli_files.)
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "cli_fixture.hpp"
#include "test_support.hpp"

namespace {

using namespace hds::testing_cli;

/// Quoted for bash: inside single quotes, a quote is '\''.
std::string quoted(const std::string& word)
{
    std::string out = "'";
    for (const char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

class completion : public cli_registry {
protected:
    /// COMPREPLY after <Tab> on `hds WORDS...` (the last word being completed, "" for a new one).
    std::set<std::string> complete(const std::vector<std::string>& words) const
    {
        std::string script = "source " + quoted(HDS_COMPLETION) + "\nCOMP_WORDS=(" + quoted(HDS_CLI);
        for (const auto& w : words) script += " " + quoted(w);
        script += ")\nCOMP_CWORD=" + std::to_string(words.size()) + "\n_hds\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        const run_result r = run_program("/bin/bash", {"--norc", "--noprofile", "-c", script}, dir_);
        EXPECT_EQ(r.code, 0) << describe(r);
        std::set<std::string> out;
        for (const auto& line : lines_of(r.out))
            if (!line.empty()) out.insert(line);
        return out;
    }
};

TEST_F(completion, completes_commands_and_global_options)
{
    EXPECT_EQ(complete({"br"}), (std::set<std::string>{"breakdown"}));
    const auto all = complete({""});
    for (const char* command : {"init", "ingest", "snapshots", "breakdown", "companies", "diff", "as-of", "help"})
        EXPECT_TRUE(all.count(command)) << command;
    EXPECT_FALSE(all.count("__complete")); // hidden
    EXPECT_EQ(complete({"--ver"}), (std::set<std::string>{"--verbose", "--version"}));
}

TEST_F(completion, completes_a_command_s_options_and_values)
{
    EXPECT_EQ(complete({"breakdown", db(), "--"}),
              (std::set<std::string>{"--help", "--by", "--snapshot", "--format"}));
    EXPECT_EQ(complete({"ingest", db(), "x.csv", "--rep"}), (std::set<std::string>{"--replace"}));
    EXPECT_EQ(complete({"snapshots", db(), "--format", ""}), (std::set<std::string>{"table", "csv", "json", "ndjson"}));
    EXPECT_EQ(complete({"breakdown", db(), "--by", ""}),
              (std::set<std::string>{"activity", "nationality", "positioning", "certifier", "certificate-type",
                                     "activity-count"}));
    EXPECT_EQ(complete({"breakdown", db(), "--by", "activity-"}), (std::set<std::string>{"activity-count"}));
    EXPECT_EQ(complete({"help", "d"}), (std::set<std::string>{"diff", "datasette-metadata"}));
}

TEST_F(completion, completes_snapshot_dates_from_the_database)
{
    EXPECT_EQ(complete({"breakdown", db(), "--by", "activity", "--snapshot", ""}),
              (std::set<std::string>{"2020-01-31", "2020-07-31", "latest"}));
    EXPECT_EQ(complete({"diff", db(), "2020-0"}), (std::set<std::string>{"2020-01-31", "2020-07-31"}));
    EXPECT_EQ(complete({"diff", db(), "2020-01-31", "2020-07"}), (std::set<std::string>{"2020-07-31"}));
    // No database there: nothing, and the shell completes file names instead.
    EXPECT_TRUE(complete({"companies", path("missing.db").string(), "--snapshot", ""}).empty());
    EXPECT_FALSE(fs::exists(path("missing.db")));
}

// A file of an older schema version: completion reads its dates without migrating it (pressing Tab never writes).
TEST_F(completion, reads_an_older_database_without_writing_to_it)
{
    const std::string old = path("old.db").string();
    fs::copy_file(db(), old);
    const run_result downgraded = run_program("/usr/bin/sqlite3", {old, "PRAGMA user_version = 9"}, dir_);
    ASSERT_EQ(downgraded.code, 0) << describe(downgraded);
    const std::string before = hds::testing_support::read_bytes(old);
    EXPECT_EQ(complete({"diff", old, "2020-0"}), (std::set<std::string>{"2020-01-31", "2020-07-31"}));
    EXPECT_EQ(hds::testing_support::read_bytes(old), before);
}

TEST(man_page, is_built_by_help2man_and_names_every_command)
{
    const std::string page = read_file(HDS_MAN_PAGE);
    ASSERT_FALSE(page.empty()) << HDS_MAN_PAGE << " missing: is help2man installed (scripts/install-deps)?";
    EXPECT_TRUE(contains(page, ".TH HDS \"1\"")) << page.substr(0, 300);
    EXPECT_TRUE(contains(page, "\\-\\-busy\\-timeout")) << page.substr(0, 300); // from `hds --help`, in roff
    for (const char* command : {"init", "ingest", "annotate", "alias", "snapshots", "breakdown", "companies", "diff",
                                "as-of", "findings", "report", "datasette-metadata", "help"})
        EXPECT_TRUE(contains(page, std::string("\n.SS \"hds ") + command + "\"\n")) << command;
    EXPECT_TRUE(contains(page, "ndjson"));
    EXPECT_TRUE(contains(page, "NO_COLOR"));
}

} // namespace
