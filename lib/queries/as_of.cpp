#include "hds/as_of.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "hds/error.hpp"
#include "parse/dates.hpp"
#include "queries/row_mapping.hpp"
#include "store/connection.hpp"
#include "store/raw_query.hpp"

namespace hds {

std::vector<certified_company> certified_as_of(database& db, const std::string& date, std::optional<activity> only)
{
    if (!parse::is_iso_date(date)) throw error(error_kind::usage, "\"" + date + "\" is not a date YYYY-MM-DD");
    return queries::guarded([&] {
        SQLite::Database& sql = connection(db);
        // A company's activities that day are the union of its valid certificates', its date their latest end.
        // The certificates are read as view v_certificate_validity reads them (one without both dates has no
        // place in time) but from their table alone, and folded here by company: through the view's joins and
        // a GROUP BY, SQL looked up a company and a type for each certificate and sorted them all (`hds as-of`
        // on the ten-year database of docs/performance.md: 312 M instructions, 180 M this way).
        // Tens of thousands of rows: read through SQLite's own calls (store/raw_query.hpp).
        store::raw_query valid(sql, "SELECT company_id, activities, valid_to FROM certificate "
                                    "WHERE ?1 BETWEEN valid_from AND valid_to");
        valid.bind(1, date);
        std::unordered_map<std::int64_t, certified_company> by_id;
        while (valid.step()) {
            const activity_set activities = queries::activities_of(valid, 1);
            const std::string_view valid_to = valid.text(2);
            const auto [it, added] = by_id.try_emplace(valid.int64(0));
            certified_company& company = it->second;
            company.activities = company.activities | activities;
            if (added || valid_to > company.valid_to) company.valid_to = valid_to;
        }
        // Their names, in the order of their keys, as `hds companies` lists them. Each copy is freed as soon
        // as the next is made: memory a command touches for the first time is its largest cost here
        // (docs/performance.md, ninth round).
        std::vector<std::pair<std::string, certified_company>> by_key;
        by_key.reserve(by_id.size());
        store::raw_query names(sql, "SELECT id, key, display_name FROM company");
        while (names.step()) {
            const auto it = by_id.find(names.int64(0));
            if (it == by_id.end() || (only && !it->second.activities.contains(*only))) continue;
            it->second.name = names.text(2);
            by_key.emplace_back(names.text(1), std::move(it->second));
        }
        by_id = {};
        return queries::in_key_order(std::move(by_key));
    });
}

} // namespace hds
