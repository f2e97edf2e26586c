#include "readers/csv_reader.hpp"

#include <csv.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "hds/error.hpp"

namespace hds::readers {
namespace {

// libcsv's parser states (libcsv.c defines them privately; only ROW_NOT_BEGUN and FIELD_BEGUN matter here).
constexpr int row_not_begun = 0;
constexpr int field_begun = 2;

// A registry row is well under a kilobyte. A bound on a record keeps a hostile file (one 100 MB line, or a
// quote never closed) from costing minutes and gigabytes: libcsv grows a field's buffer by a fixed step.
constexpr std::size_t max_record_bytes = std::size_t{1} << 20;

/// A libcsv parser, freed on destruction.
class csv_parser_handle {
public:
    explicit csv_parser_handle(unsigned char options)
    {
        if (csv_init(&parser_, options) != 0) throw error(error_kind::io, "cannot initialise the CSV parser");
    }
    csv_parser_handle(const csv_parser_handle&) = delete;
    csv_parser_handle& operator=(const csv_parser_handle&) = delete;
    // Not movable either: it only guards one parse on the stack, and the callbacks' state lives beside it.
    csv_parser_handle(csv_parser_handle&&) = delete;
    csv_parser_handle& operator=(csv_parser_handle&&) = delete;
    ~csv_parser_handle() { csv_free(&parser_); }

    csv_parser* get() noexcept { return &parser_; }

private:
    csv_parser parser_{};
};

/// What the callbacks build while libcsv parses.
struct csv_builder {
    const std::function<void(row&&)>* on_row = nullptr;
    std::vector<std::string> cells;
    std::size_t current_line = 0;      ///< the physical line being fed
    std::size_t record_start_line = 0; ///< where the record being parsed began
    std::size_t field_count = 0;       ///< fields ended so far, to tell when a quoted field is a new one
    std::exception_ptr failure;        ///< an exception must not unwind through libcsv's C frames

    void end_field(const void* data, std::size_t size)
    {
        cells.emplace_back(static_cast<const char*>(data), size);
        ++field_count;
    }

    void end_row()
    {
        // A line of separators or spaces only is as blank as an empty one: spreadsheets pad exports with them.
        const bool blank = std::all_of(cells.begin(), cells.end(), [](const std::string& cell) {
            return cell.find_first_not_of(" \t\r") == std::string::npos;
        });
        // The cells go with the row; the next row's get room for as many at once, not by doubling.
        const std::size_t width = cells.size();
        if (!blank) (*on_row)(row{record_start_line, std::move(cells)});
        cells.clear();
        cells.reserve(width);
        // A record that starts after a lone CR starts on this same line.
        record_start_line = current_line;
    }
};

extern "C" void on_field(void* data, std::size_t size, void* user) noexcept
{
    auto* builder = static_cast<csv_builder*>(user);
    if (builder->failure) return;
    try {
        builder->end_field(data, size);
    } catch (...) {
        builder->failure = std::current_exception();
    }
}

extern "C" void on_record(int /*terminator*/, void* user) noexcept
{
    auto* builder = static_cast<csv_builder*>(user);
    if (builder->failure) return;
    try {
        builder->end_row();
    } catch (...) {
        builder->failure = std::current_exception();
    }
}

// libcsv trims spaces and tabs around unquoted fields by default; cells must stay as in the file.
extern "C" int never_space(unsigned char /*c*/)
{
    return 0;
}

[[noreturn]] void fail(const std::string& source, std::size_t line, const std::string& message)
{
    throw error(error_kind::input, location{source, line}, message);
}

std::string describe(char delimiter)
{
    if (delimiter == '\t') return "csv '\\t'";
    return std::string("csv '") + delimiter + "'";
}

constexpr std::array<char, 3> delimiters = {';', ',', '\t'}; // in order of preference on a tie

/// How often each delimiter appears outside quotes in the first line with text, and whether that line ends
/// in `utf8`.
struct first_line {
    std::array<std::size_t, 3> counts{};
    bool complete = false;

