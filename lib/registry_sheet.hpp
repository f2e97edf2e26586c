// Which sheet of a workbook (.xlsx, .ods) is the registry: the first whose header names a company, or the
// one the user names with --sheet.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mapping.hpp"
#include "readers/table.hpp"

namespace hds {

/// The registry's sheet among `sheets` (in the workbook's order) with its header mapped. With `wanted`, that
/// sheet, which must then have a usable header. Header errors name the sheet's row: "SOURCE:SHEET!1:1: missing
/// column ...". Throws hds::error(input) "SOURCE: no sheet \"X\" in the workbook (sheets: \"A\", \"B\")",
/// "SOURCE: none of the workbook's 2 sheets (\"A\", \"B\") has a company column (...); choose one with --sheet",
/// or "SOURCE: the workbook has no sheet".
std::pair<readers::table, column_mapping> registry_sheet(std::vector<readers::table> sheets, const std::string& source,
                                                         const std::optional<std::string>& wanted,
                                                         const header_overrides& overrides);

} // namespace hds
