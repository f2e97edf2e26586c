// The findings of the mind Health article (October 2020) checked against the database: table `findings`
// holds each finding's words, snapshot, expected value and comparison; view v_findings computes the
// actual value from the data and says whether the finding holds.
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
    std::string statement;  ///< the article's words
    std::optional<std::string> snapshot; ///< the snapshot month it reads, e.g. "2020-07"; none for reference data
    std::string view;       ///< the SQL view that computes it
    std::string expected;   ///< as the article states it
    std::string actual;     ///< as the view computes it; "no snapshot" when the month is missing
    std::string comparison; ///< how expected and actual are compared: "exact" or "within 0.05"
    bool holds = false;
};

struct findings_report {
    bool holds = false; ///< every finding holds
    std::vector<finding> findings;
};

/// Every finding, by id (view v_findings).
findings_report check_findings(database& db);

} // namespace hds
