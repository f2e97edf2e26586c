// The first snapshot of an empty store: no company, certifier, certificate or snapshot yet.
//
// Then every staged row is a certificate of its own (the staged rows' unique index is certificate_identity's,
// with staged ids for company and certifier ids) and every staged name is new. So the staged ids become the
// ids, and each table is filled by one statement from the staged rows: nothing is looked up by name, no
// certificate is joined back to its rows, no span is looked for. Foreign keys are checked once, over the
// whole store, before the commit, rather than row by row: a million-row registry spends a third of its
// writing on parent lookups otherwise (docs/performance.md, thirteenth round).
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

/// Writes snapshot `snapshot` (its row and files written) dated `date` from temp.staged, temp.staged_company
/// and temp.staged_certifier into an empty store: certifiers, companies, certificates, their spans and
/// lines, and its totals. Fills the summary's counts.
void write_first_snapshot(SQLite::Database& db, std::int64_t snapshot, const std::string& date, ingest_summary& summary);

/// Every foreign key of the store holds; hds::error(database) naming the first row that breaks one otherwise.
void check_foreign_keys(SQLite::Database& db);

} // namespace hds::store
