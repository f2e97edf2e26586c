// Date cells.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hds::parse {

/// A date as dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or ISO yyyy-mm-dd → "yyyy-mm-dd".
/// Empty (or only spaces) → nullopt. Throws hds::error(input): "impossible date \"31/02/2020\"",
/// "ambiguous date \"01/02/20\" (two-digit year)", "cannot read date \"CELL\" (expected dd/mm/yyyy or
/// yyyy-mm-dd)".
std::optional<std::string> parse_date(std::string_view cell);

/// True for a valid ISO date "yyyy-mm-dd" (used to check dates given on the command line).
bool is_iso_date(std::string_view text);

} // namespace hds::parse
