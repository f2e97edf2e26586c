// Reference data the library reads back from the database (sql/schema/0002_reference_data.sql).
#pragma once

#include <SQLiteCpp/Database.h>

#include "mapping.hpp"

namespace hds::store {

/// The headers by which files name each activity's column (table activity_header), folded, for the mapping.
header_overrides activity_headers(SQLite::Database& db);

} // namespace hds::store
