#include "parse/certificate_type.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "hds/error.hpp"
#include "text.hpp"

namespace hds::parse {
namespace {

// Words that change nothing about which certificate is meant ("Certificat HDS hébergeur d'infrastructure
// physique"); removed from the cell and from the phrases alike.
bool is_filler(std::string_view word)
{
    for (std::string_view w : {"certificat", "certification", "hds", "de", "d", "du", "l", "le", "la"})
        if (word == w) return true;
    return false;
}

// Phrases as they read after fold_words and without filler words.
constexpr std::string_view physical_phrases[] = {
    "hebergeur infrastructure physique", "hebergement infrastructure physique", "hebergeur physique",
    "infrastructure physique", "physique", "physical infrastructure", "physical infrastructure hosting",
    "physical infrastructure host", "physical infrastructure provider", "physical",
};
constexpr std::string_view managed_phrases[] = {
    "hebergeur infogereur", "hebergeur infogerance", "hebergement infogere", "infogereur", "infogerance",
    "infogere", "managed hosting", "managed hosting provider", "managed service provider", "managed services",
    "managed",
};
constexpr std::string_view both_phrases[] = {"les deux", "deux", "les 2", "both"};

template <std::size_t n>
bool contains(const std::string_view (&phrases)[n], std::string_view phrase)
{
    return std::find(std::begin(phrases), std::end(phrases), phrase) != std::end(phrases);
}

} // namespace

std::vector<certificate_type> parse_certificate_types(std::string_view cell)
{
    const std::string trimmed = text::trim(cell);
    if (trimmed.empty()) return {};
    const auto unknown = [&] {
        return error(error_kind::input, "unknown certificate type \"" + trimmed + "\"");
    };

    // Parts between separators: punctuation ("physique + infogéreur") or the words "et" / "and".
    std::vector<std::string> parts;
    std::string piece;
    const auto end_piece = [&] {
        std::string phrase;
        const std::string folded = text::fold_words(piece);
        for (const std::string_view word : text::split_words(folded)) {
            if (word == "et" || word == "and") {
                parts.push_back(phrase);
                phrase.clear();
            } else if (!is_filler(word)) {
                if (!phrase.empty()) phrase += ' ';
                phrase += word;
            }
        }
        parts.push_back(phrase);
        piece.clear();
    };
    for (char c : text::fold(trimmed)) {
        if (c == '+' || c == ',' || c == ';' || c == '/' || c == '&')
            end_piece();
        else
            piece += c;
    }
    end_piece();

    bool physical = false;
    bool managed = false;
    for (const std::string& part : parts) {
        if (contains(physical_phrases, part))
            physical = true;
        else if (contains(managed_phrases, part))
            managed = true;
        else if (contains(both_phrases, part) && parts.size() == 1)
            physical = managed = true;
        else
            throw unknown();
    }
    std::vector<certificate_type> types;
    if (physical) types.push_back(certificate_type::physical_infrastructure);
    if (managed) types.push_back(certificate_type::managed_hosting);
    return types;
}

} // namespace hds::parse
