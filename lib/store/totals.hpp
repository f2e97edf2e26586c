// Table snapshot_total: each snapshot's number of companies and certificates, kept equal to what its spans
// say (view v_snapshot_total_from_spans) at every write.
#pragma once

#include <cstdint>

#include <SQLiteCpp/Database.h>

namespace hds::store {

/// The counts of a snapshot just written, as its listings gave them.
void record_totals(SQLite::Database& db, std::int64_t snapshot, std::int64_t companies, std::int64_t certificates);

/// Counts every snapshot again from the spans: after a write that changes what other snapshots list
/// (`alias` merging two companies), and on open after the migration that added the table.
void count_totals_again(SQLite::Database& db);

/// True when some snapshot has no row in snapshot_total.
bool totals_missing(SQLite::Database& db);

} // namespace hds::store
