// Counts and shares of a snapshot's companies by one dimension (view v_breakdown).
//
// Thread-safety: as hds::database (one thread per handle).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hds/database.hpp"
#include "hds/snapshots.hpp"

namespace hds {

enum class dimension { activity, nationality, positioning, certifier, certificate_type, activity_count };

/// "activity", "nationality", "positioning", "certifier", "certificate-type", "activity-count".
[[nodiscard]] const char* to_string(dimension d) noexcept;
/// The inverse of to_string; throws hds::error(usage) listing the valid names.
dimension parse_dimension(std::string_view name);

struct breakdown_row {
    std::optional<std::string> key; ///< activity "1".."6", ISO country, positioning code...; nullopt: unknown
    std::string label;              ///< French label from the reference data, or the certifier's name
    std::size_t count = 0;          ///< distinct companies
    double share = 0;               ///< count / total, rounded to 4 decimals
};

struct breakdown_result {
    snapshot_info snapshot;
    dimension by = dimension::activity;
    std::size_t total = 0; ///< companies in the snapshot
    std::vector<breakdown_row> rows;
};

/** Counts the snapshot's companies by `by`. Activity rows come in the decree's order, all six even at 0;
 *  activity-count rows by number of activities; the others by count, largest first, then key. A company
 *  counts once per key, so certifier and certificate-type shares may add up to more than 1.
 *  Example: `auto b = hds::breakdown(db, hds::resolve_snapshot(db, "latest"), hds::dimension::activity);` */
breakdown_result breakdown(database& db, const snapshot_info& snapshot, dimension by);

} // namespace hds
