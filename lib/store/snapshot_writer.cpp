#include "store/snapshot_writer.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>

#include <nlohmann/json.hpp>

#include "hds/error.hpp"
#include "readers/sheet_cells.hpp"
#include "store/connection.hpp"
#include "store/first_snapshot.hpp"
#include "store/lines.hpp"
#include "store/spans.hpp"
#include "store/totals.hpp"

namespace hds::store {
namespace {

std::string utc_now()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

std::optional<std::int64_t> snapshot_id(SQLite::Database& db, const std::string& date)
{
    SQLite::Statement query(db, "SELECT id FROM snapshot WHERE date = ?");
    query.bind(1, date);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getInt64();
}

// SQLite's default cache (2 MB) makes a large ingest read and write the same index pages again and again, so
// the cache grows with the input: 4 bytes for each byte read, from 1 MiB to 24 MiB for the database (2 bytes,
// from 2 MiB up to 8 MiB, for the temporary tables), so that a million-row ingest stays within its memory
// budget. An input under 1 MiB (a few thousand rows, a daily list) whose rows are mostly carried from the
// latest snapshot (latest_snapshot.hpp) gets 512 KiB: it reads most pages once and writes a few hundred, and
// each page a cache holds is memory the process touches for the first time, which costs more here than
// reading a page again (docs/performance.md, ninth round). A day's file of 450 KB on the ten-year database
// reads 880 pages with 512 KiB against 840 with 1.8 MiB, and touches 1,230 pages of memory instead of 1,660.
// Staged in sets, the same file read its pages again: 13 ms more for day 1 of the series.
// Changed pages stay in memory until the commit, so that readers are not locked out while a writer works
// (database.cpp turns spilling off), up to 12 MiB: past that, a large ingest spills them into the file rather
// than grow without bound, and readers wait for its end. 12 MiB is half the largest cache: a cache full of
// changed pages keeps no room for the pages an ingest only reads (the parent row each foreign key checks, the
// indexes' inner pages), and reads them from the file again for every row (1.5 million reads for 200,000
// rows when the threshold was the whole cache). Below the largest cache, an ingest changes about 2 bytes of
// pages for each byte read, half its cache. The threshold is set before spilling is turned back on (SQLite
// reads "cache_spill = 3072" as a boolean too, from its low byte: 0), and before the transaction begins
// (SQLite applies spill settings only outside one); the cache's size may change within it.
constexpr std::uintmax_t largest_main_kib = 24576;

// Dropping a table frees its pages one by one, reading back those the cache no longer holds: 0.30 s for the
// 1M-row registry's staged rows. Changing the temp_store setting discards the connection's whole temporary
// database instead (SQLite closes it, and its file goes): 0.05 s. Only a first snapshot's staged rows make it
// worth it, since SQLite then reads the schema again for the connection's next statement (2 ms on the
// ten-year database). Outside a transaction only: called after the commit, it must not fail the ingest, and
// if it cannot act the staged rows go with the connection, or with the next ingest's create_staged.
void discard_temporary_tables(SQLite::Database& db) noexcept
{
    try {
        const int setting = db.execAndGet("PRAGMA temp_store").getInt();
        db.exec("PRAGMA temp_store = " + std::to_string(setting == 1 ? 2 : 1));
        db.exec("PRAGMA temp_store = " + std::to_string(setting));
    } catch (const SQLite::Exception&) {
    }
}

std::uintmax_t main_cache_kib(std::uintmax_t input_bytes, bool rows_carried)
{
    if (rows_carried && input_bytes < 1024 * 1024) return 512;
    return std::clamp<std::uintmax_t>(input_bytes * 4 / 1024, 1024, largest_main_kib);
}

// Before the latest snapshot is read, the cache is sized as if its rows will be carried; the constructor
// grows it when they will not.
SQLite::Database& tuned_for_ingest(SQLite::Database& db, std::uintmax_t input_bytes)
{
    const std::uintmax_t main_kib = main_cache_kib(input_bytes, true);
    const std::uintmax_t temp_kib = std::clamp<std::uintmax_t>(input_bytes * 2 / 1024, 2048, 8192);
    const auto page_kib = static_cast<std::uintmax_t>(std::max(1, db.execAndGet("PRAGMA page_size").getInt() / 1024));
    const std::uintmax_t spill_pages = largest_main_kib / 2 / page_kib;
    db.exec("PRAGMA main.cache_size = -" + std::to_string(main_kib) + "; PRAGMA temp.cache_size = -" +
            std::to_string(temp_kib) + "; PRAGMA main.cache_spill = " + std::to_string(spill_pages) +
            "; PRAGMA cache_spill = ON");
    return db;
}

// Staged rows: one per certificate a row lists, as read. Its company and certifier are staged once each, as
// they first appear (staged_names.hpp), with the ids they resolve to filled in later. Index staged_certificate
// finds a row listing a certificate already staged (a duplicate) as it is staged, on disk rather than in memory
// (a NULL and an empty text are the same to it: cells are never empty, ids never 0).
constexpr const char* create_staged = R"(
DROP TABLE IF EXISTS temp.staged;
DROP TABLE IF EXISTS temp.staged_company;
DROP TABLE IF EXISTS temp.staged_certifier;
CREATE TEMP TABLE staged (
    file_ordinal INTEGER NOT NULL, line INTEGER NOT NULL, company INTEGER NOT NULL, certificate_type INTEGER NOT NULL,
    certifier INTEGER, number TEXT, valid_from TEXT, valid_to TEXT, referential TEXT, activities INTEGER NOT NULL,
    provenance TEXT, seq INTEGER NOT NULL);
CREATE UNIQUE INDEX temp.staged_certificate ON staged(company, certificate_type, ifnull(certifier, 0), ifnull(number, ''),
    ifnull(valid_from, ''), ifnull(valid_to, ''), ifnull(referential, ''), activities);
CREATE TEMP TABLE staged_company (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, company_id INTEGER);
CREATE TEMP TABLE staged_certifier (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, certifier_id INTEGER))";

// From the staged rows to the registry, in sets. ?1 is the snapshot's date.
constexpr const char* derive_names = R"(
INSERT INTO certifier (key, name)
    SELECT key, name FROM staged_certifier sc WHERE NOT EXISTS (SELECT 1 FROM certifier c WHERE c.key = sc.key)
    ORDER BY id;
UPDATE staged_certifier SET certifier_id = (SELECT id FROM certifier c WHERE c.key = staged_certifier.key);)";

