#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "hds/database.hpp"
#include "hds/report.hpp"
#include "hds/snapshots.hpp"
#include "publishing_commands.hpp"

namespace hds::cli {
namespace {

struct report_command {
    std::filesystem::path db;
    std::filesystem::path out;
    std::string snapshot = "latest";
    std::string language = "fr";
};

} // namespace

void add_report_command(CLI::App& app, action_list& actions)
{
    auto c = std::make_shared<report_command>();
    auto* command = app.add_subcommand(
        "report", "Write a report of one snapshot: a self-contained HTML page with charts (no script, nothing from "
                  "the network), or Markdown with the same tables when FILE ends in .md");
    command->add_option("DB", c->db, "The hds database (SQLite file); it must exist")->required()->type_name("PATH");
    command->add_option("--out", c->out, "The file to write: FILE.html (or any other name) for HTML, FILE.md for "
                                         "Markdown (required)")
        ->required()
        ->type_name("FILE");
    command->add_option("--snapshot", c->snapshot,
                        "Which snapshot: a date YYYY-MM-DD, a month YYYY-MM holding exactly one snapshot, or latest")
        ->capture_default_str();
    command->add_option("--lang", c->language, "The report's language: fr or en")
        ->check(CLI::IsMember({"fr", "en"}))
        ->capture_default_str();
    command->footer("Examples:\n  hds report hds.db --out report.html\n"
                    "  hds report hds.db --out report.md --snapshot 2020-07 --lang en");
    actions.emplace_back(command, [c] {
        database db = database::open(c->db, open_mode::existing);
        const snapshot_info snapshot = resolve_snapshot(db, c->snapshot);
        write_report(db, c->out, snapshot, parse_report_language(c->language));
        std::cout << c->out.string() << ": report of snapshot " << snapshot.date << " (" << snapshot.companies
                  << " companies)\n";
        return 0;
    });
}

} // namespace hds::cli
