#include "hds/as_of.hpp"

#include "hds/error.hpp"
#include "parse/dates.hpp"
#include "queries/row_mapping.hpp"
#include "store/connection.hpp"

namespace hds {

std::vector<certified_company> certified_as_of(database& db, const std::string& date, std::optional<activity> only)
{
    if (!parse::is_iso_date(date)) throw error(error_kind::usage, "\"" + date + "\" is not a date YYYY-MM-DD");
    return queries::guarded([&] {
        // A company's activities that day are the union of its valid certificates': bit by bit, as SQLite has
        // no bitwise-or aggregate (six activities: the schema checks activities BETWEEN 1 AND 63). Grouped by
        // the key, which names one company, so that one sort serves the grouping and the order (grouped by id
        // SQLite reads every certificate through index certificate_identity).
        SQLite::Statement query(connection(db),
                                "SELECT company, max(activities & 1) | max(activities & 2) | max(activities & 4) "
                                "  | max(activities & 8) | max(activities & 16) | max(activities & 32), max(valid_to) "
                                "FROM v_certificate_validity WHERE ?1 BETWEEN valid_from AND valid_to "
                                "GROUP BY company_key ORDER BY company_key");
        query.bind(1, date);
        std::vector<certified_company> out;
        while (query.executeStep()) {
            certified_company c{query.getColumn(0).getString(), queries::activities_of(query.getColumn(1)),
                                query.getColumn(2).getString()};
            if (only && !c.activities.contains(*only)) continue;
            out.push_back(std::move(c));
        }
        return out;
    });
}

} // namespace hds
