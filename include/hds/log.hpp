// Where the library's log goes. By default it is spdlog's logger "hds", printing to standard error (the level
// in colour when that is a terminal and the environment does not set NO_COLOR); a host application may send it
// to its own logging instead.
//
// Thread-safety: set_log_sink and set_log_level may be called from any thread; the sink is called from
// the thread that logs, so it must be safe to call from every thread that uses hds.
#pragma once

#include <functional>
#include <string_view>

namespace hds {

enum class log_level { debug, info, warning, error, off };

/// Receives each log message (one line, no trailing newline).
using log_sink = std::function<void(log_level level, std::string_view message)>;

/// Replaces where the log goes: every message goes to `sink` and no longer to standard error.
/// An empty sink restores the default.
void set_log_sink(log_sink sink);

/// Messages below `level` are dropped (default: info).
void set_log_level(log_level level);

} // namespace hds
