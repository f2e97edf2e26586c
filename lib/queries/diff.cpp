#include "hds/diff.hpp"

#include "queries/row_mapping.hpp"
#include "store/connection.hpp"

namespace hds {

diff_result diff(database& db, const snapshot_info& from, const snapshot_info& to)
{
    diff_result result;
    result.from = from;
    result.to = to;
    queries::guarded([&] {
        SQLite::Database& sql = connection(db);
        SQLite::Statement companies(sql, "SELECT change, company, activities, added, removed FROM v_company_diff "
                                         "WHERE from_snapshot_id = ? AND to_snapshot_id = ? "
                                         "ORDER BY company_key");
        companies.bind(1, from.id);
        companies.bind(2, to.id);
        while (companies.executeStep()) {
            const std::string change = companies.getColumn(0).getString();
            company_change c{companies.getColumn(1).getString(), queries::activities_of(companies.getColumn(2)),
                             queries::activities_of(companies.getColumn(3)),
                             queries::activities_of(companies.getColumn(4))};
            (change == "entered" ? result.entered : change == "left" ? result.left : result.changed)
                .push_back(std::move(c));
        }

        SQLite::Statement certificates(sql, "SELECT company, certificate_type_id, change, from_certifiers, "
                                            "to_certifiers, from_valid_to, to_valid_to FROM v_certificate_diff "
                                            "WHERE from_snapshot_id = ? AND to_snapshot_id = ? "
                                            "ORDER BY company_key, certificate_type");
        certificates.bind(1, from.id);
        certificates.bind(2, to.id);
        while (certificates.executeStep()) {
            certificate_change c;
            c.name = certificates.getColumn(0).getString();
            c.type = static_cast<certificate_type>(certificates.getColumn(1).getInt());
            c.change = certificates.getColumn(2).getString() == "certifier" ? certificate_change::kind::certifier
                                                                            : certificate_change::kind::renewed;
            c.from_certifiers = queries::optional_text(certificates.getColumn(3));
            c.to_certifiers = queries::optional_text(certificates.getColumn(4));
            c.from_valid_to = queries::optional_text(certificates.getColumn(5));
            c.to_valid_to = queries::optional_text(certificates.getColumn(6));
            result.certificates.push_back(std::move(c));
        }
        return 0;
    });
    return result;
}

} // namespace hds
