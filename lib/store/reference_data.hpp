// Reference data the library reads back from the database (sql/schema/0002_reference_data.sql).
#pragma once

#include <string>

#include <SQLiteCpp/Database.h>

#include "certificate_types.hpp"
#include "mapping.hpp"

namespace hds::store {

/// The headers by which files name each activity's column (table activity_header), folded, for the mapping.
header_overrides activity_headers(SQLite::Database& db);

/// Which activities each certificate type covers, and its label (tables certificate_type, activity).
certificate_types read_certificate_types(SQLite::Database& db);

} // namespace hds::store
