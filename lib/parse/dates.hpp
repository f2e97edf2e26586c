// Date cells.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hds::parse {

/// A date as dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or ISO yyyy-mm-dd (also yyyy/mm/dd) →
/// "yyyy-mm-dd". A time of midnight after the date ("31/07/2020 00:00", "2020-07-31T00:00:00") is dropped;
/// any other time is refused (it may be a date moved by a time zone). Years outside 2000-2100 are
/// impossible. Empty (or only spaces) → nullopt. Throws hds::error(input): "impossible date \"31/02/2020\"",
/// "ambiguous date \"01/02/20\" (two-digit year)", "cannot read date \"CELL\" (expected dd/mm/yyyy or
/// yyyy-mm-dd)".
std::optional<std::string> parse_date(std::string_view cell);

/// True for a valid calendar date written exactly "yyyy-mm-dd" (used to check dates given on the command
/// line); no year range is imposed here.
bool is_iso_date(std::string_view text);

} // namespace hds::parse
