#include "registry_sheet.hpp"

#include "hds/error.hpp"
#include "readers/sheet_cells.hpp"

namespace hds {
namespace {

std::string quoted_names(const std::vector<readers::table>& sheets)
{
    std::string names;
    for (const auto& sheet : sheets) names += (names.empty() ? "\"" : ", \"") + sheet.sheet.value_or("") + "\"";
    return names;
}

/// Runs a header step, putting the sheet's row in its error: a spreadsheet user looks for "Liste!1:1", not
/// for a line.
template <typename Step>
auto on_sheet(const readers::table& sheet, Step&& step)
{
    try {
        return step();
    } catch (const error& e) {
        if (!e.where() || e.where()->line == 0 || e.where()->cell || !sheet.sheet) throw;
        throw error(e.kind(), location{e.where()->file, e.where()->line, readers::row_reference(*sheet.sheet, e.where()->line)},
                    e.message());
    }
}

} // namespace

std::pair<readers::table, column_mapping> registry_sheet(std::vector<readers::table> sheets, const std::string& source,
                                                         const std::optional<std::string>& wanted,
                                                         const header_overrides& overrides)
{
    if (sheets.empty()) throw error(error_kind::input, location{source, 0}, "the workbook has no sheet");
    if (wanted) {
        for (auto& sheet : sheets)
            if (sheet.sheet == wanted) {
                if (sheet.rows.empty())
                    throw error(error_kind::input, location{source, 0}, "sheet \"" + *wanted + "\" is empty");
                column_mapping mapping = on_sheet(sheet, [&] { return map_columns(sheet, overrides); });
                return {std::move(sheet), std::move(mapping)};
            }
        throw error(error_kind::input, location{source, 0},
                    "no sheet \"" + *wanted + "\" in the workbook (sheets: " + quoted_names(sheets) + ")");
    }
    for (auto& sheet : sheets)
        if (on_sheet(sheet, [&] { return find_header(sheet, overrides); })) {
            column_mapping mapping = on_sheet(sheet, [&] { return map_columns(sheet, overrides); });
            return {std::move(sheet), std::move(mapping)};
        }
    const std::string which = sheets.size() == 1 ? "the workbook's only sheet (" + quoted_names(sheets) + ") has no"
                                                 : "none of the workbook's " + std::to_string(sheets.size()) +
                                                       " sheets (" + quoted_names(sheets) + ") has a";
    throw error(error_kind::input, location{source, 0},
                which + " company column (raison sociale, hébergeur, nom, company); name the registry's columns "
                        "with --mapping and its sheet with --sheet");
}

} // namespace hds
