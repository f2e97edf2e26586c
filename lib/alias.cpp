#include "hds/alias.hpp"

#include <limits>
#include <unordered_set>
#include <utility>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "company_key.hpp"
#include "hds/error.hpp"
#include "logger.hpp"
#include "sqlite_error.hpp"
#include "store/companies.hpp"
#include "store/connection.hpp"
#include "store/lines.hpp"
#include "store/spans.hpp"
#include "store/totals.hpp"

namespace hds {
namespace {

void run(SQLite::Database& db, const char* sql, std::int64_t into, std::int64_t from)
{
    SQLite::Statement statement(db, sql);
    statement.bind(1, into);
    statement.bind(2, from);
    statement.exec();
}

/// Where the snapshot dated `date` first lists company `id`: (file ordinal, line); max when it does not.
std::pair<std::int64_t, std::int64_t> first_listed(SQLite::Database& db, std::int64_t id, const std::string& date)
{
    std::unordered_set<std::int64_t> certificates;
    SQLite::Statement of_company(db, "SELECT id FROM certificate WHERE company_id = ?");
    of_company.bind(1, id);
    while (of_company.executeStep()) certificates.insert(of_company.getColumn(0).getInt64());
    SQLite::Statement files(db, "SELECT f.snapshot_id, f.ordinal FROM source_file f JOIN snapshot s ON s.id = f.snapshot_id "
                                "WHERE s.date = ? ORDER BY f.ordinal");
    files.bind(1, date);
    while (files.executeStep()) {
        const std::int64_t ordinal = files.getColumn(1).getInt64();
        for (const auto& l : store::read_lines(db, files.getColumn(0).getInt64(), ordinal))
            if (certificates.contains(l.certificate_id)) return {ordinal, l.line};
    }
    return {std::numeric_limits<std::int64_t>::max(), 0};
}

// Moves everything of company `from` to `into`, then deletes `from`.
void merge(SQLite::Database& db, std::int64_t into, std::int64_t from)
{
    // Before their spans move: the display name will be the spelling of the most recent snapshot of either,
    // its first row's when that snapshot lists both.
    const auto into_listed = store::last_listed(db, into);
    const auto from_listed = store::last_listed(db, from);
    const bool spelled_as_from = from_listed > into_listed ||
                                 (from_listed && from_listed == into_listed &&
                                  first_listed(db, from, *from_listed) < first_listed(db, into, *into_listed));
    // A certificate both hold (the same state listed under each name) becomes one: listings move to the
    // canonical company's row.
    std::vector<std::pair<std::int64_t, std::int64_t>> same; // (kept, dropped)
    SQLite::Statement clash(db, "SELECT a.id, b.id FROM certificate a JOIN certificate b ON a.company_id = ?1 AND "
                                "b.company_id = ?2 AND a.certificate_type = b.certificate_type AND "
                                "ifnull(a.certifier_id, 0) = ifnull(b.certifier_id, 0) AND "
                                "ifnull(a.number, '') = ifnull(b.number, '') AND "
                                "ifnull(a.valid_from, '') = ifnull(b.valid_from, '') AND "
                                "ifnull(a.valid_to, '') = ifnull(b.valid_to, '') AND "
                                "ifnull(a.referential, '') = ifnull(b.referential, '') AND a.activities = b.activities");
    clash.bind(1, into);
    clash.bind(2, from);
    while (clash.executeStep()) same.emplace_back(clash.getColumn(0).getInt64(), clash.getColumn(1).getInt64());
    for (const auto& [kept, dropped] : same) {
        // Listed wherever either was; lines that listed the dropped one list the kept one.
        auto listed = store::read_spans(db, store::certificate_spans, kept);
        listed.merge(store::read_spans(db, store::certificate_spans, dropped));
        store::write_spans(db, store::certificate_spans, dropped, {});
        store::write_spans(db, store::certificate_spans, kept, listed);
        run(db, "UPDATE line_entry SET certificate_id = ?1 WHERE certificate_id = ?2", kept, dropped);
        SQLite::Statement drop(db, "DELETE FROM certificate WHERE id = ?");
        drop.bind(1, dropped);
        drop.exec();
    }
    run(db, "UPDATE certificate SET company_id = ?1 WHERE company_id = ?2", into, from);
    // Where both were listed in one snapshot, the merged company holds the union of their activities and
    // both notes.
    auto listed = store::read_spans(db, store::company_spans, into);
    for (const auto& [date, values] : store::read_spans(db, store::company_spans, from)) {
        auto [at, fresh] = listed.emplace(date, values);
        if (fresh) continue;
        store::span_values& both = at->second;
        both[0] = std::to_string(std::stoi(*both[0]) | std::stoi(*values[0]));
        if (!both[1]) both[1] = values[1];
        else if (values[1] && *values[1] != *both[1]) both[1] = *both[1] + "; " + *values[1];
    }
    store::write_spans(db, store::company_spans, from, {});
    store::write_spans(db, store::company_spans, into, listed);
    run(db, "UPDATE company_alias SET company_id = ?1 WHERE company_id = ?2", into, from);
    // Annotations of the merged company fill in what the canonical one lacks.
    run(db, "UPDATE company SET "
            "nationality = ifnull(nationality, (SELECT nationality FROM company WHERE id = ?2)), "
            "positioning = ifnull(positioning, (SELECT positioning FROM company WHERE id = ?2)), "
            "group_name = ifnull(group_name, (SELECT group_name FROM company WHERE id = ?2)), "
            "annotation_source = ifnull(annotation_source, (SELECT annotation_source FROM company WHERE id = ?2)) "
            "WHERE id = ?1",
        into, from);
    if (spelled_as_from) run(db, "UPDATE company SET display_name = (SELECT display_name FROM company "
                                           "WHERE id = ?2) WHERE id = ?1", into, from);
    SQLite::Statement drop(db, "DELETE FROM company WHERE id = ?");
    drop.bind(1, from);
    drop.exec();
}

} // namespace

void add_alias(database& db, const std::string& name, const std::string& canonical)
{
    const std::string key = company_key(name);
    if (key.empty()) throw error(error_kind::usage, "alias \"" + name + "\" has no letter or digit");
    SQLite::Database& sql = connection(db);
    try {
        SQLite::Transaction transaction(sql, SQLite::TransactionBehavior::IMMEDIATE);
        const auto into = store::find_company(sql, canonical);
        if (!into) throw error(error_kind::not_found, "no company named \"" + canonical + "\"");
        const auto current = store::find_company(sql, name);
        if (current == into) return; // already the same company: nothing to do
        SQLite::Statement aliased(sql, "SELECT 1 FROM company_alias WHERE key = ?");
        aliased.bind(1, key);
        if (aliased.executeStep())
            throw error(error_kind::conflict, "\"" + name + "\" is already an alias of another company");
        if (current) {
            merge(sql, *into, *current);
            store::count_totals_again(sql); // two companies of one snapshot may now be one
        }
        SQLite::Statement insert(sql, "INSERT INTO company_alias (key, company_id, name) VALUES (?, ?, ?)");
        insert.bind(1, key);
        insert.bind(2, *into);
        insert.bind(3, name);
        insert.exec();
        transaction.commit();
    } catch (const SQLite::Exception& e) {
        throw sqlite_error(e, db.path().string());
    }
    logger()->info("\"{}\" is now an alias of \"{}\"", name, canonical);
}

} // namespace hds
