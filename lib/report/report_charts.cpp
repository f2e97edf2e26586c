#include "report/report_charts.hpp"

#include <algorithm>

#include "report/wording.hpp"

namespace hds::report {
namespace {

/// Sorted bars read at a glance: largest first; ties by label so that the order never depends on the query's.
void sort_by_count(std::vector<chart_bar>& bars)
{
    std::stable_sort(bars.begin(), bars.end(), [](const chart_bar& a, const chart_bar& b) {
        return a.count != b.count ? a.count > b.count : a.label < b.label;
    });
}

chart counts_chart(const char* id, const char* title, const char* category, const breakdown_result& b,
                   const std::map<std::string, std::string>* english_labels, const wording& w)
{
    chart c{id, title, w.companies, category, caption_of(b.snapshot, w), 0, {}};
    for (const auto& row : b.rows) {
        std::string label = row.key ? row.label : w.unknown;
        if (english_labels != nullptr && row.key) {
            const auto found = english_labels->find(*row.key);
            if (found != english_labels->end()) label = found->second;
        }
        c.bars.push_back({row.key.value_or(""), label, static_cast<double>(row.count), std::to_string(row.count),
                          row.count});
    }
    sort_by_count(c.bars);
    return c;
}

} // namespace

std::vector<chart> charts_of(const report_data& data, report_language language)
{
    const wording& w = words_for(language);
    const bool english = language == report_language::en;
    std::vector<chart> charts;

    chart growth{"companies-by-snapshot", w.growth_title, w.companies, w.snapshot_date,
                 caption_of(data.snapshot, w), 0, {}};
    for (const auto& s : data.history)
        growth.bars.push_back({s.date, s.date, static_cast<double>(s.companies), std::to_string(s.companies),
                               s.companies});
    charts.push_back(std::move(growth));

    charts.push_back(counts_chart("positioning", w.positioning_title, w.positioning, data.by_positioning,
                                  english ? &data.positioning_label_en : nullptr, w));

    // Shares out of 100 %, so that six nearly equal bars look nearly equal.
    chart activities{"activity", w.activity_title, w.share_unit, w.activity, caption_of(data.snapshot, w), 100, {}};
    for (const auto& row : data.by_activity.rows) {
        const std::string key = row.key.value_or("");
        const auto english_label = data.activity_label_en.find(key);
        const std::string name = english && english_label != data.activity_label_en.end() ? english_label->second
                                                                                           : row.label;
        const double percent = data.by_activity.total == 0
                                   ? 0.0
                                   : 100.0 * static_cast<double>(row.count) / static_cast<double>(data.by_activity.total);
        activities.bars.push_back({key, key + " · " + name, percent,
                                   percent_text(row.count, data.by_activity.total, language) + " (" +
                                       std::to_string(row.count) + ")",
                                   row.count});
    }
    sort_by_count(activities.bars);
    charts.push_back(std::move(activities));

    // By number of activities, 1 to 6: an order of its own, which sorting by count would hide.
    chart per_company{"activity-count", w.activity_count_title, w.companies, w.activity_count,
                      caption_of(data.snapshot, w), 0, {}};
    for (const auto& row : data.by_activity_count.rows) {
        const std::string key = row.key.value_or("");
        per_company.bars.push_back({key, key + " " + (key == "1" ? w.activity_one : w.activity_many),
                                    static_cast<double>(row.count), std::to_string(row.count), row.count});
    }
    charts.push_back(std::move(per_company));

    charts.push_back(
        counts_chart("nationality", w.nationality_title, w.nationality, data.by_nationality, nullptr, w));
    charts.push_back(counts_chart("certifier", w.certifier_title, w.certifier, data.by_certifier, nullptr, w));
    return charts;
}

} // namespace hds::report
