// CSV → table, with libcsv. Delimiter detection lives here.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "readers/table.hpp"

namespace hds::readers {

/// The delimiter of a CSV text: ';', ',' or '\t', whichever splits the first non-empty line (outside
/// quotes) into the most fields; ';' on a tie, as French spreadsheets write it.
char detect_delimiter(std::string_view utf8);

/// The same, once the first non-empty line has ended in `utf8` (a line break outside quotes); nullopt while
/// it may go on, so that a stream can choose its delimiter from its first block.
std::optional<char> delimiter_of_first_line(std::string_view utf8);

/// Reads CSV text (already UTF-8): quoted fields may hold delimiters, quotes ("") and line breaks; CRLF or
/// LF. Cells are not trimmed. Blank lines, and rows whose cells are all empty or spaces (";;;"), are
/// skipped. Each row carries the line it starts on; the description is "csv ';'" ("csv '\t'" for tabs).
/// Throws hds::error(input) "SOURCE:LINE: unterminated quote" (LINE where the quoted field opens) or
/// "SOURCE:LINE: malformed quote (...)" for a quote inside an unquoted field or text (even a space) after
/// a closing quote.
table read_csv(std::string_view utf8, const std::string& source, char delimiter);

/// The same rows, handed to `on_row` one at a time as they are parsed (an exception from it stops the
/// parse and propagates), so that a large file is never held as a table.
void read_csv_rows(std::string_view utf8, const std::string& source, char delimiter,
                   const std::function<void(row&&)>& on_row);

/// read_csv_rows for text handed over in chunks cut anywhere: rows go to `on_row` as their lines complete;
/// finish() ends the text and throws as read_csv_rows does.
class csv_rows {
public:
    csv_rows(const std::string& source, char delimiter, std::function<void(row&&)> on_row);
    ~csv_rows();
    csv_rows(const csv_rows&) = delete;
    csv_rows& operator=(const csv_rows&) = delete;

    void feed(std::string_view utf8);
    void finish();

private:
    struct state; // the libcsv parser and the callbacks' state, which must not move while it parses
    void parse_line(std::string_view line);
    std::unique_ptr<state> state_;
};

/// How read_csv describes a delimiter: "csv ';'", "csv '\t'".
std::string csv_description(char delimiter);

} // namespace hds::readers
