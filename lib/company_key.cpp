#include "company_key.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "text.hpp"

namespace hds {
namespace {

// Legal forms as they read once folded and with their dots deleted ("S.A.S." → "sas", "B.V." → "bv").
// GIE and GIP are not here: they begin names ("GIE Almaviva Santé", "GIP MiPih") and tell the entity apart.
// "co" is handled apart: alone it is too common a word to drop anywhere but at the end.
constexpr std::array<std::string_view, 28> legal_forms = {
    "sa",  "sas",          "sasu", "sarl",        "eurl", "se",      "sca", "snc", "sci", "selarl",
    "inc", "incorporated", "corp", "corporation", "ltd",  "limited", "llc", "plc", "gmbh", "ag",
    "bv",  "nv",           "srl",  "spa",         "sl",   "ab",      "as",  "oy",
};

// French forms may also open a name ("SAS Cheops"); foreign ones only close it, so that "AB Science"
// and "Science" stay two companies.
constexpr std::array<std::string_view, 9> leading_forms = {"sa", "sas", "sasu", "sarl", "eurl",
                                                           "sca", "snc", "sci", "selarl"};

bool is_legal_form(std::string_view word)
{
    return std::find(legal_forms.begin(), legal_forms.end(), word) != legal_forms.end();
}

bool is_leading_form(std::string_view word)
{
    return std::find(leading_forms.begin(), leading_forms.end(), word) != leading_forms.end();
}

// Words of the folded name: dots (and the slash of "A/S") are deleted so that initials join into one word,
// any other run of characters that are not letters or digits separates words.
std::vector<std::string> words_of(std::string_view name)
{
    std::string joined;
    for (char c : text::fold(name))
        if (c != '.' && c != '/') joined += c;
    return text::split_words(text::fold_words(joined));
}

} // namespace

namespace {

std::string key_of(std::string_view name)
{
    const std::vector<std::string> words = words_of(name);
    std::size_t first = 0;
    std::size_t last = words.size(); // one past the last kept word
    for (bool stripped = true; stripped && first < last;) {
        stripped = false;
        // At the end: a legal form, "et cie" (or "& cie", whose '&' is gone), or "co" ("& Co", "Co. Ltd").
        if (const std::string& w = words[last - 1]; is_legal_form(w) || w == "co" || w == "cie") {
            --last;
            if (w == "cie" && last > first && words[last - 1] == "et") --last;
            stripped = true;
        }
        // At the start: a French legal form.
        if (first < last) {
            if (is_leading_form(words[first])) {
                ++first;
                stripped = true;
            }
        }
    }
    // A name that is only legal forms ("SA") keeps them: better a key than none.
    if (first >= last) {
        first = 0;
        last = words.size();
    }
    std::string key;
    for (std::size_t i = first; i < last; ++i) key += words[i];
    return key;
}

} // namespace

std::string company_key(std::string_view name)
{
    // A registry names each company on one or two consecutive rows and a handful of certifiers on every
    // row: remembering recent keys spares most of the Unicode folding. Bounded, and per thread.
    thread_local std::unordered_map<std::string, std::string> recent;
    if (const auto found = recent.find(std::string(name)); found != recent.end()) return found->second;
    std::string key = key_of(name);
    if (recent.size() >= 4096) recent.clear();
    recent.emplace(std::string(name), key);
    return key;
}

} // namespace hds
