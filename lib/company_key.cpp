#include "company_key.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
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
// any other run of characters that are not letters or digits separates words. The words are views into
// `buffer`, which holds the text they come from.
std::vector<std::string_view> words_of(std::string_view name, std::string& buffer)
{
    buffer = text::fold(name);
    std::erase_if(buffer, [](char c) { return c == '.' || c == '/'; });
    std::vector<std::string_view> words;
    words.reserve(8);
    // Folded Latin names are ASCII, already lower case: letters and digits are [a-z0-9], and fold_words() would
    // fold them again to themselves. Split them here, without copying each word (an ingest keys every name).
    if (std::all_of(buffer.begin(), buffer.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        const auto word_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
        for (auto it = buffer.begin(); it != buffer.end();) {
            it = std::find_if(it, buffer.end(), word_char);
            const auto end = std::find_if_not(it, buffer.end(), word_char);
            if (it != end) words.emplace_back(&*it, static_cast<std::size_t>(end - it));
            it = end;
        }
        return words;
    }
    buffer = text::fold_words(buffer);
    return text::split_words(buffer);
}

} // namespace

// Not remembered here: the parser remembers the previous row's key and the certifiers' (listing.hpp), and a
// registry sorted by name lists a company's rows one after another.
std::string company_key(std::string_view name)
{
    std::string buffer;
    const std::vector<std::string_view> words = words_of(name, buffer);
    std::size_t first = 0;
    std::size_t last = words.size(); // one past the last kept word
    for (bool stripped = true; stripped && first < last;) {
        stripped = false;
        // At the end: a legal form, "et cie" (or "& cie", whose '&' is gone), or "co" ("& Co", "Co. Ltd").
        if (const std::string_view w = words[last - 1]; is_legal_form(w) || w == "co" || w == "cie") {
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
    key.reserve(buffer.size());
    for (std::size_t i = first; i < last; ++i) key += words[i];
    return key;
}

} // namespace hds