// New companies, in the order the files list them; then every staged name resolved by key or alias.
constexpr const char* insert_companies = R"(
INSERT INTO company (key, display_name)
    SELECT key, name FROM staged_company sc
    WHERE NOT EXISTS (SELECT 1 FROM company c WHERE c.key = sc.key)
      AND NOT EXISTS (SELECT 1 FROM company_alias a WHERE a.key = sc.key)
    ORDER BY id)";

constexpr const char* resolve_companies = R"(
UPDATE staged_company SET company_id = coalesce(
    (SELECT id FROM company c WHERE c.key = staged_company.key),
    (SELECT company_id FROM company_alias a WHERE a.key = staged_company.key));
CREATE INDEX temp.staged_company_id ON staged_company(company_id))";

// The display name is the spelling of the most recent snapshot that lists the company: its first row there.
// Most recent is read from the company's spans, before this snapshot's are added (an open span reaches the
// latest snapshot), and a row is written only where the spelling changes: a day that spells every name as the
// day before rewrites no company. Companies created by this snapshot already have it.
constexpr const char* update_display_names = R"(
UPDATE company SET display_name = sc.name FROM staged_company sc
WHERE sc.company_id = company.id AND company.id <= ?2 AND company.display_name IS NOT sc.name
  AND NOT EXISTS (SELECT 1 FROM staged_company first WHERE first.company_id = sc.company_id AND first.id < sc.id)
  AND ?1 >= ifnull((SELECT max(ifnull(cs.last_date, (SELECT max(date) FROM snapshot)))
                    FROM company_span cs WHERE cs.company_id = company.id), ''))";

// Certificates: one row per distinct state (the unique index certificate_identity keeps them distinct). Then
// the staged rows' listed lines, in the order they were staged; `seq` places them among the carried rows'
// (snapshot_writer::listed_line::order).
constexpr const char* derive_certificates = R"(
INSERT INTO certificate (company_id, certificate_type, certifier_id, number, valid_from, valid_to, referential, activities)
    SELECT sc.company_id, s.certificate_type, cf.certifier_id, s.number, s.valid_from, s.valid_to, s.referential, s.activities
    FROM staged s JOIN staged_company sc ON sc.id = s.company
    LEFT JOIN staged_certifier cf ON cf.id = s.certifier
    WHERE true
    ON CONFLICT DO NOTHING;
