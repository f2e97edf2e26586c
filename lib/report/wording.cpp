#include "report/wording.hpp"

#include <cstdio>
#include <utility>

namespace hds::report {
namespace {

struct phrase {
    const char* fr;
    const char* en;
};

// Each phrase in French and in English side by side, in the order of struct wording's fields, so that a
// phrase is translated where it is written.
constexpr phrase phrases[] = {
    {"fr", "en"},
    {"Rapport HDS", "HDS report"},
    {"instantané du", "snapshot of"},
    {"Instantané du", "Snapshot of"},
    {"sociétés", "companies"},
    {"% des sociétés", "% of companies"},
    {"date de l'instantané", "snapshot date"},
    {"Sociétés certifiées, par instantané", "Certified companies, by snapshot"},
    {"Sociétés par positionnement", "Companies by positioning"},
    {"Part des sociétés certifiées pour chaque activité", "Share of companies certified for each activity"},
    {"Nombre d'activités par société", "Number of activities per company"},
    {"Sociétés par nationalité", "Companies by nationality"},
    {"Sociétés par organisme certificateur", "Companies by certifying body"},
    {"Constats de l'article", "The article's findings"},
    {"Changements depuis l'instantané précédent", "Changes since the previous snapshot"},
    {"Premier instantané : rien à comparer.", "First snapshot: nothing to compare."},
    {"id", "id"},
    {"constat", "finding"},
    {"attendu", "expected"},
    {"calculé", "actual"},
    {"tient", "holds"},
    {"oui", "yes"},
    {"non", "no"},
    {"pas d'instantané", "no snapshot"},
    {"Entrées", "Entered"},
    {"Sorties", "Left"},
    {"Activités modifiées", "Changed activities"},
    {"société", "company"},
    {"activités", "activities"},
    {"ajoutées", "added"},
    {"retirées", "removed"},
    {"aucune", "none"},
    {"inconnu", "unknown"},
    {"sociétés portent une note de provenance sur leurs lignes (ce qui vient de la source, ce qui est reconstitué)",
     "companies carry a provenance note on their rows (what comes from the source, what is reconstructed)"},
    {"sur", "of"},
    {"Produit par", "Made by"},
    {"activité", "activity"},
    {"activités", "activities"},
    {"positionnement", "positioning"},
    {"activité", "activity"},
    {"activités par société", "activities per company"},
    {"nationalité", "nationality"},
    {"organisme certificateur", "certifying body"},
};
constexpr std::size_t phrase_count = sizeof phrases / sizeof phrases[0];
static_assert(sizeof(wording) == phrase_count * sizeof(const char*), "one phrase per field of struct wording");

template <std::size_t... I>
constexpr wording in(bool french, std::index_sequence<I...>)
{
    return wording{(french ? phrases[I].fr : phrases[I].en)...};
}

constexpr wording french = in(true, std::make_index_sequence<phrase_count>{});
constexpr wording english = in(false, std::make_index_sequence<phrase_count>{});

} // namespace

const wording& words_for(report_language language) { return language == report_language::fr ? french : english; }

std::string count_text(std::size_t n, const wording& w) { return std::to_string(n) + " " + w.companies; }

std::string percent_text(std::size_t count, std::size_t total, report_language language)
{
    const double percent = total == 0 ? 0.0 : 100.0 * static_cast<double>(count) / static_cast<double>(total);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", percent);
    std::string text = buffer;
    for (char& c : text)
        if (c == '.' || c == ',') c = language == report_language::fr ? ',' : '.';
    // French sets a (narrow no-break) space before %, English none.
    return text + (language == report_language::fr ? "\u202F%" : "%");
}

std::string caption_of(const snapshot_info& snapshot, const wording& w)
{
    return std::string(w.caption) + " " + snapshot.date + " · " + count_text(snapshot.companies, w);
}

} // namespace hds::report
