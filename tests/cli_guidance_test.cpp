// A command line that guides (issue 11): `hds help`, the nearest command or option for a misspelt one, files
// that cannot be read said so with the system's reason, nationality and positioning codes checked against the
// reference tables.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "cli_fixture.hpp"

namespace {

using namespace hds::testing_cli;

const std::vector<std::string> commands = {"init",     "ingest",    "annotate", "alias", "snapshots",
                                           "breakdown", "companies", "diff",     "as-of", "findings",
                                           "report",   "datasette-metadata", "help"};

// --- hds help ------------------------------------------------------------------------------------------

TEST_F(cli, help_prints_what_help_flags_print)
{
    const run_result top = run({"help"});
    EXPECT_EQ(top.code, 0) << describe(top);
    EXPECT_EQ(top.out, run({"--help"}).out);
    EXPECT_TRUE(contains(top.out, "breakdown")) << top.out;
    for (const auto& command : commands) {
        const run_result help = run({"help", command});
        const run_result flag = run({command, "--help"});
        EXPECT_EQ(help.code, 0) << command << "\n" << describe(help);
        EXPECT_TRUE(help.err.empty()) << command << ": " << help.err;
        EXPECT_EQ(help.out, flag.out) << command;
        EXPECT_TRUE(contains(help.out, "hds " + command)) << help.out;
    }
}

TEST_F(cli, help_of_an_unknown_command_names_the_nearest)
{
    expect_error(run({"help", "brekdown"}), "unknown command `brekdown`; did you mean `breakdown`?");
    const run_result far = run({"help", "nosuch"});
    expect_error(far, "unknown command `nosuch` (commands: init, ingest,");
}

// --- did you mean ---------------------------------------------------------------------------------------

TEST_F(cli, an_unknown_command_suggests_the_nearest)
{
    struct suggestion_case {
        std::vector<std::string> args;
        std::string message;
    };
    const suggestion_case cases[] = {
        {{"brekdown", "x.db"}, "hds: unknown command `brekdown`; did you mean `breakdown`?\n"},
        {{"-v", "snapshot", "x.db"}, "hds: unknown command `snapshot`; did you mean `snapshots`?\n"},
        {{"--busy-timeout", "100", "comapnies"}, "hds: unknown command `comapnies`; did you mean `companies`?\n"},
        {{"asof", "x.db", "2020-01-01"}, "hds: unknown command `asof`; did you mean `as-of`?\n"},
    };
    for (const auto& c : cases) {
        const run_result r = run(c.args);
        EXPECT_EQ(r.code, 2) << describe(r);
        EXPECT_EQ(r.err, c.message);
        EXPECT_TRUE(r.out.empty()) << r.out;
    }
    EXPECT_FALSE(fs::exists(path("x.db")));
}

TEST_F(cli, an_unknown_option_is_named_with_the_nearest_instead_of_a_subcommand_is_required)
{
    ASSERT_EQ(run({"init", db()}).code, 0);
    struct option_case {
        std::vector<std::string> args;
        std::string message;
    };
    const option_case cases[] = {
        {{"breakdown", db(), "--verbos"}, "unknown option `--verbos` for `hds breakdown`; did you mean `--verbose`?"},
        {{"breakdown", db(), "--by", "activity", "--verbos"},
         "unknown option `--verbos` for `hds breakdown`; did you mean `--verbose`?"},
        {{"snapshots", db(), "--fromat", "json"}, "unknown option `--fromat` for `hds snapshots`; did you mean `--format`?"},
        {{"companies", db(), "--nationalty=FR"},
         "unknown option `--nationalty` for `hds companies`; did you mean `--nationality`?"},
        {{"snapshots", db(), "--bogus"}, "unknown option `--bogus` for `hds snapshots`\n"},
    };
    for (const auto& c : cases) {
        const run_result r = run(c.args);
        EXPECT_EQ(r.code, 2) << describe(r);
        EXPECT_EQ(r.err.rfind("hds: " + c.message, 0), 0U) << r.err;
        EXPECT_FALSE(contains(r.err, "subcommand is required")) << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
    }
}

// --- files ---------------------------------------------------------------------------------------------

/// Runs hds as user nobody when the tests run as root (root reads a mode-000 file), as the test's user otherwise.
run_result run_unprivileged(const cli& test, const std::vector<std::string>& args, const fs::path& dir)
{
    (void)test;
    if (geteuid() != 0) return run_program(HDS_CLI, args, dir);
    std::vector<std::string> as_nobody{"--reuid=65534", "--regid=65534", "--clear-groups", HDS_CLI};
    as_nobody.insert(as_nobody.end(), args.begin(), args.end());
    return run_program("/usr/bin/setpriv", as_nobody, dir);
}

TEST_F(cli, a_directory_given_as_a_file_is_said_to_be_one)
{
    const std::string directory = path("a-directory").string();
    fs::create_directories(directory);
    const std::string registry = file("registry.csv", snapshot_1);
    expect_error(run({"snapshots", directory}), directory + ": is a directory, not a database file");
    expect_error(run({"ingest", directory, registry, "--date", "2020-01-31"}),
                 directory + ": is a directory, not a database file");
    expect_error(run({"ingest", db(), directory, "--date", "2020-01-31"}), directory + ": is a directory, not a file");
    expect_error(run({"annotate", db(), directory}), directory + ": is a directory, not a file");
    expect_error(run({"ingest", db(), registry, "--date", "2020-01-31", "--mapping", directory}),
                 directory + ": is a directory, not a file");
    EXPECT_FALSE(fs::exists(db()));
}

TEST_F(cli, a_missing_or_unreadable_file_gives_the_system_s_reason)
{
    const std::string registry = file("registry.csv", snapshot_1);
    const std::string missing = path("missing.csv").string();
    expect_error(run({"ingest", db(), missing, "--date", "2020-01-31"}), missing + ": cannot read the file: No such file or directory");
    expect_error(run({"snapshots", path("missing.db").string()}), "missing.db: no such database (No such file or directory)");
    expect_error(run({"ingest", db(), registry + "/x", "--date", "2020-01-31"}), "registry.csv/x: cannot read the file: Not a directory");
    expect_error(run({"annotate", db(), missing}), missing + ": cannot read the file: No such file or directory");
    EXPECT_FALSE(fs::exists(db()));

    // Unreadable: the test's directory must be open to the user hds runs as.
    fs::permissions(dir_, fs::perms::all);
    const std::string locked = file("locked.csv", snapshot_1);
    fs::permissions(locked, fs::perms::none);
    ASSERT_EQ(run({"ingest", db(), registry, "--date", "2020-01-31"}).code, 0);
    fs::permissions(db(), fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read |
                              fs::perms::others_write);
    const run_result input = run_unprivileged(*this, {"ingest", db(), locked, "--date", "2020-07-31"}, dir_);
    expect_error(input, locked + ": cannot read the file: Permission denied");
    fs::permissions(db(), fs::perms::none);
    const run_result database = run_unprivileged(*this, {"snapshots", db()}, dir_);
    EXPECT_EQ(database.code, 3) << describe(database); // fixed outside the input, as a read-only file is
    EXPECT_EQ(database.err, "hds: " + db() + ": cannot open the database: Permission denied\n");
}

// --- nationality and positioning ------------------------------------------------------------------------

TEST_F(cli_registry, nationality_and_positioning_filters_are_checked_against_the_reference_tables)
{
    expect_error(run({"companies", db(), "--nationality", "UK"}),
                 "unknown nationality \"UK\": not an ISO 3166-1 alpha-2 code; did you mean GB?");
    expect_error(run({"companies", db(), "--nationality", "el"}),
                 "unknown nationality \"EL\": not an ISO 3166-1 alpha-2 code; did you mean GR?");
    expect_error(run({"companies", db(), "--nationality", "XX"}),
                 "unknown nationality \"XX\" (an ISO 3166-1 alpha-2 code, e.g. FR)");
    expect_error(run({"companies", db(), "--positioning", "hostng"}),
                 "unknown positioning \"hostng\" (did you mean hosting? valid: end_user, esn, hosting, insurer, "
                 "medtech, other, software)");
    expect_error(run({"companies", db(), "--positioning", "cloud"}),
                 "unknown positioning \"cloud\" (valid: end_user, esn, hosting, insurer, medtech, other, software)");
    // A valid code nobody has still answers, with no company.
    const run_result gb = run({"companies", db(), "--nationality", "GB", "--format", "json"});
    EXPECT_EQ(gb.code, 0) << describe(gb);
    EXPECT_EQ(gb.out, "[]\n");
}

TEST_F(cli_registry, annotate_refuses_a_nationality_in_the_same_words)
{
    const std::string before = read_file(db());
    const std::string uk = file("uk.csv", "company,nationality,positioning\nAlpha Cloud,UK,hosting\n");
    expect_error(run({"annotate", db(), uk}),
                 uk + ":2: unknown nationality \"UK\": not an ISO 3166-1 alpha-2 code; did you mean GB?");
    EXPECT_EQ(read_file(db()), before);
}

} // namespace