    char delimiter() const
    {
        std::size_t best = 0;
        for (std::size_t i = 1; i < counts.size(); ++i)
            if (counts[i] > counts[best]) best = i;
        return delimiters[best];
    }
};

first_line scan_first_line(std::string_view utf8)
{
    first_line line;
    bool quoted = false;
    bool seen_text = false;
    for (const char c : utf8) {
        if (c == '"') quoted = !quoted; // a doubled quote toggles twice, so it needs no special case
        if (!quoted && c == '\n') {
            if (seen_text) {
                line.complete = true;
                break;
            }
            continue;
        }
        if (c != ' ' && c != '\r' && c != '\n') seen_text = true;
        if (quoted) continue;
        for (std::size_t i = 0; i < delimiters.size(); ++i)
            if (c == delimiters[i]) ++line.counts[i];
    }
    return line;
}

} // namespace

char detect_delimiter(std::string_view utf8) { return scan_first_line(utf8).delimiter(); }

std::optional<char> delimiter_of_first_line(std::string_view utf8)
{
    const first_line line = scan_first_line(utf8);
    if (!line.complete) return std::nullopt;
    return line.delimiter();
}

table read_csv(std::string_view utf8, const std::string& source, char delimiter)
{
    table result;
    result.source = source;
    result.description = describe(delimiter);
    read_csv_rows(utf8, source, delimiter, [&](row&& r) { result.rows.push_back(std::move(r)); });
    return result;
}

std::string csv_description(char delimiter) { return describe(delimiter); }

struct csv_rows::state {
    csv_parser_handle handle{CSV_STRICT | CSV_STRICT_FINI};
    csv_builder builder;
    std::function<void(row&&)> on_row;
    std::string source;
    std::size_t line = 0;       ///< physical lines fed so far
    std::size_t quote_line = 0; ///< where the quoted field still open at the end of the last line began
    std::size_t record_bytes = 0; ///< bytes of the record being parsed, fed so far
    std::string pending;        ///< the start of a line whose end has not come yet

    /// Where the record being read began: the next line when the parser is between records.
    std::size_t record_line() { return handle.get()->pstate == row_not_begun ? line + 1 : builder.record_start_line; }

    /// A record grown past max_record_bytes is refused where it starts, before it is held any longer.
    void check_size(std::size_t more)
    {
        const bool between_records = handle.get()->pstate == row_not_begun;
        if ((between_records ? 0 : record_bytes) + more > max_record_bytes)
            fail(source, record_line(),
                 "a row of more than " + std::to_string(max_record_bytes >> 20U) +
                     " MiB (a registry row is a few hundred bytes; an unclosed quote or a file that is not a registry?)");
    }
};

csv_rows::csv_rows(const std::string& source, char delimiter, std::function<void(row&&)> on_row)
    : state_(std::make_unique<state>())
{
    csv_parser* parser = state_->handle.get();
    csv_set_delim(parser, static_cast<unsigned char>(delimiter));
    csv_set_space_func(parser, never_space);
    csv_set_blk_size(parser, 64 * 1024);
    state_->on_row = std::move(on_row);
    state_->builder.on_row = &state_->on_row;
    state_->source = source;
}

csv_rows::~csv_rows() = default;

void csv_rows::feed(std::string_view utf8)
{
    // Whole physical lines go to the parser, one at a time, so that its state between calls says where
    // records start; the end of a line cut by the chunk waits for the next chunk.
    while (!utf8.empty()) {
        const std::size_t newline = utf8.find('\n');
        if (newline == std::string_view::npos) {
            state_->check_size(state_->pending.size() + utf8.size());
            state_->pending += utf8;
            return;
        }
        if (state_->pending.empty()) {
            parse_line(utf8.substr(0, newline + 1));
        } else {
            state_->pending += utf8.substr(0, newline + 1);
            parse_line(std::exchange(state_->pending, std::string()));
        }
        utf8.remove_prefix(newline + 1);
    }
}

void csv_rows::parse_line(std::string_view chunk)
{
    state& st = *state_;
    csv_parser* parser = st.handle.get();
    const std::size_t line = st.line + 1;
    st.builder.current_line = line;
    const bool was_in_quotes = parser->pstate == field_begun && parser->quoted != 0;
    const std::size_t fields_before = st.builder.field_count;
    st.check_size(chunk.size());
    if (parser->pstate == row_not_begun) {
        st.builder.record_start_line = line;
        st.record_bytes = 0;
    }
    st.record_bytes += chunk.size();
    st.line = line;

    const std::size_t used = csv_parse(parser, chunk.data(), chunk.size(), on_field, on_record, &st.builder);
    if (st.builder.failure) std::rethrow_exception(st.builder.failure);
    if (used != chunk.size()) {
        if (csv_error(parser) == CSV_EPARSE)
            fail(st.source, line, "malformed quote (a quote inside an unquoted field, or text after a closing quote)");
        throw error(error_kind::io, location{st.source, line}, csv_strerror(csv_error(parser)));
    }
    if (parser->pstate == field_begun && parser->quoted != 0 && !(was_in_quotes && st.builder.field_count == fields_before))
        st.quote_line = line;
}

void csv_rows::finish()
{
    state& st = *state_;
    if (!st.pending.empty()) parse_line(std::exchange(st.pending, std::string()));
    st.builder.current_line = st.line;
    if (csv_fini(st.handle.get(), on_field, on_record, &st.builder) != 0) fail(st.source, st.quote_line, "unterminated quote");
    if (st.builder.failure) std::rethrow_exception(st.builder.failure);
}

void read_csv_rows(std::string_view utf8, const std::string& source, char delimiter,
                   const std::function<void(row&&)>& on_row)
{
    csv_rows rows(source, delimiter, on_row);
    rows.feed(utf8);
    rows.finish();
}

} // namespace hds::readers
