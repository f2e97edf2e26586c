#include "findings/finding_file.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>

#include "hds/error.hpp"
#include "parse/dates.hpp"

namespace hds::findings {
namespace {

constexpr std::array<std::string_view, 7> header_keys{"id",       "statement", "source",   "snapshot",
                                                      "from",     "expected",  "tolerance"};
constexpr std::array<std::string_view, 5> required_keys{"id", "statement", "source", "snapshot", "expected"};

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
    return s;
}

std::string lowercase(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool is_month(std::string_view s)
{
    if (s.size() != 7 || s[4] != '-') return false;
    for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U})
        if (std::isdigit(static_cast<unsigned char>(s[i])) == 0) return false;
    const int month = (s[5] - '0') * 10 + (s[6] - '0');
    return month >= 1 && month <= 12;
}

bool is_period(std::string_view s) { return is_month(s) || parse::is_iso_date(s); }

bool is_id(std::string_view s)
{
    if (s.empty() || std::isalnum(static_cast<unsigned char>(s.front())) == 0) return false;
    return std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return std::isalnum(c) != 0 || c == '_' || c == '.' || c == '-';
    });
}

std::optional<double> number(const std::string& s)
{
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

[[noreturn]] void refuse(const std::string& file, std::size_t line, const std::string& message)
{
    throw error(error_kind::input, location{file, line}, message);
}

bool identifier_char(unsigned char c) { return std::isalnum(c) != 0 || c == '_' || c == '$' || c >= 0x80; }

// The query's tokens as far as a finding needs them: where it starts and ends, its first word, its parameters.
// Strings, quoted names and comments are skipped whole, so that a ':snapshot' or ';' inside them is text.
struct scan {
    std::optional<std::size_t> start; ///< offset of the first token
    std::string first_word;           ///< its text, when it is a word
    std::size_t end = 0;              ///< offset of the ';' that ends the statement, or the text's size
    std::vector<parameter_use> parameters;
};

class scanner {
public:
    scanner(std::string_view text, const std::string& file, std::size_t first_line)
        : text_(text), file_(file), first_line_(first_line)
    {
    }

    [[nodiscard]] scan run() const
    {
        scan result;
        result.end = text_.size();
        std::optional<std::size_t> semicolon;
        std::size_t i = 0;
        while (i < text_.size()) {
            const char c = text_[i];
            const char next = i + 1 < text_.size() ? text_[i + 1] : '\0';
            if (std::isspace(static_cast<unsigned char>(c)) != 0) {
                ++i;
            } else if (c == '-' && next == '-') {
                i = std::min(text_.find('\n', i), text_.size());
            } else if (c == '/' && next == '*') {
                const auto close = text_.find("*/", i + 2);
                if (close == std::string_view::npos) fail(i, "a comment /* is never closed");
                i = close + 2;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                i = after_quoted(i);
            } else if (c == ';') {
                if (!semicolon) {
                    semicolon = i;
                    result.end = i;
                }
                ++i;
            } else {
                if (semicolon)
                    fail(i, "a second statement after the ';' of line " + std::to_string(line_of(*semicolon)) +
                                ": a finding is one SELECT");
                if (!result.start) result.start = i;
                i = after_token(i, result);
            }
        }
        return result;
    }

    [[noreturn]] void fail(std::size_t offset, const std::string& message) const
    {
        refuse(file_, line_of(offset), message);
    }

    [[nodiscard]] std::size_t line_of(std::size_t offset) const
    {
        return first_line_ + static_cast<std::size_t>(std::count(text_.begin(), text_.begin() + offset, '\n'));
    }

private:
    std::size_t after_quoted(std::size_t i) const
    {
        const char open = text_[i];
        const char close = open == '[' ? ']' : open;
        for (std::size_t j = i + 1;;) {
            const auto at = text_.find(close, j);
            if (at == std::string_view::npos)
                fail(i, std::string(open == '\'' ? "a string" : "a quoted name") + " opened here is never closed");
            // A quote written twice stands for itself ('l''analyse'); brackets have no such escape.
            if (open != '[' && at + 1 < text_.size() && text_[at + 1] == close) {
                j = at + 2;
                continue;
            }
            return at + 1;
        }
    }

    std::size_t after_token(std::size_t i, scan& result) const
    {
        const char c = text_[i];
        const bool named_parameter = (c == ':' || c == '@' || c == '$') && i + 1 < text_.size() &&
                                     identifier_char(static_cast<unsigned char>(text_[i + 1]));
        if (named_parameter || c == '?') {
            std::size_t j = i + 1;
            while (j < text_.size() && identifier_char(static_cast<unsigned char>(text_[j]))) ++j;
            const std::string name(text_.substr(i, j - i));
            if (name != ":snapshot" && name != ":from")
                fail(i, "parameter " + name + ": a finding reads only :snapshot and :from");
            result.parameters.push_back({i, j - i, name});
            return j;
        }
        if (identifier_char(static_cast<unsigned char>(c))) {
            std::size_t j = i + 1;
            while (j < text_.size() && identifier_char(static_cast<unsigned char>(text_[j]))) ++j;
            if (!result.start || *result.start == i) result.first_word = std::string(text_.substr(i, j - i));
            return j;
        }
        return i + 1;
    }

    std::string_view text_;
    const std::string& file_;
    std::size_t first_line_;
};

struct header_line {
    std::string value;
    std::size_t line = 0;
};

} // namespace

std::string no_snapshot_for(const std::string& period) { return "no snapshot for " + period; }

