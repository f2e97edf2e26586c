// Line provenance: at which line of which file each snapshot listed each certificate.
//
// A file's lines are stored against the same file of the previous snapshot (its base): runs of lines that
// list what the base's lines list (table line_run) and the lines that differ (line_entry). A registry that
// gains one row near the top shifts every line below it, which costs one entry and one run. Bases chain;
// the chain is cut (every line stored as an entry) every `max_base_depth` snapshots, so reading one
// snapshot's lines stays cheap.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace hds::store {

/// One listed certificate at one line.
struct line_listing {
    std::int64_t line = 0;
    std::int64_t certificate_id = 0;
    /// By line, then certificate: the order a file's listings are kept in.
    auto operator<=>(const line_listing&) const = default;
};

/// Every line of file `ordinal` of snapshot `snapshot`, by line then certificate.
std::vector<line_listing> read_lines(SQLite::Database& db, std::int64_t snapshot, std::int64_t ordinal);

/// Stores the lines of file `ordinal` of a new snapshot, read from the temp table `listed` (columns
/// file_ordinal, line, certificate_id), against the same file of snapshot `base` when given. The
/// source_file row must exist.
void write_lines(SQLite::Database& db, std::int64_t snapshot, std::int64_t ordinal, const char* listed,
                 std::optional<std::int64_t> base);

/// What a new snapshot's file `ordinal` is stored against: the same file of snapshot `base` when there is one
/// and the chain behind it is not full, with that file's lines. It does not depend on the new file's rows,
/// so an ingest reads it while they are being read.
struct line_base {
    std::optional<std::int64_t> snapshot;
    std::int64_t depth = 0; ///< the new file's base_depth
    std::vector<line_listing> lines;
};
line_base read_line_base(SQLite::Database& db, std::int64_t ordinal, std::optional<std::int64_t> base);

/// The same as from `listed`, from the file's lines in memory (by line then certificate, each once), against
/// `base` as read_line_base read it.
void write_lines(SQLite::Database& db, std::int64_t snapshot, std::int64_t ordinal, const std::vector<line_listing>& lines,
                 const line_base& base);

/// Before snapshot `snapshot` is deleted: the files stored against it store all their lines themselves.
void detach_dependents(SQLite::Database& db, std::int64_t snapshot);

} // namespace hds::store