CREATE TEMP TABLE listed_line AS
    SELECT s.seq, s.file_ordinal, s.line, c.id AS certificate_id, sc.company_id, c.activities, s.provenance
    FROM staged s JOIN staged_company sc ON sc.id = s.company
    LEFT JOIN staged_certifier cf ON cf.id = s.certifier
    JOIN certificate c ON c.company_id = sc.company_id AND c.certificate_type = s.certificate_type
         AND ifnull(c.certifier_id, 0) = ifnull(cf.certifier_id, 0) AND ifnull(c.number, '') = ifnull(s.number, '')
         AND ifnull(c.valid_from, '') = ifnull(s.valid_from, '') AND ifnull(c.valid_to, '') = ifnull(s.valid_to, '')
         AND ifnull(c.referential, '') = ifnull(s.referential, '') AND c.activities = s.activities
    ORDER BY s.rowid;)";

// What the listed lines, staged and carried, make of certificates and companies.
constexpr const char* derive_listed = R"(
-- OR IGNORE: the primary key keeps each certificate once, without DISTINCT's sort of every listed line first.
INSERT OR IGNORE INTO temp.listed_certificate (certificate_id) SELECT certificate_id FROM listed_line;
-- A company's activities are the union of its certificates'; its note, its rows' distinct notes.
INSERT INTO temp.listed_company (company_id, activities, provenance)
    SELECT company_id, activity_union(activities),
           CASE WHEN min(provenance) <> max(provenance) THEN -- several notes (cheaper than count(DISTINCT))
               (SELECT group_concat(p, '; ') FROM (SELECT DISTINCT l2.provenance AS p FROM listed_line l2
                 WHERE l2.company_id = l.company_id AND l2.provenance IS NOT NULL))
           ELSE max(provenance) END
    FROM listed_line l GROUP BY company_id;)";

// The staged columns of one certificate, ?3 to ?10 in stage_ and in the query for its first listing.
void bind_certificate(SQLite::Statement& statement, std::int64_t company, const std::optional<std::int64_t>& certifier,
                      const certificate& c)
{
    statement.bind(3, company);
    statement.bind(4, static_cast<int>(c.type));
    if (certifier) statement.bind(5, *certifier);
    else statement.bind(5);
    // Without a copy: `c` outlives the statement's step, and every value is bound again before the next.
    bind_optional_no_copy(statement, 6, c.number);
    bind_optional_no_copy(statement, 7, c.valid_from);
    bind_optional_no_copy(statement, 8, c.valid_to);
    bind_optional_no_copy(statement, 9, c.referential);
    statement.bind(10, static_cast<int>(c.activities.bits()));
}

} // namespace

ingest_summary::outcome plan_snapshot(SQLite::Database& db, const std::string& date,
                                      const std::vector<std::string>& sha256s, bool replace)
{
    const auto existing = snapshot_id(db, date);
    if (!existing) return ingest_summary::outcome::ingested;
    std::vector<std::string> hashes;
    SQLite::Statement query(db, "SELECT sha256 FROM source_file WHERE snapshot_id = ? ORDER BY ordinal");
    query.bind(1, *existing);
    while (query.executeStep()) hashes.push_back(query.getColumn(0).getString());
    if (hashes == sha256s) return ingest_summary::outcome::unchanged;
    if (!replace)
        throw error(error_kind::conflict,
                    "a snapshot dated " + date + " already exists from other files; use --replace to replace it");
    return ingest_summary::outcome::replaced;
}

