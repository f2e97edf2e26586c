// What changed between two snapshots: the answer of views v_company_diff and v_certificate_diff.
//
// Thread-safety: as hds::database (one thread per handle).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hds/activity.hpp"
#include "hds/database.hpp"
#include "hds/snapshots.hpp"

namespace hds {

struct company_change {
    std::string name;
    activity_set activities; ///< in `to` (for a company that left: in `from`)
    activity_set added;      ///< activities in `to` and not in `from`
    activity_set removed;    ///< activities in `from` and not in `to`
};

struct certificate_change {
    enum class kind {
        renewed,   ///< same certifying bodies, new dates
        certifier, ///< moved to another certifying body
    };
    std::string name;
    certificate_type type = certificate_type::physical_infrastructure;
    kind change = kind::renewed;
    std::optional<std::string> from_certifiers, to_certifiers; ///< "A, B" when several
    std::optional<std::string> from_valid_to, to_valid_to;
};

struct diff_result {
    snapshot_info from, to;
    std::vector<company_change> entered; ///< listed in `to`, not in `from`
    std::vector<company_change> left;    ///< listed in `from`, not in `to`
    std::vector<company_change> changed; ///< in both, with other activities
    std::vector<certificate_change> certificates;
};

/** Compares two snapshots, each list by company name. `from` may be later than `to`: the diff then reads
 *  backwards in time. Example: `hds::diff(db, resolve_snapshot(db, "2019-06"), resolve_snapshot(db, "latest"))`. */
diff_result diff(database& db, const snapshot_info& from, const snapshot_info& to);

} // namespace hds
