// How the read commands print their answer: an aligned table for people, CSV for spreadsheets, JSON for
// programs, NDJSON (one record a line) for pipelines and jq (docs: cli-contract.md, "JSON shapes").
//
// Thread-safety: plain functions over values; the stream is the caller's.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace hds::cli {

enum class output_format { table, csv, json, ndjson };

/// The names main() lets --format take, in the order help lists them.
inline constexpr const char* output_format_names[] = {"table", "csv", "json", "ndjson"};

/// "table", "csv", "json" or "ndjson"; anything else throws hds::error(usage).
output_format parse_output_format(std::string_view name);

/// One cell: nullopt prints as an empty CSV cell and as "-" in a table.
using cell = std::optional<std::string>;

/// Rows of cells under a header; `right_aligned[i]` right-aligns column i in a table (numbers).
struct table {
    std::vector<std::string> header;
    std::vector<bool> right_aligned; ///< may be shorter than header: missing columns align left
    std::vector<std::vector<cell>> rows;
};

/// Columns padded to their widest cell by display width (accents count 1, wide CJK 2), two spaces
/// apart, a rule of dashes under the header; no trailing spaces.
void print_table(std::ostream& out, const table& t);

/// RFC 4180: cells holding , " CR or LF are quoted, quotes doubled, lines end in CRLF. A cell starting
/// with = + - @ tab or CR gets a leading ' so that spreadsheets show it rather than run it as a formula.
void print_csv(std::ostream& out, const table& t);
/// One CSV line of cells, as print_csv writes each row.
void print_csv_row(std::ostream& out, const std::vector<cell>& cells);
/// One CSV cell, escaped as print_csv does.
std::string csv_cell(std::string_view text);

/// Indented two spaces, non-ASCII kept as UTF-8, invalid UTF-8 replaced by U+FFFD; newline at the end.
void print_json(std::ostream& out, const nlohmann::ordered_json& value);

/// The records of a list written one at a time as they come, so that a long answer streams instead of being
/// built in memory: for json an array indented byte for byte as print_json writes it, for ndjson one compact
/// object a line (the same objects, so the keys of both forms are the same by construction).
class record_writer {
public:
    /// `format` is json or ndjson.
    record_writer(std::ostream& out, output_format format);
    void add(const nlohmann::ordered_json& record);
    /// Closes the json array (ndjson needs nothing).
    void finish();

private:
    std::ostream& out_;
    bool lines_;
    std::size_t count_ = 0;
};

/// Each element of `records` (an array) on a line of its own, compact, UTF-8 kept, invalid UTF-8 replaced.
void print_ndjson(std::ostream& out, const nlohmann::ordered_json& records);

/// The answer in `format`: `t` for table and csv, `json` for json, and for ndjson each of `records`, the json
/// form's list of records (`json` itself or one of its members). `caption` precedes a table only.
void print(std::ostream& out, output_format format, const table& t, const nlohmann::ordered_json& json,
           const nlohmann::ordered_json& records, const std::optional<std::string>& caption = std::nullopt);

} // namespace hds::cli
