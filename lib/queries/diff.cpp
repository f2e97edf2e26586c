#include "hds/diff.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "queries/row_mapping.hpp"
#include "store/connection.hpp"

// The diff follows views v_company_diff and v_certificate_diff, which say what it means for any two
// snapshots, but reads each snapshot once and compares here: asked for one pair, the views read the history's
// spans five times (three arms of v_company_diff, both sides of v_certificate_diff), 440 M instructions from
// the first day to the last of the ten-year database of docs/performance.md. Test queries.diff_equals_the_views
// holds the two to the same answers.
namespace hds {
namespace {

// A company as one snapshot lists it.
struct listed_company {
    std::string key;
    std::string name;
    activity_set activities;
};

std::unordered_map<std::int64_t, listed_company> companies_of(SQLite::Database& sql, std::int64_t snapshot)
{
    SQLite::Statement query(sql, "SELECT company_id, company_key, company, activities FROM v_snapshot_company "
                                 "WHERE snapshot_id = ?");
    query.bind(1, snapshot);
    std::unordered_map<std::int64_t, listed_company> out;
    while (query.executeStep())
        out.emplace(query.getColumn(0).getInt64(),
                    listed_company{query.getColumn(1).getString(), query.getColumn(2).getString(),
                                   queries::activities_of(query.getColumn(3))});
    return out;
}

// One company's certificates of one type in one snapshot, folded as view v_snapshot_company_certificate
// folds them: every certifying body once, in order, and the latest dates.
struct certificate_group {
    std::set<std::string> certifiers;
    std::optional<std::string> valid_from, valid_to;

    std::optional<std::string> certifier_list() const
    {
        if (certifiers.empty()) return std::nullopt;
        std::string out;
        for (const auto& name : certifiers) out += (out.empty() ? "" : ", ") + name;
        return out;
    }
    bool operator==(const certificate_group&) const = default;
};

using certificate_key = std::pair<std::int64_t, int>; // company id, certificate type

std::optional<std::string> later(const std::optional<std::string>& a, const std::optional<std::string>& b)
{
    if (!a) return b;
    if (!b) return a;
    return std::max(*a, *b);
}

// The certificates `snapshot` lists for the companies in `wanted`, by company and type.
std::map<certificate_key, certificate_group> certificates_of(SQLite::Database& sql, std::int64_t snapshot,
                                                             const std::unordered_set<std::int64_t>& wanted)
{
    SQLite::Statement query(sql, "SELECT l.company_id, c.certificate_type, ce.name, c.valid_from, c.valid_to "
                                 "FROM v_listing l JOIN certificate c ON c.id = l.certificate_id "
                                 "LEFT JOIN certifier ce ON ce.id = c.certifier_id WHERE l.snapshot_id = ?");
    query.bind(1, snapshot);
    std::map<certificate_key, certificate_group> out;
    while (query.executeStep()) {
        const std::int64_t company = query.getColumn(0).getInt64();
        if (!wanted.contains(company)) continue;
        certificate_group& group = out[{company, query.getColumn(1).getInt()}];
        if (const auto certifier = queries::optional_text(query.getColumn(2))) group.certifiers.insert(*certifier);
        group.valid_from = later(group.valid_from, queries::optional_text(query.getColumn(3)));
        group.valid_to = later(group.valid_to, queries::optional_text(query.getColumn(4)));
    }
    return out;
}

} // namespace

diff_result diff(database& db, const snapshot_info& from, const snapshot_info& to)
{
    diff_result result;
    result.from = from;
    result.to = to;
    if (from.id == to.id) return result;
    queries::guarded([&] {
        SQLite::Database& sql = connection(db);
        const auto before = companies_of(sql, from.id);
        const auto after = companies_of(sql, to.id);

        // Companies, by key.
        std::vector<std::pair<std::string, company_change>> entered, left, changed;
        std::unordered_set<std::int64_t> in_both;
        for (const auto& [id, n] : after) {
            const auto o = before.find(id);
            if (o == before.end()) {
                entered.emplace_back(n.key, company_change{n.name, n.activities, n.activities, {}});
                continue;
            }
            in_both.insert(id);
            if (n.activities != o->second.activities)
                changed.emplace_back(n.key, company_change{n.name, n.activities, n.activities - o->second.activities,
                                                           o->second.activities - n.activities});
        }
        for (const auto& [id, o] : before)
            if (!after.contains(id)) left.emplace_back(o.key, company_change{o.name, o.activities, {}, o.activities});
        result.entered = queries::in_key_order(std::move(entered));
        result.left = queries::in_key_order(std::move(left));
        result.changed = queries::in_key_order(std::move(changed));

        // Certificates of the companies both list, under the same type, with other bodies or other dates; by
        // company key, then by the type's code.
        if (in_both.empty()) return 0;
        const auto old_groups = certificates_of(sql, from.id, in_both);
        const auto new_groups = certificates_of(sql, to.id, in_both);
        std::vector<std::pair<std::pair<std::string, std::string>, certificate_change>> certificates;
        for (const auto& [key, n] : new_groups) {
            const auto o = old_groups.find(key);
            if (o == old_groups.end() || o->second == n) continue;
            certificate_change c;
            const listed_company& company = after.at(key.first);
            c.name = company.name;
            c.type = static_cast<certificate_type>(key.second);
            c.from_certifiers = o->second.certifier_list();
            c.to_certifiers = n.certifier_list();
            c.change = c.from_certifiers != c.to_certifiers ? certificate_change::kind::certifier
                                                            : certificate_change::kind::renewed;
            c.from_valid_to = o->second.valid_to;
            c.to_valid_to = n.valid_to;
            certificates.emplace_back(std::pair(company.key, std::string(code_of(c.type))), std::move(c));
        }
        result.certificates = queries::in_key_order(std::move(certificates));
        return 0;
    });
    return result;
}

} // namespace hds
