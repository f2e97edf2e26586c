// Registry rows → listings: what one row of a registry file says, parsed and checked.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "hds/certificate.hpp"
#include "mapping.hpp"
#include "readers/table.hpp"

namespace hds {

/// One row of a registry file: a company and the certificates the row lists for it.
struct listing {
    std::size_t file_ordinal = 0; ///< which of the snapshot's files, from 1
    std::size_t line = 0;
    std::string company; ///< as written, trimmed
    std::vector<certificate> certificates; ///< a row covering activities of both types stands for two
    std::vector<std::string> cells; ///< the row as read, kept in case it is rejected later (a duplicate)
};

/// A row refused under --skip-bad-rows, kept with its reason.
struct rejected_row {
    std::size_t file_ordinal = 0;
    std::size_t line = 0;
    std::string reason;
    std::vector<std::string> cells;
};

struct file_listings {
    std::vector<listing> listings;
    std::vector<rejected_row> rejected;
    std::size_t rows_read = 0;
};

/// Parses every data row after the header. A malformed row throws hds::error(input) "SOURCE:LINE: ...",
/// or with skip_bad_rows is returned in `rejected`.
file_listings read_listings(const readers::table& table, const column_mapping& mapping, std::size_t file_ordinal,
                            bool skip_bad_rows);

} // namespace hds
