#include "store/lines.hpp"

#include <algorithm>
#include <span>
#include <string>
#include <utility>

#include <SQLiteCpp/Statement.h>

#include "store/raw_query.hpp"

namespace hds::store {
namespace {

// How many bases may lie behind a file before its lines are all stored again: reading a snapshot's lines
// follows at most this many bases.
constexpr std::int64_t max_base_depth = 64;

/// One line and its certificates: a range of a file's listings, which come by line then certificate.
struct line_group {
    std::int64_t line = 0;
    std::span<const line_listing> listings;

    [[nodiscard]] bool lists_what(const line_group& other) const
    {
        return std::equal(listings.begin(), listings.end(), other.listings.begin(), other.listings.end(),
                          [](const line_listing& a, const line_listing& b) { return a.certificate_id == b.certificate_id; });
    }
};

std::vector<line_group> grouped(const std::vector<line_listing>& lines)
{
    std::vector<line_group> out;
    out.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (out.empty() || out.back().line != lines[i].line) out.push_back({lines[i].line, {&lines[i], 0}});
        out.back().listings = {out.back().listings.data(), out.back().listings.size() + 1};
    }
    return out;
}

void insert_entries(SQLite::Database& db, std::int64_t snapshot, std::int64_t ordinal, const std::vector<line_listing>& lines)
{
    SQLite::Statement insert(db, "INSERT INTO line_entry (snapshot_id, file_ordinal, line, certificate_id) VALUES (?, ?, ?, ?)");
    for (const auto& l : lines) {
        insert.bind(1, snapshot);
        insert.bind(2, ordinal);
        insert.bind(3, l.line);
        insert.bind(4, l.certificate_id);
        insert.exec();
        insert.reset();
    }
}

void set_base(SQLite::Database& db, std::int64_t snapshot, std::int64_t ordinal, std::optional<std::int64_t> base,
              std::int64_t depth)
{
    SQLite::Statement update(db, "UPDATE source_file SET base_snapshot_id = ?3, base_depth = ?4 "
                                 "WHERE snapshot_id = ?1 AND ordinal = ?2");
    update.bind(1, snapshot);
    update.bind(2, ordinal);
    if (base) update.bind(3, *base);
    update.bind(4, depth);
    update.exec();
}

/// Lines of `current` against those of `base`: runs of consecutive lines that list what consecutive lines
/// of the base list, and entries for the rest.
void write_delta(SQLite::Database& db, std::int64_t snapshot, std::int64_t ordinal,
                 const std::vector<line_listing>& current, const std::vector<line_listing>& base)
{
    const std::vector<line_group> now = grouped(current);
    const std::vector<line_group> before = grouped(base); // by line
    // Certificate → its first line group in the base, sorted to be searched: sorted vectors, where hash maps
    // allocated a node for each of a day's thousands of lines (4 M instructions).
    std::vector<std::pair<std::int64_t, std::size_t>> where_before;
    where_before.reserve(base.size());
    for (std::size_t i = 0; i < before.size(); ++i)
        for (const auto& l : before[i].listings) where_before.emplace_back(l.certificate_id, i);
    std::sort(where_before.begin(), where_before.end());
    const auto group_listing = [&](std::int64_t certificate) -> const line_group* {
        const auto found = std::lower_bound(where_before.begin(), where_before.end(), std::pair(certificate, std::size_t{0}));
        return found != where_before.end() && found->first == certificate ? &before[found->second] : nullptr;
    };
    const auto group_at = [&](std::int64_t line) -> const line_group* {
        const auto found = std::lower_bound(before.begin(), before.end(), line,
                                            [](const line_group& g, std::int64_t l) { return g.line < l; });
        return found != before.end() && found->line == line ? &*found : nullptr;
    };

    SQLite::Statement insert_run(db, "INSERT INTO line_run (snapshot_id, file_ordinal, first_line, count, base_first_line) "
                                     "VALUES (?, ?, ?, ?, ?)");
    std::vector<line_listing> entries;
    struct { std::int64_t first = 0, count = 0, base_first = 0; } run;
    const auto close_run = [&] {
        if (run.count == 0) return;
        insert_run.bind(1, snapshot);
        insert_run.bind(2, ordinal);
        insert_run.bind(3, run.first);
        insert_run.bind(4, run.count);
        insert_run.bind(5, run.base_first);
        insert_run.exec();
        insert_run.reset();
        run.count = 0;
    };
    for (const line_group& g : now) {
        if (run.count > 0 && g.line == run.first + run.count) {
            const line_group* next = group_at(run.base_first + run.count);
            if (next && next->lists_what(g)) {
                ++run.count;
                continue;
            }
        }
        close_run();
        const line_group* found = group_listing(g.listings.front().certificate_id);
        if (found && found->lists_what(g)) {
            run = {g.line, 1, found->line};
            continue;
        }
        entries.insert(entries.end(), g.listings.begin(), g.listings.end());
    }
    close_run();
    insert_entries(db, snapshot, ordinal, entries);
}

} // namespace

