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
        SQLite::Statement valid(sql, "SELECT company_id, activities, valid_to FROM certificate "
                                     "WHERE ?1 BETWEEN valid_from AND valid_to");
        valid.bind(1, date);
        std::unordered_map<std::int64_t, certified_company> by_id;
        while (valid.executeStep()) {
            const activity_set activities = queries::activities_of(valid.getColumn(1));
            const SQLite::Column end = valid.getColumn(2);
            const char* chars = end.getText(); // before the size, as SQLite asks
            const std::string_view valid_to(chars, static_cast<std::size_t>(end.getBytes()));
            const auto [it, added] = by_id.try_emplace(valid.getColumn(0).getInt64());
            certified_company& company = it->second;
            company.activities = company.activities | activities;
            if (added || valid_to > company.valid_to) company.valid_to = valid_to;
        }
        // Their names, in the order of their keys, as `hds companies` lists them. Each copy is freed as soon
        // as the next is made: memory a command touches for the first time is its largest cost here
        // (docs/performance.md, ninth round).
        std::vector<std::pair<std::string, certified_company>> by_key;
        by_key.reserve(by_id.size());
        SQLite::Statement names(sql, "SELECT id, key, display_name FROM company");
        while (names.executeStep()) {
            const auto it = by_id.find(names.getColumn(0).getInt64());
            if (it == by_id.end() || (only && !it->second.activities.contains(*only))) continue;
            it->second.name = names.getColumn(2).getString();
            by_key.emplace_back(names.getColumn(1).getString(), std::move(it->second));
        }
        by_id = {};
        return queries::in_key_order(std::move(by_key));
    });
}

} // namespace hds
