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

/// True when `code` is a positioning of table positioning.
bool is_positioning(SQLite::Database& db, const std::string& code);

/// The positioning codes, sorted and joined with ", ", for messages that list the valid ones.
std::string positioning_codes(SQLite::Database& db);

} // namespace hds::store
