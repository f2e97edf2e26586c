// JSON array of objects → table, with nlohmann::json.
#pragma once

#include <string>
#include <string_view>

#include "readers/table.hpp"

namespace hds::readers {

/// Reads `[{"company": "...", "activities": [1, 2], ...}, ...]`. The first row is a header made of every
/// key in order of first appearance (its line is the line of the first object); each object is then a
/// row on the line where its `{` stands, a missing key giving "" (an object with no value at all is
/// skipped). Strings as they are; numbers as written (integers in canonical form); arrays joined with
/// ", "; true → "Oui", false and null → "". The description is "json".
/// Throws hds::error(input) with the line for malformed JSON ("malformed JSON: <parser's reason>"), a top
/// level that is not an array, an element that is not an object, or a value that is an object or an array
/// holding an object or an array (the line is then the element's).
table read_json(std::string_view utf8, const std::string& source);

} // namespace hds::readers
