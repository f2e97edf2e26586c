#include "store/listing_spans.hpp"

#include <optional>
#include <set>
#include <tuple>

#include <SQLiteCpp/Statement.h>

namespace hds::store {
namespace {

using place = std::tuple<std::int64_t, std::int64_t, std::int64_t>; // certificate, file ordinal, line

std::optional<std::string> neighbour(SQLite::Database& db, const std::string& date, bool before)
{
    SQLite::Statement query(db, before ? "SELECT max(date) FROM snapshot WHERE date < ?"
                                       : "SELECT min(date) FROM snapshot WHERE date > ?");
    query.bind(1, date);
    query.executeStep();
    if (query.getColumn(0).isNull()) return std::nullopt;
    return query.getColumn(0).getString();
}

place place_of(const listed_certificate& c)
{
    return {c.certificate_id, static_cast<std::int64_t>(c.file_ordinal), static_cast<std::int64_t>(c.line)};
}

/// The span of that place ending (or starting) on `date`, if any.
std::optional<std::int64_t> span_at(SQLite::Database& db, const place& p, const std::optional<std::string>& date,
                                    bool ending)
{
    if (!date) return std::nullopt;
    SQLite::Statement query(db, ending ? "SELECT id FROM listing_span WHERE certificate_id = ? AND file_ordinal = ? "
                                         "AND line = ? AND last_date = ?"
                                       : "SELECT id FROM listing_span WHERE certificate_id = ? AND file_ordinal = ? "
                                         "AND line = ? AND first_date = ?");
    query.bind(1, std::get<0>(p));
    query.bind(2, std::get<1>(p));
    query.bind(3, std::get<2>(p));
    query.bind(4, *date);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getInt64();
}

} // namespace

void add_snapshot_spans(SQLite::Database& db, const std::string& date, const std::vector<listed_certificate>& listed)
{
    const auto previous = neighbour(db, date, true);
    const auto next = neighbour(db, date, false);
    std::set<place> pending;
    for (const auto& c : listed) pending.insert(place_of(c));

    // A span running across the new date: it goes on through it when the certificate is listed there at
    // the same place, and is cut in two around it otherwise.
    if (previous && next) {
        SQLite::Statement across(db, "SELECT id, certificate_id, file_ordinal, line, last_date FROM listing_span "
                                     "WHERE first_date < ?1 AND last_date > ?1");
        across.bind(1, date);
        std::vector<std::tuple<std::int64_t, place, std::string>> spans;
        while (across.executeStep())
            spans.emplace_back(across.getColumn(0).getInt64(),
                               place{across.getColumn(1).getInt64(), across.getColumn(2).getInt64(),
                                     across.getColumn(3).getInt64()},
                               across.getColumn(4).getString());
        SQLite::Statement shorten(db, "UPDATE listing_span SET last_date = ? WHERE id = ?");
        SQLite::Statement tail(db, "INSERT INTO listing_span (certificate_id, file_ordinal, line, first_date, last_date) "
                                   "VALUES (?, ?, ?, ?, ?)");
        for (const auto& [id, p, last] : spans) {
            if (pending.erase(p) != 0) continue;
            shorten.bind(1, *previous);
            shorten.bind(2, id);
            shorten.exec();
            shorten.reset();
            tail.bind(1, std::get<0>(p));
            tail.bind(2, std::get<1>(p));
            tail.bind(3, std::get<2>(p));
            tail.bind(4, *next);
            tail.bind(5, last);
            tail.exec();
            tail.reset();
        }
    }

    // Every other listed place joins the span that ends just before it, or starts just after it, or both
    // (which then become one), or starts a span of its own.
    for (const place& p : pending) {
        const auto before = span_at(db, p, previous, true);
        const auto after = span_at(db, p, next, false);
        if (before && after) {
            SQLite::Statement merge(db, "UPDATE listing_span SET last_date = (SELECT last_date FROM listing_span "
                                        "WHERE id = ?2) WHERE id = ?1");
            merge.bind(1, *before);
            merge.bind(2, *after);
            merge.exec();
            SQLite::Statement drop(db, "DELETE FROM listing_span WHERE id = ?");
            drop.bind(1, *after);
            drop.exec();
        } else if (before || after) {
            SQLite::Statement extend(db, before ? "UPDATE listing_span SET last_date = ? WHERE id = ?"
                                                : "UPDATE listing_span SET first_date = ? WHERE id = ?");
            extend.bind(1, date);
            extend.bind(2, before ? *before : *after);
            extend.exec();
        } else {
            SQLite::Statement insert(db, "INSERT INTO listing_span (certificate_id, file_ordinal, line, first_date, "
                                         "last_date) VALUES (?, ?, ?, ?4, ?4)");
            insert.bind(1, std::get<0>(p));
            insert.bind(2, std::get<1>(p));
            insert.bind(3, std::get<2>(p));
            insert.bind(4, date);
            insert.exec();
        }
    }
}

void remove_snapshot_spans(SQLite::Database& db, const std::string& date)
{
    const auto previous = neighbour(db, date, true);
    const auto next = neighbour(db, date, false);
    SQLite::Statement drop(db, "DELETE FROM listing_span WHERE first_date = ?1 AND last_date = ?1");
    drop.bind(1, date);
    drop.exec();
    // A span that starts or ends on the date now starts or ends on the snapshot beside it, which it holds
    // since the span is not only that date. A span running across the date stays true without it.
    if (next) {
        SQLite::Statement start(db, "UPDATE listing_span SET first_date = ?2 WHERE first_date = ?1");
        start.bind(1, date);
        start.bind(2, *next);
        start.exec();
    }
    if (previous) {
        SQLite::Statement end(db, "UPDATE listing_span SET last_date = ?2 WHERE last_date = ?1");
        end.bind(1, date);
        end.bind(2, *previous);
        end.exec();
    }
}

} // namespace hds::store
