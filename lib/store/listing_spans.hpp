// Listing spans: which certificates each snapshot listed, stored as runs of consecutive snapshots so that
// storage grows with what changes in the registry, not with snapshots × certificates.
//
// Invariant: a span (certificate, file_ordinal, line, first_date, last_date) means the certificate was
// listed at that place in every snapshot dated first_date..last_date, and first_date and last_date are
// snapshot dates. Snapshots may arrive in any date order; these two functions keep the invariant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace hds::store {

struct listed_certificate {
    std::int64_t certificate_id = 0;
    std::size_t file_ordinal = 0;
    std::size_t line = 0;
};

/// Records that the snapshot dated `date` lists `listed`. The snapshot row must already exist, and no
/// span may end at `date` (a new date, or one whose old snapshot remove_snapshot_spans took out).
void add_snapshot_spans(SQLite::Database& db, const std::string& date, const std::vector<listed_certificate>& listed);

/// Takes the snapshot dated `date` out of every span, before its snapshot row is deleted.
void remove_snapshot_spans(SQLite::Database& db, const std::string& date);

} // namespace hds::store
