// How the read commands print their answer: an aligned table for people, CSV for spreadsheets, JSON for
// programs (docs: cli-contract.md, "JSON shapes").
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

enum class output_format { table, csv, json };

/// "table", "csv" or "json" (the values main() lets through); anything else throws hds::error(usage).
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

/// A JSON array written one element at a time, byte for byte as print_json writes the whole array: a
/// long answer streams instead of being built in memory.
class json_array_writer {
public:
    explicit json_array_writer(std::ostream& out);
    void add(const nlohmann::ordered_json& element);
    void finish();

private:
    std::ostream& out_;
    std::size_t count_ = 0;
};

/// The answer in `format`: `t` for table and csv, `json` for json. `caption` precedes a table only.
void print(std::ostream& out, output_format format, const table& t, const nlohmann::ordered_json& json,
           const std::optional<std::string>& caption = std::nullopt);

} // namespace hds::cli
