#include "hds/as_of.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>
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
        // A company's activities that day are the union of its valid certificates', its date their latest
        // end. Folded here, in a map ordered by key (the order of `hds companies`): grouped in SQL, six bitwise
        // maxima, one max and the sort of every valid certificate cost more than the query itself (117 of 278 M
        // instructions on the ten-year database of docs/performance.md).
        SQLite::Statement query(connection(db),
                                "SELECT company_key, company, activities, valid_to FROM v_certificate_validity "
                                "WHERE ?1 BETWEEN valid_from AND valid_to");
        query.bind(1, date);
        std::map<std::string, certified_company, std::less<>> by_key;
        const auto text = [&](int column) {
            const SQLite::Column value = query.getColumn(column);
            const char* chars = value.getText(); // before the size, as SQLite asks
            return std::string_view(chars, static_cast<std::size_t>(value.getBytes()));
        };
        while (query.executeStep()) {
            const activity_set activities = queries::activities_of(query.getColumn(2));
            const std::string_view key = text(0);
            const std::string_view valid_to = text(3);
            if (const auto known = by_key.find(key); known != by_key.end()) {
                known->second.activities = known->second.activities | activities;
                if (valid_to > known->second.valid_to) known->second.valid_to = valid_to;
            } else {
                by_key.emplace(key, certified_company{std::string(text(1)), activities, std::string(valid_to)});
            }
        }
        std::vector<certified_company> out;
        for (auto& [key, company] : by_key)
            if (!only || company.activities.contains(*only)) out.push_back(std::move(company));
        return out;
    });
}

} // namespace hds
