// Collects the cells of one sheet, as a reader meets them in row order, into a table: each row at its sheet row
// number (the "line" of messages and of provenance), each cell at its column (A is cell 0), blank rows left out.
// Bounds the cells a sheet may expand to, since a few bytes of ODS can repeat a cell or a row a million times.
//
// Thread-safety: one thread per builder.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "readers/table.hpp"

namespace hds::readers {

class sheet_builder {
public:
    /// `source` and `sheet` name the sheet in messages: "SOURCE:SHEET!CELL: ...".
    sheet_builder(std::string source, std::string sheet);

    /// Starts row `row_number` (from 1, increasing). Throws hds::error(input) past row 1,048,576.
    void begin_row(std::size_t row_number);
    /// Sets the cell at `column` (from 0, increasing within a row) of the current row. Empty text is a no-op.
    /// Throws hds::error(input) "SOURCE:SHEET!CELL: ..." past column XFD or past max_cells in the sheet.
    void set(std::size_t column, std::string text);
    /// Ends the current row; kept unless blank (every cell empty or spaces).
    void end_row();

    /// The rows kept, in order; source and sheet set, description left to the reader.
    table finish() &&;

    /// Cells a sheet may hold, empty ones before a filled one in its row included: a registry has thousands.
    static constexpr std::size_t max_cells = 5'000'000;

private:
    table table_;
    row current_;
    bool in_row_ = false;
    std::size_t cells_ = 0;
};

} // namespace hds::readers
