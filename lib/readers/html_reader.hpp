// HTML page → its tables, with gumbo.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "readers/table.hpp"

namespace hds::readers {

/// Every <table> of an HTML page (as saved by a browser), in document order; nested tables are tables of
/// their own, and their rows are not rows of the outer table. Cells are <th>/<td> text with whitespace
/// (no-break spaces included) collapsed and trimmed; <br> and the edges of blocks (<p>, <div>, <li>...)
/// count as a space. Rows without cells are skipped; each row carries the line its <tr> starts on.
/// Descriptions read "html table N of M". `utf8` is the page already decoded. Never throws for bad HTML:
/// the parser recovers as browsers do.
std::vector<table> read_html(std::string_view utf8, const std::string& source);

} // namespace hds::readers
