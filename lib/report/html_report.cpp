// report_html: the page around the charts. XHTML syntax (every element closed, attributes quoted, no named
// entity but XML's), so that an XML parser reads it as it reads the charts: the tests parse it whole.
#include <string>

#include "hds/report.hpp"
#include "report/charts.hpp"
#include "report/report_charts.hpp"
#include "report/svg_writer.hpp"
#include "report/wording.hpp"

namespace hds {
namespace {

using report::escape_xml;

// One accent colour for every bar; greys for everything else. System fonts only: nothing from the network.
constexpr const char* style = R"(
:root { --accent: #1d4ed8; --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: var(--ink); background: #fff; }
main { max-width: 800px; margin: 0 auto; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.lead { color: var(--muted); margin: 0 0 8px; }
svg.chart { display: block; max-width: 100%; height: auto; }
section.figure { margin: 28px 0; }
svg .title { font-size: 16px; font-weight: 600; fill: var(--ink); }
svg .bar { fill: var(--accent); }
svg .label, svg .value { font-size: 13px; fill: var(--ink); }
svg .value { font-weight: 600; }
svg .tick, svg .unit, svg .caption { font-size: 12px; fill: var(--muted); }
svg .axis { stroke: var(--muted); stroke-width: 1; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 12px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--rule); vertical-align: top; }
td.number { text-align: right; white-space: nowrap; }
.holds-yes { color: #116329; font-weight: 600; }
.holds-no { color: #a40e26; font-weight: 600; }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; }
)";

std::string cell(const std::string& text, const char* css_class = nullptr)
{
    return std::string("<td") + (css_class ? std::string(" class=\"") + css_class + "\"" : "") + ">" +
           escape_xml(text) + "</td>";
}

std::string header_row(std::initializer_list<const char*> names)
{
    std::string out = "<tr>";
    for (const char* n : names) out += "<th>" + escape_xml(n) + "</th>";
    return out + "</tr>";
}

std::string activities_text(const activity_set& set, const report::wording& w)
{
    return set.empty() ? std::string(w.none) : set.to_string();
}

std::string findings_table(const findings_report& findings, const report::wording& w)
{
    std::string out = "<table><thead>" + header_row({w.id, w.statement, w.expected, w.actual, w.holds}) +
                      "</thead><tbody>";
    for (const auto& f : findings.findings) {
        const char* verdict = f.no_snapshot() ? w.no_snapshot : f.holds ? w.yes : w.no;
        out += "<tr data-finding=\"" + escape_xml(f.id) + "\">" + cell(f.id) + cell(f.statement) + cell(f.expected) +
               cell(f.actual) + cell(verdict, f.no_snapshot() ? nullptr : f.holds ? "holds-yes" : "holds-no") + "</tr>";
    }
    return out + "</tbody></table>";
}

std::string changes_section(const report_data& data, const report::wording& w)
{
    if (!data.changes) return "<p>" + escape_xml(w.no_previous) + "</p>";
    const diff_result& d = *data.changes;
    std::string out = "<p class=\"lead\">" + escape_xml(d.from.date) + " → " + escape_xml(d.to.date) + " · " +
                      escape_xml(w.entered) + " " + std::to_string(d.entered.size()) + " · " + escape_xml(w.left) +
                      " " + std::to_string(d.left.size()) + " · " + escape_xml(w.changed) + " " +
                      std::to_string(d.changed.size()) + "</p>";
    const auto list = [&](const char* title, const std::vector<company_change>& changes, const char* id) {
        std::string section = "<h3>" + escape_xml(title) + " (" + std::to_string(changes.size()) + ")</h3>";
        if (changes.empty()) return section + "<p>" + escape_xml(w.none) + "</p>";
        section += std::string("<table data-changes=\"") + id + "\"><thead>" +
                   header_row({w.company, w.activities}) + "</thead><tbody>";
        for (const auto& c : changes)
            section += "<tr>" + cell(c.name) + cell(activities_text(c.activities, w)) + "</tr>";
        return section + "</tbody></table>";
    };
    out += list(w.entered, d.entered, "entered");
    out += list(w.left, d.left, "left");
    out += "<h3>" + escape_xml(w.changed) + " (" + std::to_string(d.changed.size()) + ")</h3>";
    if (d.changed.empty()) return out + "<p>" + escape_xml(w.none) + "</p>";
    out += "<table data-changes=\"changed\"><thead>" + header_row({w.company, w.activities, w.added, w.removed}) +
           "</thead><tbody>";
    for (const auto& c : d.changed)
        out += "<tr>" + cell(c.name) + cell(activities_text(c.activities, w)) + cell(activities_text(c.added, w)) +
               cell(activities_text(c.removed, w)) + "</tr>";
    return out + "</tbody></table>";
}

} // namespace

std::string report_html(const report_data& data, report_language language)
{
    const report::wording& w = report::words_for(language);
    const std::string heading = std::string(w.title) + " — " + w.snapshot_of + " " + data.snapshot.date;
    std::string out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + std::string(w.lang) +
                      "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" +
                      escape_xml(heading) + "</title>\n<style>" + style + "</style>\n</head>\n<body>\n<main>\n";
    out += "<h1>" + escape_xml(heading) + "</h1>\n";
    out += "<p class=\"lead\">" + escape_xml(report::count_text(data.snapshot.companies, w));
    if (data.snapshot.label) out += " · " + escape_xml(*data.snapshot.label);
    out += "</p>\n<p class=\"lead\">" + std::to_string(data.companies_with_provenance) + " " + escape_xml(w.of) + " " +
           std::to_string(data.snapshot.companies) + " " + escape_xml(w.provenance_note) + ".</p>\n";

    const auto charts = report::charts_of(data, language);
    for (std::size_t i = 0; i < charts.size(); ++i) {
        // The chart carries its own title (it must read alone, e.g. copied into a slide): no heading repeats it.
        out += "<section class=\"figure\" aria-label=\"" + escape_xml(charts[i].title) + "\">\n";
        out += i == 0 ? report::column_chart_svg(charts[i]) : report::bar_chart_svg(charts[i]);
        out += "\n</section>\n";
    }
    out += "<section>\n<h2>" + escape_xml(w.findings_title) + "</h2>\n" + findings_table(data.findings, w) +
           "\n</section>\n";
    out += "<section>\n<h2>" + escape_xml(w.changes_title) + "</h2>\n" + changes_section(data, w) + "\n</section>\n";
    out += "<footer>" + escape_xml(w.generated_by) + " hds " HDS_VERSION ".</footer>\n</main>\n</body>\n</html>\n";
    return out;
}

} // namespace hds
