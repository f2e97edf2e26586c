#include "store/spans.hpp"

#include <SQLiteCpp/Statement.h>

namespace hds::store {

const span_table certificate_spans{"certificate_span", {"certificate_id"}, "temp.listed_certificate",
                                   "certificate_id INTEGER NOT NULL"};
const span_table company_spans{"company_span", {"company_id", "activities", "provenance"}, "temp.listed_company",
                               "company_id INTEGER NOT NULL, activities INTEGER NOT NULL, provenance TEXT"};

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

std::string key_list(const span_table& table, const std::string& prefix = "")
{
    std::string out;
    for (const char* column : table.key) out += (out.empty() ? "" : ", ") + prefix + column;
    return out;
}

/// "a.k1 IS b.k1 AND ..." (IS: a NULL provenance matches a NULL one).
std::string key_match(const span_table& table, const std::string& a, const std::string& b)
{
    std::string out;
    for (const char* column : table.key)
        out += (out.empty() ? "" : " AND ") + a + "." + column + (out.empty() ? " = " : " IS ") + b + "." + column;
    return out;
}

/// Runs `sql` with ?1 = date, ?2 = previous, ?3 = next (unbound when missing).
void run(SQLite::Database& db, const std::string& sql, const std::string& date,
         const std::optional<std::string>& previous, const std::optional<std::string>& next)
{
    SQLite::Statement statement(db, sql);
    for (int i = 1; i <= statement.getBindParameterCount(); ++i) {
        const std::optional<std::string>& value = i == 1 ? std::optional<std::string>(date) : i == 2 ? previous : next;
        if (value) statement.bind(i, *value);
    }
    statement.exec();
}

} // namespace

void create_listed_table(SQLite::Database& db, const span_table& table)
{
    db.exec(std::string("DROP TABLE IF EXISTS ") + table.listed);
    // The entity is listed once per snapshot, so it alone is the key.
    db.exec(std::string("CREATE TABLE ") + table.listed + " (" + table.listed_columns + ", PRIMARY KEY (" + table.key[0] +
            ")) WITHOUT ROWID");
}

void add_snapshot(SQLite::Database& db, const span_table& table, const std::string& date)
{
    const std::string t = table.name;
    const std::string l = table.listed;
    const auto previous = neighbour(db, date, true);
    const auto next = neighbour(db, date, false);
    const std::string listed = "EXISTS (SELECT 1 FROM " + l + " l WHERE " + key_match(table, "l", t) + ")";

    if (!next) {
        // The new latest snapshot: open spans go on where it lists their key and end at the previous
        // snapshot where it does not; keys without an open span open one.
        if (previous) run(db, "UPDATE " + t + " SET last_date = ?2 WHERE last_date IS NULL AND NOT " + listed, date, previous, next);
        run(db, "INSERT INTO " + t + " (" + key_list(table) + ", first_date, last_date) SELECT " + key_list(table) +
                    ", ?1, NULL FROM " + l + " l WHERE NOT EXISTS (SELECT 1 FROM " + t + " s WHERE " +
                    key_match(table, "s", "l") + " AND s.last_date IS NULL)",
            date, previous, next);
        return;
    }

    if (previous) {
        // A span running across the new date goes on through it when the key is listed there, and is cut
        // in two around it otherwise.
        const std::string across = " WHERE first_date < ?1 AND (last_date IS NULL OR last_date > ?1) AND NOT " + listed;
        run(db, "INSERT INTO " + t + " (" + key_list(table) + ", first_date, last_date) SELECT " + key_list(table) +
                    ", ?3, last_date FROM " + t + across, date, previous, next);
        run(db, "UPDATE " + t + " SET last_date = ?2" + across, date, previous, next);
        // A listed key whose spans end just before and start just after the date: one span.
        const std::string after = "(SELECT a.last_date FROM " + t + " a WHERE a.first_date = ?3 AND " +
                                  key_match(table, "a", t) + ")";
        run(db, "UPDATE " + t + " SET last_date = " + after + " WHERE last_date = ?2 AND " + listed +
                    " AND EXISTS (SELECT 1 FROM " + t + " a WHERE a.first_date = ?3 AND " + key_match(table, "a", t) + ")",
            date, previous, next);
        run(db, "DELETE FROM " + t + " WHERE first_date = ?3 AND " + listed + " AND EXISTS (SELECT 1 FROM " + t +
                    " b WHERE b.first_date < ?1 AND b.last_date IS " + t + ".last_date AND " + key_match(table, "b", t) + ")",
            date, previous, next);
        // A span ending just before the date goes on to it.
        run(db, "UPDATE " + t + " SET last_date = ?1 WHERE last_date = ?2 AND " + listed, date, previous, next);
    }
    // A span starting just after the date starts on it; any other listed key has a span of its own.
    run(db, "UPDATE " + t + " SET first_date = ?1 WHERE first_date = ?3 AND " + listed + " AND NOT EXISTS (SELECT 1 FROM " +
                t + " b WHERE b.first_date < ?1 AND (b.last_date IS NULL OR b.last_date >= ?3) AND " +
                key_match(table, "b", t) + ")",
        date, previous, next);
    run(db, "INSERT INTO " + t + " (" + key_list(table) + ", first_date, last_date) SELECT " + key_list(table) +
                ", ?1, ?1 FROM " + l + " l WHERE NOT EXISTS (SELECT 1 FROM " + t + " s WHERE " + key_match(table, "s", "l") +
                " AND s.first_date <= ?1 AND (s.last_date IS NULL OR s.last_date >= ?1))",
        date, previous, next);
}

