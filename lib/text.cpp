#include "text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include <utf8proc.h>

#include "hds/error.hpp"

namespace hds::text {
namespace {

struct free_deleter {
    void operator()(utf8proc_uint8_t* p) const noexcept { std::free(p); }
};
using mapped_ptr = std::unique_ptr<utf8proc_uint8_t, free_deleter>;

// utf8proc works on bytes as utf8proc_uint8_t; std::string holds char. Both are one byte, and the
// standard allows viewing any object through unsigned char, which utf8proc_uint8_t is.
const utf8proc_uint8_t* bytes(std::string_view s) noexcept
{
    return reinterpret_cast<const utf8proc_uint8_t*>(s.data());
}

/// Decodes the code point at s[pos]; returns its length in bytes, or a negative utf8proc error.
utf8proc_ssize_t next_codepoint(std::string_view s, std::size_t pos, utf8proc_int32_t& cp) noexcept
{
    return utf8proc_iterate(bytes(s) + pos, static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
}

void replace_all(std::string& s, std::string_view from, std::string_view to)
{
    for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

bool is_letter_or_digit(utf8proc_int32_t cp) noexcept
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

// Unicode White_Space, plus the zero-width space and the byte-order mark, which cells copied from web
// pages and spreadsheets carry at their ends and which no reader can see.
bool is_space(utf8proc_int32_t cp) noexcept
{
    if ((cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0x200B || cp == 0xFEFF) return true;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return true;
    default:
        return false;
    }
}

bool is_ascii(std::string_view s) noexcept
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

} // namespace

namespace {

std::string fold_by_utf8proc(std::string_view utf8)
{
    // UTF8PROC_NULLTERM would stop at an embedded NUL and drop the rest: fold each side of it instead.
    if (const std::size_t nul = utf8.find('\0'); nul != std::string_view::npos)
        return fold_by_utf8proc(utf8.substr(0, nul)) + '\0' + fold_by_utf8proc(utf8.substr(nul + 1));
    const std::string input(utf8); // a terminated copy: a string_view need not be
    utf8proc_uint8_t* raw = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(
        bytes(input), 0, &raw,
        static_cast<utf8proc_option_t>(UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                       UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
    const mapped_ptr owned(raw);
    if (n < 0) throw error(error_kind::input, std::string("invalid UTF-8 text: ") + utf8proc_errmsg(n));
    std::string out(reinterpret_cast<const char*>(owned.get()), static_cast<std::size_t>(n));
    // The ligatures œ and æ are letters of their own for Unicode, with no decomposition; for French
    // names they are spelling variants of "oe" and "ae" ("Œuvre" / "OEUVRE"). Case folding has already
    // turned Œ and Æ into these.
    replace_all(out, "\u0153", "oe");
    replace_all(out, "\u00E6", "ae");
    return out;
}

// The folds of U+0080 to U+00FF that are ASCII ("é" → "e", "ß" → "ss", "Æ" → "ae"), asked of utf8proc once;
// empty for the others ("ø", "½"), whose text utf8proc folds whole. Without composition, a string's fold is
// its code points' folds end to end, and ASCII ones carry no mark to reorder.
const std::array<std::string, 128>& latin1_folds()
{
    static const std::array<std::string, 128> folds = [] {
        std::array<std::string, 128> out;
        for (unsigned cp = 0x80; cp <= 0xFF; ++cp) {
            const std::string utf8 = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
            std::string folded = fold_by_utf8proc(utf8);
            if (!folded.empty() && is_ascii(folded)) out[cp - 0x80] = std::move(folded);
        }
        return out;
    }();
    return folds;
}

// The terminal columns of U+0080 to U+00FF, asked of utf8proc once (a table prints thousands of names).
const std::array<std::uint8_t, 128>& latin1_widths()
{
    static const std::array<std::uint8_t, 128> widths = [] {
        std::array<std::uint8_t, 128> out{};
        for (unsigned cp = 0x80; cp <= 0xFF; ++cp)
            out[cp - 0x80] = static_cast<std::uint8_t>(std::max(0, utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp))));
        return out;
    }();
    return widths;
}

} // namespace

std::string fold(std::string_view utf8)
{
    // ASCII has no decomposition and no mark, and case-folds A-Z alone; the accented letters of Latin-1 fold
    // to ASCII. Both are folded without utf8proc (an ingest folds every name of every row); any other
    // character sends the whole text to utf8proc.
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            continue;
        }
        const auto next = i + 1 < utf8.size() ? static_cast<unsigned char>(utf8[i + 1]) : 0U;
        if ((c != 0xC2 && c != 0xC3) || (next & 0xC0) != 0x80) return fold_by_utf8proc(utf8);
        const std::string& folded = latin1_folds()[((c & 0x1FU) << 6 | (next & 0x3FU)) - 0x80];
        if (folded.empty()) return fold_by_utf8proc(utf8);
        out += folded;
        ++i;
    }
    return out;
}

std::string fold_words(std::string_view utf8)
{
    const std::string folded = fold(utf8);
    std::string out;
    bool pending_space = false;
    for (std::size_t pos = 0; pos < folded.size();) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t len = next_codepoint(folded, pos, cp);
        // fold() produced valid UTF-8, so len > 0.
        const auto n = static_cast<std::size_t>(len);
        // ASCII letters and digits are the ASCII code points utf8proc puts in a letter or digit category.
        const bool ascii_letter_or_digit = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
        if (cp < 0x80 ? ascii_letter_or_digit : is_letter_or_digit(cp)) {
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            out.append(folded, pos, n);
        } else {
            pending_space = true;
        }
        pos += n;
    }
    return out;
}

