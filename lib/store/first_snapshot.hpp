// The first snapshot of an empty store: no company, certifier, certificate or snapshot yet.
//
// Then every staged row is a certificate of its own (the staged rows' unique index is certificate_identity's,
// with staged ids for company and certifier ids) and every staged name is new. So names are staged straight
// into tables company and certifier as the files are read (their unique keys find a name staged already, as
// a temporary table's would), and the staged ids are the ids. Each other table is filled by one statement
// from the staged rows: nothing is looked up by name, no certificate is joined back to its rows, no span is
// looked for.
//
// Constraints are checked once, where they can fail, rather than row by row (docs/performance.md, thirteenth and
// fourteenth rounds):
// - Foreign keys are off while it writes: a million-row registry spent a third of its writing on parent
//   lookups. Before the commit, those of table certificate are checked, the only ones that come from the
//   staged rows' own references (their company, certifier and type). The others hold by how they are written:
//   each span and line entry names a certificate by the staged row's id, which is the certificate's; each
//   company span names a company that a certificate names; each line entry names this snapshot.
// - The CHECKs of table certificate hold for every staged row: its dates are written by parse::parse_date,
//   and tests/parse_dates_test.cpp checks every date it can write against SQLite's date(); its activities are
//   a non-empty set of the six (listing.cpp). SQLite checking them again took a quarter of the certificates'
//   statement, two date() calls a row, so that statement leaves them out.
#pragma once

#include <cstdint>
#include <string>

#include <SQLiteCpp/Database.h>

#include "hds/ingest.hpp"

namespace hds::store {

/// No company, certifier, certificate or snapshot.
bool store_is_empty(SQLite::Database& db);

/// Foreign keys off for as long as it lives, when asked. SQLite switches them only outside a transaction, so
/// a writer turns them off before it begins and back on after its commit or rollback.
class foreign_keys_off {
public:
    explicit foreign_keys_off(SQLite::Database& db) : db_(db) {}
    foreign_keys_off(const foreign_keys_off&) = delete;
    foreign_keys_off& operator=(const foreign_keys_off&) = delete;
    ~foreign_keys_off();

    void turn_off();
    void turn_on();

private:
    SQLite::Database& db_;
    bool off_ = false;
};

/// CHECK constraints left out of the statements compiled while it lives. SQLite applies them as it compiles a
/// statement, and compiles every statement again once the setting changes back.
class check_constraints_ignored {
public:
    explicit check_constraints_ignored(SQLite::Database& db);
    check_constraints_ignored(const check_constraints_ignored&) = delete;
    check_constraints_ignored& operator=(const check_constraints_ignored&) = delete;
    ~check_constraints_ignored();

private:
    SQLite::Database& db_;
};

/// Writes snapshot `snapshot` (its row and files written) dated `date` from temp.staged into an empty store whose
/// companies and certifiers were staged into their tables: certificates, their spans and lines, and its totals.
/// Fills the summary's counts.
void write_first_snapshot(SQLite::Database& db, std::int64_t snapshot, const std::string& date, ingest_summary& summary);

/// Every foreign key of table `table` holds; hds::error(database) naming the first row that breaks one
/// otherwise.
void check_foreign_keys(SQLite::Database& db, const std::string& table);

} // namespace hds::store
