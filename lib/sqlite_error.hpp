// The one place that turns an SQLite failure into an hds::error, by SQLite's extended result code, so that
// every caller (open, ingest, annotate, alias, queries) tells an operational failure from a bad file alike.
#pragma once

#include <string>

#include <SQLiteCpp/Exception.h>

#include "hds/error.hpp"

namespace hds {

/// True for the result codes that say the environment failed rather than the input: the database stayed
/// locked past the busy timeout (SQLITE_BUSY, SQLITE_LOCKED), the disk or a file-size limit is full
/// (SQLITE_FULL), an I/O error (SQLITE_IOERR_*), a file that cannot be written or opened (SQLITE_READONLY,
/// SQLITE_CANTOPEN, SQLITE_PERM), memory ran out (SQLITE_NOMEM). `code` may be primary or extended.
[[nodiscard]] bool is_operational_sqlite_code(int code) noexcept;

/// The hds::error for `e`: error_kind::operational for the codes above, error_kind::database for the others
/// (a file that is not a database, a corrupt one, a broken constraint). The message is `context: ` followed by
/// SQLite's message, plus what to do when the database was locked.
[[nodiscard]] error sqlite_error(const SQLite::Exception& e, const std::string& context);

} // namespace hds
