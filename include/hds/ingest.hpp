// Ingest: registry files → one snapshot in the database.
//
// Thread-safety: as hds::database (one thread per handle).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hds/database.hpp"

namespace hds {

/// The stages of an ingest, in the order they come.
enum class ingest_stage {
    checking, ///< the files' checksums compared with the snapshots already ingested
    reading,  ///< the files' rows read, parsed and staged
    writing,  ///< the snapshot derived from the staged rows, and committed
};

/// "checking", "reading" or "writing".
std::string_view to_string(ingest_stage stage);

/// Where an ingest stands, for a progress display.
struct ingest_progress {
    ingest_stage stage = ingest_stage::checking;
    std::size_t rows_read = 0; ///< data rows read so far, all files together
};

/// Told where an ingest stands: at the start of each stage, and after each row read (so it should be cheap,
/// and throttle what it draws). Called from the thread that ingests; an exception it throws ends the ingest
/// as a failure would, the database left as it was.
using ingest_observer = std::function<void(const ingest_progress&)>;

struct ingest_options {
    std::string date;                             ///< the snapshot's date, YYYY-MM-DD (required)
    std::optional<std::string> label{};           ///< free text shown by `hds snapshots` (default: none)
    std::string format = "auto";                  ///< "auto", "csv", "html", "json", "xlsx" or "ods" (default: auto)
    std::optional<std::string> sheet{};           ///< a workbook's sheet to read (default: the first naming a company)
    std::optional<std::filesystem::path> mapping{}; ///< extra header names, see docs/input-formats.md
    bool replace = false;       ///< replace a snapshot of that date made from other files (default: refuse)
    bool skip_bad_rows = false; ///< record malformed rows in `rejected_row` instead of failing (default: fail)
    ingest_observer on_progress{}; ///< told each stage and row read (default: none)
};

struct ingest_summary {
    enum class outcome {
        ingested,  ///< a new snapshot was written
        replaced,  ///< a snapshot of that date from other files was replaced (--replace)
        unchanged, ///< the same files were already ingested for that date: nothing was written
    };
    std::string date;
    outcome result = outcome::ingested;
    std::size_t rows_read = 0;      ///< data rows read from the files (header excluded)
    std::size_t rows_rejected = 0;  ///< rows recorded as rejected (--skip-bad-rows)
    std::size_t companies = 0;      ///< distinct companies listed by the snapshot
    std::size_t certificates = 0;   ///< distinct certificates listed by the snapshot
    std::size_t new_companies = 0;      ///< companies the database did not know before
    std::size_t unchanged_companies = 0; ///< listed in the previous snapshot with the same activities
    std::vector<std::string> warnings;  ///< e.g. ignored columns, rejected rows
};

/** Ingests `files` as ONE snapshot of the registry taken on `options.date`, in one transaction.
 *  Each file is CSV (any of ; , tab; UTF-8, UTF-16 with a byte-order mark, or Windows-1252), a saved HTML
 *  page, JSON, or a workbook (.xlsx, .ods) (docs/input-formats.md); the file "-" is standard input. Companies
 *  are matched across files and snapshots by their normalised name and declared aliases. Logs the summary it
 *  returns, and each stage's duration (info level).
 *  Throws hds::error, leaving the database exactly as it was: input ("FILE:LINE: what is wrong") for a
 *  malformed file or row (unless skip_bad_rows), conflict for another file on an existing date without
 *  `replace`, usage for a bad date or format, io for an unreadable file.
 *  Example: `hds::ingest_snapshot(db, {"registry.csv"}, {.date = "2020-07-31"});` */
ingest_summary ingest_snapshot(database& db, const std::vector<std::filesystem::path>& files,
                               const ingest_options& options);

} // namespace hds
