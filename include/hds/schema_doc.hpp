// What each table, view and column of a database holds (table schema_doc): the database's own documentation,
// for tools that show it to people (hds datasette-metadata) and for anyone opening the file.
//
// Thread-safety: as hds::database (one thread per handle).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hds/database.hpp"

namespace hds {

struct schema_description {
    std::string object;                ///< a table or view
    std::optional<std::string> column; ///< one of its columns; nullopt: the description of the object itself
    std::string description;           ///< what it holds, its unit, where the value comes from
    bool is_view = false;              ///< the object is a view (else a table)
};

/** Every row of schema_doc for the tables and views the database holds, by object name, the object's own
 *  row first, then its columns in the order the object defines them. Throws hds::error(database) when SQLite
 *  fails. */
std::vector<schema_description> schema_doc(database& db);

} // namespace hds
