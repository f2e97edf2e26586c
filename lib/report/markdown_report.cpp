// report_markdown: the report's tables as Markdown, for a wiki. Names are escaped so that a company's name
// never becomes HTML, a link, emphasis or a new table cell.
#include <string>

#include "hds/report.hpp"
#include "report/report_charts.hpp"
#include "report/wording.hpp"

namespace hds {
namespace {

/// One line of text safe in a Markdown table cell.
std::string md(const std::string& text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '|': out += "\\|"; break;
        case '\n':
        case '\r': out += ' '; break;
        case '\\': case '`': case '*': case '_': case '[': case ']':
        case '~':
            out += '\\';
            out += c;
            break;
        default: out += c;
        }
    }
    return out;
}

std::string row(std::initializer_list<std::string> cells)
{
    std::string out = "|";
    for (const auto& c : cells) out += " " + c + " |";
    return out + "\n";
}

std::string activities_text(const activity_set& set, const report::wording& w)
{
    return set.empty() ? std::string(w.none) : set.to_string();
}

} // namespace

std::string report_markdown(const report_data& data, report_language language)
{
    const report::wording& w = report::words_for(language);
    std::string out = "# " + md(std::string(w.title) + " — " + w.snapshot_of + " " + data.snapshot.date) + "\n\n";
    out += md(report::count_text(data.snapshot.companies, w));
    if (data.snapshot.label) out += " · " + md(*data.snapshot.label);
    out += "\n\n" + std::to_string(data.companies_with_provenance) + " " + md(w.of) + " " +
           std::to_string(data.snapshot.companies) + " " + md(w.provenance_note) + ".\n";

    for (const auto& c : report::charts_of(data, language)) {
        out += "\n## " + md(c.title) + "\n\n" + md(c.caption) + "\n\n";
        out += row({md(c.category_axis), md(c.unit)});
        out += "|---|---:|\n";
        for (const auto& b : c.bars) out += row({md(b.label), md(b.value_text)});
    }

    out += "\n## " + md(w.findings_title) + "\n\n";
    out += row({md(w.id), md(w.statement), md(w.expected), md(w.actual), md(w.holds)}) + "|---|---|---|---|---|\n";
    for (const auto& f : data.findings.findings)
        out += row({md(f.id), md(f.statement), md(f.expected), md(f.actual),
                    md(f.no_snapshot() ? w.no_snapshot : f.holds ? w.yes : w.no)});

    out += "\n## " + md(w.changes_title) + "\n\n";
    if (!data.changes) return out + md(w.no_previous) + "\n";
    const diff_result& d = *data.changes;
    out += md(d.from.date + " → " + d.to.date) + "\n";
    const auto list = [&](const char* title, const std::vector<company_change>& changes) {
        out += "\n### " + md(title) + " (" + std::to_string(changes.size()) + ")\n\n";
        if (changes.empty()) {
            out += md(w.none) + "\n";
            return;
        }
        out += row({md(w.company), md(w.activities)}) + "|---|---|\n";
        for (const auto& c : changes) out += row({md(c.name), md(activities_text(c.activities, w))});
    };
    list(w.entered, d.entered);
    list(w.left, d.left);
    out += "\n### " + md(w.changed) + " (" + std::to_string(d.changed.size()) + ")\n\n";
    if (d.changed.empty()) return out + md(w.none) + "\n";
    out += row({md(w.company), md(w.activities), md(w.added), md(w.removed)}) + "|---|---|---|---|\n";
    for (const auto& c : d.changed)
        out += row({md(c.name), md(activities_text(c.activities, w)), md(activities_text(c.added, w)),
                    md(activities_text(c.removed, w))});
    return out;
}

} // namespace hds
