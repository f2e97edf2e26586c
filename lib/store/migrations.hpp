// Schema migrations (sql/schema/NNNN_*.sql) and views (sql/views/*.sql), embedded at build time.
#pragma once

#include <SQLiteCpp/Database.h>

namespace hds::store {

/// The schema version after every migration: how many there are.
int latest_schema_version() noexcept;

/// Applies migrations user_version+1 .. target in order, each in its own transaction that also sets
/// PRAGMA user_version. Throws hds::error(database) when the file is newer than `target`.
void migrate(SQLite::Database& db, int target);

/// Drops and creates every view again, in one transaction, when the embedded views' text differs from
/// what the file has installed (table installed_views); otherwise writes nothing, so that opening a
/// database never changes its bytes.
void install_views(SQLite::Database& db);

} // namespace hds::store
