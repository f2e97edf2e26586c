// JSON array of objects → table, with nlohmann::json.
#pragma once

#include <string>
#include <string_view>

#include "readers/table.hpp"

namespace hds::readers {

/// Reads `[{"company": "...", "activities": [1, 2], ...}, ...]`. The first row is a header made of every
/// key in order of first appearance (its line is the line of the first object); each object is then a
/// row on the line where its `{` stands. Strings as they are; numbers as written; arrays joined with ", ";
/// true → "Oui", false and null → "".
/// Throws hds::error(input) with the line for malformed JSON, a top level that is not an array, an
/// element that is not an object, or a nested object value.
table read_json(std::string_view utf8, const std::string& source);

} // namespace hds::readers
