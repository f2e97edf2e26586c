// hds: the command line over the hds library. Parses the arguments (CLI11), runs one command
// (commands.cpp) and turns every failure into one line on standard error and an exit code:
// 0 done, 1 a finding does not hold, 2 bad usage or bad input, 3 an operational failure (docs: cli-contract.md).
#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <iterator>
#include <new>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <malloc.h>
#include <sqlite3.h>

#include "commands.hpp"
#include "completion.hpp"
#include "guidance.hpp"
#include "output.hpp"
#include "hds/database.hpp"
#include "hds/error.hpp"
#include "hds/log.hpp"
#include "publishing_commands.hpp"

namespace {

constexpr int exit_usage = 2;
constexpr int exit_operational = 3; ///< locked past the busy timeout, disk full, I/O error, read-only file

/// A message on one line, whatever it holds.
std::string one_line(std::string message)
{
    std::replace(message.begin(), message.end(), '\n', ' ');
    std::replace(message.begin(), message.end(), '\r', ' ');
    return message;
}

/// The files SQLite may leave next to a database.
void remove_database_files(const std::filesystem::path& db)
{
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        std::filesystem::remove(std::filesystem::path(db.string() + suffix), ignored);
}

void add_format(CLI::App& command, std::string& format)
{
    command.add_option("--format", format, "Output: table (aligned, for people), csv (RFC 4180), json, or ndjson "
                                           "(one JSON record a line, for jq and pipelines)")
        ->check(CLI::IsMember(
            std::vector<std::string>(std::begin(hds::cli::output_format_names), std::end(hds::cli::output_format_names))))
        ->capture_default_str();
}

void add_db(CLI::App& command, std::filesystem::path& db, const char* what)
{
    command.add_option("DB", db, what)->required()->type_name("PATH");
}

const char* const read_db = "The hds database (SQLite file); it must exist";
const char* const write_db = "The hds database (SQLite file); created and migrated when missing";

const char* const snapshot_help =
    "Which snapshot: a date YYYY-MM-DD, a month YYYY-MM holding exactly one snapshot, or latest";

} // namespace