std::vector<parameter_use> parameters_of(std::string_view query)
{
    const std::string file = "query";
    return scanner(query, file, 1).run().parameters;
}

parsed_finding parse_finding_file(const std::string& file, std::string_view text)
{
    const auto fail = [&file](std::size_t at, const std::string& message) { refuse(file, at, message); };

    // The header: the lines that open the file with "--", up to the first that does not.
    std::map<std::string, header_line, std::less<>> header;
    std::string_view last_key;
    std::size_t line = 1, offset = 0;
    while (offset < text.size() && text.substr(offset, 2) == "--") {
        const auto end = std::min(text.find('\n', offset), text.size());
        std::string_view rest = text.substr(offset + 2, end - offset - 2);
        if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
        if (rest.size() >= 2 && std::isspace(static_cast<unsigned char>(rest[0])) != 0 &&
            std::isspace(static_cast<unsigned char>(rest[1])) != 0 && !trimmed(rest).empty()) {
            // An indented line goes on with the value above it.
            if (last_key.empty()) fail(line, "an indented line before any '-- key: value' line");
            header.find(last_key)->second.value += " " + std::string(trimmed(rest));
        } else {
            const std::string_view content = trimmed(rest);
            const auto colon = content.find(':');
            const std::string key(content.substr(0, colon == std::string_view::npos ? 0 : colon));
            if (key.empty() || !std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::islower(c); }))
                fail(line, "expected '-- key: value' in the header (a blank line ends it before other comments)");
            const auto known = std::find(header_keys.begin(), header_keys.end(), key);
            if (known == header_keys.end())
                fail(line, "unknown header key '" + key +
                               "' (known: id, statement, source, snapshot, from, expected, tolerance)");
            if (const auto seen = header.find(key); seen != header.end())
                fail(line, "'" + key + "' given twice (first on line " + std::to_string(seen->second.line) + ")");
            header[key] = {std::string(trimmed(content.substr(colon + 1))), line};
            last_key = *known;
        }
        offset = end < text.size() ? end + 1 : end;
        ++line;
    }
    if (header.empty()) fail(1, "a finding opens with its header, '-- id: ...' (docs/findings.md)");
    for (const auto key : required_keys)
        if (header.find(key) == header.end())
            fail(line, "the header has no '" + std::string(key) + ":' (a finding needs id, statement, source, "
                                                                  "snapshot and expected)");
    for (const auto& [key, value] : header)
        if (value.value.empty()) fail(value.line, "'" + key + "' is empty");

    parsed_finding parsed;
    finding_definition& d = parsed.definition;
    d.file = file;
    d.id = header["id"].value;
    parsed.id_line = header["id"].line;
    if (!is_id(d.id)) fail(parsed.id_line, "id '" + d.id + "': letters, digits, '_', '.' and '-' only");
    d.statement = header["statement"].value;
    d.source = header["source"].value;
    d.expected = header["expected"].value;
    const header_line snapshot = header["snapshot"];
    if (snapshot.value != "none") {
        if (!is_period(snapshot.value))
            fail(snapshot.line, "snapshot '" + snapshot.value + "': a month YYYY-MM, a date YYYY-MM-DD, or none");
        d.snapshot = snapshot.value;
    }
    if (const auto from = header.find("from"); from != header.end()) {
        if (!is_period(from->second.value))
            fail(from->second.line, "from '" + from->second.value + "': a month YYYY-MM or a date YYYY-MM-DD");
        if (!d.snapshot) fail(from->second.line, "'from:' with 'snapshot: none': a change needs two snapshots");
        d.from = from->second.value;
    }
    if (const auto tolerance = header.find("tolerance"); tolerance != header.end()) {
        const auto value = number(tolerance->second.value);
        if (!value || *value < 0) fail(tolerance->second.line, "tolerance '" + tolerance->second.value +
                                                                   "': a number, 0 or more");
        if (!number(d.expected))
            fail(header["expected"].line, "expected '" + d.expected + "' is not a number, and a tolerance needs one");
        d.tolerance = tolerance->second.value;
    }

    // The query: one statement, after the header.
    const std::string_view body = text.substr(offset);
    const scanner reader(body, file, line);
    const scan found = reader.run();
    if (!found.start) fail(line, "no query after the header: a finding ends with one SELECT");
    const std::string word = lowercase(found.first_word);
    if (word != "select" && word != "with" && word != "values")
        reader.fail(*found.start, "a finding is one SELECT (or WITH ... SELECT); this one starts with " +
                                      (found.first_word.empty() ? std::string(body.substr(*found.start, 1))
                                                                : found.first_word));
    std::string_view query = body.substr(*found.start, found.end - *found.start);
    query = trimmed(query);
    d.query = std::string(query);
    d.query_line = reader.line_of(*found.start);

    // Each month the header names is read, and only those.
    bool reads_snapshot = false, reads_from = false;
    for (const auto& p : found.parameters) {
        if (p.name == ":snapshot" && !d.snapshot)
            reader.fail(p.offset, ":snapshot with 'snapshot: none': the finding reads no snapshot");
        if (p.name == ":from" && !d.from) reader.fail(p.offset, ":from without a '-- from:' line in the header");
        (p.name == ":snapshot" ? reads_snapshot : reads_from) = true;
    }
    if (d.snapshot && !reads_snapshot)
        fail(snapshot.line, "the query never reads :snapshot (for a finding on reference data only, 'snapshot: none')");
    if (d.from && !reads_from) fail(header["from"].line, "the query never reads :from");
    return parsed;
}

} // namespace hds::findings
