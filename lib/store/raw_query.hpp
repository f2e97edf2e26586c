// A SELECT read through SQLite's own calls, for the loops over thousands of rows: an ingest's reading of the
// latest snapshot and a file's lines, `hds as-of`, `hds companies`.
//
// SQLiteCpp's Statement hands each value over in a Column object holding a shared pointer to the statement:
// two atomic operations a value once the process has a second thread (listing_feed.hpp), and a call and a
// copy of the pointer more: 1.7 M instructions of a day's ingest for reading the latest snapshot alone
// (docs/performance.md, eleventh round).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace hds::store {

class raw_query {
public:
    raw_query(SQLite::Database& db, const char* sql) : handle_(db.getHandle())
    {
        sqlite3_stmt* prepared = nullptr;
        const int result = sqlite3_prepare_v2(handle_, sql, -1, &prepared, nullptr);
        statement_.reset(prepared);
        if (result != SQLITE_OK) throw SQLite::Exception(handle_, result);
    }

    void bind(int index, std::int64_t value) { check(sqlite3_bind_int64(statement_.get(), index, value)); }
    void bind(int index, std::string_view value)
    {
        check(sqlite3_bind_text(statement_.get(), index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
    }

    /// Back to before the first row, the bindings kept, to run the query again.
    void reset() { sqlite3_reset(statement_.get()); }

    /// Moves to the next row; false after the last.
    bool step()
    {
        const int result = sqlite3_step(statement_.get());
        if (result == SQLITE_ROW) return true;
        if (result != SQLITE_DONE) throw SQLite::Exception(handle_, result);
        return false;
    }

    [[nodiscard]] std::int64_t int64(int column) const { return sqlite3_column_int64(statement_.get(), column); }
    [[nodiscard]] int integer(int column) const { return sqlite3_column_int(statement_.get(), column); }
    [[nodiscard]] bool is_null(int column) const { return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL; }
    /// Valid until the next step; empty for NULL, as int64() and integer() read NULL as 0.
    [[nodiscard]] std::string_view text(int column) const
    {
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_.get(), column));
        return {bytes ? bytes : "", static_cast<std::size_t>(sqlite3_column_bytes(statement_.get(), column))};
    }
    /// A copy; nullopt for NULL.
    [[nodiscard]] std::optional<std::string> optional_text(int column) const
    {
        if (is_null(column)) return std::nullopt;
        return std::string(text(column));
    }

private:
    void check(int result) const
    {
        if (result != SQLITE_OK) throw SQLite::Exception(handle_, result);
    }

    struct finalize {
        void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
    };
    sqlite3* handle_;
    std::unique_ptr<sqlite3_stmt, finalize> statement_;
};

} // namespace hds::store
