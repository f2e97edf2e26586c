#include "hds/companies.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <tuple>
#include <unordered_map>

#include "hds/error.hpp"
#include "queries/row_mapping.hpp"
#include "reference_codes.hpp"
#include "store/connection.hpp"
#include "store/lines.hpp"
#include "store/raw_query.hpp"

namespace hds {
namespace {

/// The same check, and the same words, as for an annotation: "UK" is refused naming GB, not matched to nobody.
void check_filter(SQLite::Database& db, const company_filter& filter)
{
    if (filter.nationality)
        if (auto problem = nationality_problem(db, *filter.nationality)) throw error(error_kind::usage, *problem);
    if (filter.positioning)
        if (auto problem = positioning_problem(db, *filter.positioning)) throw error(error_kind::usage, *problem);
}

/// Where the snapshot listed each certificate: (certificate, file, line), sorted, from its files' lines.
struct located {
    std::int64_t certificate_id;
    std::int64_t ordinal;
    std::int64_t line;
    bool operator<(const located& other) const
    {
        return std::tie(certificate_id, ordinal, line) < std::tie(other.certificate_id, other.ordinal, other.line);
    }
};

std::vector<located> locations(SQLite::Database& db, std::int64_t snapshot, std::vector<std::string>& paths)
{
    std::vector<located> out;
    SQLite::Statement files(db, "SELECT ordinal, path FROM source_file WHERE snapshot_id = ? ORDER BY ordinal");
    files.bind(1, snapshot);
    while (files.executeStep()) {
        const std::int64_t ordinal = files.getColumn(0).getInt64();
        paths.resize(static_cast<std::size_t>(ordinal));
        paths.back() = files.getColumn(1).getString();
        for (const auto& l : store::read_lines(db, snapshot, ordinal)) out.push_back({l.certificate_id, ordinal, l.line});
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

void for_each_company(database& db, const snapshot_info& snapshot, const company_filter& filter,
                      const std::function<void(company_info&&)>& on_company, company_detail detail)
{
    // Country codes are upper case in the database; "us" means US, as it does in annotations.
    company_filter wanted = filter;
    if (wanted.nationality)
        for (char& c : *wanted.nationality) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const bool with_certificates = detail == company_detail::certificates;
    queries::guarded([&] {
        SQLite::Database& sql = connection(db);
        check_filter(sql, wanted);
        std::vector<std::string> paths;
        std::vector<located> where;
        if (with_certificates) where = locations(sql, snapshot.id, paths);
        // A certificate's certifier is read as ifnull(certifier_id, 0), a column of index certificate_identity,
        // so that a summary need not read the certificate's row; the names come from here.
        std::unordered_map<std::int64_t, std::string> certifier_names;
        store::raw_query names(sql, "SELECT id, name FROM certifier");
        while (names.step()) certifier_names.emplace(names.int64(0), names.text(1));
        // The spans that reach the latest snapshot are the open ones (last_date NULL), and an open span covers
        // every snapshot from its first on: asked so, SQLite reads them from the partial indexes of open spans
        // alone, not every span of the history. With one snapshot too: company spans are keyed by date
        // (migration 0013), so a company's span is found faster in the open spans' index, keyed by company,
        // than through index company_span_company and then the table.
        SQLite::Statement latest(sql, "SELECT max(date) = ? FROM snapshot");
        latest.bind(1, snapshot.date);
        const bool open_spans = latest.executeStep() && latest.getColumn(0).getInt() != 0;
        const std::string company_span_covers =
            open_spans ? "cs.last_date IS NULL" : "s.date BETWEEN cs.first_date AND ifnull(cs.last_date, s.date)";
        const std::string certificate_span_covers =
            open_spans ? "sp.last_date IS NULL" : "s.date BETWEEN sp.first_date AND ifnull(sp.last_date, s.date)";
        // One row per listed certificate, companies in name order: read once, handed on company by company.
        // When the snapshot lists at least half as many companies as the highest company id (a single list, or
        // a history that changed little), they are read in key order from the key's index, each with its spans
        // and certificates found by its id (CROSS JOIN keeps that order): no sort. `companies --activity 5
        // --format csv` on 500,000 companies: 18.9 G instructions and a sort spilling to a temporary file
        // before, 16.3 G now. Otherwise (a long history whose companies are mostly gone) they come from the
        // snapshot's spans, sorted after: the whole index would be read for a few of its rows.
        SQLite::Statement share(sql, "SELECT t.companies * 2 >= (SELECT ifnull(max(id), 0) FROM company) "
                                     "FROM snapshot_total t WHERE t.snapshot_id = ?");
        share.bind(1, snapshot.id);
        const bool most_listed = share.executeStep() && share.getColumn(0).getInt() != 0;
        const std::string joins =
            most_listed ? "company co CROSS JOIN snapshot s"
                          " CROSS JOIN company_span cs ON cs.company_id = co.id AND " + company_span_covers +
                          " CROSS JOIN certificate c ON c.company_id = co.id"
                          " CROSS JOIN certificate_span sp ON sp.certificate_id = c.id AND " + certificate_span_covers
                        : "snapshot s JOIN company_span cs ON " + company_span_covers +
                          " JOIN company co ON co.id = cs.company_id JOIN certificate c ON c.company_id = co.id"
                          " JOIN certificate_span sp ON sp.certificate_id = c.id AND " + certificate_span_covers;
        // A row per listed certificate, 980,000 for the 500,000-company export: read through SQLite's own calls
        // (store/raw_query.hpp).
        const std::string certificate_columns =
            with_certificates ? ", c.id, c.certificate_type, c.activities, c.number, c.valid_from, c.valid_to, c.referential"
                              : "";
        const std::string select = R"(
            SELECT co.id, co.display_name, co.nationality, co.positioning, co.group_name, cs.activities, cs.provenance,
                   ifnull(c.certifier_id, 0))" + certificate_columns + R"(
            FROM )" + joins + R"(
            WHERE s.id = ?1 AND (cs.activities & ?2) = ?2 AND (?3 IS NULL OR co.nationality = ?3)
              AND (?4 IS NULL OR co.positioning = ?4)
            ORDER BY co.key, co.id)";
        store::raw_query query(sql, select.c_str());
        query.bind(1, snapshot.id);
        query.bind(2, static_cast<std::int64_t>(wanted.activities.bits()));
        if (wanted.nationality) query.bind(3, *wanted.nationality);
        if (wanted.positioning) query.bind(4, *wanted.positioning);

        std::optional<std::int64_t> current;
        company_info company;
        const auto hand_on = [&] {
            if (!current) return;
            auto order = [](const certificate_info& a, const certificate_info& b) {
                return std::tie(a.file, a.line, a.type) < std::tie(b.file, b.line, b.type);
            };
            std::sort(company.certificates.begin(), company.certificates.end(), order);
            std::sort(company.certifiers.begin(), company.certifiers.end());
            on_company(std::move(company));
            company = {};
        };
        while (query.step()) {
            const std::int64_t id = query.int64(0);
            if (current != id) {
                hand_on();
                current = id;
                company.name = query.text(1);
                company.nationality = query.optional_text(2);
                company.positioning = query.optional_text(3);
                company.group = query.optional_text(4);
                company.activities = queries::activities_of(query, 5);
                company.provenance = query.optional_text(6);
            }
            const std::int64_t certifier_id = query.int64(7);
            const std::string* certifier = certifier_id != 0 ? &certifier_names.at(certifier_id) : nullptr;
            if (certifier && std::find(company.certifiers.begin(), company.certifiers.end(), *certifier) ==
                                 company.certifiers.end())
                company.certifiers.push_back(*certifier);
            if (!with_certificates) continue;
            certificate_info c;
            const std::int64_t certificate_id = query.int64(8);
            c.type = static_cast<certificate_type>(query.integer(9));
            c.activities = queries::activities_of(query, 10);
            if (certifier) c.certifier = *certifier;
            c.number = query.optional_text(11);
            c.valid_from = query.optional_text(12);
            c.valid_to = query.optional_text(13);
            c.referential = query.optional_text(14);
            // The first line that listed it (a certificate listed at two lines, under two names of one company,
            // shows the first).
            const auto at = std::lower_bound(where.begin(), where.end(), located{certificate_id, 0, 0});
            if (at != where.end() && at->certificate_id == certificate_id) {
                c.file = paths[static_cast<std::size_t>(at->ordinal - 1)];
                c.line = static_cast<std::size_t>(at->line);
            }
            company.certificates.push_back(std::move(c));
        }
        hand_on();
    });
}

std::vector<company_info> companies(database& db, const snapshot_info& snapshot, const company_filter& filter)
{
    std::vector<company_info> out;
    for_each_company(db, snapshot, filter, [&](company_info&& c) { out.push_back(std::move(c)); });
    return out;
}

} // namespace hds
