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

/// Binds a text value, or NULL when there is none.
inline void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::string>& value)
{
    if (value) statement.bind(index, *value);
    else statement.bind(index);
}

/// The connection of an open database.
inline SQLite::Database& connection(database& db) noexcept { return db.internal().db; }

} // namespace hds
