// The store: the only code that writes a snapshot. One snapshot, one transaction.
//
// Rows are staged one by one as the files are read (a prepared insert into a temporary table, so memory does
// not grow with the file), then a few set-based statements derive companies, certifiers, certificates,
// spans and line provenance from the staged rows. A row that lists only what the latest snapshot lists
// (latest_snapshot.hpp) is not staged: its certificates are known, and it is carried to the listed lines
// as it is. Into an empty store, the staged rows are written as they are (first_snapshot.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "hds/ingest.hpp"
#include "listing.hpp"
#include "store/first_snapshot.hpp"
#include "store/latest_snapshot.hpp"
#include "store/lines.hpp"
#include "store/staged_names.hpp"
#include "store/writeback.hpp"

namespace hds::store {

struct source_file {
    std::string path;
    std::string sha256;
    std::string format; ///< how it was read
    std::size_t bytes = 0;
    std::size_t rows = 0;
};

/// What to do with a date: write a new snapshot, replace the one there, or nothing (the same files).
/// Throws hds::error(conflict) for another snapshot on that date without `replace`.
ingest_summary::outcome plan_snapshot(SQLite::Database& db, const std::string& date,
                                      const std::vector<std::string>& sha256s, bool replace);

/// Deletes certificates and certifiers that no snapshot lists, and companies that no snapshot lists and
/// that carry nothing of their own (no alias, no annotation): after a snapshot was replaced, nothing may
/// answer from a row that no snapshot lists.
void remove_unlisted(SQLite::Database& db);

class snapshot_writer {
public:
    /// Opens the transaction for the snapshot dated `date`, made of `files` files. Nothing is written unless
    /// finish() commits. `input_bytes`, the size of the files to read, sizes SQLite's cache for the ingest.
    snapshot_writer(SQLite::Database& db, std::string date, bool skip_bad_rows, std::uintmax_t input_bytes, std::size_t files);

    /// Stages one row of file `source` (its ordinal in the row). Two rows of the snapshot that list the same
    /// certificate under the same name: hds::error(input) "SOURCE:LINE: duplicate row ..." at the second,
    /// or, with skip_bad_rows, the second is rejected.
    void add(const listing& row, const std::vector<std::string>& sources);

    /// Records a row the reader refused under skip_bad_rows.
    void reject(rejected_row row, const std::vector<std::string>& sources);

    /// Writes the snapshot from what was staged and commits. `outcome` from plan_snapshot (not unchanged).
    ingest_summary finish(const std::optional<std::string>& label, const std::vector<source_file>& files,
                          ingest_summary::outcome outcome);

private:
    /// A certificate listed at a line: a row of temp.listed_line, or one carried from the latest snapshot.
    struct listed_line {
        std::int64_t order = 0; ///< its place among the snapshot's listed lines, staged or carried
        std::int64_t file_ordinal = 0;
        std::int64_t line = 0;
        std::int64_t certificate_id = 0;
        std::int64_t company_id = 0;
        int activities = 0;
        std::int32_t note = -1; ///< the row's note in notes_, -1 without one
    };
    struct place {
        std::size_t file_ordinal = 0;
        std::size_t line = 0;
    };

    /// The snapshot dated just before the one written, if any.
    struct previous_snapshot {
        std::int64_t id = 0;
        std::string date;
    };

    /// The snapshot's certifiers, companies and certificates derived from the staged rows, then the rest
    /// (write_in_sets or write_from_memory), when the store is not empty.
    void write_derived(std::int64_t snapshot, std::size_t files, ingest_summary& summary);

    /// The snapshot's certificates, companies, spans, totals and lines, from temp.listed_line in a few
    /// set-based statements (spans.hpp), when the latest snapshot is not held.
    void write_in_sets(std::int64_t snapshot, std::size_t files, const std::optional<previous_snapshot>& previous,
                       ingest_summary& summary);

    /// The same when it is held (it is then the snapshot just before, and the files' line bases are its
    /// files): the staged rows' lines and the carried ones gathered in memory, and the spans written as what
    /// changed from it (latest_snapshot::write_next).
    void write_from_memory(std::int64_t snapshot, ingest_summary& summary);

    /// Begins the transaction; whether the store is empty, with foreign keys then off until the writer ends.
    bool begin();

    /// The index of `note` in notes_, added if new.
    std::int32_t note_index(const std::string& note);

    /// Refuses `row`, which lists the certificate listed at `first` already: throws, or rejects it under
    /// skip_bad_rows.
    void duplicate(const listing& row, place first, const std::vector<std::string>& sources);

    SQLite::Database& db_;
    std::string date_;
    bool skip_bad_rows_;
    foreign_keys_off foreign_keys_; // before transaction_: turned back on after its rollback
    std::optional<SQLite::Transaction> transaction_;
    bool empty_store_;
    std::optional<background_writeback> writeback_; // a first snapshot's, until its commit (writeback.hpp)
    SQLite::Statement stage_;
    staged_names companies_;
    staged_names certifiers_;
    latest_snapshot latest_;
    std::vector<line_base> line_bases_; // each file's, read with the latest snapshot when it is held
    std::vector<listed_line> carried_;
    std::vector<std::string> notes_; // the distinct notes of the listed lines, each once
    std::unordered_map<std::string, std::int32_t> note_index_;
    std::int64_t order_ = 0; // numbers the listed lines, staged and carried, in the order they are read
    std::vector<rejected_row> rejected_;
    std::vector<std::string> warnings_;
};

} // namespace hds::store
