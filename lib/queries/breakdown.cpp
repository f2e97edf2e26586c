#include "hds/breakdown.hpp"

#include <array>

#include "hds/error.hpp"
#include "queries/row_mapping.hpp"
#include "store/connection.hpp"

namespace hds {
namespace {

constexpr std::array names = {"activity", "nationality", "positioning", "certifier", "certificate-type",
                              "activity-count"};

} // namespace

const char* to_string(dimension d) noexcept { return names.at(static_cast<std::size_t>(d)); }

dimension parse_dimension(std::string_view name)
{
    for (std::size_t i = 0; i < names.size(); ++i)
        if (name == names[i]) return static_cast<dimension>(i);
    std::string valid;
    for (const char* n : names) valid += (valid.empty() ? "" : ", ") + std::string(n);
    throw error(error_kind::usage, "unknown dimension \"" + std::string(name) + "\" (valid: " + valid + ")");
}

breakdown_result breakdown(database& db, const snapshot_info& snapshot, dimension by)
{
    breakdown_result result;
    result.snapshot = snapshot;
    result.by = by;
    queries::guarded([&] {
        SQLite::Database& sql = connection(db);
        SQLite::Statement total(sql, "SELECT total FROM v_snapshot_total WHERE snapshot_id = ?");
        total.bind(1, snapshot.id);
        if (total.executeStep()) result.total = static_cast<std::size_t>(total.getColumn(0).getInt64());

        // Activities and activity counts go by number, certificate types by their id; the others by count,
        // largest first. The order lives here, not in the view, so the view shows only what it counts.
        SQLite::Statement rows(sql, "SELECT key, label, count, share FROM v_breakdown "
                                    "WHERE snapshot_id = ? AND dimension = ? "
                                    "ORDER BY CASE WHEN dimension IN ('activity', 'activity-count') "
                                    "THEN CAST(key AS INTEGER) WHEN dimension = 'certificate-type' "
                                    "THEN (SELECT id FROM certificate_type WHERE code = key) END, "
                                    "count DESC, key IS NULL, key");
        rows.bind(1, snapshot.id);
        rows.bind(2, to_string(by));
        while (rows.executeStep())
            result.rows.push_back({queries::optional_text(rows.getColumn(0)), rows.getColumn(1).getString(),
                                   static_cast<std::size_t>(rows.getColumn(2).getInt64()),
                                   rows.getColumn(3).getDouble()});
        return 0;
    });
    return result;
}

} // namespace hds
