// One place maps SQLite's extended result codes to hds::error kinds: operational (exit 3, retry later) for a
// busy, full, failing or read-only environment, database (exit 2) for a file hds cannot use.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include "sqlite_error.hpp"

namespace {

struct sqlite_case {
    int code;
    hds::error_kind kind;
};

TEST(sqlite_error, maps_extended_codes_to_a_kind)
{
    const sqlite_case cases[] = {
        {SQLITE_BUSY, hds::error_kind::operational},
        {SQLITE_BUSY_SNAPSHOT, hds::error_kind::operational},
        {SQLITE_LOCKED, hds::error_kind::operational},
        {SQLITE_FULL, hds::error_kind::operational},
        {SQLITE_IOERR_WRITE, hds::error_kind::operational},
        {SQLITE_IOERR_FSYNC, hds::error_kind::operational},
        {SQLITE_READONLY, hds::error_kind::operational},
        {SQLITE_READONLY_DBMOVED, hds::error_kind::operational},
        {SQLITE_CANTOPEN, hds::error_kind::operational},
        {SQLITE_NOMEM, hds::error_kind::operational},
        {SQLITE_NOTADB, hds::error_kind::database},
        {SQLITE_CORRUPT, hds::error_kind::database},
        {SQLITE_CONSTRAINT_FOREIGNKEY, hds::error_kind::database},
        {SQLITE_ERROR, hds::error_kind::database},
    };
    for (const auto& c : cases) {
        const SQLite::Exception e("message", c.code);
        const hds::error mapped = hds::sqlite_error(e, "x.db");
        EXPECT_EQ(mapped.kind(), c.kind) << sqlite3_errstr(c.code);
        EXPECT_EQ(mapped.message().rfind("x.db: message", 0), 0U) << mapped.message();
    }
}

TEST(sqlite_error, a_lock_says_what_to_do)
{
    const hds::error mapped = hds::sqlite_error(SQLite::Exception("database is locked", SQLITE_BUSY), "x.db");
    EXPECT_NE(mapped.message().find("retry later"), std::string::npos) << mapped.message();
    const hds::error other = hds::sqlite_error(SQLite::Exception("file is not a database", SQLITE_NOTADB), "x.db");
    EXPECT_EQ(other.message(), "x.db: file is not a database");
}

} // namespace