snapshot_writer::snapshot_writer(SQLite::Database& db, std::string date, bool skip_bad_rows, std::uintmax_t input_bytes,
                                 std::size_t files)
    : db_(tuned_for_ingest(db, input_bytes)), date_(std::move(date)), skip_bad_rows_(skip_bad_rows),
      foreign_keys_(db), empty_store_(begin()),
      stage_(db, (db.exec(create_staged), "INSERT INTO staged (file_ordinal, line, company, certificate_type, certifier, number, "
                                          "valid_from, valid_to, referential, activities, provenance, seq) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")),
      // In a first snapshot, names are staged straight into their tables (first_snapshot.hpp).
      companies_(db, empty_store_ ? "main.company" : "temp.staged_company", empty_store_ ? "display_name" : "name"),
      certifiers_(db, empty_store_ ? "main.certifier" : "temp.staged_certifier", "name"), latest_(db, date_)
{
    if (empty_store_) writeback_.emplace(db_);
    if (!latest_.held()) {
        db_.exec("PRAGMA main.cache_size = -" + std::to_string(main_cache_kib(input_bytes, false)));
        return;
    }
    // The snapshot written comes just after the latest one, and each of its files is stored against that
    // one's (lines.hpp): read now, while the files are read on their own thread (listing_feed.hpp).
    for (std::size_t i = 0; i < files; ++i) line_bases_.push_back(read_line_base(db_, static_cast<std::int64_t>(i + 1), latest_.id()));
}

bool snapshot_writer::begin()
{
    // Foreign keys are switched before the transaction begins, and the store is asked again once it holds the
    // lock: another ingest may have written in between. Then it begins again, with them on.
    const bool empty = store_is_empty(db_);
    if (empty) foreign_keys_.turn_off();
    transaction_.emplace(db_, SQLite::TransactionBehavior::IMMEDIATE);
    if (!empty || store_is_empty(db_)) return empty;
    transaction_.reset();
    foreign_keys_.turn_on();
    transaction_.emplace(db_, SQLite::TransactionBehavior::IMMEDIATE);
    return false;
}

void snapshot_writer::add(const listing& row, const std::vector<std::string>& sources)
{
    // The company as the latest snapshot lists it, if it does. Its name needs staging only when this
    // snapshot's first row of it spells it otherwise than its display name.
    using spelling = latest_snapshot::company::spelling;
    latest_snapshot::company* known = latest_.find_company(row.company_key);
    if (known && known->first_spelling == spelling::unseen) {
        known->first_spelling = row.company == known->display_name ? spelling::same : spelling::other;
        if (known->first_spelling == spelling::other) companies_.id(row.company_key, row.company);
    }

    // The row's certificates that the latest snapshot lists, and whether that is all of them. One listed
    // already by this snapshot makes the row a duplicate: carried rows are not staged, so the staged rows'
    // unique index cannot find it.
    const bool has_certifier = row.certifier_key && !row.certificates.empty();
    const std::optional<std::int64_t> known_certifier = has_certifier ? latest_.find_certifier(*row.certifier_key) : std::nullopt;
    const bool resolved = known && (!has_certifier || known_certifier);
    std::vector<latest_snapshot::certificate_listed*> listed_before; // empty unless resolved
    if (resolved)
        for (const certificate& c : row.certificates) {
            listed_before.push_back(latest_.find_certificate(known->id, known_certifier, c));
            if (listed_before.back() && listed_before.back()->line != 0)
                return duplicate(row, {listed_before.back()->file_ordinal, listed_before.back()->line}, sources);
        }
    const bool carried = resolved && std::find(listed_before.begin(), listed_before.end(), nullptr) == listed_before.end();
    const auto record_listed = [&] {
        for (auto* c : listed_before)
            if (c) *c = {c->id, row.file_ordinal, row.line};
    };
    if (carried) {
        const std::int32_t note = row.provenance ? note_index(*row.provenance) : -1;
        for (std::size_t i = 0; i < row.certificates.size(); ++i)
            carried_.push_back({++order_, static_cast<std::int64_t>(row.file_ordinal), static_cast<std::int64_t>(row.line),
                                listed_before[i]->id, known->id, static_cast<int>(row.certificates[i].activities.bits()), note});
        record_listed();
        return;
    }

    // A row listing a certificate already staged under the same name is refused whole; its company and
    // certifier were staged by that first row already.
    const std::int64_t company =
        companies_.id(row.company_key, known && known->first_spelling == spelling::same ? known->display_name : row.company);
    std::optional<std::int64_t> certifier;
    if (has_certifier) certifier = certifiers_.id(*row.certifier_key, *row.certificates.front().certifier);
    std::vector<std::int64_t> staged; // this row's staged certificates
    for (const certificate& c : row.certificates) {
        stage_.bind(1, static_cast<std::int64_t>(row.file_ordinal));
        stage_.bind(2, static_cast<std::int64_t>(row.line));
        bind_certificate(stage_, company, certifier, c);
        bind_optional(stage_, 11, row.provenance);
        stage_.bind(12, ++order_);
        const bool added = stage_.exec() == 1;
        stage_.reset();
        if (added) {
            staged.push_back(db_.getLastInsertRowid());
            continue;
        }
        for (const std::int64_t rowid : staged) db_.exec("DELETE FROM temp.staged WHERE rowid = " + std::to_string(rowid));
        SQLite::Statement first(db_, "SELECT file_ordinal, line FROM temp.staged WHERE company = ?3 AND certificate_type = ?4 "
                                     "AND ifnull(certifier, 0) = ifnull(?5, 0) AND ifnull(number, '') = ifnull(?6, '') "
                                     "AND ifnull(valid_from, '') = ifnull(?7, '') AND ifnull(valid_to, '') = ifnull(?8, '') "
                                     "AND ifnull(referential, '') = ifnull(?9, '') AND activities = ?10");
        bind_certificate(first, company, certifier, c);
        first.executeStep();
        return duplicate(row, {static_cast<std::size_t>(first.getColumn(0).getInt64()),
                               static_cast<std::size_t>(first.getColumn(1).getInt64())}, sources);
    }
    record_listed();
}

