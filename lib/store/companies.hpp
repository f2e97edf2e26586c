// Resolving names to companies and certifiers: the one place that says which row a name is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>

namespace hds::store {

/// The company a name resolves to: by its normalised key, or a declared alias's. nullopt when none.
std::optional<std::int64_t> find_company(SQLite::Database& db, const std::string& name);

/// The date of the most recent snapshot listing the company: the end of its last span, an open span ending at
/// the latest snapshot. nullopt when no snapshot lists it.
std::optional<std::string> last_listed(SQLite::Database& db, std::int64_t company);

/// find_company, or a new company with that display name. `created` says which.
std::int64_t find_or_create_company(SQLite::Database& db, const std::string& name, bool& created);

/// The certifying body of that name (matched by normalised key), created when new.
std::int64_t find_or_create_certifier(SQLite::Database& db, const std::string& name);

} // namespace hds::store
