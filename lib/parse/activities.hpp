// Activity cells: the numbers of the decree in one cell, or one mark per activity column.
#pragma once

#include <string_view>

#include "hds/activity.hpp"

namespace hds::parse {

/// One cell listing activities: "1, 2, 3", "1°, 2°, 6°", "1er, 2ème", "1-2-3", "1;2", "1 et 2", "1 2",
/// "1 à 6" / "1 a 6" / "1 au 6" / "1 to 6" (a range), optionally after "Activités" / "Activities".
/// Two numbers joined by one hyphen are a range ("3-6", as the article writes the infogéreur's
/// activities); a longer chain ("1-2-3") is a list. An empty cell is an empty set.
/// Throws hds::error(input) "unknown activity 7 (activities are numbered 1 to 6)" or
/// "cannot read activities \"CELL\"" (no location: the caller knows it).
activity_set parse_activities(std::string_view cell);

/// One cell of a per-activity column: X, x, Oui, Yes, 1, ✓, Vrai, True → true; empty, Non, No, 0, -,
/// Faux, False → false. Throws hds::error(input) "cannot read mark \"CELL\" (expected X, Oui, Yes, 1 or
/// empty)".
bool parse_mark(std::string_view cell);

} // namespace hds::parse