std::int32_t snapshot_writer::note_index(const std::string& note)
{
    const auto [at, added] = note_index_.try_emplace(note, static_cast<std::int32_t>(notes_.size()));
    if (added) notes_.push_back(note);
    return at->second;
}

void snapshot_writer::duplicate(const listing& row, place first, const std::vector<std::string>& sources)
{
    const std::string line = std::to_string(first.line);
    // A sheet's rows are rows, and the place of one is "Liste!5:5", as a spreadsheet names it.
    const std::string same_as = first.file_ordinal != row.file_ordinal ? sources[first.file_ordinal - 1] + ":" + line
                                : row.sheet                            ? "row " + line
                                                                       : "line " + line;
    const std::string reason = "duplicate row: the same certificate as " + same_as;
    if (!skip_bad_rows_) {
        location where{sources[row.file_ordinal - 1], row.line};
        if (row.sheet) where.cell = readers::row_reference(*row.sheet, row.line);
        throw error(error_kind::input, std::move(where), reason);
    }
    reject({row.file_ordinal, row.line, reason, row.cells}, sources);
}

void snapshot_writer::reject(rejected_row row, const std::vector<std::string>& sources)
{
    warnings_.push_back(sources[row.file_ordinal - 1] + ":" + std::to_string(row.line) + ": " + row.reason +
                        " (row rejected)");
    rejected_.push_back(std::move(row));
}

