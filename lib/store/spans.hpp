// Spans: what each snapshot lists, stored as runs of consecutive snapshots, so that storage grows with what
// changes in the registry, not with snapshots × companies. Two tables hold spans:
// - listing_span (certificate_id, file_ordinal, line): each certificate listed, and where;
// - company_span (company_id, activities): each company listed, with the union of its activities, so that
//   per-snapshot questions need no aggregation over certificates.
//
// Invariant: a span (KEY..., first_date, last_date) means the key was listed in every snapshot dated
// first_date..last_date, and both are snapshot dates. Snapshots may arrive in any date order; these
// functions keep the invariant.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace hds::store {

/// A table of spans and the columns that make its key, in order.
struct span_table {
    const char* name;
    std::vector<const char*> key;
};

extern const span_table listing_spans; ///< listing_span: certificate_id, file_ordinal, line
extern const span_table company_spans; ///< company_span: company_id, activities

/// The values of a span's key columns, in the table's order.
using span_key = std::vector<std::int64_t>;

/// Records that the snapshot dated `date` lists `keys`. The snapshot row must already exist, and no span
/// may start or end at `date` (a new date, or one whose old snapshot remove_snapshot took out).
void add_snapshot(SQLite::Database& db, const span_table& table, const std::string& date,
                  const std::vector<span_key>& keys);

/// Takes the snapshot dated `date` out of every span of the table, before its snapshot row is deleted.
void remove_snapshot(SQLite::Database& db, const span_table& table, const std::string& date);

/// Recomputes the company spans of `company` from its listed certificates, after certificates moved to it
/// (a merge by `hds alias`).
void rebuild_company_spans(SQLite::Database& db, std::int64_t company);

} // namespace hds::store
