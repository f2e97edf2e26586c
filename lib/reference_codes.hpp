// Checking a nationality or positioning someone wrote (an annotation file, a `hds companies` filter) against
// the reference tables, so that both refuse a bad code with the same words and the code to use instead.
//
// Thread-safety: as the connection passed in (one thread per connection).
#pragma once

#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>

namespace hds {

/// What is wrong with nationality `code` (already upper case), or nullopt when table country has it:
/// `unknown nationality "UK": not an ISO 3166-1 alpha-2 code; did you mean GB?` for a code of table
/// country_alias, `unknown nationality "XX" (an ISO 3166-1 alpha-2 code, e.g. FR)` otherwise.
std::optional<std::string> nationality_problem(SQLite::Database& db, const std::string& code);

/// What is wrong with positioning `code`, or nullopt when table positioning has it: `unknown positioning
/// "hostng" (did you mean hosting? valid: end_user, esn, ...)`, the suggestion only for a near miss.
std::optional<std::string> positioning_problem(SQLite::Database& db, const std::string& code);

} // namespace hds
