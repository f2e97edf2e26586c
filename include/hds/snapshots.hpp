// The snapshots a database holds, and how a user names one.
//
// Thread-safety: as hds::database (one thread per handle).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hds/database.hpp"

namespace hds {

struct source_file_info {
    std::string path;   ///< as given to ingest
    std::string sha256; ///< of the file's bytes
    std::string format; ///< how it was read, e.g. "csv ';' windows-1252"
};

struct snapshot_info {
    std::int64_t id = 0;
    std::string date; ///< YYYY-MM-DD
    std::optional<std::string> label;
    std::size_t companies = 0;     ///< distinct companies listed
    std::size_t certificates = 0;  ///< distinct certificates listed
    std::size_t rejected_rows = 0; ///< rows set aside by --skip-bad-rows
    std::string ingested_at;       ///< UTC, ISO 8601
    std::vector<source_file_info> files;
};

/// Every snapshot, oldest first (view v_snapshot).
std::vector<snapshot_info> snapshots(database& db);

/** The snapshot a user means by `spec`: "latest", a date "YYYY-MM-DD", or a month "YYYY-MM" holding
 *  exactly one snapshot. Throws hds::error: usage for a spec of none of these forms; not_found when no
 *  snapshot matches (or the database has none), or a month holds several (the message lists their dates). */
snapshot_info resolve_snapshot(database& db, std::string_view spec);

} // namespace hds
