#include "hds/snapshots.hpp"

#include <cstdint>
#include <unordered_map>

#include "hds/error.hpp"
#include "parse/dates.hpp"
#include "queries/row_mapping.hpp"
#include "store/connection.hpp"

namespace hds {
namespace {

std::vector<snapshot_info> select_snapshots(SQLite::Database& db, const std::string& where, const std::string& value)
{
    std::vector<snapshot_info> out;
    SQLite::Statement query(db, "SELECT id, date, label, companies, certificates, rejected_rows, ingested_at "
                                "FROM v_snapshot " + where + " ORDER BY date");
    if (!value.empty()) query.bind(1, value);
    while (query.executeStep()) {
        snapshot_info s;
        s.id = query.getColumn(0).getInt64();
        s.date = query.getColumn(1).getString();
        s.label = queries::optional_text(query.getColumn(2));
        s.companies = static_cast<std::size_t>(query.getColumn(3).getInt64());
        s.certificates = static_cast<std::size_t>(query.getColumn(4).getInt64());
        s.rejected_rows = static_cast<std::size_t>(query.getColumn(5).getInt64());
        s.ingested_at = query.getColumn(6).getString();
        out.push_back(std::move(s));
    }
    // The files of every snapshot in one pass, rather than one query per snapshot (thousands for a daily
    // history); the source_file rows of snapshots not asked for are skipped.
    std::unordered_map<std::int64_t, snapshot_info*> by_id;
    for (auto& s : out) by_id.emplace(s.id, &s);
    SQLite::Statement files(db, out.size() == 1 ? "SELECT snapshot_id, path, sha256, format FROM source_file "
                                                  "WHERE snapshot_id = ? ORDER BY ordinal"
                                                : "SELECT snapshot_id, path, sha256, format FROM source_file "
                                                  "ORDER BY snapshot_id, ordinal");
    if (out.size() == 1) files.bind(1, out.front().id);
    while (!out.empty() && files.executeStep()) {
        const auto s = by_id.find(files.getColumn(0).getInt64());
        if (s == by_id.end()) continue;
        s->second->files.push_back({files.getColumn(1).getString(), files.getColumn(2).getString(),
                                    files.getColumn(3).getString()});
    }
    return out;
}

bool is_month(std::string_view spec)
{
    return spec.size() == 7 && spec[4] == '-' && parse::is_iso_date(std::string(spec) + "-01");
}

} // namespace

std::vector<snapshot_info> snapshots(database& db)
{
    return queries::guarded([&] { return select_snapshots(connection(db), "", ""); });
}

snapshot_info resolve_snapshot(database& db, std::string_view spec)
{
    const std::string text(spec);
    std::vector<snapshot_info> found;
    if (spec == "latest") {
        found = queries::guarded([&] {
            return select_snapshots(connection(db), "WHERE date = (SELECT max(date) FROM snapshot)", "");
        });
        if (found.empty()) throw error(error_kind::not_found, "the database has no snapshot yet");
    } else if (parse::is_iso_date(spec)) {
        found = queries::guarded([&] { return select_snapshots(connection(db), "WHERE date = ?", text); });
        if (found.empty()) throw error(error_kind::not_found, "no snapshot dated " + text);
    } else if (is_month(spec)) {
        found = queries::guarded([&] { return select_snapshots(connection(db), "WHERE substr(date, 1, 7) = ?", text); });
        if (found.empty()) throw error(error_kind::not_found, "no snapshot in " + text);
        if (found.size() > 1) {
            std::string dates;
            for (const auto& s : found) dates += (dates.empty() ? "" : ", ") + s.date;
            throw error(error_kind::not_found, text + " holds " + std::to_string(found.size()) +
                                                   " snapshots (" + dates + "): name one by its date");
        }
    } else {
        throw error(error_kind::usage,
                    "snapshot \"" + text + "\" is not a date YYYY-MM-DD, a month YYYY-MM or \"latest\"");
    }
    return found.front();
}

} // namespace hds
