// Analyst annotations: each company's nationality, main positioning and group, which the registry does
// not say, loaded from a CSV file.
//
// Thread-safety: as hds::database (one thread per handle).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "hds/database.hpp"

namespace hds {

struct annotate_summary {
    std::size_t rows = 0;                 ///< companies annotated
    std::vector<std::string> not_listed;  ///< annotated companies no snapshot lists (yet): kept, and reported
};

/** Loads annotations from a CSV with header `company,nationality,positioning` and optional `group` and
 *  `source` columns (any order, any case). Companies are matched by normalised name and aliases; a company
 *  no snapshot lists yet is created, so a later ingest finds it. nationality is an ISO 3166-1 alpha-2
 *  code and positioning a code of table `positioning`; an empty cell leaves the field unknown (NULL).
 *  All rows in one transaction: throws hds::error(input) "FILE:LINE: ..." for an unknown country or
 *  positioning (the message lists the valid positionings), a missing column or a company named twice,
 *  leaving the database as it was. Logs what it did. */
annotate_summary annotate(database& db, const std::filesystem::path& csv);

} // namespace hds
