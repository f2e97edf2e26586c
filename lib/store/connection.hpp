// The SQLite connection behind an hds::database, for the library's own code.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "hds/database.hpp"

namespace hds {

struct database::impl {
    impl(const std::filesystem::path& file, int flags) : path(file), db(file.string(), flags) {}
    std::filesystem::path path;
    SQLite::Database db;
};

/// The page cache of a connection that reads: small, because each page SQLite caches is memory the process
/// touches for the first time, which costs more than reading the page again (docs/performance.md, ninth
/// round), and a read command reads most pages once. The ingest sets its own cache, sized to its input.
inline void use_small_cache(SQLite::Database& db) { db.exec("PRAGMA cache_size = -256"); }

/// Binds a text value, or NULL when there is none.
inline void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::string>& value)
{
    if (value) statement.bind(index, *value);
    else statement.bind(index);
}

/// The same without a copy: `value` must outlive the statement's next step, and be bound again before the one
/// after (the staging of a row's many texts, where the copies counted).
inline void bind_optional_no_copy(SQLite::Statement& statement, int index, const std::optional<std::string>& value)
{
    if (value) statement.bindNoCopy(index, *value);
    else statement.bind(index);
}

/// The connection of an open database.
inline SQLite::Database& connection(database& db) noexcept { return db.internal().db; }

} // namespace hds
