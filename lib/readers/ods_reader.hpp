// Reads an OpenDocument spreadsheet (.ods, as LibreOffice saves it) into one table per sheet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "readers/table.hpp"

namespace hds::readers {

/** Every sheet (table:table) of the spreadsheet in `bytes`, in order. Cells come as text by the rules of
 *  sheet_cells.hpp: dates from office:date-value ("2020-07-31"), numbers from office:value, booleans as
 *  marks, strings and the rest from the cell's paragraphs (spans joined, text:s as spaces, paragraphs on
 *  separate lines; comments left out). Repeated cells and rows (number-columns-repeated,
 *  number-rows-repeated) are expanded only up to the last value, within the bounds of sheet_builder.hpp; a
 *  covered cell (inside a merged range) is empty. Descriptions are "ods sheet \"NAME\"".
 *  Throws hds::error(input) "SOURCE: ..." for a ZIP that is not an OpenDocument spreadsheet, an archive bomb,
 *  malformed XML, or a sheet past the bounds ("SOURCE:SHEET!CELL: ..."). */
std::vector<table> read_ods(std::string_view bytes, const std::string& source);

} // namespace hds::readers
