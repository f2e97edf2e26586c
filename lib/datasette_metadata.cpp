#include "hds/datasette_metadata.hpp"

#include <array>
#include <map>
#include <set>
#include <string_view>

#include <nlohmann/json.hpp>

#include "hds/companies.hpp"
#include "hds/schema_doc.hpp"
#include "hds/snapshots.hpp"

namespace hds {
namespace {

using json = nlohmann::ordered_json;

struct facets_of {
    std::string_view object;
    std::array<std::string_view, 4> columns; ///< empty entries are unused
};

// Facets where a count per value answers a question people ask of the list: who is certified for what, from
// where, doing what. A facet whose column a view no longer has is left out (tests check these are present).
constexpr std::array facets = {
    facets_of{"v_snapshot_company", {"snapshot_date", "positioning", "nationality", "activity_count"}},
    facets_of{"v_snapshot_company_activity", {"snapshot_date", "activity", "", ""}},
    facets_of{"company", {"positioning", "nationality", "", ""}},
    facets_of{"v_breakdown", {"snapshot_date", "dimension", "", ""}},
    facets_of{"v_certificate", {"certificate_type", "certifier", "", ""}},
    facets_of{"v_company_diff", {"change", "", "", ""}},
    facets_of{"v_findings", {"status", "kind", "", ""}},
};

/// What the file holds, from the data: its snapshots and labels, and how much of the latest one is marked as
/// reconstructed or annotated by its own rows (never a claim about the data that the data does not make).
std::string status_of(database& db)
{
    const auto all = snapshots(db);
    if (all.empty()) return "The database holds no snapshot yet.";
    std::string text = "Snapshots: ";
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& s = all[i];
        text += (i == 0 ? "" : "; ") + s.date + " (" + std::to_string(s.companies) + " companies" +
                (s.label ? ", " + *s.label : "") + ")";
    }
    const auto& latest = all.back();
    std::size_t noted = 0;
    for_each_company(db, latest, {}, [&](company_info&& c) {
        if (c.provenance) ++noted;
    }, company_detail::summary);
    text += ". In the latest snapshot, " + std::to_string(noted) + " of " + std::to_string(latest.companies) +
            " companies carry a provenance note on their rows (column provenance of v_snapshot_company): where "
            "their facts come from and what, if anything, was reconstructed.";
    return text;
}

} // namespace

std::string datasette_metadata(database& db)
{
    json tables = json::object();
    std::map<std::string, std::set<std::string>, std::less<>> columns_of;
    for (auto& d : schema_doc(db)) {
        json& table = tables[d.object];
        if (!d.column) {
            table["description"] = d.description;
            continue;
        }
        columns_of[d.object].insert(*d.column);
        table["columns"][*d.column] = d.description;
    }
    for (const auto& f : facets) {
        const auto found = columns_of.find(f.object);
        if (found == columns_of.end()) continue;
        json list = json::array();
        for (std::string_view column : f.columns)
            if (!column.empty() && found->second.count(std::string(column)) == 1) list.push_back(column);
        tables[std::string(f.object)]["facets"] = list;
    }

    json metadata;
    metadata["title"] = "HDS: the French registry of certified health-data hosts";
    metadata["description"] =
        "Snapshots of the list of companies certified to host personal health data in France (HDS), ingested by "
        "hds: certificates, the six certified activities, certifying bodies, dates, and analysts' annotations "
        "(nationality, positioning). " + status_of(db) +
        " The lists bundled with hds (data/) are a reconstruction from the figures of mind Health's analysis of "
        "29 October 2020, not the ANS list: see data/README.md.";
    metadata["source"] = "Agence du numérique en santé (ANS): list of certified health-data hosts";
    metadata["license"] = "Not stated by hds: the list is published by the ANS; check its terms of reuse";
    metadata["databases"][db.path().stem().string()]["tables"] = tables;
    return metadata.dump(2) + "\n";
}

} // namespace hds