ingest_summary snapshot_writer::finish(const std::optional<std::string>& label, const std::vector<source_file>& files,
                                       ingest_summary::outcome outcome)
{
    const std::string& date = date_;
    ingest_summary summary;
    summary.date = date;
    summary.result = outcome;

    if (const auto existing = snapshot_id(db_, date)) {
        detach_dependents(db_, *existing);
        remove_snapshot(db_, certificate_spans, date);
        remove_snapshot(db_, company_spans, date);
        SQLite::Statement drop(db_, "DELETE FROM snapshot WHERE id = ?");
        drop.bind(1, *existing);
        drop.exec();
    }

    SQLite::Statement insert_snapshot(db_, "INSERT INTO snapshot (date, label, parser_version, ingested_at) "
                                           "VALUES (?, ?, ?, ?)");
    insert_snapshot.bind(1, date);
    bind_optional(insert_snapshot, 2, label);
    insert_snapshot.bind(3, HDS_VERSION);
    insert_snapshot.bind(4, utc_now());
    insert_snapshot.exec();
    const std::int64_t snapshot = db_.getLastInsertRowid();

    SQLite::Statement insert_file(db_, "INSERT INTO source_file (snapshot_id, ordinal, path, sha256, format, bytes, rows) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& f = files[i];
        insert_file.bind(1, snapshot);
        insert_file.bind(2, static_cast<std::int64_t>(i + 1));
        insert_file.bind(3, f.path);
        insert_file.bind(4, f.sha256);
        insert_file.bind(5, f.format);
        insert_file.bind(6, static_cast<std::int64_t>(f.bytes));
        insert_file.bind(7, static_cast<std::int64_t>(f.rows));
        insert_file.exec();
        insert_file.reset();
    }

    if (empty_store_) write_first_snapshot(db_, snapshot, date, summary);
    else write_derived(snapshot, files.size(), summary);

    SQLite::Statement insert_rejected(db_, "INSERT INTO rejected_row (snapshot_id, file_ordinal, line, reason, cells) "
                                           "VALUES (?, ?, ?, ?, ?)");
    for (const auto& r : rejected_) {
        insert_rejected.bind(1, snapshot);
        insert_rejected.bind(2, static_cast<std::int64_t>(r.file_ordinal));
        insert_rejected.bind(3, static_cast<std::int64_t>(r.line));
        insert_rejected.bind(4, r.reason);
        insert_rejected.bind(5, nlohmann::json(r.cells).dump());
        insert_rejected.exec();
        insert_rejected.reset();
    }
    if (outcome == ingest_summary::outcome::replaced) remove_unlisted(db_);
    if (empty_store_) {
        check_foreign_keys(db_, "certificate"); // the others hold by construction (first_snapshot.hpp)
        transaction_->commit();
        writeback_.reset();
        discard_temporary_tables(db_);
    } else {
        for (const char* table : {"staged", "staged_company", "staged_certifier", "listed_line", "listed_certificate",
                                  "listed_company"})
            db_.exec(std::string("DROP TABLE IF EXISTS temp.") + table);
        transaction_->commit();
    }

    summary.rows_rejected = rejected_.size();
    summary.warnings = std::move(warnings_);
    return summary;
}

void snapshot_writer::write_derived(std::int64_t snapshot, std::size_t files, ingest_summary& summary)
{
    const std::string& date = date_;
    db_.exec("DROP TABLE IF EXISTS temp.listed_line");
    db_.exec(derive_names);
    const std::int64_t last_company_before = db_.execAndGet("SELECT ifnull(max(id), 0) FROM company").getInt64();
    {
        SQLite::Statement insert(db_, insert_companies);
        summary.new_companies = static_cast<std::size_t>(insert.exec());
    }
    db_.exec(resolve_companies);
    {
        SQLite::Statement update(db_, update_display_names);
        update.bind(1, date);
        update.bind(2, last_company_before);
        update.exec();
    }
    db_.exec(derive_certificates);

    // The snapshot just before: each file's lines are written against its file of the same ordinal.
    std::optional<previous_snapshot> previous;
    {
        SQLite::Statement query(db_, "SELECT id, date FROM snapshot WHERE date < ? ORDER BY date DESC LIMIT 1");
        query.bind(1, date);
        if (query.executeStep()) previous = previous_snapshot{query.getColumn(0).getInt64(), query.getColumn(1).getString()};
    }
    if (latest_.held()) write_from_memory(snapshot, summary);
    else write_in_sets(snapshot, files, previous, summary);
}

void snapshot_writer::write_in_sets(std::int64_t snapshot, std::size_t files, const std::optional<previous_snapshot>& previous,
                                    ingest_summary& summary)
{
    create_listed_table(db_, certificate_spans);
    create_listed_table(db_, company_spans);
    db_.exec(derive_listed);
    summary.companies = static_cast<std::size_t>(db_.execAndGet("SELECT count(*) FROM temp.listed_company").getInt64());
    summary.certificates = static_cast<std::size_t>(db_.execAndGet("SELECT count(*) FROM temp.listed_certificate").getInt64());
    if (previous) {
        // Listed with the same activities by the snapshot just before. CROSS JOIN: from each listed company to
        // its few spans by index company_span_company; SQLite otherwise reads every company span of the history
        // (a quarter of the pages a day read).
        SQLite::Statement unchanged(db_, "SELECT count(*) FROM temp.listed_company l CROSS JOIN company_span s "
                                         "ON s.company_id = l.company_id AND s.activities = l.activities "
                                         "WHERE s.first_date <= ?1 AND (s.last_date IS NULL OR s.last_date >= ?1)");
        unchanged.bind(1, previous->date);
        unchanged.executeStep();
        summary.unchanged_companies = static_cast<std::size_t>(unchanged.getColumn(0).getInt64());
    }
    add_snapshot(db_, certificate_spans, date_);
    add_snapshot(db_, company_spans, date_);
    record_totals(db_, snapshot, static_cast<std::int64_t>(summary.companies), static_cast<std::int64_t>(summary.certificates));
    const std::optional<std::int64_t> base = previous ? std::optional(previous->id) : std::nullopt;
    for (std::size_t i = 0; i < files; ++i) write_lines(db_, snapshot, static_cast<std::int64_t>(i + 1), "temp.listed_line", base);
}

