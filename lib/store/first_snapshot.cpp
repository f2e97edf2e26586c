#include "store/first_snapshot.hpp"

#include <SQLiteCpp/Statement.h>

#include "hds/error.hpp"
#include "store/totals.hpp"

namespace hds::store {
namespace {

// In the order the rows were staged, which is the order the files list them: each table's key grows as it is
// filled. A staged row's rowid is its certificate's id (a row refused as a duplicate leaves a gap). Companies
// and certifiers are in their tables already: staged there as the files were read.
constexpr const char* insert_certificates = R"(
INSERT INTO certificate (id, company_id, certificate_type, certifier_id, number, valid_from, valid_to, referential, activities)
    SELECT rowid, company, certificate_type, certifier, number, valid_from, valid_to, referential, activities
    FROM temp.staged ORDER BY rowid)";
constexpr const char* insert_certificate_spans =
    "INSERT INTO certificate_span (certificate_id, first_date, last_date) SELECT rowid, ?1, NULL FROM temp.staged ORDER BY rowid";
constexpr const char* insert_lines = "INSERT INTO line_entry (snapshot_id, file_ordinal, line, certificate_id) "
                                     "SELECT ?2, file_ordinal, line, rowid FROM temp.staged ORDER BY rowid";

// A company's activities are the union of its certificates' (read from index staged_certificate, which begins
// with the company and ends with the activities); its note, its rows' distinct notes in the order they first
// appear, as snapshot_writer's derive_listed makes them. Few rows have a note: they are found by a partial
// index, which spares most companies the subquery that orders their notes.
constexpr const char* index_notes = "CREATE INDEX temp.staged_note ON staged(company) WHERE provenance IS NOT NULL";
constexpr const char* insert_company_spans = R"(
INSERT INTO company_span (company_id, activities, provenance, first_date, last_date)
    SELECT company, activity_union(activities),
           CASE WHEN EXISTS (SELECT 1 FROM temp.staged n WHERE n.company = s.company AND n.provenance IS NOT NULL) THEN
               (SELECT group_concat(note, '; ') FROM (
                    SELECT n.provenance AS note FROM temp.staged n WHERE n.company = s.company AND n.provenance IS NOT NULL
                    GROUP BY n.provenance ORDER BY min(n.rowid)))
           END,
           ?1, NULL
    FROM temp.staged s GROUP BY company ORDER BY company)";

/// Runs `sql` with ?1 the snapshot's date and ?2 its id, as far as it asks for them; the rows it changed.
std::int64_t run(SQLite::Database& db, const char* sql, const std::string& date, std::int64_t snapshot)
{
    SQLite::Statement statement(db, sql);
    const int parameters = statement.getBindParameterCount();
    if (parameters >= 1) statement.bind(1, date);
    if (parameters >= 2) statement.bind(2, snapshot);
    return statement.exec();
}

} // namespace

bool store_is_empty(SQLite::Database& db)
{
    return db.execAndGet("SELECT NOT EXISTS (SELECT 1 FROM snapshot) AND NOT EXISTS (SELECT 1 FROM company) "
                         "AND NOT EXISTS (SELECT 1 FROM certifier) AND NOT EXISTS (SELECT 1 FROM certificate)")
               .getInt() != 0;
}

foreign_keys_off::~foreign_keys_off()
{
    try {
        turn_on();
    } catch (...) {
        // A destructor does not throw. The writer's transaction has ended by now (it is declared after this
        // member), so only a broken connection makes the pragma fail.
    }
}

void foreign_keys_off::turn_off()
{
    db_.exec("PRAGMA foreign_keys = OFF");
    off_ = true;
}

void foreign_keys_off::turn_on()
{
    if (!off_) return;
    db_.exec("PRAGMA foreign_keys = ON");
    off_ = false;
}

check_constraints_ignored::check_constraints_ignored(SQLite::Database& db) : db_(db)
{
    db_.exec("PRAGMA ignore_check_constraints = ON");
}

check_constraints_ignored::~check_constraints_ignored()
{
    try {
        db_.exec("PRAGMA ignore_check_constraints = OFF");
    } catch (...) {
        // A destructor does not throw; only a broken connection makes the pragma fail.
    }
}

void write_first_snapshot(SQLite::Database& db, std::int64_t snapshot, const std::string& date, ingest_summary& summary)
{
    {
        const check_constraints_ignored held_by_construction(db); // first_snapshot.hpp
        summary.certificates = static_cast<std::size_t>(run(db, insert_certificates, date, snapshot));
    }
    run(db, insert_certificate_spans, date, snapshot);
    db.exec(index_notes);
    summary.companies = static_cast<std::size_t>(run(db, insert_company_spans, date, snapshot));
    // Each company staged has a staged certificate (a row refused as a duplicate repeats a company staged
    // before it), so each is listed, and all are new: no need to count table company.
    summary.new_companies = summary.companies;
    run(db, insert_lines, date, snapshot);
    record_totals(db, snapshot, static_cast<std::int64_t>(summary.companies), static_cast<std::int64_t>(summary.certificates));
}

void check_foreign_keys(SQLite::Database& db, const std::string& table)
{
    SQLite::Statement check(db, "PRAGMA foreign_key_check(" + table + ")");
    if (!check.executeStep()) return;
    throw error(error_kind::database, "row " + check.getColumn(1).getString() + " of table " + check.getColumn(0).getString() +
                                          " refers to a missing row of table " + check.getColumn(2).getString() +
                                          "; nothing was written (a fault of hds: please report it)");
}

} // namespace hds::store