std::size_t display_width(std::string_view utf8)
{
    // Printable ASCII throughout, as most cells are: one column a byte, counted in a loop the compiler
    // vectorises (tables measure every cell twice).
    std::size_t printable = 0;
    for (const char c : utf8) printable += static_cast<unsigned char>(c - 0x20) < 0x5F ? 1U : 0U;
    if (printable == utf8.size()) return printable;
    std::size_t width = 0;
    for (std::size_t pos = 0; pos < utf8.size();) {
        // ASCII without a lookup (tables print thousands of names): printable 1, control characters 0, as
        // utf8proc_charwidth says.
        if (const auto byte = static_cast<unsigned char>(utf8[pos]); byte < 0x80) {
            width += byte >= 0x20 && byte != 0x7f ? 1 : 0;
            ++pos;
            continue;
        }
        // Latin-1 (accented French names) from a table utf8proc filled once.
        if (const auto lead = static_cast<unsigned char>(utf8[pos]); (lead == 0xC2 || lead == 0xC3) && pos + 1 < utf8.size()) {
            if (const auto next = static_cast<unsigned char>(utf8[pos + 1]); (next & 0xC0) == 0x80) {
                width += latin1_widths()[((lead & 0x1FU) << 6 | (next & 0x3FU)) - 0x80];
                pos += 2;
                continue;
            }
        }
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t len = next_codepoint(utf8, pos, cp);
        if (len <= 0) { // an invalid byte shows as one replacement character
            width += 1;
            pos += 1;
            continue;
        }
        const int w = utf8proc_charwidth(cp);
        if (w > 0) width += static_cast<std::size_t>(w);
        pos += static_cast<std::size_t>(len);
    }
    return width;
}

std::string trim(std::string_view utf8) { return std::string(trimmed(utf8)); }

std::string_view trimmed(std::string_view utf8)
{
    // Most cells begin and end with a printable ASCII character: nothing to trim, and no need to decode every
    // code point in between (an ASCII byte is a code point of its own, whatever precedes it).
    const auto printable_ascii = [](char c) { return c > ' ' && c < 0x7F; };
    if (!utf8.empty() && printable_ascii(utf8.front()) && printable_ascii(utf8.back())) return utf8;
    std::size_t begin = utf8.size();
    std::size_t end = 0;
    for (std::size_t pos = 0; pos < utf8.size();) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t len = next_codepoint(utf8, pos, cp);
        // An invalid byte is not white space: it stays, for whoever decodes the text to report.
        const std::size_t n = len > 0 ? static_cast<std::size_t>(len) : 1;
        if (len <= 0 || !is_space(cp)) {
            if (begin == utf8.size()) begin = pos;
            end = pos + n;
        }
        pos += n;
    }
    if (begin >= end) return {};
    return utf8.substr(begin, end - begin);
}

std::vector<std::string_view> split_words(std::string_view folded_words)
{
    std::vector<std::string_view> out;
    for (std::size_t pos = 0; pos < folded_words.size();) {
        const std::size_t space = std::min(folded_words.find(' ', pos), folded_words.size());
        out.emplace_back(folded_words.substr(pos, space - pos));
        pos = space + 1;
    }
    return out;
}

} // namespace hds::text
