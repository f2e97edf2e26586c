#include "readers/csv_reader.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hds/error.hpp"
#include "readers/table.hpp"
#include "test_support.hpp"

using hds::readers::delimiter_of_first_line;
using hds::readers::detect_delimiter;
using hds::readers::read_csv;
using cells = std::vector<std::string>;
using hds::testing_support::cells_of;
using hds::testing_support::lines_of;


TEST(csv_reader, detects_delimiter)
{
    struct detect_case {
        std::string_view text;
        char expected;
    };
    const std::vector<detect_case> cases = {
        {"a;b;c\n", ';'},
        {"a,b,c\n", ','},
        {"a\tb\tc\n", '\t'},
        {"a,b;c\n", ';'},               // a tie goes to ';'
        {"a,b\tc\n", ','},              // ',' before '\t' on a tie
        {"a;b,c,d\n", ','},             // the most fields wins, not the first seen
        {"\"x;y;z\",a,b\n", ','},       // separators inside quotes do not count
        {"\n\r\n  \na,b\n", ','},       // the first non-empty line decides
        {"a;b\nc,d,e,f\n", ';'},        // ...and only the first
        {"\"x\ny;z;w\",a,b\n", ','},    // a quoted line break does not end the first line
        {"company\n", ';'},             // nothing to go by
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(c.text));
        EXPECT_EQ(detect_delimiter(c.text), c.expected);
    }
}

TEST(csv_reader, chooses_the_delimiter_of_a_stream_once_its_first_line_ends)
{
    EXPECT_EQ(delimiter_of_first_line("a,b,c"), std::nullopt);         // the line may go on: "a,b,c;d;e;f"
    EXPECT_EQ(delimiter_of_first_line("\n\r\n  \n"), std::nullopt);   // no text yet
    EXPECT_EQ(delimiter_of_first_line("\"x\ny;z;w\",a"), std::nullopt); // a quoted line break does not end it
    EXPECT_EQ(delimiter_of_first_line("a,b,c\n"), ',');
    EXPECT_EQ(delimiter_of_first_line("\n\na;b,c,d\nrest"), ',');
    EXPECT_EQ(delimiter_of_first_line("\"x\ny;z;w\",a,b\r\n"), ',');
    EXPECT_EQ(delimiter_of_first_line("company\n"), ';');
}

TEST(csv_reader, reads_each_delimiter)
{
    struct delimiter_case {
        char delimiter;
        std::string_view text;
        std::string description;
    };
    const std::vector<delimiter_case> cases = {
        {';', "a;b,c;d\te\n", "csv ';'"},
        {',', "a,b;c,d\te\n", "csv ','"},
        {'\t', "a\tb;c\td,e\n", "csv '\\t'"},
    };
    const std::vector<cells> expected_first_cells = {{"a", "b,c", "d\te"}, {"a", "b;c", "d\te"}, {"a", "b;c", "d,e"}};
    for (std::size_t i = 0; i < cases.size(); ++i) {
        SCOPED_TRACE(cases[i].description);
        const auto t = read_csv(cases[i].text, "f.csv", cases[i].delimiter);
        EXPECT_EQ(t.source, "f.csv");
        EXPECT_EQ(t.description, cases[i].description);
        EXPECT_EQ(cells_of(t), std::vector<cells>{expected_first_cells[i]});
    }
}

TEST(csv_reader, keeps_separator_inside_quotes)
{
    const auto t = read_csv("\"Dupont; fils\";2\n", "f.csv", ';');
    EXPECT_EQ(cells_of(t), (std::vector<cells>{{"Dupont; fils", "2"}}));
}

TEST(csv_reader, unescapes_doubled_quotes)
{
    const auto t = read_csv("\"le \"\"cloud\"\"\";\"\"\"\"\n", "f.csv", ';');
    EXPECT_EQ(cells_of(t), (std::vector<cells>{{"le \"cloud\"", "\""}}));
}

TEST(csv_reader, numbers_rows_after_quoted_line_breaks)
{
    const auto t = read_csv("h1;h2\n\"a\nb\nc\";x\nnext;y\n\"p\n\";\"q\n\"\nlast;z\n", "f.csv", ';');
    EXPECT_EQ(cells_of(t), (std::vector<cells>{{"h1", "h2"}, {"a\nb\nc", "x"}, {"next", "y"}, {"p\n", "q\n"},
                                                 {"last", "z"}}));
    EXPECT_EQ(lines_of(t), (std::vector<std::size_t>{1, 2, 5, 6, 9}));
}

TEST(csv_reader, drops_carriage_return_of_crlf)
{
    const auto t = read_csv("a;b\r\n\"c\";\"d\"\r\ne;\r\n", "f.csv", ';');
    EXPECT_EQ(cells_of(t), (std::vector<cells>{{"a", "b"}, {"c", "d"}, {"e", ""}}));
    EXPECT_EQ(lines_of(t), (std::vector<std::size_t>{1, 2, 3}));
}

TEST(csv_reader, keeps_crlf_inside_quotes)
{
    const auto t = read_csv("\"a\r\nb\";c\r\nd;e\r\n", "f.csv", ';');
    EXPECT_EQ(cells_of(t), (std::vector<cells>{{"a\r\nb", "c"}, {"d", "e"}}));
    EXPECT_EQ(lines_of(t), (std::vector<std::size_t>{1, 3}));
}

