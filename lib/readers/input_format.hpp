// Which reader a file goes to.
#pragma once

#include <string>
#include <string_view>

namespace hds::readers {

enum class input_format { csv, html, json, xlsx, ods };

/// "csv", "html", "json", "xlsx", "ods" → the format; throws hds::error(usage) for anything else, "auto" included: the
/// caller handles "auto" by calling detect_format (the message lists it for the command line's sake).
input_format parse_input_format(std::string_view name);
[[nodiscard]] const char* to_string(input_format format) noexcept;

/// Guesses from the file's extension (.csv .txt .tsv, .html .htm, .json, .xlsx .xlsm, .ods), and when it
/// says nothing, from the first bytes: a ZIP archive is ods when its first entry is the OpenDocument
/// spreadsheet mimetype, else xlsx; otherwise the first non-blank bytes after any byte-order mark ('[' or '{'
/// → json, '<' → html, else csv). Throws hds::error(input) "PATH: an Excel 97-2003 workbook (.xls) ..." for
/// the old binary format, which no reader takes.
input_format detect_format(const std::string& path, std::string_view bytes);

} // namespace hds::readers