int main(int argc, char** argv)
{
    using namespace hds::cli;
    // SQLite keeps memory statistics by default, under a global mutex taken at every allocation: 5 % of the
    // instructions of a day's ingest or of `hds diff`. hds reads none of them (sqlite3_memory_used and the heap
    // limits); the library leaves this process-wide setting to its host, the command line is one.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    // Memory freed is kept for the next allocation instead of going back to the system: by default glibc
    // maps each block over 128 KiB (a growing vector of results) on its own and unmaps it when freed, so
    // every regrowth touches fresh pages, which cost more than anything else a short command does here
    // (docs/performance.md, ninth round). A process of hds is short; what it frees, it will reuse.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    hds::set_log_level(hds::log_level::warning);

    CLI::App app{"hds: the French registry of certified health-data hosts (HDS) in an SQLite database.\n"
                 "Ingest snapshots of the registry, annotate companies, then ask what changed and who is "
                 "certified for what.",
                 "hds"};
    app.set_version_flag("--version", std::string("hds ") + HDS_VERSION, "Print the version and exit");
    app.require_subcommand(1);
    app.fallthrough(); // --verbose may come after the command's name
    bool verbose = false;
    app.add_flag("-v,--verbose", verbose, "Log what the library does (info level) on standard error");
    int busy_timeout_ms = static_cast<int>(hds::database::default_busy_timeout.count());
    app.add_option("--busy-timeout", busy_timeout_ms,
                   "How long to wait, in milliseconds, while another program holds the database's lock before "
                   "failing with exit code 3")
        ->check(CLI::Range(0, 3'600'000))
        ->type_name("MS")
        ->capture_default_str();

    // The chosen command, and the database it writes (for cleanup when it created the file and failed).
    std::vector<std::pair<CLI::App*, std::function<int()>>> actions;
    actions.reserve(16); // also keeps GCC 12 at -O2 from a false -Warray-bounds on the first emplace_back
    std::vector<std::pair<CLI::App*, const std::filesystem::path*>> writers;

    // init
    std::filesystem::path init_db;
    auto* init = app.add_subcommand("init", "Create the database, or migrate it to the current schema; idempotent");
    add_db(*init, init_db, write_db);
    init->footer("Example:\n  hds init hds.db");
    actions.emplace_back(init, [&] { return run_init(init_db, std::cout); });
    writers.emplace_back(init, &init_db);

    // ingest
    ingest_command ingest_c;
    std::string ingest_label;
    std::string ingest_mapping;
    auto* ingest = app.add_subcommand("ingest", "Ingest registry files as ONE snapshot of the registry taken on --date");
    add_db(*ingest, ingest_c.db, write_db);
    ingest->add_option("FILE", ingest_c.files, "Registry files: CSV (; , or tab; UTF-8 or Windows-1252), saved HTML "
                                                "page, JSON, or workbook (.xlsx, .ods); - is standard input; "
                                                "several files make one snapshot")
        ->required()
        ->type_name("PATH");
    ingest->add_option("--date", ingest_c.date, "The date the registry was read, YYYY-MM-DD (required)")->required();
    auto* label_option =
        ingest->add_option("--label", ingest_label, "Free text shown by `hds snapshots`, e.g. the source's URL");
    ingest->add_option("--format", ingest_c.format,
                       "How to read the files: auto (by name and content), csv, html, json, xlsx, ods")
        ->check(CLI::IsMember({"auto", "csv", "html", "json", "xlsx", "ods"}))
        ->capture_default_str();
    std::string ingest_sheet;
    auto* sheet_option = ingest->add_option(
        "--sheet", ingest_sheet,
        "The workbook's sheet to read, by name (default: the first sheet whose header names a company)");
    auto* mapping_option = ingest->add_option(
        "--mapping", ingest_mapping, "A file naming extra header names for the registry's columns");
    ingest->add_flag("--replace", ingest_c.replace,
                     "Replace the snapshot of that date when it was made from other files (default: refuse)");
    ingest->add_flag("--skip-bad-rows", ingest_c.skip_bad_rows,
                     "Set malformed rows aside (listed as warnings) instead of failing the whole ingest");
    ingest->add_flag("-q,--quiet", ingest_c.quiet,
                     "No progress line (stage, rows read, rate), which is otherwise drawn on standard error when it "
                     "is a terminal");
    ingest->footer("Examples:\n"
                   "  hds ingest hds.db registry-2020-07.csv --date 2020-07-31 --label \"ANS list\"\n"
                   "  hds ingest hds.db page-1.html page-2.html --date 2021-02-01 --replace\n"
                   "  hds ingest hds.db registre.xlsx --sheet Liste --date 2022-03-01\n"
                   "  curl -s URL | hds ingest hds.db - --date 2023-01-15\n"
                   "Ingesting the same files again for the same date changes nothing (exit 0).");
    actions.emplace_back(ingest, [&] {
        if (label_option->count() > 0) ingest_c.label = ingest_label;
        if (mapping_option->count() > 0) ingest_c.mapping = ingest_mapping;
        if (sheet_option->count() > 0) ingest_c.sheet = ingest_sheet;
        ingest_c.verbose = verbose;
        return run_ingest(ingest_c, std::cout);
    });
    writers.emplace_back(ingest, &ingest_c.db);

    // annotate
    annotate_command annotate_c;
    auto* annotate = app.add_subcommand(
        "annotate", "Load analyst annotations: each company's nationality, positioning, group and source");
    add_db(*annotate, annotate_c.db, write_db);
    annotate->add_option("FILE", annotate_c.file,
                         "CSV with header company,nationality,positioning and optional group,source columns; "
                         "nationality is ISO 3166-1 alpha-2, positioning one of hosting, esn, software, end_user, "
                         "medtech, insurer, other")
        ->required()
        ->type_name("PATH");
    annotate->footer("Example:\n  hds annotate hds.db annotations.csv\n"
                     "with annotations.csv:\n  company,nationality,positioning,group,source\n"
                     "  OVHcloud,FR,hosting,,article");
    actions.emplace_back(annotate, [&] {
        annotate_c.verbose = verbose;
        return run_annotate(annotate_c, std::cout);
    });
    writers.emplace_back(annotate, &annotate_c.db);

    // alias
    alias_command alias_c;
    auto* alias = app.add_subcommand(
        "alias", "Declare that a company listed as NAME is the company CANONICAL (a rename, a merger)");
    add_db(*alias, alias_c.db, write_db);
    alias->add_option("NAME", alias_c.name, "The other name, as a registry lists it")->required();
    alias->add_option("CANONICAL", alias_c.canonical, "The name of a company the database knows")->required();
    alias->footer("Example:\n  hds alias hds.db \"OVH\" \"OVHcloud\"");
    actions.emplace_back(alias, [&] { return run_alias(alias_c, std::cout); });
    writers.emplace_back(alias, &alias_c.db);

    // snapshots
    read_options snapshots_c;
    auto* snapshots = app.add_subcommand("snapshots", "List the snapshots: date, label, companies, source files");
    add_db(*snapshots, snapshots_c.db, read_db);
    add_format(*snapshots, snapshots_c.format);
    snapshots->footer("Example:\n  hds snapshots hds.db --format json");
    actions.emplace_back(snapshots, [&] { return run_snapshots(snapshots_c, std::cout); });

    // breakdown
    breakdown_command breakdown_c;
    auto* breakdown = app.add_subcommand(
        "breakdown", "Count the companies of one snapshot by a dimension, with each count's share of the total");
    add_db(*breakdown, breakdown_c.db, read_db);
    breakdown->add_option("--by", breakdown_c.by,
                          "The dimension: activity, nationality, positioning, certifier, certificate-type, "
                          "activity-count (required)")
        ->required()
        ->check(CLI::IsMember({"activity", "nationality", "positioning", "certifier", "certificate-type",
                               "activity-count"}));
    breakdown->add_option("--snapshot", breakdown_c.snapshot, snapshot_help)->capture_default_str();
    add_format(*breakdown, breakdown_c.format);
    breakdown->footer("Examples:\n  hds breakdown hds.db --by activity\n"
                      "  hds breakdown hds.db --by nationality --snapshot 2020-07 --format csv");
    actions.emplace_back(breakdown, [&] { return run_breakdown(breakdown_c, std::cout); });

    // companies
    companies_command companies_c;
    std::string companies_nationality;
    std::string companies_positioning;
    auto* companies = app.add_subcommand("companies", "List the companies a snapshot lists, filtered");
    add_db(*companies, companies_c.db, read_db);
    companies->add_option("--snapshot", companies_c.snapshot, snapshot_help)->capture_default_str();
    companies
        ->add_option("--activity", companies_c.activities,
                     "Only companies certified for activity N (1 to 6); repeat it for all of several")
        ->check(CLI::Range(1, 6))
        ->allow_extra_args(false)
        ->type_name("N");
    auto* nationality_option = companies->add_option(
        "--nationality", companies_nationality, "Only companies of this nationality, ISO 3166-1 alpha-2 (e.g. FR)")
        ->type_name("CC");
    auto* positioning_option = companies->add_option(
        "--positioning", companies_positioning,
        "Only companies of this positioning: hosting, esn, software, end_user, medtech, insurer, other")
        ->type_name("CODE");
    add_format(*companies, companies_c.format);
    companies->footer("Examples:\n  hds companies hds.db --activity 1 --activity 6 --nationality FR\n"
                      "  hds companies hds.db --snapshot 2019-06 --positioning hosting --format json");
    actions.emplace_back(companies, [&] {
        if (nationality_option->count() > 0) companies_c.nationality = companies_nationality;
        if (positioning_option->count() > 0) companies_c.positioning = companies_positioning;
        return run_companies(companies_c, std::cout);
    });

    // diff
    diff_command diff_c;
    auto* diff = app.add_subcommand(
        "diff", "What changed from one snapshot to another: companies entered, left, changed activities; "
                "certificates moved to another certifier or renewed");
    add_db(*diff, diff_c.db, read_db);
    diff->add_option("FROM", diff_c.from, "The earlier snapshot: YYYY-MM-DD, YYYY-MM or latest")->required();
    diff->add_option("TO", diff_c.to, "The later snapshot: YYYY-MM-DD, YYYY-MM or latest")->required();
    add_format(*diff, diff_c.format);
    diff->footer("Example:\n  hds diff hds.db 2019-06 2020-07 --format json");
    actions.emplace_back(diff, [&] { return run_diff(diff_c, std::cout); });

    // as-of
    as_of_command as_of_c;
    int as_of_activity = 0;
    auto* as_of = app.add_subcommand(
        "as-of", "Companies holding a certificate valid on DATE by the certificate's own dates, whatever snapshot "
                 "listed it");
    add_db(*as_of, as_of_c.db, read_db);
    as_of->add_option("DATE", as_of_c.date, "The day, YYYY-MM-DD")->required();
    auto* as_of_activity_option =
        as_of->add_option("--activity", as_of_activity, "Only certificates covering activity N (1 to 6)")
            ->check(CLI::Range(1, 6))
            ->type_name("N");
    add_format(*as_of, as_of_c.format);
    as_of->footer("Example:\n  hds as-of hds.db 2021-01-01 --activity 6");
    actions.emplace_back(as_of, [&] {
        if (as_of_activity_option->count() > 0) as_of_c.activity = as_of_activity;
        return run_as_of(as_of_c, std::cout);
    });

    // findings
    findings_command findings_c;
    auto* findings = app.add_subcommand(
        "findings", "Check each finding of one or more findings sets against the database (default: the mind "
                    "Health article of October 2020): expected, actual, holds; the findings on the lists apart "
                    "from those on the reference data (F13). Exit 0 when none fails (a finding whose month has "
                    "no snapshot does not fail), 1 otherwise");
    add_db(*findings, findings_c.db, read_db);
    findings
        ->add_option("--set", findings_c.sets,
                     "A findings set: a built-in set's name (article, later-lists) or a directory of .sql files, "
                     "one finding a file (docs/findings.md); repeat for several. Default: article")
        ->allow_extra_args(false) // one set per --set, so that `--set a DB` leaves DB to its own argument
        ->type_name("DIR|NAME");
    add_format(*findings, findings_c.format);
    findings->footer("Examples:\n  hds findings hds.db --format json\n"
                     "  hds findings hds.db --set article --set later-lists --set my-findings/");
    actions.emplace_back(findings, [&] { return run_findings(findings_c, std::cout); });

    // report, datasette-metadata: each registered by its own file (publishing_commands.hpp).
    add_report_command(app, actions);
    add_datasette_metadata_command(app, actions);
    add_help_command(app, actions);
    add_complete_command(app, actions);

    app.footer("Run `hds help COMMAND` or `hds COMMAND --help` for a command's flags and an example.\n"
               "NO_COLOR set in the environment turns colour off.\n"
               "Exit codes: 0 done; 1 a finding does not hold (findings); 2 bad usage or bad input; 3 an "
               "operational failure (database locked past --busy-timeout, disk full, I/O error, read-only file).\n"
               "Example:\n  hds ingest hds.db registry.csv --date 2020-07-31 && hds breakdown hds.db --by activity");

    // CLI11 says only "A subcommand is required" for a word that names no command, or for an option it does
    // not know: say which word, and the nearest right one.
    const std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
    if (const auto message = unknown_command(app, args)) {
        std::cerr << "hds: " << one_line(*message) << '\n';
        return exit_usage;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e); // --help, --version
        std::string command = "hds";
        for (const CLI::App* chosen : app.get_subcommands()) command += " " + chosen->get_name();
        std::cerr << "hds: " << one_line(unknown_option(app, args).value_or(e.what())) << '\n'
                  << "Run `" << command << " --help` for more information.\n";
        return exit_usage;
    }
    if (verbose) hds::set_log_level(hds::log_level::info);
    set_busy_timeout(std::chrono::milliseconds(busy_timeout_ms));

    // A writing command that fails leaves the database as it was: when it did not exist, no file at all.
    const std::filesystem::path* written = nullptr;
    bool existed = true;
    for (const auto& [command, db] : writers)
        if (command->parsed()) {
            written = db;
            std::error_code ignored;
            existed = std::filesystem::exists(*db, ignored);
        }
    const auto fail = [&](const std::string& message, int code) {
        if (written != nullptr && !existed) remove_database_files(*written);
        std::cerr << "hds: " << one_line(message) << '\n';
        return code;
    };

    try {
        for (const auto& [command, action] : actions)
            if (command->parsed()) return action();
        return exit_usage; // unreachable: require_subcommand(1)
    } catch (const hds::error& e) {
        return fail(e.what(), e.kind() == hds::error_kind::operational ? exit_operational : exit_usage);
    } catch (const std::bad_alloc&) {
        return fail("out of memory", exit_operational);
    } catch (const std::exception& e) {
        return fail(e.what(), exit_usage);
    } catch (...) {
        return fail("unexpected failure", exit_usage);
    }
}
