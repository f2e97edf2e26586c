#include "parse/dates.hpp"

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "hds/error.hpp"
#include "text.hpp"

namespace hds::parse {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) noexcept
{
    if (s.empty()) return false;
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}

int to_int(std::string_view digits) noexcept
{
    int n = 0;
    for (char c : digits) n = n * 10 + (c - '0');
    return n;
}

[[noreturn]] void cannot_read(std::string_view cell)
{
    throw error(error_kind::input, "cannot read date \"" + std::string(cell) + "\" (expected dd/mm/yyyy or yyyy-mm-dd)");
}

/// Splits "a/b/c" (or with '-' or '.', the same both times) into three parts of digits; false otherwise.
bool split_date(std::string_view s, std::string_view& a, std::string_view& b, std::string_view& c)
{
    const std::size_t first = s.find_first_of("/-.");
    if (first == std::string_view::npos) return false;
    const char sep = s[first];
    const std::size_t second = s.find(sep, first + 1);
    if (second == std::string_view::npos) return false;
    a = s.substr(0, first);
    b = s.substr(first + 1, second - first - 1);
    c = s.substr(second + 1);
    return all_digits(a) && all_digits(b) && all_digits(c);
}

/// True for a time of day that is midnight: "00:00", "00:00:00", "00:00:00.000", optionally ending in "Z".
/// A spreadsheet writes a date with a midnight time; any other time may be a date shifted by a time zone
/// ("2020-07-30T22:00:00Z" is 31 July in Paris), which is safer refused than guessed.
bool is_midnight(std::string_view t)
{
    if (!t.empty() && t.back() == 'Z') t.remove_suffix(1);
    if (const std::size_t dot = t.find('.'); dot != std::string_view::npos) {
        const std::string_view fraction = t.substr(dot + 1);
        if (fraction.find_first_not_of('0') != std::string_view::npos || fraction.empty()) return false;
        t = t.substr(0, dot);
    }
    return t == "00:00" || t == "00:00:00" || t == "0:00" || t == "0:00:00";
}

// By hand: snprintf took 1,000 instructions a date, and an ingest parses every distinct date of its files.
std::string iso(int y, int m, int d)
{
    std::string out = "0000-00-00";
    for (int i = 3; i >= 0; --i, y /= 10) out[static_cast<std::size_t>(i)] = static_cast<char>('0' + y % 10);
    out[5] = static_cast<char>('0' + m / 10);
    out[6] = static_cast<char>('0' + m % 10);
    out[8] = static_cast<char>('0' + d / 10);
    out[9] = static_cast<char>('0' + d % 10);
    return out;
}

bool is_valid(int y, int m, int d)
{
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    return ymd.ok();
}

} // namespace

std::optional<std::string> parse_date(std::string_view cell)
{
    const std::string_view trimmed = text::trimmed(cell);
    if (trimmed.empty()) return std::nullopt;

    // A date and a time: "31/07/2020 00:00", "2020-07-31T00:00:00".
    std::string_view date = trimmed;
    if (const std::size_t cut = date.find_first_of(" T"); cut != std::string_view::npos) {
        std::string_view time = date.substr(cut + 1);
        while (!time.empty() && time.front() == ' ') time.remove_prefix(1);
        if (!is_midnight(time)) cannot_read(trimmed);
        date = date.substr(0, cut);
    }

    std::string_view a;
    std::string_view b;
    std::string_view c;
    if (!split_date(date, a, b, c) || b.size() > 2) cannot_read(trimmed);
    int year = 0;
    int month = to_int(b);
    int day = 0;
    if (a.size() == 4 && c.size() <= 2) { // yyyy-mm-dd, yyyy/mm/dd
        year = to_int(a);
        day = to_int(c);
    } else if (a.size() <= 2 && c.size() == 4) { // dd/mm/yyyy
        day = to_int(a);
        year = to_int(c);
    } else if (a.size() <= 2 && c.size() == 2) {
        throw error(error_kind::input, "ambiguous date \"" + std::string(trimmed) + "\" (two-digit year)");
    } else {
        cannot_read(trimmed);
    }
    // The HDS regime dates from 2018: a year outside this century is a typing error, not a date to store.
    if (year < 2000 || year > 2100 || !is_valid(year, month, day))
        throw error(error_kind::input, "impossible date \"" + std::string(trimmed) + "\"");
    return iso(year, month, day);
}

bool is_iso_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    const std::string_view y = text.substr(0, 4);
    const std::string_view m = text.substr(5, 2);
    const std::string_view d = text.substr(8, 2);
    return all_digits(y) && all_digits(m) && all_digits(d) && is_valid(to_int(y), to_int(m), to_int(d));
}

} // namespace hds::parse
