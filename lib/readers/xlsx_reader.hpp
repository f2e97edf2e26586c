// Reads an Office Open XML workbook (.xlsx, as Excel and LibreOffice save it) into one table per sheet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "readers/table.hpp"

namespace hds::readers {

/** Every sheet of the workbook in `bytes`, in the workbook's order (a chart sheet is a table without rows).
 *  Cells come as text by the rules of sheet_cells.hpp: shared and inline strings as written (rich text
 *  joined), numbers as written, booleans as marks, numbers whose style shows a date as "yyyy-mm-dd" (1900
 *  or 1904 date system, workbookPr date1904), errors as shown ("#N/A"). A merged range's value is in its first
 *  cell, as the file stores it. Descriptions are "xlsx sheet \"NAME\"".
 *  Throws hds::error(input) "SOURCE: ..." for a ZIP that is not a workbook, an archive bomb (zip_archive.hpp),
 *  malformed XML, or a sheet past the bounds of sheet_builder.hpp ("SOURCE:SHEET!CELL: ...").
 *  Example: `for (auto& t : read_xlsx(read_file("registry.xlsx"), "registry.xlsx")) ...` */
std::vector<table> read_xlsx(std::string_view bytes, const std::string& source);

} // namespace hds::readers
