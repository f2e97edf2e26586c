#include "commands.hpp"

#include <cstdio>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "hds/activity.hpp"
#include "hds/alias.hpp"
#include "hds/annotate.hpp"
#include "hds/as_of.hpp"
#include "hds/breakdown.hpp"
#include "hds/companies.hpp"
#include "hds/database.hpp"
#include "hds/diff.hpp"
#include "hds/error.hpp"
#include "hds/findings.hpp"
#include "hds/ingest.hpp"
#include "hds/log.hpp"
#include "hds/snapshots.hpp"
#include "output.hpp"
#include "progress.hpp"

namespace hds::cli {
namespace {

// ordered_json keeps keys in the order the contract shows them.
using json = nlohmann::ordered_json;

json nullable(const std::optional<std::string>& value) { return value ? json(*value) : json(nullptr); }

std::string joined(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

/// A set's numbers for a table cell, e.g. "1,2,6"; null when empty so an empty set shows as "-".
cell activities_cell(activity_set set) { return set.empty() ? cell() : cell(set.to_string()); }

/// A share for people (a percentage with one decimal, from the counts, so 9 of 104 reads 8.7 % and not the
/// 8.6 % of the already rounded 0.0865) or for CSV (the share as the view rounds it).
std::string share_text(std::size_t count, std::size_t total, double share, output_format format)
{
    char buffer[32];
    if (format == output_format::table)
        std::snprintf(buffer, sizeof buffer, "%.1f %%",
                      total == 0 ? 0.0 : 100.0 * static_cast<double>(count) / static_cast<double>(total));
    else
        std::snprintf(buffer, sizeof buffer, "%.4f", share);
    return buffer;
}

std::chrono::milliseconds busy_timeout = database::default_busy_timeout;

database open_database(const std::filesystem::path& path, open_mode mode)
{
    return database::open(path, mode, busy_timeout);
}

database open_existing(const read_options& c) { return open_database(c.db, open_mode::existing); }

output_format format_of(const read_options& c) { return parse_output_format(c.format); }

bool is_json(output_format format) { return format == output_format::json || format == output_format::ndjson; }

std::string plural(std::size_t n, std::string_view one, std::string_view many)
{
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

/// "12 of 12 findings on the lists hold; reference data agrees with F13": the findings computed from the lists
/// (with how many have no snapshot), then the reference-data check apart, which holds on any database.
std::string findings_summary(const findings_report& report)
{
    std::size_t on_lists = 0, holding = 0, missing = 0;
    std::vector<std::string> agrees, disagrees;
    for (const auto& f : report.findings) {
        if (f.reads_reference_data()) {
            (f.holds ? agrees : disagrees).push_back(f.id);
            continue;
        }
        ++on_lists;
        if (f.holds) ++holding;
        else if (f.no_snapshot()) ++missing;
    }
    std::string text = std::to_string(holding) + " of " + std::to_string(on_lists) +
                       (on_lists == 1 ? " finding on the lists holds" : " findings on the lists hold");
    if (missing > 0) text += " (" + std::to_string(missing) + (missing == 1 ? " has" : " have") + " no snapshot)";
    if (!agrees.empty() || !disagrees.empty()) {
        text += "; reference data ";
        if (!agrees.empty()) text += "agrees with " + joined(agrees, ", ");
        if (!agrees.empty() && !disagrees.empty()) text += " and ";
        if (!disagrees.empty()) text += "disagrees with " + joined(disagrees, ", ");
    }
    return text;
}

} // namespace

void set_busy_timeout(std::chrono::milliseconds timeout) { busy_timeout = timeout; }

int run_init(const std::filesystem::path& path, std::ostream& out)
{
    const database db = open_database(path, open_mode::create);
    out << path.string() << ": schema version " << db.schema_version() << '\n';
    return 0;
}

int run_ingest(const ingest_command& c, std::ostream& out)
{
    // The summary below lists the warnings; the library's own copies on standard error would repeat them.
    if (!c.verbose) set_log_level(log_level::error);
    database db = open_database(c.db, open_mode::create);
    ingest_options options;
    options.date = c.date;
    options.label = c.label;
    options.format = c.format;
    options.sheet = c.sheet;
    options.mapping = c.mapping;
    options.replace = c.replace;
    options.skip_bad_rows = c.skip_bad_rows;
    const ingest_summary s = [&] {
        // With --verbose the log says each stage as it ends instead; the line is erased before the summary.
        progress_display progress(!c.quiet && !c.verbose);
        options.on_progress = progress.observer();
        return ingest_snapshot(db, c.files, options);
    }();

    if (s.result == ingest_summary::outcome::unchanged) {
        out << "snapshot " << s.date << ": already ingested from the same files; nothing changed\n";
        return 0;
    }
    out << "snapshot " << s.date << (s.result == ingest_summary::outcome::replaced ? " replaced: " : " ingested: ")
        << plural(s.rows_read, "row", "rows") << " read, " << plural(s.companies, "company", "companies") << " ("
        << s.new_companies << " new, " << s.unchanged_companies << " unchanged), "
        << plural(s.certificates, "certificate", "certificates") << ", "
        << plural(s.rows_rejected, "row", "rows") << " rejected, "
        << plural(s.warnings.size(), "warning", "warnings") << '\n';
    for (const auto& warning : s.warnings) out << "warning: " << warning << '\n';
    return 0;
}

int run_annotate(const annotate_command& c, std::ostream& out)
{
    // As for ingest: the summary lists the companies the library would warn about.
    if (!c.verbose) set_log_level(log_level::error);
    database db = open_database(c.db, open_mode::create);
    const annotate_summary s = annotate(db, c.file);
    out << plural(s.rows, "company", "companies") << " annotated\n";
    if (!s.not_listed.empty()) {
        out << plural(s.not_listed.size(), "company", "companies") << " not listed by any snapshot yet:\n";
        for (const auto& name : s.not_listed) out << "  " << name << '\n';
    }
    return 0;
}

int run_alias(const alias_command& c, std::ostream& out)
{
    database db = open_database(c.db, open_mode::create);
    add_alias(db, c.name, c.canonical);
    out << '"' << c.name << "\" is now an alias of \"" << c.canonical << "\"\n";
    return 0;
}

int run_snapshots(const read_options& c, std::ostream& out)
{
    const output_format format = format_of(c);
    database db = open_existing(c);
    const std::vector<snapshot_info> list = snapshots(db);

    // Only the form asked for is built: a daily history has thousands of snapshots.
    table t{{"date", "label", "companies", "certificates", "rejected", "files", "sha256"},
            {false, false, true, true, true},
            {}};
    json j = json::array();
    for (const auto& s : list) {
        std::vector<std::string> paths, hashes;
        for (const auto& f : s.files) {
            paths.push_back(f.path);
            hashes.push_back(f.sha256);
        }
        if (!is_json(format)) {
            t.rows.push_back({s.date, s.label, std::to_string(s.companies), std::to_string(s.certificates),
                              std::to_string(s.rejected_rows), joined(paths, " "), joined(hashes, " ")});
            continue;
        }
        json files = json::array();
        for (const auto& f : s.files) files.push_back({{"path", f.path}, {"sha256", f.sha256}, {"format", f.format}});
        j.push_back({{"date", s.date},
                     {"label", nullable(s.label)},
                     {"companies", s.companies},
                     {"sha256", hashes},
                     {"id", s.id},
                     {"certificates", s.certificates},
                     {"rejected_rows", s.rejected_rows},
                     {"ingested_at", s.ingested_at},
                     {"files", files}});
    }
    print(out, format, t, j, j);
    return 0;
}

int run_breakdown(const breakdown_command& c, std::ostream& out)
{
    const output_format format = format_of(c);
    const dimension by = parse_dimension(c.by);
    database db = open_existing(c);
    const breakdown_result b = breakdown(db, resolve_snapshot(db, c.snapshot), by);

    table t{{"key", "label", "count", "share"}, {false, false, true, true}, {}};
    json rows = json::array();
    for (const auto& r : b.rows) {
        t.rows.push_back({r.key, r.label, std::to_string(r.count), share_text(r.count, b.total, r.share, format)});
        rows.push_back({{"key", nullable(r.key)}, {"label", r.label}, {"count", r.count}, {"share", r.share}});
    }
    const json j = {{"snapshot", b.snapshot.date}, {"dimension", to_string(b.by)}, {"total", b.total},
                    {"rows", rows}};
    print(out, format, t, j, rows,
          "snapshot " + b.snapshot.date + ": " + plural(b.total, "company", "companies") + " by " + to_string(b.by));
    return 0;
}

int run_companies(const companies_command& c, std::ostream& out)
{
    const output_format format = format_of(c);
    company_filter filter;
    for (int n : c.activities) {
        if (n < 1 || n > 6) throw error(error_kind::usage, "--activity " + std::to_string(n) + " is not 1 to 6");
        filter.activities.insert(static_cast<activity>(n));
    }
    filter.nationality = c.nationality;
    filter.positioning = c.positioning;
    database db = open_existing(c);
    const snapshot_info snapshot = resolve_snapshot(db, c.snapshot);

    // CSV, JSON and NDJSON are written company by company as the query yields them; only the table, which
    // pads columns to their widest cell, is held until the end.
    table t{{"name", "nationality", "positioning", "activities", "certifiers"}, {}, {}};
    if (format == output_format::csv) print_csv_row(out, std::vector<cell>(t.header.begin(), t.header.end()));
    const bool as_json = is_json(format);
    record_writer json_out(out, format);
    std::size_t count = 0;
    for_each_company(db, snapshot, filter, [&](company_info&& co) {
        ++count;
        if (!as_json) {
            std::vector<cell> row{co.name, co.nationality, co.positioning, activities_cell(co.activities),
                                  co.certifiers.empty() ? cell() : cell(joined(co.certifiers, ", "))};
            if (format == output_format::csv) print_csv_row(out, row);
            else t.rows.push_back(std::move(row));
            return;
        }
        json certificates = json::array();
        for (const auto& ce : co.certificates)
            certificates.push_back({{"type", code_of(ce.type)},
                                    {"activities", ce.activities.numbers()},
                                    {"certifier", nullable(ce.certifier)},
                                    {"number", nullable(ce.number)},
                                    {"valid_from", nullable(ce.valid_from)},
                                    {"valid_to", nullable(ce.valid_to)},
                                    {"referential", nullable(ce.referential)},
                                    {"file", ce.file},
                                    {"line", ce.line}});
        json_out.add({{"name", co.name},
                      {"nationality", nullable(co.nationality)},
                      {"positioning", nullable(co.positioning)},
                      {"group", nullable(co.group)},
                      {"activities", co.activities.numbers()},
                      {"certifiers", co.certifiers},
                      {"provenance", nullable(co.provenance)},
                      {"certificates", certificates}});
    }, as_json ? company_detail::certificates : company_detail::summary);
    if (as_json) json_out.finish();
    if (format == output_format::table) {
        out << "snapshot " << snapshot.date << ": " << plural(count, "company", "companies") << "\n\n";
        print_table(out, t);
    }
    return 0;
}

int run_diff(const diff_command& c, std::ostream& out)
{
    const output_format format = format_of(c);
    database db = open_existing(c);
    const snapshot_info from = resolve_snapshot(db, c.from);
    const snapshot_info to = resolve_snapshot(db, c.to);
    const diff_result d = diff(db, from, to);

    // Only the form asked for is built.
    const bool as_json = is_json(format);
    table t{{"change", "name", "activities", "added", "removed", "detail"}, {}, {}};
    const auto companies_json = [&](const std::vector<company_change>& changes, const char* what) {
        json list = json::array();
        for (const auto& ch : changes) {
            if (as_json)
                list.push_back({{"name", ch.name},
                                {"activities", ch.activities.numbers()},
                                {"added", ch.added.numbers()},
                                {"removed", ch.removed.numbers()}});
            else
                t.rows.push_back({what, ch.name, activities_cell(ch.activities), activities_cell(ch.added),
                                  activities_cell(ch.removed), cell()});
        }
        return list;
    };
    json j = {{"from", d.from.date}, {"to", d.to.date}};
    j["entered"] = companies_json(d.entered, "entered");
    j["left"] = companies_json(d.left, "left");
    j["changed"] = companies_json(d.changed, "changed");
    json certificates = json::array();
    for (const auto& ch : d.certificates) {
        const bool moved = ch.change == certificate_change::kind::certifier;
        if (as_json) {
            certificates.push_back({{"name", ch.name},
                                    {"type", code_of(ch.type)},
                                    {"change", moved ? "certifier" : "renewed"},
                                    {"from_certifiers", nullable(ch.from_certifiers)},
                                    {"to_certifiers", nullable(ch.to_certifiers)},
                                    {"from_valid_to", nullable(ch.from_valid_to)},
                                    {"to_valid_to", nullable(ch.to_valid_to)}});
            continue;
        }
        const auto arrow = [](const std::optional<std::string>& a, const std::optional<std::string>& b) {
            return a.value_or("?") + " -> " + b.value_or("?");
        };
        t.rows.push_back({moved ? "certifier" : "renewed", ch.name, cell(), cell(), cell(),
                          std::string(code_of(ch.type)) + ": " +
                              (moved ? arrow(ch.from_certifiers, ch.to_certifiers)
                                     : "valid to " + arrow(ch.from_valid_to, ch.to_valid_to))});
    }
    j["certificates"] = certificates;
    // One list of records for ndjson: a company's record also says which list it came from, in the key
    // `change` that a certificate's record already has (entered, left, changed; certifier, renewed).
    json records = json::array();
    if (format == output_format::ndjson) {
        for (const char* list : {"entered", "left", "changed"})
            for (json record : j[list]) {
                record["change"] = list;
                records.push_back(std::move(record));
            }
        for (const auto& record : certificates) records.push_back(record);
    }
    print(out, format, t, j, records,
          "from " + d.from.date + " to " + d.to.date + ": " + std::to_string(d.entered.size()) + " entered, " +
              std::to_string(d.left.size()) + " left, " + std::to_string(d.changed.size()) + " changed");
    return 0;
}

int run_as_of(const as_of_command& c, std::ostream& out)
{
    const output_format format = format_of(c);
    std::optional<activity> only;
    if (c.activity) {
        if (*c.activity < 1 || *c.activity > 6)
            throw error(error_kind::usage, "--activity " + std::to_string(*c.activity) + " is not 1 to 6");
        only = static_cast<activity>(*c.activity);
    }
    database db = open_existing(c);
    std::vector<certified_company> list = certified_as_of(db, c.date, only);
    const std::size_t count = list.size();

    table t{{"name", "activities", "valid_to"}, {}, {}};
    json companies_json = json::array();
    if (!is_json(format)) t.rows.reserve(count);
    for (auto& co : list) {
        if (is_json(format))
            companies_json.push_back(
                {{"name", co.name}, {"activities", co.activities.numbers()}, {"valid_to", co.valid_to}});
        else
            t.rows.push_back({std::move(co.name), activities_cell(co.activities), std::move(co.valid_to)});
    }
    list = {};
    const json j = {{"date", c.date}, {"companies", companies_json}};
    print(out, format, t, j, companies_json, plural(count, "company", "companies") + " certified on " + c.date);
    return 0;
}

int run_findings(const findings_command& c, std::ostream& out)
{
    const output_format format = format_of(c);
    // Every set is read before the database is opened: a malformed file is reported before any work.
    std::vector<finding_set> sets;
    for (const auto& name : c.sets.empty() ? std::vector<std::string>{"article"} : c.sets)
        sets.push_back(load_finding_set(name));
    database db = open_existing(c);
    const findings_report report = check_findings(db, sets);

    // The findings on the lists in one table; the reference-data checks (F13) apart, in a table of its own
    // (one table with a `kind` column in CSV). With several sets, a first column names each finding's set.
    const bool several = sets.size() > 1;
    const auto with_set = [several](std::vector<std::string> columns) {
        if (several) columns.insert(columns.begin(), "set");
        return columns;
    };
    table lists{with_set({"id", "holds", "from", "snapshot", "expected", "actual", "statement"}), {}, {}};
    table reference{with_set({"id", "holds", "expected", "actual", "statement"}), {}, {}};
    table all{with_set({"id", "kind", "holds", "from", "snapshot", "expected", "actual", "statement"}), {}, {}};
    json list = json::array();
    for (const auto& f : report.findings) {
        const cell holds = f.no_snapshot() ? cell() : cell(f.holds ? "yes" : "no");
        const auto row = [&](std::vector<cell> cells) {
            if (several) cells.insert(cells.begin(), cell(f.set));
            return cells;
        };
        if (f.reads_reference_data())
            reference.rows.push_back(row({f.id, holds, f.expected, f.actual, f.statement}));
        else
            lists.rows.push_back(row({f.id, holds, f.from_snapshot, f.snapshot, f.expected, f.actual, f.statement}));
        all.rows.push_back(row({f.id, f.kind, holds, f.from_snapshot, f.snapshot, f.expected, f.actual, f.statement}));
        list.push_back({{"id", f.id},
                        {"set", f.set},
                        {"kind", f.kind},
                        {"statement", f.statement},
                        {"source", f.source},
                        {"expected", f.expected},
                        {"actual", f.actual},
                        {"holds", f.no_snapshot() ? json(nullptr) : json(f.holds)},
                        {"status", f.status},
                        {"from_snapshot", nullable(f.from_snapshot)},
                        {"snapshot", nullable(f.snapshot)},
                        {"from_date", nullable(f.from_date)},
                        {"snapshot_date", nullable(f.snapshot_date)},
                        {"file", f.file},
                        {"comparison", f.comparison}});
    }
    json set_names = json::array();
    for (const auto& set : sets) set_names.push_back(set.name);
    const std::string summary = findings_summary(report);
    switch (format) {
    case output_format::table:
        out << summary << "\n\n";
        print_table(out, lists);
        if (!reference.rows.empty()) {
            out << "\nReference data (the schema's tables, not a list):\n\n";
            print_table(out, reference);
        }
        break;
    case output_format::csv: print_csv(out, all); break;
    case output_format::json:
        print_json(out, {{"holds", report.holds}, {"summary", summary}, {"sets", set_names}, {"findings", list}});
        break;
    case output_format::ndjson: print_ndjson(out, list); break;
    }
    return report.holds ? 0 : 1;
}

} // namespace hds::cli
