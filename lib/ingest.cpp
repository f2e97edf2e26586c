#include "hds/ingest.hpp"

#include <array>
#include <iterator>

#include <openssl/evp.h>

#include "hds/error.hpp"
#include "listing.hpp"
#include "logger.hpp"
#include "mapping.hpp"
#include "parse/dates.hpp"
#include "readers/csv_reader.hpp"
#include "readers/html_reader.hpp"
#include "readers/input_format.hpp"
#include "readers/json_reader.hpp"
#include "readers/read_file.hpp"
#include "readers/text_decoding.hpp"
#include "store/connection.hpp"
#include "store/reference_data.hpp"
#include "store/snapshot_writer.hpp"

namespace hds {
namespace {

std::string sha256_hex(std::string_view bytes)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
        throw error(error_kind::io, "sha256 failed");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += hex[digest[i] >> 4U];
        out += hex[digest[i] & 0xFU];
    }
    return out;
}

/// The registry's table in a file, with its header mapped. In an HTML page that is the first table whose
/// header names a company; other formats hold one table.
std::pair<readers::table, column_mapping> registry_table(const std::string& source, std::string_view bytes,
                                                         readers::input_format format,
                                                         const header_overrides& overrides)
{
    const readers::decoded_text text = readers::decode_text(bytes, source);
    switch (format) {
    case readers::input_format::csv: {
        readers::table table = readers::read_csv(text.utf8, source, readers::detect_delimiter(text.utf8));
        table.description += " " + text.encoding;
        column_mapping mapping = map_columns(table, overrides);
        return {std::move(table), std::move(mapping)};
    }
    case readers::input_format::json: {
        readers::table table = readers::read_json(text.utf8, source);
        column_mapping mapping = map_columns(table, overrides);
        return {std::move(table), std::move(mapping)};
    }
    case readers::input_format::html: {
        std::vector<readers::table> tables = readers::read_html(text.utf8, source);
        for (auto& table : tables)
            if (find_header(table, overrides)) {
                column_mapping mapping = map_columns(table, overrides);
                table.description += " " + text.encoding;
                return {std::move(table), std::move(mapping)};
            }
        throw error(error_kind::input, location{source, 0},
                    tables.empty() ? "no table in the page"
                                   : "none of the page's " + std::to_string(tables.size()) +
                                         " tables has a company column (raison sociale, hébergeur, nom, company)");
    }
    }
    throw error(error_kind::usage, "unknown format");
}

void log_summary(const ingest_summary& s)
{
    auto log = logger();
    switch (s.result) {
    case ingest_summary::outcome::unchanged:
        log->info("snapshot {}: already ingested from the same files, nothing changed", s.date);
        return;
    case ingest_summary::outcome::ingested:
    case ingest_summary::outcome::replaced:
        break;
    }
    log->info("snapshot {}{}: {} rows read, {} companies ({} new, {} unchanged), {} certificates, {} rows rejected",
              s.date, s.result == ingest_summary::outcome::replaced ? " (replaced)" : "", s.rows_read, s.companies,
              s.new_companies, s.unchanged_companies, s.certificates, s.rows_rejected);
    for (const auto& warning : s.warnings) log->warn("{}", warning);
}

} // namespace

ingest_summary ingest_snapshot(database& db, const std::vector<std::filesystem::path>& files,
                               const ingest_options& options)
{
    if (!parse::is_iso_date(options.date))
        throw error(error_kind::usage, "--date \"" + options.date + "\" is not a date YYYY-MM-DD");
    if (files.empty()) throw error(error_kind::usage, "no file to ingest");
    const bool detect = options.format == "auto";
    const readers::input_format forced =
        detect ? readers::input_format::csv : readers::parse_input_format(options.format);
    header_overrides overrides = store::activity_headers(connection(db));
    if (options.mapping)
        for (auto& [header, f] : load_mapping_file(*options.mapping)) overrides[header] = f;

    store::snapshot_content content;
    content.date = options.date;
    content.label = options.label;
    std::vector<std::string> warnings;
    std::size_t rows_read = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string source = files[i].string();
        const std::string bytes = readers::read_file(files[i]);
        const auto format = detect ? readers::detect_format(source, bytes) : forced;
        auto [table, mapping] = registry_table(source, bytes, format, overrides);
        for (const auto& column : mapping.ignored_columns)
            warnings.push_back(source + ": column \"" + column + "\" ignored (it names no registry field)");
        file_listings parsed = read_listings(table, mapping, i + 1, options.skip_bad_rows);
        rows_read += parsed.rows_read;
        content.files.push_back({source, sha256_hex(bytes), table.description, bytes.size(), parsed.rows_read});
        for (const auto& r : parsed.rejected)
            warnings.push_back(source + ":" + std::to_string(r.line) + ": " + r.reason + " (row rejected)");
        std::move(parsed.listings.begin(), parsed.listings.end(), std::back_inserter(content.listings));
        std::move(parsed.rejected.begin(), parsed.rejected.end(), std::back_inserter(content.rejected));
    }

    ingest_summary summary;
    try {
        summary = store::write_snapshot(connection(db), std::move(content), options.replace, options.skip_bad_rows);
    } catch (const SQLite::Exception& e) {
        throw error(error_kind::database, db.path().string() + ": " + e.what());
    }
    summary.rows_read = rows_read;
    if (summary.result != ingest_summary::outcome::unchanged) {
        warnings.insert(warnings.end(), summary.warnings.begin(), summary.warnings.end());
        summary.warnings = std::move(warnings);
    }
    log_summary(summary);
    return summary;
}

} // namespace hds
