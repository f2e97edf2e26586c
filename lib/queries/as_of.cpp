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
        // The union of activities is summed over distinct activities, as SQLite has no bitwise-or aggregate.
        SQLite::Statement query(connection(db),
                                "SELECT v.company, (SELECT sum(1 << (activity - 1)) FROM (SELECT DISTINCT ca.activity "
                                "  FROM v_certificate_validity w JOIN v_certificate_activity ca "
                                "    ON ca.certificate_id = w.certificate_id "
                                "  WHERE w.company_id = v.company_id AND ?1 BETWEEN w.valid_from AND w.valid_to)), "
                                "max(v.valid_to) "
                                "FROM v_certificate_validity v WHERE ?1 BETWEEN v.valid_from AND v.valid_to "
                                "GROUP BY v.company_id ORDER BY v.company_key");
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
