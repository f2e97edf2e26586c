// Shell completion's source of truth: the hidden command `hds __complete WORD...` prints, one a line, what may
// follow the words already typed — commands, a command's options, an option's values (from its CLI11 check, so
// --format and --by list what the parser accepts), and for --snapshot, FROM and TO the snapshot dates of the
// database named on the line. apps/hds/completion/hds.bash asks it at each <Tab>.
//
// Thread-safety: call from one thread.
#pragma once

#include <CLI/CLI.hpp>

#include "publishing_commands.hpp"

namespace hds::cli {

/// Registers the hidden `hds __complete [WORD...]` (after every other command, whose names and options it reads).
void add_complete_command(CLI::App& app, action_list& actions);

} // namespace hds::cli
