// SQL aggregate activity_union(activities): the union of activity sets (bit n-1 for activity n), as a bitwise
// OR over the group's rows. SQLite has no such aggregate, and its usual stand-in, six max(activities & bit)
// OR-ed together, costs six aggregate steps a row: half a second over a million-row registry.
#pragma once

#include <SQLiteCpp/Database.h>

namespace hds::store {

/// Makes activity_union available to the statements of `db`'s connection (the store's writers, not views).
void register_activity_union(SQLite::Database& db);

} // namespace hds::store
