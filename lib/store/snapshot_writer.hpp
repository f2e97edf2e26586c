// The store: the only code that writes a snapshot. One snapshot, one transaction.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "hds/ingest.hpp"
#include "listing.hpp"

namespace hds::store {

struct source_file {
    std::string path;
    std::string sha256;
    std::string format; ///< how it was read
    std::size_t bytes = 0;
    std::size_t rows = 0;
};

struct snapshot_content {
    std::string date;
    std::optional<std::string> label;
    std::vector<source_file> files; ///< in ordinal order (ordinal = index + 1)
    std::vector<listing> listings;
    std::vector<rejected_row> rejected;
};

/// Writes the snapshot in one transaction and returns what it did (rows_read left to the caller; warnings
/// only for the duplicates it rejects). Same files as the snapshot of that date → outcome unchanged and nothing written. Another
/// snapshot on that date → hds::error(conflict) unless `replace`. Two rows listing the same certificate →
/// hds::error(input) at the second, or a rejected row with skip_bad_rows. Throws leave the file untouched.
ingest_summary write_snapshot(SQLite::Database& db, snapshot_content content, bool replace, bool skip_bad_rows);

} // namespace hds::store
