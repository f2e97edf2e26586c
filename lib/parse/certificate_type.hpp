// Certificate type cells.
#pragma once

#include <string_view>
#include <vector>

#include "hds/activity.hpp"

namespace hds::parse {

/// "Hébergeur d'infrastructure physique", "infrastructure physique", "physique" → physical_infrastructure;
/// "Hébergeur infogéreur", "infogéreur", "infogérance" → managed_hosting; "les deux", "both",
/// "physique + infogéreur" (separators + , ; / & "et" "and"; either order) → both, in that order.
/// "Certificat", "HDS" and articles are ignored. Empty (or only spaces) → {}.
/// Throws hds::error(input) "unknown certificate type \"CELL\"".
std::vector<certificate_type> parse_certificate_types(std::string_view cell);

} // namespace hds::parse
