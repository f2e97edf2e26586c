// How a spreadsheet cell becomes the text the rest of hds reads, the same for .xlsx and .ods: a date comes
// out as "yyyy-mm-dd" (what parse::parse_date reads from a CSV), a boolean as a mark, a number as written in
// the file. Also cell references ("D7") both ways.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hds::readers {

/// The largest sheet Excel and LibreOffice make: 16,384 columns (A..XFD), 1,048,576 rows.
constexpr std::size_t max_sheet_columns = 16'384;
constexpr std::size_t max_sheet_rows = 1'048'576;

/// Which day serial number 0 is: 1900 (Excel's default, with its 29 February 1900) or 1904 (old Mac Excel,
/// workbookPr date1904).
enum class date_system { from_1900, from_1904 };

/// A date serial as text: "yyyy-mm-dd", or "yyyy-mm-ddThh:mm:ss" when it has a time of day (which
/// parse_date then refuses, as it does a CSV's, since a date moved by a time zone looks like that). In the
/// 1900 system serial 60 is the 29 February 1900 Excel counts (from Lotus 1-2-3) and gives "1900-02-29",
/// which parse_date refuses as impossible; serials after it are one day later than a plain count. nullopt
/// for text that is not a number, or a serial outside years 1900-9999.
std::optional<std::string> date_of_serial(std::string_view serial, date_system system);

/// True for an XLSX built-in number format that shows a date or a time: ids 14-22, and the East Asian date
/// formats 27-36 and 50-58. (A time alone, 18-21, comes out as a date with a time, which parse_date refuses.)
bool is_builtin_date_format(unsigned id);

/// True for a custom number format code that shows a date: it has a day or year placeholder (d, y) outside
/// quoted text, escapes and [brackets]. "m" alone may be minutes, so it does not count.
bool is_date_format_code(std::string_view code);

/// A boolean cell as a mark, as in JSON: true → "Oui", false → "" (so per-activity columns may hold them).
const char* boolean_text(bool value);

/// A column's letters from its index (0 → "A", 26 → "AA").
std::string column_letters(std::size_t column);

/// A cell as a spreadsheet names it in messages: ("Liste", 3, 7) → "Liste!D7" (column from 0, row from 1).
std::string cell_reference(const std::string& sheet, std::size_t column, std::size_t row);
/// A whole row as a spreadsheet names it: ("Liste", 5) → "Liste!5:5".
std::string row_reference(const std::string& sheet, std::size_t row);

struct cell_position {
    std::size_t column = 0; ///< from 0
    std::size_t row = 0;    ///< from 1
};
/// "D7" → column 3, row 7; nullopt when it is not a reference inside the largest sheet.
std::optional<cell_position> parse_cell_reference(std::string_view reference);

} // namespace hds::readers
