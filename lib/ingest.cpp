#include "hds/ingest.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <utility>
#include <variant>

#include "hds/error.hpp"
#include "listing.hpp"
#include "listing_feed.hpp"
#include "logger.hpp"
#include "mapping.hpp"
#include "parse/dates.hpp"
#include "readers/csv_reader.hpp"
#include "readers/html_reader.hpp"
#include "readers/input_format.hpp"
#include "readers/json_reader.hpp"
#include "readers/ods_reader.hpp"
#include "readers/read_file.hpp"
#include "readers/standard_input.hpp"
#include "readers/text_decoding.hpp"
#include "readers/xlsx_reader.hpp"
#include "registry_sheet.hpp"
#include "sqlite_error.hpp"
#include "store/connection.hpp"
#include "store/reference_data.hpp"
#include "store/snapshot_writer.hpp"

namespace hds {
namespace {

// The delimiter is chosen on the first line with text, as soon as that line ends, looked for in the first MiB
// of a CSV file.
constexpr std::size_t delimiter_search_bytes = 1 << 20;

/// The registry's table in a JSON file, HTML page or workbook, with its header mapped. In an HTML page that is
/// the first table whose header names a company, in a workbook the first such sheet or `sheet`. (CSV is
/// streamed row by row instead.)
std::pair<readers::table, column_mapping> registry_table(const std::string& source, std::string_view bytes,
                                                         readers::input_format format,
                                                         const header_overrides& overrides,
                                                         const std::optional<std::string>& sheet)
{
    if (format == readers::input_format::xlsx) return registry_sheet(readers::read_xlsx(bytes, source), source, sheet, overrides);
    if (format == readers::input_format::ods) return registry_sheet(readers::read_ods(bytes, source), source, sheet, overrides);
    const readers::decoded_text text = readers::decode_text(bytes, source);
    switch (format) {
    case readers::input_format::csv:
    case readers::input_format::xlsx:
    case readers::input_format::ods:
        break; // streamed by ingest_snapshot, or read above
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

/// What reading a file found besides its rows.
struct file_read {
    std::size_t rows = 0;
    std::string format; ///< as source_file.format has it: the shape and the encoding
    std::vector<std::string> warnings;
};

/// Reads the snapshot's file number `ordinal`, emitting each row as parsed. `forced`: the format --format
/// names, if any.
file_read read_listings(const std::string& source, const std::filesystem::path& path, std::size_t ordinal,
                        std::optional<readers::input_format> forced, const header_overrides& overrides,
                        const certificate_types& types, const ingest_options& options, const listing_feed::emit& emit)
{
    file_read out;
    // What the file is: its extension, or its first bytes.
    const auto format = forced ? *forced : readers::detect_format(source, readers::read_head(path, 1 << 16));
    const auto take_mapping = [&](const column_mapping& mapping) {
        for (const auto& column : mapping.ignored_columns)
            out.warnings.push_back(source + ": column \"" + column + "\" ignored (it names no registry field)");
    };
    if (options.sheet && format != readers::input_format::xlsx && format != readers::input_format::ods)
        throw error(error_kind::usage, "--sheet is for workbooks (.xlsx, .ods); " + source + " is read as " +
                                           readers::to_string(format));
    if (format != readers::input_format::csv) {
        const std::string bytes = readers::read_file(path);
        auto [table, mapping] = registry_table(source, bytes, format, overrides, options.sheet);
        take_mapping(mapping);
        out.rows = for_each_listing(table, mapping, types, ordinal, options.skip_bad_rows,
                                    [&](parsed_row&& row) { emit(std::move(row)); });
        out.format = table.description;
        return out;
    }
    // Streamed: the file is decoded a block at a time and its rows parsed as they complete, once the header
    // is found among the first rows; memory does not grow with the file.
    std::string head_text; // the text before the delimiter is chosen: the first block or more
    std::optional<readers::csv_rows> csv;
    readers::table head{source, "", {}};
    std::shared_ptr<const row_parsers> parsers; // once the header is found
    const auto feed = [&](readers::row&& row) {
        ++out.rows;
        emit(std::move(row), parsers); // parsed on whichever thread is free (listing_feed.hpp)
    };
    const auto start = [&] {
        const column_mapping mapping = map_columns(head, overrides);
        take_mapping(mapping);
        parsers = std::make_shared<const row_parsers>(
            listing_parser(source, head.rows[mapping.header_row], mapping, types, ordinal, options.skip_bad_rows));
        for (std::size_t r = mapping.header_row + 1; r < head.rows.size(); ++r) feed(std::move(head.rows[r]));
        head.rows.clear();
    };
    const auto open_csv = [&](char delimiter) {
        head.description = readers::csv_description(delimiter);
        csv.emplace(source, delimiter, [&](readers::row&& row) {
            if (parsers) return feed(std::move(row));
            head.rows.push_back(std::move(row));
            if (head.rows.size() > header_search_rows) start(); // the header, and a row after it
        });
        csv->feed(std::exchange(head_text, std::string()));
    };
    const std::string encoding = readers::decode_text_blocks(readers::file_blocks(path), source, [&](std::string_view text) {
        if (csv) return csv->feed(text);
        head_text += text;
        if (const auto delimiter = readers::delimiter_of_first_line(head_text)) open_csv(*delimiter);
        else if (head_text.size() >= delimiter_search_bytes) open_csv(readers::detect_delimiter(head_text));
    });
    if (!csv) open_csv(readers::detect_delimiter(head_text));
    csv->finish();
    if (!parsers) start();
    out.format = head.description + " " + encoding;
    return out;
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

/// Tells the observer and the log where the ingest stands: each stage as it starts, each row read, and in the
/// log how long each stage took.
class stage_reporter {
public:
    explicit stage_reporter(const ingest_observer& observer) : observer_(observer) {}

    void enter(ingest_stage stage)
    {
        log_stage_time();
        progress_.stage = stage;
        started_ = std::chrono::steady_clock::now();
        if (observer_) observer_(progress_);
    }
    void row_read()
    {
        ++progress_.rows_read;
        if (observer_) observer_(progress_);
    }
    void finish() { log_stage_time(); }

private:
    void log_stage_time()
    {
        if (!started_) return;
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - *started_;
        logger()->info("{}: {:.3f} s, {} rows read", to_string(progress_.stage), took.count(), progress_.rows_read);
    }

    const ingest_observer& observer_;
    ingest_progress progress_;
    std::optional<std::chrono::steady_clock::time_point> started_;
};

} // namespace

std::string_view to_string(ingest_stage stage)
{
    switch (stage) {
    case ingest_stage::checking: return "checking";
    case ingest_stage::reading: return "reading";
    case ingest_stage::writing: return "writing";
    }
    return "unknown";
}

ingest_summary ingest_snapshot(database& db, const std::vector<std::filesystem::path>& files,
                               const ingest_options& options)
{
    if (!parse::is_iso_date(options.date))
        throw error(error_kind::usage, "--date \"" + options.date + "\" is not a date YYYY-MM-DD");
    if (files.empty()) throw error(error_kind::usage, "no file to ingest");
    const bool detect = options.format == "auto";
    const readers::input_format forced =
        detect ? readers::input_format::csv : readers::parse_input_format(options.format);
    SQLite::Database& sql = connection(db);
    stage_reporter stages(options.on_progress);
    try { // from the first read: a database locked past the busy timeout is exit 3 here too
        header_overrides overrides = store::activity_headers(sql);
        const certificate_types types = store::read_certificate_types(sql);
        if (options.mapping)
            for (auto& [header, f] : load_mapping_file(*options.mapping)) overrides[header] = f;

        // "-" is standard input, read from a copy (named "-" in messages and provenance).
        std::optional<readers::standard_input_copy> standard_input;
        std::vector<std::filesystem::path> paths;
        for (const auto& file : files) {
            if (file != "-") {
                paths.push_back(file);
                continue;
            }
            if (standard_input) throw error(error_kind::usage, "standard input (-) is given twice");
            paths.push_back(standard_input.emplace().path());
        }

        // The same files for the same date: nothing to read.
        stages.enter(ingest_stage::checking);
        std::vector<std::string> sources;
        std::vector<store::source_file> sources_read;
        for (std::size_t i = 0; i < files.size(); ++i) {
            sources.push_back(files[i].string());
            sources_read.push_back({files[i].string(), readers::sha256_of_file(paths[i]), "", 0, 0});
        }
        std::vector<std::string> hashes;
        for (const auto& f : sources_read) hashes.push_back(f.sha256);
        const auto outcome = store::plan_snapshot(sql, options.date, hashes, options.replace);
        if (outcome == ingest_summary::outcome::unchanged) {
            ingest_summary summary;
            summary.date = options.date;
            summary.result = outcome;
            stages.finish();
            log_summary(summary);
            return summary;
        }

        std::uintmax_t input_bytes = 0;
        for (std::size_t i = 0; i < files.size(); ++i) {
            std::error_code size_unknown;
            const auto size = std::filesystem::file_size(paths[i], size_unknown);
            if (!size_unknown) sources_read[i].bytes = static_cast<std::size_t>(size);
            input_bytes += sources_read[i].bytes;
        }
        stages.enter(ingest_stage::reading);
        // The files are read on a thread of their own (listing_feed.hpp) while this one reads the latest
        // snapshot and writes the rows.
        std::vector<file_read> files_read(files.size());
        listing_feed rows([&](const listing_feed::emit& emit) {
            for (std::size_t i = 0; i < files.size(); ++i)
                files_read[i] = read_listings(sources[i], paths[i], i + 1, detect ? std::nullopt : std::optional(forced),
                                              overrides, types, options, emit);
        });
        store::snapshot_writer writer(sql, options.date, options.skip_bad_rows, input_bytes, files.size());
        rows.drain([&](parsed_row&& row) {
            if (auto* l = std::get_if<listing>(&row)) writer.add(*l, sources);
            else writer.reject(std::get<rejected_row>(std::move(row)), sources);
            stages.row_read();
        });
        std::vector<std::string> warnings;
        std::size_t rows_read = 0;
        for (std::size_t i = 0; i < files.size(); ++i) {
            warnings.insert(warnings.end(), files_read[i].warnings.begin(), files_read[i].warnings.end());
            rows_read += files_read[i].rows;
            sources_read[i].rows = files_read[i].rows;
            sources_read[i].format = std::move(files_read[i].format);
        }
        stages.enter(ingest_stage::writing);
        ingest_summary summary = writer.finish(options.label, sources_read, outcome);
        stages.finish();
        summary.rows_read = rows_read;
        warnings.insert(warnings.end(), summary.warnings.begin(), summary.warnings.end());
        summary.warnings = std::move(warnings);
        log_summary(summary);
        return summary;
    } catch (const SQLite::Exception& e) {
        throw sqlite_error(e, db.path().string());
    }
}

} // namespace hds
