#include "report/wording.hpp"

#include <cstdio>

namespace hds::report {
namespace {

const wording french{
    "fr", "Rapport HDS", "instantané du", "Instantané du", "sociétés", "% des sociétés", "date de l'instantané",
    "Sociétés certifiées, par instantané", "Sociétés par positionnement",
    "Part des sociétés certifiées pour chaque activité",
    "Nombre d'activités par société", "Sociétés par nationalité", "Sociétés par organisme certificateur",
    "Constats de l'article", "Changements depuis l'instantané précédent", "Premier instantané : rien à comparer.",
    "id", "constat", "attendu", "calculé", "tient", "oui", "non", "pas d'instantané",
    "Entrées", "Sorties", "Activités modifiées", "société", "activités", "ajoutées", "retirées", "aucune",
    "inconnu", "sociétés portent une note de provenance sur leurs lignes (ce qui vient de la source, ce qui est reconstitué)",
    "sur", "libellé", "Produit par", "activité", "activités",
    "positionnement", "activité", "activités par société", "nationalité", "organisme certificateur"};

const wording english{
    "en", "HDS report", "snapshot of", "Snapshot of", "companies", "% of companies", "snapshot date",
    "Certified companies, by snapshot", "Companies by positioning",
    "Share of companies certified for each activity",
    "Number of activities per company", "Companies by nationality", "Companies by certifying body",
    "The article's findings", "Changes since the previous snapshot", "First snapshot: nothing to compare.",
    "id", "finding", "expected", "actual", "holds", "yes", "no", "no snapshot",
    "Entered", "Left", "Changed activities", "company", "activities", "added", "removed", "none",
    "unknown", "companies carry a provenance note on their rows (what comes from the source, what is reconstructed)",
    "of", "label", "Made by", "activity", "activities",
    "positioning", "activity", "activities per company", "nationality", "certifying body"};

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
