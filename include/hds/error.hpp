// hds::error: the one exception type the library throws.
//
// Thread-safety: an error is an immutable value; copies may be used from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace hds {

/// What went wrong, so that a caller can branch without parsing the message.
enum class error_kind {
    input,     ///< a file or value given by the user is malformed (carries file and line when known)
    usage,     ///< a call or command was given arguments that make no sense
    not_found, ///< a snapshot, company or file that was asked for does not exist
    conflict,  ///< the request contradicts what the database holds (e.g. another file for a dated snapshot)
    database,  ///< the database file is not one hds can use (not SQLite, corrupt, written by a newer hds)
    io,        ///< an input file could not be read (missing, a directory, unreadable)
    /// The environment failed, not the input: the database stayed locked past the busy timeout, the disk is
    /// full, an I/O error, a read-only file, memory ran out. Worth retrying, or fixing outside the input; the
    /// command line exits 3 for it.
    operational,
};

/// Where in an input file an error was found. Lines count from 1; 0 means "the whole file". In a spreadsheet
/// the line is the sheet's row number, and `cell` names the place as a spreadsheet does ("Liste!D7", or
/// "Liste!7:7" for a whole row); messages then show it instead of the line.
struct location {
    std::string file;
    std::size_t line = 0;
    std::optional<std::string> cell{};
};

/// The exception every hds function throws. what() is one line, ready for a user:
/// "FILE:LINE: message" (or "FILE:SHEET!CELL: message") for input errors with a location, the message alone
/// otherwise.
class error : public std::runtime_error {
public:
    error(error_kind kind, const std::string& message);
    error(error_kind kind, location where, const std::string& message);

    [[nodiscard]] error_kind kind() const noexcept { return kind_; }
    /// The message without the location prefix.
    [[nodiscard]] const std::string& message() const noexcept { return message_; }
    [[nodiscard]] const std::optional<location>& where() const noexcept { return where_; }

private:
    error_kind kind_;
    std::string message_;
    std::optional<location> where_;
};

} // namespace hds
