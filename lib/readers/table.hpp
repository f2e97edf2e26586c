// What every reader produces: the rows of one table as text cells, each row with the line of the source
// file it starts on. Readers know nothing of HDS; which row is the header is decided by the mapping.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace hds::readers {

struct row {
    std::size_t line = 0;           ///< line of the source file the row starts on, from 1
    std::vector<std::string> cells; ///< UTF-8, as in the file (no trimming beyond the format's own rules)
};

struct table {
    std::string source;      ///< the file name used in messages
    std::string description; ///< how it was read, for the ingest summary, e.g. "csv ';' windows-1252"
    std::vector<row> rows;   ///< every non-empty row in file order, header rows included
    /// For a spreadsheet, the sheet's name: rows' lines are then the sheet's row numbers, and a row's cells
    /// start at column A, so that messages can name a cell ("Liste!D7").
    std::optional<std::string> sheet{};
};

} // namespace hds::readers
