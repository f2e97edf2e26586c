// A command line that guides: `hds help [COMMAND]`, and for a misspelt command or option a message that says
// which word is wrong and the nearest right one ("unknown command `brekdown`; did you mean `breakdown`?")
// instead of CLI11's "A subcommand is required". The names come from the CLI11 app itself, never a copy.
//
// Thread-safety: call from one thread (they read the app and print to standard output).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "publishing_commands.hpp"

namespace hds::cli {

/// Registers `hds help [COMMAND]`: the same text as `hds [COMMAND] --help` (exit 0); an unknown COMMAND is
/// bad usage with the nearest command's name.
void add_help_command(CLI::App& app, action_list& actions);

/// The help text `hds COMMAND --help` prints (`command` the app itself: `hds --help`).
std::string help_text(const CLI::App& app, const CLI::App& command);

/// When the word naming the command (the first one that is not an option or an option's value) names none,
/// the one-line message saying so, with the nearest command or else the list of commands; nullopt otherwise.
std::optional<std::string> unknown_command(const CLI::App& app, const std::vector<std::string>& args);

/// The position in `args` of the word naming the command (the first that is not an option or an option's
/// value), or args.size() when there is none.
std::size_t command_position(const CLI::App& app, const std::vector<std::string>& args);

/// The option `word` names in `command` ("--by", "--by=x" and "-v" forms), or nullptr.
const CLI::Option* option_named(const CLI::App& command, const std::string& word);

/// True when `option` takes a value and `word` does not hold it after "=".
bool takes_a_value(const CLI::Option* option, const std::string& word);

/// The commands `hds help` lists, in order (hidden ones, e.g. __complete, left out).
std::vector<std::string> command_names(const CLI::App& app);

/// The first option of `args` that neither `hds` nor the command it names knows, as a one-line message with
/// the nearest known option ("unknown option `--verbos` for `hds breakdown`; did you mean `--verbose`?");
/// nullopt when every option is known (the parse failed for another reason).
std::optional<std::string> unknown_option(const CLI::App& app, const std::vector<std::string>& args);

} // namespace hds::cli
