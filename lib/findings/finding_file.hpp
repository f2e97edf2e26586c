// One file of a findings set: its header of `-- key: value` lines, then one SELECT (docs/findings.md).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hds/findings.hpp"

namespace hds::findings {

struct parsed_finding {
    finding_definition definition;
    std::size_t id_line = 0; ///< the line of `-- id:`, for an id a set holds twice
};

/** Reads a finding file strictly. Throws hds::error(input) "FILE:LINE: message" for: a line of the header
 *  that is not `-- key: value` (or an indented continuation of the value above), an unknown or repeated key,
 *  a missing id, statement, source, snapshot or expected; a bad id, month, date or tolerance; a query that is
 *  not one SELECT (or WITH ... SELECT, VALUES), a second statement after it, a string or comment left open,
 *  a parameter other than :snapshot and :from, :snapshot or :from read without its header line, or a header
 *  month the query never reads. */
parsed_finding parse_finding_file(const std::string& file, std::string_view text);

/// Where a parameter (:snapshot or :from) occurs in a finding's query, which parse_finding_file accepted.
struct parameter_use {
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string name; ///< ":snapshot" or ":from"
};
std::vector<parameter_use> parameters_of(std::string_view query);

/// The rule for a finding with a tolerance, in SQL, for the C++ check and for view v_findings alike:
/// ?1 the actual value, ?2 the expected value, ?3 the tolerance.
inline constexpr std::string_view within_tolerance_sql = "abs(CAST(?1 AS REAL) - CAST(?2 AS REAL)) <= ?3";

/// "no snapshot for 2022-04": the actual value of a finding whose month (or date) has no snapshot.
std::string no_snapshot_for(const std::string& period);

} // namespace hds::findings