void snapshot_writer::write_from_memory(std::int64_t snapshot, ingest_summary& summary)
{
    const std::size_t files = line_bases_.size();
    latest_.rows_read();
    // The staged rows' lines, resolved in SQL (few: the rows that changed).
    std::vector<listed_line> staged;
    SQLite::Statement query(db_, "SELECT seq, file_ordinal, line, certificate_id, company_id, activities, provenance "
                                 "FROM temp.listed_line ORDER BY rowid");
    while (query.executeStep()) {
        const SQLite::Column provenance = query.getColumn(6);
        staged.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getInt64(), query.getColumn(2).getInt64(),
                          query.getColumn(3).getInt64(), query.getColumn(4).getInt64(), query.getColumn(5).getInt(),
                          provenance.isNull() ? -1 : note_index(provenance.getString())});
    }

    // What derive_listed makes of the lines in SQL, from the staged and carried ones in the order the files
    // list them: each certificate once; each company with the union of its activities and its rows' distinct
    // notes in row order.
    listed_snapshot listed;
    std::vector<std::vector<line_listing>> file_lines(files);
    const auto take = [&](const listed_line& l) {
        listed.certificates.push_back(l.certificate_id);
        auto& company = listed.companies[l.company_id];
        company.activities |= l.activities;
        if (l.note >= 0) {
            const std::string& note = notes_[static_cast<std::size_t>(l.note)];
            if (std::find(company.notes.begin(), company.notes.end(), note) == company.notes.end()) company.notes.push_back(note);
        }
        file_lines[static_cast<std::size_t>(l.file_ordinal) - 1].push_back({l.line, l.certificate_id});
    };
    auto s = staged.begin();
    for (const listed_line& c : carried_) {
        for (; s != staged.end() && s->order < c.order; ++s) take(*s);
        take(c);
    }
    for (; s != staged.end(); ++s) take(*s);
    // Two names of one company (a key and its alias) may list the same certificate.
    std::sort(listed.certificates.begin(), listed.certificates.end());
    listed.certificates.erase(std::unique(listed.certificates.begin(), listed.certificates.end()), listed.certificates.end());

    summary.companies = listed.companies.size();
    summary.certificates = listed.certificates.size();
    summary.unchanged_companies = latest_.unchanged_companies(listed);
    latest_.write_next(db_, date_, listed);
    record_totals(db_, snapshot, static_cast<std::int64_t>(summary.companies), static_cast<std::int64_t>(summary.certificates));
    for (std::size_t i = 0; i < files; ++i) {
        auto& file = file_lines[i];
        std::sort(file.begin(), file.end());
        file.erase(std::unique(file.begin(), file.end()), file.end());
        write_lines(db_, snapshot, static_cast<std::int64_t>(i + 1), file, line_bases_[i]);
    }
}

void remove_unlisted(SQLite::Database& db)
{
    db.exec("DELETE FROM certificate WHERE NOT EXISTS (SELECT 1 FROM certificate_span s WHERE s.certificate_id = certificate.id);"
            "DELETE FROM certifier WHERE NOT EXISTS (SELECT 1 FROM certificate c WHERE c.certifier_id = certifier.id);"
            "DELETE FROM company WHERE NOT EXISTS (SELECT 1 FROM company_span s WHERE s.company_id = company.id) "
            "AND NOT EXISTS (SELECT 1 FROM company_alias a WHERE a.company_id = company.id) "
            "AND nationality IS NULL AND positioning IS NULL AND group_name IS NULL AND annotation_source IS NULL;");
}

} // namespace hds::store
