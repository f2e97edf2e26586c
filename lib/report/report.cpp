#include "hds/report.hpp"

#include <fstream>
#include <system_error>

#include "hds/companies.hpp"
#include "hds/error.hpp"
#include "queries/row_mapping.hpp"
#include "store/connection.hpp"

namespace hds {
namespace {

/// label_en of every row of a reference table, by key: the report's English names for what breakdown labels
/// in French.
std::map<std::string, std::string> english_labels(database& db, const char* sql)
{
    return queries::guarded([&] {
        std::map<std::string, std::string> out;
        SQLite::Statement query(connection(db), sql);
        while (query.executeStep()) out[query.getColumn(0).getString()] = query.getColumn(1).getString();
        return out;
    });
}

} // namespace

report_language parse_report_language(std::string_view name)
{
    if (name == "fr") return report_language::fr;
    if (name == "en") return report_language::en;
    throw error(error_kind::usage, "unknown language \"" + std::string(name) + "\" (valid: fr, en)");
}

report_data gather_report(database& db, const snapshot_info& snapshot)
{
    report_data data;
    data.snapshot = snapshot;
    data.history = snapshots(db);
    data.by_positioning = breakdown(db, snapshot, dimension::positioning);
    data.by_activity = breakdown(db, snapshot, dimension::activity);
    data.by_activity_count = breakdown(db, snapshot, dimension::activity_count);
    data.by_nationality = breakdown(db, snapshot, dimension::nationality);
    data.by_certifier = breakdown(db, snapshot, dimension::certifier);
    data.findings = check_findings(db);
    const snapshot_info* previous = nullptr;
    for (const auto& s : data.history)
        if (s.date < snapshot.date) previous = &s;
    if (previous != nullptr) data.changes = diff(db, *previous, snapshot);
    for_each_company(db, snapshot, {}, [&](company_info&& c) {
        if (c.provenance) ++data.companies_with_provenance;
    }, company_detail::summary);
    data.activity_label_en = english_labels(db, "SELECT CAST(number AS TEXT), label_en FROM activity");
    data.positioning_label_en = english_labels(db, "SELECT code, label_en FROM positioning");
    return data;
}

void write_report(database& db, const std::filesystem::path& out, const snapshot_info& snapshot,
                  report_language language)
{
    // A directory that does not exist is a wrong --out, not a failing disk: say so before any work.
    const std::filesystem::path directory = out.parent_path().empty() ? "." : out.parent_path();
    std::error_code not_there;
    if (!std::filesystem::is_directory(directory, not_there))
        throw error(error_kind::usage, out.string() + ": no such directory " + directory.string());
    const report_data data = gather_report(db, snapshot);
    const bool markdown = out.extension() == ".md";
    const std::string text = markdown ? report_markdown(data, language) : report_html(data, language);

    // Whole or not at all: a reader never sees half a report, and a failure leaves no file behind.
    std::filesystem::path temporary = out;
    temporary += ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        file << text;
        file.close();
        if (!file) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            throw error(error_kind::io, out.string() + ": cannot write the report");
        }
    }
    std::error_code failed;
    std::filesystem::rename(temporary, out, failed);
    if (failed) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw error(error_kind::io, out.string() + ": cannot write the report (" + failed.message() + ")");
    }
}

} // namespace hds
