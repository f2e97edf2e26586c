// Spans: what each snapshot lists, stored as runs of consecutive snapshots, so that storage grows with what
// changes in the registry, not with snapshots × companies. Two tables hold spans:
// - certificate_span (certificate_id): each certificate listed;
// - company_span (company_id, activities, provenance): each company listed, with the union of its
//   activities and the notes of its rows, so that per-snapshot questions need no aggregation.
//
// Invariant: a span (KEY..., first_date, last_date) means the key was listed in every snapshot dated
// first_date..last_date, and both are snapshot dates; last_date NULL means "up to the latest snapshot", so
// that a snapshot which lists what the previous one listed touches no span. Snapshots may arrive in any
// date order; these functions keep the invariant, in a few set-based statements each.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace hds::store {

/// A table of spans: its name, the columns that make its key (the first one names the entity, e.g. the
/// company), and the temporary table that lists the keys of the snapshot being written.
struct span_table {
    const char* name;
    std::vector<const char*> key;
    const char* listed; ///< temp table with the key columns, filled by the caller before add_snapshot
    /// The key columns as declared in `listed`, with the span table's types: a column without one has no
    /// affinity, and SQLite then cannot use `listed`'s primary key to match the span table's integer column
    /// (a day's spans took 0.2 s, scanning `listed` once per open span).
    const char* listed_columns;
};

extern const span_table certificate_spans; ///< certificate_span: certificate_id
extern const span_table company_spans;     ///< company_span: company_id, activities, provenance

/// Creates (empty) the temp table `table.listed` for this connection.
void create_listed_table(SQLite::Database& db, const span_table& table);

/// Records that the snapshot dated `date` lists the keys in `table.listed`. The snapshot row must already
/// exist, and no span may start or end at `date` (a new date, or one whose old snapshot remove_snapshot
/// took out).
void add_snapshot(SQLite::Database& db, const span_table& table, const std::string& date);

/// Takes the snapshot dated `date` out of every span of the table, before its snapshot row is deleted.
void remove_snapshot(SQLite::Database& db, const span_table& table, const std::string& date);

/// A key's values but the entity column, as text or NULL (SQLite's column affinity stores numbers).
using span_values = std::vector<std::optional<std::string>>;

/// Replaces every span of one entity (`table.key[0]` = entity) with the runs of `listed`: snapshot date →
/// the key's other values in that snapshot. For merges by `hds alias`.
void write_spans(SQLite::Database& db, const span_table& table, std::int64_t entity,
                 const std::map<std::string, span_values>& listed);

/// The entity's listed snapshots (date → the key's other values), read back from its spans.
std::map<std::string, span_values> read_spans(SQLite::Database& db, const span_table& table, std::int64_t entity);

} // namespace hds::store
