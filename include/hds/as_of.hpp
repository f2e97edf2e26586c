// Who held a valid certificate on a date, by the certificates' own dates (view v_certificate_validity).
//
// Thread-safety: as hds::database (one thread per handle).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hds/activity.hpp"
#include "hds/database.hpp"

namespace hds {

struct certified_company {
    std::string name;
    activity_set activities; ///< union of its certificates valid on the date
    std::string valid_to;    ///< the latest end among those certificates
};

/** Companies holding, on `date` (YYYY-MM-DD), a certificate with valid_from <= date <= valid_to, whatever
 *  snapshot listed it; with `only`, just those whose valid certificates cover that activity. Certificates
 *  listed without both dates cannot be placed in time and are not counted. By name.
 *  Throws hds::error(usage) for a date that is not YYYY-MM-DD. */
std::vector<certified_company> certified_as_of(database& db, const std::string& date,
                                               std::optional<activity> only = std::nullopt);

} // namespace hds