void remove_snapshot(SQLite::Database& db, const span_table& table, const std::string& date)
{
    const std::string t = table.name;
    const auto previous = neighbour(db, date, true);
    const auto next = neighbour(db, date, false);
    // Spans of that date alone go; a span that starts or ends on it now starts or ends on the snapshot
    // beside it, which it holds since the span is not only that date. A span running across the date, or
    // open while a later snapshot exists, stays true without it.
    run(db, "DELETE FROM " + t + " WHERE first_date = ?1 AND (last_date = ?1" + (next ? "" : " OR last_date IS NULL") + ")",
        date, previous, next);
    if (next) run(db, "UPDATE " + t + " SET first_date = ?3 WHERE first_date = ?1", date, previous, next);
    if (previous) run(db, "UPDATE " + t + " SET last_date = ?2 WHERE last_date = ?1", date, previous, next);
}

std::map<std::string, span_values> read_spans(SQLite::Database& db, const span_table& table, std::int64_t entity)
{
    std::map<std::string, span_values> out;
    SQLite::Statement query(db, "SELECT s.date, " + key_list(table, "sp.") + " FROM " + table.name +
                                    " sp JOIN snapshot s ON s.date >= sp.first_date AND "
                                    "(sp.last_date IS NULL OR s.date <= sp.last_date) WHERE sp." +
                                    table.key[0] + " = ?");
    query.bind(1, entity);
    while (query.executeStep()) {
        span_values values;
        for (int i = 2; i <= static_cast<int>(table.key.size()); ++i) {
            const SQLite::Column column = query.getColumn(i);
            values.push_back(column.isNull() ? std::nullopt : std::optional<std::string>(column.getString()));
        }
        out[query.getColumn(0).getString()] = std::move(values);
    }
    return out;
}

void write_spans(SQLite::Database& db, const span_table& table, std::int64_t entity,
                 const std::map<std::string, span_values>& listed)
{
    SQLite::Statement drop(db, std::string("DELETE FROM ") + table.name + " WHERE " + table.key[0] + " = ?");
    drop.bind(1, entity);
    drop.exec();

    std::string placeholders;
    for (std::size_t i = 0; i < table.key.size(); ++i) placeholders += "?, ";
    SQLite::Statement insert(db, std::string("INSERT INTO ") + table.name + " (" + key_list(table) +
                                     ", first_date, last_date) VALUES (" + placeholders + "?, ?)");
    std::vector<std::string> dates;
    SQLite::Statement all(db, "SELECT date FROM snapshot ORDER BY date");
    while (all.executeStep()) dates.push_back(all.getColumn(0).getString());

    // One span per run of consecutive snapshots with the same values; the run reaching the latest snapshot
    // stays open.
    std::size_t i = 0;
    while (i < dates.size()) {
        const auto found = listed.find(dates[i]);
        if (found == listed.end()) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j + 1 < dates.size()) {
            const auto more = listed.find(dates[j + 1]);
            if (more == listed.end() || more->second != found->second) break;
            ++j;
        }
        insert.bind(1, entity);
        for (std::size_t k = 0; k < found->second.size(); ++k) {
            if (found->second[k]) insert.bind(static_cast<int>(k) + 2, *found->second[k]);
            else insert.bind(static_cast<int>(k) + 2);
        }
        const int at = static_cast<int>(table.key.size()) + 1;
        insert.bind(at, dates[i]);
        if (j + 1 == dates.size()) insert.bind(at + 1);
        else insert.bind(at + 1, dates[j]);
        insert.exec();
        insert.reset();
        i = j + 1;
    }
}

} // namespace hds::store
