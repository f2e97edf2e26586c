#include "parse/activities.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hds/error.hpp"
#include "text.hpp"

namespace hds::parse {
namespace {

struct token {
    enum class kind { number, word, separator, hyphen };
    kind what;
    std::string text; // number: its digits; word: folded letters
};

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) noexcept { return c >= 'a' && c <= 'z'; }

bool one_of(std::string_view word, std::initializer_list<std::string_view> words)
{
    return std::find(words.begin(), words.end(), word) != words.end();
}

// Ordinal marks written right after a number, once folded: "1er", "2e", "2ème", "1ère", "1st"; "1º" folds to
// "1o". The degree sign "1°" is its own token (it is no letter).
bool is_ordinal_suffix(std::string_view word)
{
    return one_of(word, {"e", "eme", "er", "ere", "re", "o", "st", "nd", "rd", "th"});
}
bool is_range_word(std::string_view word) { return one_of(word, {"a", "au", "to"}); }
bool is_and_word(std::string_view word) { return one_of(word, {"et", "and"}); }
bool is_intro_word(std::string_view word)
{
    return one_of(word, {"activite", "activites", "activity", "activities"});
}

[[noreturn]] void cannot_read(std::string_view cell)
{
    throw error(error_kind::input, "cannot read activities \"" + text::trim(cell) + "\"");
}

// Splits the folded cell into numbers, words and separators; ordinal suffixes and degree signs are
// dropped here, so the parser only sees numbers, words and separators. Throws on any other character.
std::vector<token> tokenize(std::string_view cell)
{
    const std::string folded = text::fold(cell);
    std::vector<token> tokens;
    for (std::size_t i = 0; i < folded.size();) {
        const char c = folded[i];
        if (is_digit(c)) {
            std::size_t j = i;
            while (j < folded.size() && is_digit(folded[j])) ++j;
            tokens.push_back({token::kind::number, folded.substr(i, j - i)});
            i = j;
            std::size_t k = j;
            while (k < folded.size() && is_ascii_letter(folded[k])) ++k;
            if (k > j && is_ordinal_suffix(std::string_view(folded).substr(j, k - j))) i = k;
        } else if (is_ascii_letter(c)) {
            std::size_t j = i;
            while (j < folded.size() && is_ascii_letter(folded[j])) ++j;
            tokens.push_back({token::kind::word, folded.substr(i, j - i)});
            i = j;
        } else if (c == ',' || c == ';' || c == '/' || c == '+' || c == ':') {
            tokens.push_back({token::kind::separator, std::string(1, c)});
            ++i;
        } else if (c == '-') {
            tokens.push_back({token::kind::hyphen, "-"});
            ++i;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
        } else if (folded.compare(i, 2, "\u00B0") == 0) { // degree sign, "1°": after a number only
            if (tokens.empty() || tokens.back().what != token::kind::number) cannot_read(cell);
            i += 2;
        } else {
            // Other white space (no-break space ...) is folded to ' ' by NFKD; anything else is unreadable.
            cannot_read(cell);
        }
    }
    return tokens;
}

activity to_activity(const std::string& digits)
{
    const std::size_t first = std::min(digits.find_first_not_of('0'), digits.size() - 1);
    const std::string_view shown = std::string_view(digits).substr(first);
    if (shown.size() != 1 || shown[0] < '1' || shown[0] > '6')
        throw error(error_kind::input,
                    "unknown activity " + std::string(shown) + " (activities are numbered 1 to 6)");
    return static_cast<activity>(shown[0] - '0');
}

void insert_range(activity_set& set, activity from, activity to, std::string_view cell)
{
    if (to < from) cannot_read(cell);
    for (auto n = static_cast<int>(from); n <= static_cast<int>(to); ++n) set.insert(static_cast<activity>(n));
}

} // namespace

activity_set parse_activities(std::string_view cell)
{
    const std::vector<token> tokens = tokenize(cell);
    activity_set set;
    std::size_t i = 0;
    const auto at = [&](std::size_t k, token::kind what) { return k < tokens.size() && tokens[k].what == what; };

    // "Activités : 1, 2" — words naming the list may open it.
    while (i < tokens.size() && tokens[i].what == token::kind::word && is_intro_word(tokens[i].text)) {
        ++i;
        if (at(i, token::kind::separator) && tokens[i].text == ":") ++i;
    }
    if (i == tokens.size()) {
        if (i == 0) return set; // an empty cell
        cannot_read(cell);      // "activités" and nothing else
    }

    bool in_hyphen_chain = false; // inside "1-2-3", where hyphens separate rather than join a range
    while (i < tokens.size()) {
        if (!at(i, token::kind::number)) cannot_read(cell);
        const activity from = to_activity(tokens[i].text);
        ++i;
        if (at(i, token::kind::word) && is_range_word(tokens[i].text)) {
            if (!at(i + 1, token::kind::number)) cannot_read(cell);
            insert_range(set, from, to_activity(tokens[i + 1].text), cell);
            i += 2;
        } else if (!in_hyphen_chain && at(i, token::kind::hyphen) && at(i + 1, token::kind::number) &&
                   !(at(i + 2, token::kind::hyphen) && at(i + 3, token::kind::number))) {
            // "3-6" alone is a range, as the article writes the infogéreur's activities; "1-2-3" is a list.
            insert_range(set, from, to_activity(tokens[i + 1].text), cell);
            i += 2;
        } else {
            set.insert(from);
        }
        if (i == tokens.size()) break;

        // Separators between items: any run of , ; / + : - et and, or only white space ("1 2 3").
        bool hyphen_seen = false;
        bool other_seen = false;
        while (i < tokens.size() && tokens[i].what != token::kind::number) {
            const token& t = tokens[i];
            if (t.what == token::kind::hyphen) {
                hyphen_seen = true;
            } else if (t.what == token::kind::separator || (t.what == token::kind::word && is_and_word(t.text))) {
                other_seen = true;
            } else {
                cannot_read(cell);
            }
            ++i;
        }
        if (i == tokens.size()) cannot_read(cell); // "1, 2," — a trailing separator lost an item
        in_hyphen_chain = hyphen_seen && !other_seen;
    }
    return set;
}

bool parse_mark(std::string_view cell)
{
    const std::string mark = text::fold(text::trim(cell));
    if (one_of(mark, {"x", "oui", "yes", "1", "\u2713", "\u2714", "\u2611", "vrai", "true"})) return true;
    if (one_of(mark, {"", "non", "no", "0", "-", "\u2013", "\u2014", "faux", "false"})) return false;
    throw error(error_kind::input,
                "cannot read mark \"" + text::trim(cell) + "\" (expected X, Oui, Yes, 1 or empty)");
}

} // namespace hds::parse
