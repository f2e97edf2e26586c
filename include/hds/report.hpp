// hds report: one self-contained HTML page (inline SVG charts and CSS, no script, nothing from the network) or
// a Markdown page with the same tables, describing one snapshot. Every number comes from the library's typed
// queries, the ones the CLI prints (hds::snapshots, hds::breakdown, hds::check_findings, hds::diff,
// hds::companies): the report computes nothing of its own.
//
// Thread-safety: as hds::database (one thread per handle); rendering is a plain function of report_data.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hds/breakdown.hpp"
#include "hds/database.hpp"
#include "hds/diff.hpp"
#include "hds/findings.hpp"
#include "hds/snapshots.hpp"

namespace hds {

enum class report_language { fr, en };

/// "fr" or "en"; anything else throws hds::error(usage) naming both.
report_language parse_report_language(std::string_view name);

/// What a report shows, as the queries return it.
struct report_data {
    snapshot_info snapshot;             ///< the snapshot the report describes
    std::vector<snapshot_info> history; ///< every snapshot, oldest first
    breakdown_result by_positioning, by_activity, by_activity_count, by_nationality, by_certifier;
    findings_report findings;
    std::optional<diff_result> changes; ///< since the snapshot before it; none when it is the first
    std::size_t companies_with_provenance = 0; ///< companies whose rows carry a provenance note
    /// English labels (reference data's label_en) of activities ("1".."6") and positionings (codes), for English.
    std::map<std::string, std::string> activity_label_en, positioning_label_en;
};

/** Reads everything the report of `snapshot` shows. Throws hds::error(database) when SQLite fails. */
report_data gather_report(database& db, const snapshot_info& snapshot);

/// The report as one self-contained HTML document (well-formed XML too: XHTML syntax), six inline SVG charts.
std::string report_html(const report_data& data, report_language language);

/// The report as Markdown: the same numbers as tables, names escaped so that no HTML or link gets through.
std::string report_markdown(const report_data& data, report_language language);

/** Writes the report of `snapshot` to `out`: Markdown when its name ends in ".md", HTML otherwise. The file is
 *  written whole or not at all (a temporary file beside it, then renamed). Throws hds::error: usage when
 *  `out`'s directory does not exist, io when the file cannot be written.
 *  Example: `hds::write_report(db, "report.html", hds::resolve_snapshot(db, "latest"));` */
void write_report(database& db, const std::filesystem::path& out, const snapshot_info& snapshot,
                  report_language language = report_language::fr);

} // namespace hds
