#include "readers/sheet_builder.hpp"

#include <algorithm>
#include <utility>

#include "hds/error.hpp"
#include "readers/sheet_cells.hpp"

namespace hds::readers {

sheet_builder::sheet_builder(std::string source, std::string sheet)
{
    table_.source = std::move(source);
    table_.sheet = std::move(sheet);
}

void sheet_builder::begin_row(std::size_t row_number)
{
    if (row_number > max_sheet_rows)
        throw error(error_kind::input, location{table_.source, 0, row_reference(*table_.sheet, row_number)},
                    "row beyond the largest sheet (" + std::to_string(max_sheet_rows) + " rows)");
    current_ = row{row_number, {}};
    in_row_ = true;
}

void sheet_builder::set(std::size_t column, std::string text)
{
    if (text.empty()) return;
    const auto where = [&] {
        return location{table_.source, current_.line,
                        cell_reference(*table_.sheet, std::min(column, max_sheet_columns), current_.line)};
    };
    if (column >= max_sheet_columns)
        throw error(error_kind::input, where(), "cell beyond column XFD, the last of the largest sheet");
    if (column < current_.cells.size()) return; // a second value for a cell: the first one stands
    cells_ += column + 1 - current_.cells.size();
    if (cells_ > max_cells)
        throw error(error_kind::input, where(),
                    "more than " + std::to_string(max_cells) + " cells in the sheet (a registry has thousands)");
    current_.cells.resize(column + 1);
    current_.cells[column] = std::move(text);
}

void sheet_builder::end_row()
{
    if (!in_row_) return;
    in_row_ = false;
    const bool blank = std::all_of(current_.cells.begin(), current_.cells.end(), [](const std::string& cell) {
        return cell.find_first_not_of(" \t\r\n") == std::string::npos;
    });
    if (blank) {
        cells_ -= current_.cells.size();
        return;
    }
    table_.rows.push_back(std::move(current_));
}

table sheet_builder::finish() &&
{
    end_row();
    return std::move(table_);
}

} // namespace hds::readers
