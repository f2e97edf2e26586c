#include "readers/html_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hds/error.hpp"
#include "readers/table.hpp"
#include "test_support.hpp"

using hds::readers::read_html;
using cells = std::vector<std::string>;
using hds::testing_support::cells_of;
using hds::testing_support::lines_of;

namespace {

// A page as the registry's site serves it: a layout table, then the list with thead and tbody.
const std::string registry_page = "<!DOCTYPE html>\n"                                                 // 1
                                  "<html><head><title>Liste</title></head>\n"                         // 2
                                  "<body>\n"                                                          // 3
                                  "<table class=\"layout\"><tr><td>Menu</td><td>Accueil</td></tr></table>\n" // 4
                                  "<table id=\"registry\">\n"                                         // 5
                                  "<thead>\n"                                                         // 6
                                  "<tr><th>H&eacute;bergeur</th><th>Activit\xC3\xA9s</th></tr>\n"     // 7
                                  "</thead>\n"                                                        // 8
                                  "<tbody>\n"                                                         // 9
                                  "<tr><td>Dupont &amp; fils</td><td>1, 2</td></tr>\n"                // 10
                                  "<tr>\n"                                                            // 11
                                  "  <td>  Soci&eacute;t&eacute;\n"                                   // 12
                                  "     G\xC3\xA9n\xC3\xA9rale </td>\n"                               // 13
                                  "  <td>3<br>4<br/>5</td>\n"                                         // 14
                                  "</tr>\n"                                                           // 15
                                  "<tr></tr>\n"                                                       // 16
                                  "</tbody>\n"                                                        // 17
                                  "</table>\n"                                                        // 18
                                  "</body></html>\n";

} // namespace

TEST(html_reader, reads_every_table_in_order)
{
    const auto tables = read_html(registry_page, "page.html");
    ASSERT_EQ(tables.size(), 2U);
    EXPECT_EQ(tables[0].source, "page.html");
    EXPECT_EQ(tables[0].description, "html table 1 of 2");
    EXPECT_EQ(tables[1].description, "html table 2 of 2");
    EXPECT_EQ(cells_of(tables[0]), (std::vector<cells>{{"Menu", "Accueil"}}));
    EXPECT_EQ(lines_of(tables[0]), (std::vector<std::size_t>{4}));
}

TEST(html_reader, reads_header_and_body_rows_with_lines)
{
    const auto tables = read_html(registry_page, "page.html");
    ASSERT_EQ(tables.size(), 2U);
    EXPECT_EQ(cells_of(tables[1]), (std::vector<cells>{{"H\xC3\xA9" "bergeur", "Activit\xC3\xA9s"},
                                                        {"Dupont & fils", "1, 2"},
                                                        {"Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale", "3 4 5"}}));
    // the empty <tr> on line 16 is skipped
    EXPECT_EQ(lines_of(tables[1]), (std::vector<std::size_t>{7, 10, 11}));
}

TEST(html_reader, keeps_nested_table_rows_out_of_outer_table)
{
    const std::string page = "<table>\n"
                             "<tr><td>outer<table>\n"
                             "<tr><td>inner</td></tr>\n"
                             "</table></td><td>b</td></tr>\n"
                             "<tr><td>c</td><td>d</td></tr>\n"
                             "</table>\n";
    const auto tables = read_html(page, "page.html");
    ASSERT_EQ(tables.size(), 2U);
    // the outer cell holds the inner table's text, but the inner row is not a row of the outer table
    EXPECT_EQ(cells_of(tables[0]), (std::vector<cells>{{"outer inner", "b"}, {"c", "d"}}));
    EXPECT_EQ(lines_of(tables[0]), (std::vector<std::size_t>{2, 5}));
    EXPECT_EQ(cells_of(tables[1]), (std::vector<cells>{{"inner"}}));
    EXPECT_EQ(lines_of(tables[1]), (std::vector<std::size_t>{3}));
    EXPECT_EQ(tables[1].description, "html table 2 of 2");
}

