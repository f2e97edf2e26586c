// The findings of the mind Health article (October 2020) checked against the database: table `findings`
// holds each finding's words, the months it reads (snapshot, from_snapshot), expected value and comparison;
// view v_findings computes the actual value from the data and says whether the finding holds. The findings
// on the lists (kind "list") read snapshots; F13 (kind "reference") reads only the reference data.
//
// Thread-safety: as hds::database (one thread per handle).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hds/database.hpp"

namespace hds {

struct finding {
    std::string id;         ///< "F01".."F13"
    /// "list": computed from the registry lists (it reads one or two snapshots); "reference": reads only the
    /// schema's reference data (F13), so it checks the reference data, not a list, and holds on any database.
    std::string kind;
    std::string statement;  ///< the article's words
    /// The earlier month it reads when it compares two months, e.g. "2019-06" for F01; none otherwise.
    std::optional<std::string> from_snapshot;
    std::optional<std::string> snapshot; ///< the snapshot month it reads, e.g. "2020-07"; none for reference data
    std::string view;       ///< the SQL view that computes it
    std::string expected;   ///< as the article states it
    std::string actual;     ///< as the view computes it; "no snapshot" when a month it reads is missing
    std::string comparison; ///< how expected and actual are compared: "exact" or "within 0.05"
    /// "holds", "does not hold", or "no snapshot" when a month it reads has no snapshot in the database (it
    /// then neither holds nor fails).
    std::string status;
    bool holds = false;     ///< status == "holds"

    [[nodiscard]] bool no_snapshot() const { return status == "no snapshot"; }
    [[nodiscard]] bool reads_reference_data() const { return kind == "reference"; }
};

struct findings_report {
    /// No finding fails: each holds or has no snapshot (a missing month does not make the report fail).
    bool holds = false;
    std::vector<finding> findings;
};

/// Every finding, by id (view v_findings).
findings_report check_findings(database& db);

} // namespace hds