TEST(csv_reader, skips_blank_lines_but_counts_them)
{
    const auto t = read_csv("a;b\n\n\r\n;\n  \nc;d\n;;\n", "f.csv", ';');
    EXPECT_EQ(cells_of(t), (std::vector<cells>{{"a", "b"}, {"c", "d"}}));
    EXPECT_EQ(lines_of(t), (std::vector<std::size_t>{1, 6}));
}

TEST(csv_reader, reads_last_line_without_newline)
{
    const auto t = read_csv("a;b\nc;\"d\"", "f.csv", ';');
    EXPECT_EQ(cells_of(t), (std::vector<cells>{{"a", "b"}, {"c", "d"}}));
    EXPECT_EQ(lines_of(t), (std::vector<std::size_t>{1, 2}));
}

TEST(csv_reader, keeps_spaces_and_empty_cells)
{
    const auto t = read_csv(" a ;\t;;\" q \"\n", "f.csv", ';');
    EXPECT_EQ(cells_of(t), (std::vector<cells>{{" a ", "\t", "", " q "}}));
}

TEST(csv_reader, reads_utf8_untouched)
{
    const auto t = read_csv("H\xC3\xA9" "bergeur;Activit\xC3\xA9s\n", "f.csv", ';');
    EXPECT_EQ(cells_of(t), (std::vector<cells>{{"H\xC3\xA9" "bergeur", "Activit\xC3\xA9s"}}));
}

TEST(csv_reader, reads_empty_text_as_no_rows)
{
    EXPECT_TRUE(read_csv("", "f.csv", ';').rows.empty());
    EXPECT_TRUE(read_csv("\n\r\n\n", "f.csv", ';').rows.empty());
}

TEST(csv_reader, reports_quote_errors_with_line)
{
    struct error_case {
        std::string_view text;
        std::string what;
    };
    const std::string malformed =
        "malformed quote (a quote inside an unquoted field, or text after a closing quote)";
    const std::vector<error_case> cases = {
        {"a;b\n\"open;x\nmore\n", "f.csv:2: unterminated quote"},
        {"a;b\n\"open", "f.csv:2: unterminated quote"},
        // the record starts on line 2, but the quote left open is on line 3
        {"a;b\nx;\"fine\nstill\";\"open\nmore\n", "f.csv:3: unterminated quote"},
        {"a;b\nx;y\"z\n", "f.csv:2: " + malformed},
        {"a;b\n\"x\"y;z\n", "f.csv:2: " + malformed},
        {"\"x\" ;y\n", "f.csv:1: " + malformed},
        {" \"x\";y\n", "f.csv:1: " + malformed},
        {"a\n\"b\nc\"d\n", "f.csv:3: " + malformed},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        try {
            read_csv(c.text, "f.csv", ';');
            ADD_FAILURE() << "no error";
        } catch (const hds::error& e) {
            EXPECT_EQ(e.what(), c.what);
            EXPECT_EQ(e.kind(), hds::error_kind::input);
        }
    }
}

// Text handed over in chunks cut anywhere (inside a quoted field, between CR and LF) gives the rows, lines
// and errors of the whole text.
TEST(csv_reader, chunks_cut_anywhere_read_as_the_whole)
{
    const std::vector<std::string_view> texts = {
        "a;b\r\n\"x;\ny\";z\r\n\n;;\nlast;row", "a;b\n\"open;x\nmore\n", "a;b\nx;y\"z\n", "a\n\"b\nc\"d\n", "",
    };
    const auto outcome = [](const std::function<void(hds::readers::csv_rows&)>& feed) {
        std::string out;
        try {
            hds::readers::csv_rows rows("f.csv", ';', [&](hds::readers::row&& r) {
                out += std::to_string(r.line) + ":";
                for (const auto& cell : r.cells) out += "[" + cell + "]";
                out += "\n";
            });
            feed(rows);
            rows.finish();
        } catch (const hds::error& e) {
            out += std::string("error ") + e.what();
        }
        return out;
    };
    for (const auto text : texts) {
        const std::string whole = outcome([text](hds::readers::csv_rows& rows) { rows.feed(text); });
        for (std::size_t size = 1; size <= 3; ++size) {
            SCOPED_TRACE(whole);
            EXPECT_EQ(outcome([text, size](hds::readers::csv_rows& rows) {
                          for (std::size_t at = 0; at < text.size(); at += size) rows.feed(text.substr(at, size));
                      }),
                      whole);
        }
    }
}

// A record over 1 MiB is refused at the line it starts, whether one long line or a quote left open over many
// short ones; one just under the bound is read.
TEST(csv_reader, refuses_a_record_over_one_mebibyte)
{
    const std::string under = "a;" + std::string((1U << 20U) - 100, 'x') + "\n";
    EXPECT_EQ(read_csv("h;i\n" + under, "ok.csv", ';').rows.size(), 2U);
    std::string open_quote = "h;i\nb;\"";
    for (int i = 0; i < 20000; ++i) open_quote += std::string(99, 'y') + "\n";
    for (const auto& text : {"h;i\n" + std::string(2U << 20U, 'x') + "\n", open_quote}) {
        try {
            (void)read_csv(text, "big.csv", ';');
            ADD_FAILURE() << "no error";
        } catch (const hds::error& e) {
            EXPECT_EQ(e.kind(), hds::error_kind::input);
            EXPECT_EQ(std::string(e.what()).rfind("big.csv:2: a row of more than 1 MiB", 0), 0U) << e.what();
        }
    }
}