TEST(html_reader, collapses_no_break_spaces_and_entities)
{
    const auto tables = read_html("<table><tr><td>&nbsp;A&nbsp;&nbsp;B\xC2\xA0&#160;C\t\r\n</td>"
                                  "<td>x\xE2\x80\xAF:&#x20;&lt;y&gt;</td><td>&nbsp;</td></tr></table>",
                                  "page.html");
    ASSERT_EQ(tables.size(), 1U);
    EXPECT_EQ(cells_of(tables[0]), (std::vector<cells>{{"A B C", "x : <y>", ""}}));
}

TEST(html_reader, separates_words_at_block_edges)
{
    const auto tables = read_html("<table><tr><td><p>H\xC3\xA9" "bergement</p><p>Infog\xC3\xA9rance</p></td>"
                                  "<td><b>Dup</b>ont</td></tr></table>",
                                  "page.html");
    ASSERT_EQ(tables.size(), 1U);
    EXPECT_EQ(cells_of(tables[0]), (std::vector<cells>{{"H\xC3\xA9" "bergement Infog\xC3\xA9rance", "Dupont"}}));
}

TEST(html_reader, reads_rows_without_explicit_sections)
{
    const auto tables = read_html("<table>\n<tr><th>a</th><td>b</td>\n<tr><td>c</td>\n<tfoot><tr><td>f</td>"
                                  "</tfoot></table>",
                                  "page.html");
    ASSERT_EQ(tables.size(), 1U);
    EXPECT_EQ(cells_of(tables[0]), (std::vector<cells>{{"a", "b"}, {"c"}, {"f"}}));
    EXPECT_EQ(lines_of(tables[0]), (std::vector<std::size_t>{2, 3, 4}));
}

TEST(html_reader, counts_crlf_lines)
{
    const auto tables = read_html("<p>x</p>\r\n<table>\r\n<tr><td>a</td></tr>\r\n<tr><td>b</td></tr>\r\n</table>",
                                  "page.html");
    ASSERT_EQ(tables.size(), 1U);
    EXPECT_EQ(lines_of(tables[0]), (std::vector<std::size_t>{3, 4}));
}

TEST(html_reader, finds_no_table_in_a_page_without_one)
{
    EXPECT_TRUE(read_html("<html><body><p>Rien</p></body></html>", "page.html").empty());
    EXPECT_TRUE(read_html("", "page.html").empty());
}

namespace {

std::string repeated(const std::string& part, std::size_t times)
{
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += part;
    return out;
}

} // namespace

// The nesting guard counts only what nests: a long page of rows and cells whose end tags are left out, void
// elements and comments is read; 1,001 nested <div> are refused at the line where the limit is passed.
TEST(html_reader, nesting_guard_counts_only_elements_that_nest)
{
    const std::string rows = repeated("<tr><td>Alpha<br><td><p>3<p>4<img src=x><!-- <div> -->\n", 3000);
    const auto tables = read_html("<table>\n" + rows + "</table>", "long.html");
    ASSERT_EQ(tables.size(), 1U);
    EXPECT_EQ(tables[0].rows.size(), 3000U);

    const std::string closed = repeated("<div><span>x</span></div>\n", 3000);
    EXPECT_EQ(read_html(closed + "<table><tr><td>a</td></tr></table>", "closed.html").size(), 1U);

    const std::string deep = "<html>\n<body>\n" + repeated("<div>", 1000) + "\n<div><table></table>";
    try {
        (void)read_html(deep, "deep.html");
        FAIL() << "no error";
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::input);
        EXPECT_EQ(std::string(e.what()).rfind("deep.html:4: elements nested more than 1000 deep", 0), 0U) << e.what();
    }
    EXPECT_EQ(read_html(repeated("<div>", 999) + "<table></table>", "edge.html").size(), 1U); // 1000 with the table
}
