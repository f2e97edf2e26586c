// Names staged once each: the companies and certifiers of a snapshot being written.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace hds::store {

/// A table (id INTEGER PRIMARY KEY, key TEXT UNIQUE, and a name column) of the names the staged rows use,
/// each with the spelling of the row that first uses its key; ids number them in that order. A staged row
/// refers to its company and certifier by id, so that each name is stored and grouped once, not once a row.
/// A temporary table, or, in a first snapshot, the store's own (first_snapshot.hpp).
class staged_names {
public:
    /// `table` must exist, with its spelling in column `name_column`.
    staged_names(SQLite::Database& db, const std::string& table, const std::string& name_column);

    /// The id of `key`, staged with `name` if it is new.
    std::int64_t id(const std::string& key, const std::string& name);

private:
    SQLite::Database& db_;
    SQLite::Statement insert_;
    SQLite::Statement find_;
    // A registry lists a company's rows one after another and repeats a few certifiers on every row: the
    // last key, and the first 4,096 keys, are answered without a statement.
    std::string last_key_;
    std::int64_t last_id_ = 0;
    std::unordered_map<std::string, std::int64_t> remembered_;
};

} // namespace hds::store
