// Reading the reference data of a database (tables activity, certificate_type, positioning): the one place
// where activities are numbered.
//
// Thread-safety: as hds::database (one thread per handle).
#pragma once

#include <string_view>

#include "hds/activity.hpp"
#include "hds/database.hpp"

namespace hds {

/** The activity whose code (column activity.code: "physical_sites", "hardware_infrastructure",
 *  "application_platform", "virtual_infrastructure", "administration", "backup") is `code`, with the number
 *  the database gives it. Example: `hds::certified_as_of(db, date, hds::activity_by_code(db, "backup"))`.
 *  Throws hds::error(usage) naming the valid codes when no activity has that code. */
activity activity_by_code(database& db, std::string_view code);

} // namespace hds
