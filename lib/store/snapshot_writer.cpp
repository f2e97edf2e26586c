#include "store/snapshot_writer.hpp"

#include <chrono>
#include <ctime>
#include <map>
#include <set>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>

#include "hds/error.hpp"
#include "store/companies.hpp"
#include "store/connection.hpp"
#include "store/spans.hpp"

namespace hds::store {
namespace {

std::string utc_now()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

std::optional<std::int64_t> snapshot_id(SQLite::Database& db, const std::string& date)
{
    SQLite::Statement query(db, "SELECT id FROM snapshot WHERE date = ?");
    query.bind(1, date);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getInt64();
}

std::vector<std::string> file_hashes(SQLite::Database& db, std::int64_t snapshot)
{
    std::vector<std::string> hashes;
    SQLite::Statement query(db, "SELECT sha256 FROM source_file WHERE snapshot_id = ? ORDER BY ordinal");
    query.bind(1, snapshot);
    while (query.executeStep()) hashes.push_back(query.getColumn(0).getString());
    return hashes;
}

/// Binds a certificate's identity as ?1..?8, in the order of the certificate table's columns.
void bind_certificate(SQLite::Statement& statement, std::int64_t company, std::optional<std::int64_t> certifier,
                      const certificate& c)
{
    statement.bind(1, company);
    statement.bind(2, static_cast<int>(c.type));
    if (certifier) statement.bind(3, *certifier);
    else statement.bind(3);
    bind_optional(statement, 4, c.number);
    bind_optional(statement, 5, c.valid_from);
    bind_optional(statement, 6, c.valid_to);
    bind_optional(statement, 7, c.referential);
    statement.bind(8, static_cast<int>(c.activities.bits()));
}

std::int64_t find_or_create_certificate(SQLite::Database& db, std::int64_t company, const certificate& c)
{
    std::optional<std::int64_t> certifier;
    if (c.certifier) certifier = find_or_create_certifier(db, *c.certifier);
    // ifnull() mirrors the unique index certificate_identity, where NULLs compare equal.
    SQLite::Statement query(db, "SELECT id FROM certificate WHERE company_id = ?1 AND certificate_type = ?2 "
                                "AND ifnull(certifier_id, 0) = ifnull(?3, 0) AND ifnull(number, '') = ifnull(?4, '') "
                                "AND ifnull(valid_from, '') = ifnull(?5, '') AND ifnull(valid_to, '') = ifnull(?6, '') "
                                "AND ifnull(referential, '') = ifnull(?7, '') AND activities = ?8");
    bind_certificate(query, company, certifier, c);
    if (query.executeStep()) return query.getColumn(0).getInt64();

    SQLite::Statement insert(db, "INSERT INTO certificate (company_id, certificate_type, certifier_id, number, "
                                 "valid_from, valid_to, referential, activities) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    bind_certificate(insert, company, certifier, c);
    insert.exec();
    return db.getLastInsertRowid();
}

/// Each company's activities in the snapshot dated `date`.
std::map<std::int64_t, std::uint8_t> company_activities(SQLite::Database& db, const std::string& date)
{
    std::map<std::int64_t, std::uint8_t> out;
    SQLite::Statement query(db, "SELECT company_id, activities FROM company_span WHERE ?1 BETWEEN first_date AND last_date");
    query.bind(1, date);
    while (query.executeStep()) out[query.getColumn(0).getInt64()] = static_cast<std::uint8_t>(query.getColumn(1).getInt());
    return out;
}

/// The company's display name is its spelling in the most recent snapshot that lists it.
void update_display_name(SQLite::Database& db, std::int64_t company, const std::string& name, const std::string& date)
{
    SQLite::Statement update(db, "UPDATE company SET display_name = ?1, display_name_date = ?3 WHERE id = ?2 "
                                 "AND (display_name_date IS NULL OR display_name_date <= ?3)");
    update.bind(1, name);
    update.bind(2, company);
    update.bind(3, date);
    update.exec();
}

void delete_snapshot(SQLite::Database& db, std::int64_t id, const std::string& date)
{
    remove_snapshot(db, listing_spans, date);
    remove_snapshot(db, company_spans, date);
    SQLite::Statement drop(db, "DELETE FROM snapshot WHERE id = ?");
    drop.bind(1, id);
    drop.exec();
}

} // namespace

ingest_summary write_snapshot(SQLite::Database& db, snapshot_content content, bool replace, bool skip_bad_rows)
{
    ingest_summary summary;
    summary.date = content.date;

    std::vector<std::string> hashes;
    for (const auto& f : content.files) hashes.push_back(f.sha256);
    const auto existing = snapshot_id(db, content.date);
    if (existing) {
        if (file_hashes(db, *existing) == hashes) {
            summary.result = ingest_summary::outcome::unchanged;
            return summary;
        }
        if (!replace)
            throw error(error_kind::conflict, "a snapshot dated " + content.date +
                                                  " already exists from other files; use --replace to replace it");
        summary.result = ingest_summary::outcome::replaced;
    }

    SQLite::Transaction transaction(db);
    if (existing) delete_snapshot(db, *existing, content.date);

    SQLite::Statement insert_snapshot(db, "INSERT INTO snapshot (date, label, parser_version, ingested_at) "
                                          "VALUES (?, ?, ?, ?)");
    insert_snapshot.bind(1, content.date);
    bind_optional(insert_snapshot, 2, content.label);
    insert_snapshot.bind(3, HDS_VERSION);
    insert_snapshot.bind(4, utc_now());
    insert_snapshot.exec();
    const std::int64_t snapshot = db.getLastInsertRowid();

    SQLite::Statement insert_file(db, "INSERT INTO source_file (snapshot_id, ordinal, path, sha256, format, bytes, rows) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < content.files.size(); ++i) {
        const auto& f = content.files[i];
        insert_file.bind(1, snapshot);
        insert_file.bind(2, static_cast<std::int64_t>(i + 1));
        insert_file.bind(3, f.path);
        insert_file.bind(4, f.sha256);
        insert_file.bind(5, f.format);
        insert_file.bind(6, static_cast<std::int64_t>(f.bytes));
        insert_file.bind(7, static_cast<std::int64_t>(f.rows));
        insert_file.exec();
        insert_file.reset();
    }

    const auto previous_activities = [&] {
        SQLite::Statement query(db, "SELECT max(date) FROM snapshot WHERE date < ?");
        query.bind(1, content.date);
        query.executeStep();
        return query.getColumn(0).isNull() ? std::map<std::int64_t, std::uint8_t>{}
                                           : company_activities(db, query.getColumn(0).getString());
    }();

    std::vector<span_key> listed;
    std::map<std::int64_t, std::pair<std::size_t, std::size_t>> first_listed; // certificate → (file, line)
    std::map<std::int64_t, std::uint8_t> activities;                          // company → union
    std::set<std::int64_t> created;
    for (const listing& row : content.listings) {
        bool is_new = false;
        const std::int64_t company = find_or_create_company(db, row.company, is_new);
        if (is_new) created.insert(company);
        std::vector<std::int64_t> certificates;
        std::optional<std::pair<std::size_t, std::size_t>> duplicate_of;
        for (const auto& record : row.certificates) {
            const std::int64_t id = find_or_create_certificate(db, company, record);
            if (auto seen = first_listed.find(id); seen != first_listed.end()) duplicate_of = seen->second;
            certificates.push_back(id);
        }
        if (duplicate_of) {
            const auto& [file, line] = *duplicate_of;
            const std::string same_as = file == row.file_ordinal
                                            ? "line " + std::to_string(line)
                                            : content.files[file - 1].path + ":" + std::to_string(line);
            const std::string reason = "duplicate row: the same certificate as " + same_as;
            if (!skip_bad_rows)
                throw error(error_kind::input, location{content.files[row.file_ordinal - 1].path, row.line}, reason);
            content.rejected.push_back({row.file_ordinal, row.line, reason, row.cells});
            summary.warnings.push_back(content.files[row.file_ordinal - 1].path + ":" + std::to_string(row.line) +
                                       ": " + reason + " (row rejected)");
            continue;
        }
        if (!activities.count(company)) update_display_name(db, company, row.company, content.date);
        for (std::size_t i = 0; i < certificates.size(); ++i) {
            first_listed.emplace(certificates[i], std::pair{row.file_ordinal, row.line});
            listed.push_back({certificates[i], static_cast<std::int64_t>(row.file_ordinal),
                              static_cast<std::int64_t>(row.line)});
            activities[company] |= row.certificates[i].activities.bits();
        }
    }
    add_snapshot(db, listing_spans, content.date, listed);
    std::vector<span_key> companies;
    for (const auto& [company, bits] : activities) companies.push_back({company, bits});
    add_snapshot(db, company_spans, content.date, companies);

    SQLite::Statement insert_rejected(db, "INSERT INTO rejected_row (snapshot_id, file_ordinal, line, reason, cells) "
                                          "VALUES (?, ?, ?, ?, ?)");
    for (const auto& r : content.rejected) {
        insert_rejected.bind(1, snapshot);
        insert_rejected.bind(2, static_cast<std::int64_t>(r.file_ordinal));
        insert_rejected.bind(3, static_cast<std::int64_t>(r.line));
        insert_rejected.bind(4, r.reason);
        insert_rejected.bind(5, nlohmann::json(r.cells).dump());
        insert_rejected.exec();
        insert_rejected.reset();
    }
    transaction.commit();

    summary.rows_rejected = content.rejected.size();
    summary.companies = activities.size();
    summary.certificates = first_listed.size();
    summary.new_companies = created.size();
    for (const auto& [company, bits] : activities) {
        const auto before = previous_activities.find(company);
        if (before != previous_activities.end() && before->second == bits) ++summary.unchanged_companies;
    }
    return summary;
}

} // namespace hds::store
