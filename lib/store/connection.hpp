// The SQLite connection behind an hds::database, for the library's own code.
#pragma once

#include <filesystem>

#include <SQLiteCpp/Database.h>

#include "hds/database.hpp"

namespace hds {

struct database::impl {
    impl(const std::filesystem::path& file, int flags) : path(file), db(file.string(), flags) {}
    std::filesystem::path path;
    SQLite::Database db;
};

/// The connection of an open database.
inline SQLite::Database& connection(database& db) noexcept { return db.internal().db; }

} // namespace hds
