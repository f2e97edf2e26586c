#include "store/spans.hpp"

#include <map>
#include <optional>
#include <set>
#include <tuple>

#include <SQLiteCpp/Statement.h>

namespace hds::store {

const span_table listing_spans{"listing_span", {"certificate_id", "file_ordinal", "line"}};
const span_table company_spans{"company_span", {"company_id", "activities"}};

namespace {

std::optional<std::string> neighbour(SQLite::Database& db, const std::string& date, bool before)
{
    SQLite::Statement query(db, before ? "SELECT max(date) FROM snapshot WHERE date < ?"
                                       : "SELECT min(date) FROM snapshot WHERE date > ?");
    query.bind(1, date);
    query.executeStep();
    if (query.getColumn(0).isNull()) return std::nullopt;
    return query.getColumn(0).getString();
}

/// "k1, k2, k3" and "k1 = ? AND k2 = ? AND k3 = ?" for the table's key.
std::string key_list(const span_table& table)
{
    std::string out;
    for (const char* column : table.key) out += std::string(out.empty() ? "" : ", ") + column;
    return out;
}

std::string key_match(const span_table& table)
{
    std::string out;
    for (const char* column : table.key) out += std::string(column) + " = ? AND ";
    return out;
}

void bind_key(SQLite::Statement& statement, const span_key& key, int first_index)
{
    for (std::size_t i = 0; i < key.size(); ++i) statement.bind(first_index + static_cast<int>(i), key[i]);
}

/// The span of that key ending (or starting) on `date`, if any.
std::optional<std::int64_t> span_at(SQLite::Database& db, const span_table& table, const span_key& key,
                                    const std::optional<std::string>& date, bool ending)
{
    if (!date) return std::nullopt;
    SQLite::Statement query(db, "SELECT id FROM " + std::string(table.name) + " WHERE " + key_match(table) +
                                    (ending ? "last_date = ?" : "first_date = ?"));
    bind_key(query, key, 1);
    query.bind(static_cast<int>(key.size()) + 1, *date);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getInt64();
}

void insert_span(SQLite::Database& db, const span_table& table, const span_key& key, const std::string& first,
                 const std::string& last)
{
    std::string placeholders;
    for (std::size_t i = 0; i < key.size(); ++i) placeholders += "?, ";
    SQLite::Statement insert(db, "INSERT INTO " + std::string(table.name) + " (" + key_list(table) +
                                     ", first_date, last_date) VALUES (" + placeholders + "?, ?)");
    bind_key(insert, key, 1);
    insert.bind(static_cast<int>(key.size()) + 1, first);
    insert.bind(static_cast<int>(key.size()) + 2, last);
    insert.exec();
}

void run(SQLite::Database& db, const std::string& sql, const std::string& a, const std::string& b)
{
    SQLite::Statement statement(db, sql);
    statement.bind(1, a);
    statement.bind(2, b);
    statement.exec();
}

} // namespace

void add_snapshot(SQLite::Database& db, const span_table& table, const std::string& date,
                  const std::vector<span_key>& keys)
{
    const std::string name = table.name;
    const auto previous = neighbour(db, date, true);
    const auto next = neighbour(db, date, false);
    std::set<span_key> pending(keys.begin(), keys.end());

    // A span running across the new date goes on through it when the key is listed there, and is cut in
    // two around it otherwise.
    if (previous && next) {
        SQLite::Statement across(db, "SELECT id, " + key_list(table) + ", last_date FROM " + name +
                                         " WHERE first_date < ?1 AND last_date > ?1");
        across.bind(1, date);
        std::vector<std::tuple<std::int64_t, span_key, std::string>> spans;
        while (across.executeStep()) {
            span_key key;
            for (int i = 0; i < static_cast<int>(table.key.size()); ++i) key.push_back(across.getColumn(1 + i).getInt64());
            spans.emplace_back(across.getColumn(0).getInt64(), std::move(key),
                               across.getColumn(static_cast<int>(table.key.size()) + 1).getString());
        }
        for (const auto& [id, key, last] : spans) {
            if (pending.erase(key) != 0) continue;
            SQLite::Statement shorten(db, "UPDATE " + name + " SET last_date = ? WHERE id = ?");
            shorten.bind(1, *previous);
            shorten.bind(2, id);
            shorten.exec();
            insert_span(db, table, key, *next, last);
        }
    }

    // Every other listed key joins the span that ends just before the date, or starts just after it, or
    // both (which then become one), or starts a span of its own.
    for (const span_key& key : pending) {
        const auto before = span_at(db, table, key, previous, true);
        const auto after = span_at(db, table, key, next, false);
        if (before && after) {
            SQLite::Statement merge(db, "UPDATE " + name + " SET last_date = (SELECT last_date FROM " + name +
                                            " WHERE id = ?2) WHERE id = ?1");
            merge.bind(1, *before);
            merge.bind(2, *after);
            merge.exec();
            SQLite::Statement drop(db, "DELETE FROM " + name + " WHERE id = ?");
            drop.bind(1, *after);
            drop.exec();
        } else if (before || after) {
            SQLite::Statement extend(db, "UPDATE " + name + (before ? " SET last_date = ?" : " SET first_date = ?") +
                                             " WHERE id = ?");
            extend.bind(1, date);
            extend.bind(2, before ? *before : *after);
            extend.exec();
        } else {
            insert_span(db, table, key, date, date);
        }
    }
}

void remove_snapshot(SQLite::Database& db, const span_table& table, const std::string& date)
{
    const std::string name = table.name;
    const auto previous = neighbour(db, date, true);
    const auto next = neighbour(db, date, false);
    SQLite::Statement drop(db, "DELETE FROM " + name + " WHERE first_date = ?1 AND last_date = ?1");
    drop.bind(1, date);
    drop.exec();
    // A span that starts or ends on the date now starts or ends on the snapshot beside it, which it holds
    // since the span is not only that date. A span running across the date stays true without it.
    if (next) run(db, "UPDATE " + name + " SET first_date = ?2 WHERE first_date = ?1", date, *next);
    if (previous) run(db, "UPDATE " + name + " SET last_date = ?2 WHERE last_date = ?1", date, *previous);
}

void rebuild_company_spans(SQLite::Database& db, std::int64_t company)
{
    // The company's activities in each snapshot that lists it, in date order.
    std::map<std::string, std::int64_t> activities;
    SQLite::Statement listed(db, "SELECT s.date, c.activities FROM listing_span sp "
                                 "JOIN certificate c ON c.id = sp.certificate_id "
                                 "JOIN snapshot s ON s.date BETWEEN sp.first_date AND sp.last_date "
                                 "WHERE c.company_id = ?");
    listed.bind(1, company);
    while (listed.executeStep()) activities[listed.getColumn(0).getString()] |= listed.getColumn(1).getInt64();

    SQLite::Statement drop(db, "DELETE FROM company_span WHERE company_id = ?");
    drop.bind(1, company);
    drop.exec();
    // One span per run of consecutive snapshots with the same activities.
    std::optional<std::tuple<std::int64_t, std::string, std::string>> run_of; // activities, first, last
    SQLite::Statement dates(db, "SELECT date FROM snapshot ORDER BY date");
    const auto close = [&] {
        if (run_of) insert_span(db, company_spans, {company, std::get<0>(*run_of)}, std::get<1>(*run_of), std::get<2>(*run_of));
        run_of.reset();
    };
    while (dates.executeStep()) {
        const std::string date = dates.getColumn(0).getString();
        const auto found = activities.find(date);
        if (found == activities.end()) {
            close();
        } else if (run_of && std::get<0>(*run_of) == found->second) {
            std::get<2>(*run_of) = date;
        } else {
            close();
            run_of.emplace(found->second, date, date);
        }
    }
    close();
}

} // namespace hds::store
