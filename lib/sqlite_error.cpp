#include "sqlite_error.hpp"

#include <sqlite3.h>

namespace hds {

bool is_operational_sqlite_code(int code) noexcept
{
    if (code < 0) return false;
    switch (code & 0xFF) { // the primary code: SQLITE_IOERR_WRITE & 0xFF == SQLITE_IOERR
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_NOMEM:
    case SQLITE_PROTOCOL:
        return true;
    default:
        return false;
    }
}

error sqlite_error(const SQLite::Exception& e, const std::string& context)
{
    // SQLiteCpp leaves the extended code at -1 when it was built from a bare result code.
    const int code = e.getExtendedErrorCode() >= 0 ? e.getExtendedErrorCode() : e.getErrorCode();
    std::string message = context.empty() ? e.what() : context + ": " + e.what();
    const int primary = code & 0xFF;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        message += " (another program kept it locked past the busy timeout; retry later, or wait longer with "
                   "--busy-timeout)";
    return error(is_operational_sqlite_code(code) ? error_kind::operational : error_kind::database, message);
}

} // namespace hds
