#include "readers/sheet_cells.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace hds::readers {
namespace {

/// Days from 1970-01-01 to y-m-d, proleptic Gregorian (Howard Hinnant's days_from_civil).
long long days_from_civil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

struct civil {
    long long year;
    unsigned month, day;
};

civil civil_from_days(long long z)
{
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2 ? 1 : 0), m, d};
}

} // namespace

std::optional<std::string> date_of_serial(std::string_view serial, date_system system)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(serial.data(), serial.data() + serial.size(), value);
    if (ec != std::errc() || end != serial.data() + serial.size() || !std::isfinite(value) || value < 0 ||
        value >= 2958466) // 10000-01-01
        return std::nullopt;
    auto days = static_cast<long long>(std::floor(value));
    // The time of day, to the second; a fraction within half a second of midnight is rounding noise.
    auto seconds = static_cast<long long>(std::llround((value - static_cast<double>(days)) * 86400.0));
    if (seconds == 86400) {
        ++days;
        seconds = 0;
    }
    civil date{};
    if (system == date_system::from_1904) {
        date = civil_from_days(days_from_civil(1904, 1, 1) + days);
    } else if (days == 60) {
        date = {1900, 2, 29}; // the day Excel counts and the calendar does not
    } else {
        // Serial 1 is 1900-01-01; from 61 on, one day less than a plain count, because of the 29 February.
        date = civil_from_days(days_from_civil(1899, 12, 31) + days - (days > 60 ? 1 : 0));
    }
    char text[96]; // the widest the format can give, so the compiler sees no truncation
    if (seconds == 0)
        std::snprintf(text, sizeof text, "%04lld-%02u-%02u", date.year, date.month, date.day);
    else
        std::snprintf(text, sizeof text, "%04lld-%02u-%02uT%02lld:%02lld:%02lld", date.year, date.month, date.day,
                      seconds / 3600, seconds / 60 % 60, seconds % 60);
    return std::string(text);
}

bool is_builtin_date_format(unsigned id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

bool is_date_format_code(std::string_view code)
{
    bool quoted = false;
    int bracket = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quoted) {
            quoted = c != '"';
            continue;
        }
        if (c == '"') quoted = true;
        else if (c == '\\' || c == '_' || c == '*') ++i; // the next character is shown as is, or is padding
        else if (c == '[') ++bracket;                    // [Red], [$-40C], [h]: colours, locales, elapsed time
        else if (c == ']') bracket = bracket > 0 ? bracket - 1 : 0;
        else if (bracket == 0 && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) return true;
    }
    return false;
}

const char* boolean_text(bool value) { return value ? "Oui" : ""; }

std::string column_letters(std::size_t column)
{
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

std::string cell_reference(const std::string& sheet, std::size_t column, std::size_t row)
{
    return sheet + "!" + column_letters(column) + std::to_string(row);
}

std::string row_reference(const std::string& sheet, std::size_t row)
{
    return sheet + "!" + std::to_string(row) + ":" + std::to_string(row);
}

std::optional<cell_position> parse_cell_reference(std::string_view reference)
{
    std::size_t i = 0;
    std::size_t column = 0;
    for (; i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z'; ++i) {
        column = column * 26 + static_cast<std::size_t>(reference[i] - 'A' + 1);
        if (column > max_sheet_columns) return std::nullopt;
    }
    if (i == 0 || i == reference.size()) return std::nullopt;
    std::size_t row = 0;
    const auto [end, ec] = std::from_chars(reference.data() + i, reference.data() + reference.size(), row);
    if (ec != std::errc() || end != reference.data() + reference.size() || row == 0 || row > max_sheet_rows)
        return std::nullopt;
    return cell_position{column - 1, row};
}

} // namespace hds::readers
