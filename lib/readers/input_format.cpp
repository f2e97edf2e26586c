#include "readers/input_format.hpp"

#include <cstddef>
#include <filesystem>
#include <string>

#include "hds/error.hpp"

namespace hds::readers {
namespace {

std::string ascii_lower(std::string text)
{
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

} // namespace

input_format parse_input_format(std::string_view name)
{
    if (name == "csv") return input_format::csv;
    if (name == "html") return input_format::html;
    if (name == "json") return input_format::json;
    if (name == "xlsx") return input_format::xlsx;
    if (name == "ods") return input_format::ods;
    // "auto" is the command line's way of asking for detect_format; it is listed so the message fits there.
    throw error(error_kind::usage,
                "unknown format \"" + std::string(name) + "\" (expected auto, csv, html, json, xlsx or ods)");
}

const char* to_string(input_format format) noexcept
{
    switch (format) {
    case input_format::csv:
        return "csv";
    case input_format::html:
        return "html";
    case input_format::json:
        return "json";
    case input_format::xlsx:
        return "xlsx";
    case input_format::ods:
        return "ods";
    }
    return "csv";
}

input_format detect_format(const std::string& path, std::string_view bytes)
{
    const std::string extension = ascii_lower(std::filesystem::path(path).extension().string());
    if (extension == ".csv" || extension == ".txt" || extension == ".tsv") return input_format::csv;
    if (extension == ".html" || extension == ".htm") return input_format::html;
    if (extension == ".json") return input_format::json;
    if (extension == ".xlsx" || extension == ".xlsm") return input_format::xlsx;
    if (extension == ".ods") return input_format::ods;

    // A workbook is a ZIP archive; an OpenDocument one starts with its mimetype entry, stored uncompressed.
    if (bytes.starts_with("PK\x03\x04"))
        return bytes.substr(0, 128).find("mimetypeapplication/vnd.oasis.opendocument.spreadsheet") != std::string_view::npos
                   ? input_format::ods
                   : input_format::xlsx;
    if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        throw error(error_kind::input, location{path, 0},
                    "an Excel 97-2003 workbook (.xls), which hds does not read; save it as .xlsx, .ods or .csv");

    // Look past a byte-order mark; in UTF-16 every ASCII character comes with a NUL byte, skip those too.
    bool utf16 = false;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
    } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        bytes.remove_prefix(2);
        utf16 = true;
    }
    for (const char c : bytes) {
        if (is_blank(c) || (utf16 && c == '\0')) continue;
        if (c == '[' || c == '{') return input_format::json;
        if (c == '<') return input_format::html;
        break;
    }
    return input_format::csv;
}

} // namespace hds::readers
