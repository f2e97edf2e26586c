#include "output.hpp"

#include <algorithm>
#include <ostream>

#include "hds/error.hpp"
#include "text.hpp"

namespace hds::cli {
namespace {

constexpr std::string_view null_in_table = "-";

std::string_view shown(const cell& c) { return c ? std::string_view(*c) : null_in_table; }

} // namespace

output_format parse_output_format(std::string_view name)
{
    if (name == "table") return output_format::table;
    if (name == "csv") return output_format::csv;
    if (name == "json") return output_format::json;
    if (name == "ndjson") return output_format::ndjson;
    throw error(error_kind::usage, "--format \"" + std::string(name) + "\" is not one of table, csv, json, ndjson");
}

void print_table(std::ostream& out, const table& t)
{
    const std::size_t columns = t.header.size();
    std::vector<std::size_t> header_widths(columns);
    for (std::size_t i = 0; i < columns; ++i) header_widths[i] = text::display_width(t.header[i]);
    std::vector<std::size_t> widths = header_widths;
    // Each cell is measured once, for its column's width and then for its padding.
    std::vector<std::size_t> cell_widths(t.rows.size() * columns, 0);
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        for (std::size_t i = 0; i < columns && i < t.rows[r].size(); ++i) {
            cell_widths[r * columns + i] = text::display_width(shown(t.rows[r][i]));
            widths[i] = std::max(widths[i], cell_widths[r * columns + i]);
        }

    // Each line is built whole and written once: a stream's every insertion checks its state (a table of
    // thousands of rows is tens of thousands of cells).
    std::string buffer;
    const auto line = [&](const auto& cell_at, const std::size_t* value_widths) {
        buffer.clear();
        for (std::size_t i = 0; i < columns; ++i) {
            const std::string_view value = cell_at(i);
            const std::size_t gap = widths[i] - value_widths[i];
            const bool right = i < t.right_aligned.size() && t.right_aligned[i];
            if (i > 0) buffer += "  ";
            if (right) buffer.append(gap, ' ');
            buffer += value;
            if (!right && i + 1 < columns) buffer.append(gap, ' ');
        }
        buffer += '\n';
        out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    };
    line([&](std::size_t i) { return std::string_view(t.header[i]); }, header_widths.data());
    const std::vector<std::string> rules = [&] {
        std::vector<std::string> r;
        for (std::size_t w : widths) r.emplace_back(w, '-');
        return r;
    }();
    line([&](std::size_t i) { return std::string_view(rules[i]); }, widths.data());
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        line([&](std::size_t i) { return i < row.size() ? shown(row[i]) : std::string_view(); }, cell_widths.data() + r * columns);
    }
}

std::string csv_cell(std::string_view text)
{
    std::string value;
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) value = "'";
    value += text;
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

void print_csv_row(std::ostream& out, const std::vector<cell>& cells)
{
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out << ',';
        if (cells[i]) out << csv_cell(*cells[i]);
    }
    out << "\r\n";
}

void print_csv(std::ostream& out, const table& t)
{
    print_csv_row(out, std::vector<cell>(t.header.begin(), t.header.end()));
    for (const auto& row : t.rows) print_csv_row(out, row);
}

namespace {

std::string compact(const nlohmann::ordered_json& value)
{
    return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace

record_writer::record_writer(std::ostream& out, output_format format)
    : out_(out), lines_(format == output_format::ndjson)
{
}

void record_writer::add(const nlohmann::ordered_json& record)
{
    ++count_;
    if (lines_) {
        out_ << compact(record) << '\n';
        return;
    }
    // As dump(2) writes an element inside an array: each of its lines two spaces further in.
    const std::string text = record.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    out_ << (count_ == 1 ? "[\n  " : ",\n  ");
    for (const char c : text) {
        out_.put(c);
        if (c == '\n') out_ << "  ";
    }
}

void record_writer::finish()
{
    if (!lines_) out_ << (count_ == 0 ? "[]\n" : "\n]\n");
}

void print_ndjson(std::ostream& out, const nlohmann::ordered_json& records)
{
    for (const auto& record : records) out << compact(record) << '\n';
}

void print_json(std::ostream& out, const nlohmann::ordered_json& value)
{
    out << value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void print(std::ostream& out, output_format format, const table& t, const nlohmann::ordered_json& json,
           const nlohmann::ordered_json& records, const std::optional<std::string>& caption)
{
    switch (format) {
    case output_format::table:
        if (caption) out << *caption << "\n\n";
        print_table(out, t);
        return;
    case output_format::csv: print_csv(out, t); return;
    case output_format::json: print_json(out, json); return;
    case output_format::ndjson: print_ndjson(out, records); return;
    }
}

} // namespace hds::cli
