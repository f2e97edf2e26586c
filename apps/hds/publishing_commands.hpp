// The commands that present a database to people rather than answer one question: `hds report` (an HTML or
// Markdown report with charts) and `hds datasette-metadata` (Datasette's metadata.json). Kept apart from
// main.cpp, which only registers them, so that each reads whole in its own file.
//
// Thread-safety: call from one thread (they parse arguments and print to the given streams).
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

namespace hds::cli {

/// What main() runs once the arguments are parsed: the chosen command's action.
using action_list = std::vector<std::pair<CLI::App*, std::function<int()>>>;

/// Registers `hds report DB --out FILE [--snapshot SNAP] [--lang fr|en]` (report_command.cpp).
void add_report_command(CLI::App& app, action_list& actions);

/// Registers `hds datasette-metadata DB` (datasette_command.cpp).
void add_datasette_metadata_command(CLI::App& app, action_list& actions);

} // namespace hds::cli
