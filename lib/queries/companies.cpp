#include "hds/companies.hpp"

#include <algorithm>
#include <cctype>

#include "hds/error.hpp"
#include "queries/row_mapping.hpp"
#include "store/connection.hpp"
#include "store/reference_data.hpp"

namespace hds {
namespace {

void check_filter(SQLite::Database& db, const company_filter& filter)
{
    if (filter.nationality) {
        const auto& cc = *filter.nationality;
        if (cc.size() != 2 || !std::isupper(static_cast<unsigned char>(cc[0])) ||
            !std::isupper(static_cast<unsigned char>(cc[1])))
            throw error(error_kind::usage, "nationality \"" + cc + "\" is not an ISO 3166-1 alpha-2 code (e.g. FR)");
    }
    if (filter.positioning && !store::is_positioning(db, *filter.positioning))
        throw error(error_kind::usage, "unknown positioning \"" + *filter.positioning +
                                           "\" (valid: " + store::positioning_codes(db) + ")");
}

std::vector<certificate_info> certificates_of(SQLite::Database& db, std::int64_t snapshot, std::int64_t company)
{
    std::vector<certificate_info> out;
    SQLite::Statement query(db, "SELECT c.certificate_type_id, c.activities, c.certifier, c.number, c.valid_from, "
                                "c.valid_to, c.referential, l.file, l.line "
                                "FROM v_listing l JOIN v_certificate c ON c.certificate_id = l.certificate_id "
                                "WHERE l.snapshot_id = ? AND l.company_id = ? ORDER BY l.file_ordinal, l.line");
    query.bind(1, snapshot);
    query.bind(2, company);
    while (query.executeStep()) {
        certificate_info c;
        c.type = static_cast<certificate_type>(query.getColumn(0).getInt());
        c.activities = queries::activities_of(query.getColumn(1));
        c.certifier = queries::optional_text(query.getColumn(2));
        c.number = queries::optional_text(query.getColumn(3));
        c.valid_from = queries::optional_text(query.getColumn(4));
        c.valid_to = queries::optional_text(query.getColumn(5));
        c.referential = queries::optional_text(query.getColumn(6));
        c.file = query.getColumn(7).isNull() ? "" : query.getColumn(7).getString();
        c.line = static_cast<std::size_t>(query.getColumn(8).getInt64());
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace

std::vector<company_info> companies(database& db, const snapshot_info& snapshot, const company_filter& filter)
{
    // Country codes are upper case in the database; "us" means US, as it does in annotations.
    company_filter wanted = filter;
    if (wanted.nationality)
        for (char& c : *wanted.nationality) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return queries::guarded([&] {
        SQLite::Database& sql = connection(db);
        check_filter(sql, wanted);
        SQLite::Statement query(sql, "SELECT company_id, company, nationality, positioning, group_name, activities "
                                     "FROM v_snapshot_company WHERE snapshot_id = ?1 AND (activities & ?2) = ?2 "
                                     "AND (?3 IS NULL OR nationality = ?3) AND (?4 IS NULL OR positioning = ?4) "
                                     "ORDER BY company_key");
        query.bind(1, snapshot.id);
        query.bind(2, static_cast<int>(wanted.activities.bits()));
        if (wanted.nationality) query.bind(3, *wanted.nationality);
        if (wanted.positioning) query.bind(4, *wanted.positioning);
        std::vector<company_info> out;
        while (query.executeStep()) {
            company_info c;
            c.name = query.getColumn(1).getString();
            c.nationality = queries::optional_text(query.getColumn(2));
            c.positioning = queries::optional_text(query.getColumn(3));
            c.group = queries::optional_text(query.getColumn(4));
            c.activities = queries::activities_of(query.getColumn(5));
            c.certificates = certificates_of(sql, snapshot.id, query.getColumn(0).getInt64());
            for (const auto& cert : c.certificates)
                if (cert.certifier && std::find(c.certifiers.begin(), c.certifiers.end(), *cert.certifier) ==
                                          c.certifiers.end())
                    c.certifiers.push_back(*cert.certifier);
            std::sort(c.certifiers.begin(), c.certifiers.end());
            out.push_back(std::move(c));
        }
        return out;
    });
}

} // namespace hds
