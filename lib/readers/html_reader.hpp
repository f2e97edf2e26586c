// HTML page → its tables, with gumbo.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "readers/table.hpp"

namespace hds::readers {

/// Every <table> of an HTML page (as saved by a browser), in document order; nested tables are tables of
/// their own. Cells are <th>/<td> text with whitespace collapsed and trimmed; <br> counts as a space.
/// Each row carries the line its <tr> starts on. `utf8` is the page already decoded.
std::vector<table> read_html(std::string_view utf8, const std::string& source);

} // namespace hds::readers