std::vector<line_listing> read_lines(SQLite::Database& db, std::int64_t snapshot, std::int64_t ordinal)
{
    // The chain of bases, from this file down to one stored whole; then its lines, rebuilt forward. Each
    // step is the previous step's lines, shifted run by run, plus the entries: a few hundred rows read per
    // base, where resolving the pieces in SQL (a recursive query) cost more with every base behind.
    std::vector<std::int64_t> chain{snapshot};
    SQLite::Statement base_of(db, "SELECT base_snapshot_id FROM source_file WHERE snapshot_id = ? AND ordinal = ?");
    while (chain.size() <= static_cast<std::size_t>(max_base_depth) + 1) {
        base_of.bind(1, chain.back());
        base_of.bind(2, ordinal);
        const bool has_base = base_of.executeStep() && !base_of.getColumn(0).isNull();
        if (has_base) chain.push_back(base_of.getColumn(0).getInt64());
        base_of.reset();
        if (!has_base) break;
    }

    // In the order of their primary keys, which costs SQLite no sort. A file stored whole is thousands of
    // entries (a million for the 1M-row registry): read through SQLite's own calls (raw_query.hpp).
    raw_query entries(db, "SELECT line, certificate_id FROM line_entry WHERE snapshot_id = ? AND file_ordinal = ? "
                          "ORDER BY line, certificate_id");
    SQLite::Statement runs(db, "SELECT first_line, count, base_first_line FROM line_run "
                               "WHERE snapshot_id = ? AND file_ordinal = ? ORDER BY first_line");
    std::vector<line_listing> lines;
    for (auto step = chain.rbegin(); step != chain.rend(); ++step) {
        std::vector<line_listing> next;
        runs.bind(1, *step);
        runs.bind(2, ordinal);
        while (runs.executeStep()) {
            const std::int64_t first = runs.getColumn(0).getInt64();
            const std::int64_t count = runs.getColumn(1).getInt64();
            const std::int64_t base_first = runs.getColumn(2).getInt64();
            auto from = std::lower_bound(lines.begin(), lines.end(), base_first,
                                         [](const line_listing& l, std::int64_t line) { return l.line < line; });
            for (; from != lines.end() && from->line < base_first + count; ++from)
                next.push_back({from->line - base_first + first, from->certificate_id});
        }
        runs.reset();
        // The runs' lines are in order (runs do not overlap and come by first line), the entries too: merged,
        // not sorted again at each of up to max_base_depth steps (18 M instructions of a day's ingest).
        const auto copied = static_cast<std::ptrdiff_t>(next.size());
        entries.bind(1, *step);
        entries.bind(2, ordinal);
        while (entries.step()) next.push_back({entries.int64(0), entries.int64(1)});
        entries.reset();
        std::inplace_merge(next.begin(), next.begin() + copied, next.end());
        lines = std::move(next);
    }
    return lines;
}

