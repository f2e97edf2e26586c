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
    // "auto" is the command line's way of asking for detect_format; it is listed so the message fits there.
    throw error(error_kind::usage,
                "unknown format \"" + std::string(name) + "\" (expected auto, csv, html or json)");
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
    }
    return "csv";
}

input_format detect_format(const std::string& path, std::string_view bytes)
{
    const std::string extension = ascii_lower(std::filesystem::path(path).extension().string());
    if (extension == ".csv" || extension == ".txt" || extension == ".tsv") return input_format::csv;
    if (extension == ".html" || extension == ".htm") return input_format::html;
    if (extension == ".json") return input_format::json;

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