namespace {

/// `base` if the file may be described against it, with the depth the file then has; nullopt when the chain
/// behind it is as long as it may be, or it has no such file.
std::pair<std::optional<std::int64_t>, std::int64_t> usable_base(SQLite::Database& db, std::int64_t ordinal,
                                                                  std::optional<std::int64_t> base)
{
    if (!base) return {std::nullopt, 0};
    SQLite::Statement query(db, "SELECT base_depth FROM source_file WHERE snapshot_id = ? AND ordinal = ?");
    query.bind(1, *base);
    query.bind(2, ordinal);
    if (query.executeStep() && query.getColumn(0).getInt64() < max_base_depth) return {base, query.getColumn(0).getInt64() + 1};
    return {std::nullopt, 0};
}

} // namespace

void write_lines(SQLite::Database& db, std::int64_t snapshot, std::int64_t ordinal, const char* listed,
                 std::optional<std::int64_t> base)
{
    const auto [usable, depth] = usable_base(db, ordinal, base);
    if (!usable) {
        // OR IGNORE rather than DISTINCT: the primary key drops a repeated (line, certificate) as it inserts,
        // where DISTINCT would first sort every listed line apart.
        SQLite::Statement insert(db, std::string("INSERT OR IGNORE INTO line_entry (snapshot_id, file_ordinal, line, certificate_id) "
                                                 "SELECT ?1, file_ordinal, line, certificate_id FROM ") +
                                         listed + " WHERE file_ordinal = ?2");
        insert.bind(1, snapshot);
        insert.bind(2, ordinal);
        insert.exec();
        set_base(db, snapshot, ordinal, std::nullopt, 0);
        return;
    }
    std::vector<line_listing> current;
    SQLite::Statement query(db, std::string("SELECT DISTINCT line, certificate_id FROM ") + listed +
                                    " WHERE file_ordinal = ? ORDER BY line, certificate_id");
    query.bind(1, ordinal);
    while (query.executeStep()) current.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getInt64()});
    write_delta(db, snapshot, ordinal, current, read_lines(db, *usable, ordinal));
    set_base(db, snapshot, ordinal, usable, depth);
}

line_base read_line_base(SQLite::Database& db, std::int64_t ordinal, std::optional<std::int64_t> base)
{
    const auto [usable, depth] = usable_base(db, ordinal, base);
    if (!usable) return {};
    return {usable, depth, read_lines(db, *usable, ordinal)};
}

void write_lines(SQLite::Database& db, std::int64_t snapshot, std::int64_t ordinal, const std::vector<line_listing>& lines,
                 const line_base& base)
{
    if (base.snapshot) write_delta(db, snapshot, ordinal, lines, base.lines);
    else insert_entries(db, snapshot, ordinal, lines);
    set_base(db, snapshot, ordinal, base.snapshot, base.depth);
}

void detach_dependents(SQLite::Database& db, std::int64_t snapshot)
{
    std::vector<std::pair<std::int64_t, std::int64_t>> dependents;
    SQLite::Statement query(db, "SELECT snapshot_id, ordinal FROM source_file WHERE base_snapshot_id = ?");
    query.bind(1, snapshot);
    while (query.executeStep()) dependents.emplace_back(query.getColumn(0).getInt64(), query.getColumn(1).getInt64());
    for (const auto& [dependent, ordinal] : dependents) {
        const std::vector<line_listing> lines = read_lines(db, dependent, ordinal);
        for (const char* table : {"line_run", "line_entry"}) {
            SQLite::Statement drop(db, std::string("DELETE FROM ") + table + " WHERE snapshot_id = ? AND file_ordinal = ?");
            drop.bind(1, dependent);
            drop.bind(2, ordinal);
            drop.exec();
        }
        insert_entries(db, dependent, ordinal, lines);
        set_base(db, dependent, ordinal, std::nullopt, 0);
    }
}

} // namespace hds::store
