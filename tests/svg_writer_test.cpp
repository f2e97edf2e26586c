#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "report/svg_writer.hpp"
#include "xml_support.hpp"

namespace {

using hds::report::escape_xml;
using hds::report::svg_writer;
using hds::testing_support::parse_xml;

TEST(svg_writer, escapes_markup_in_text_and_attributes)
{
    struct example {
        std::string input, escaped;
    };
    const example examples[] = {
        {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
        {"Tom & \"Jerry\" 'Inc'", "Tom &amp; &quot;Jerry&quot; &#39;Inc&#39;"},
        {"Orpéa", "Orpéa"},                      // UTF-8 kept
        {"a\x01" "b", "a\xEF\xBF\xBD" "b"},      // a control XML forbids
        {"a\xC3" "b", "a\xEF\xBF\xBD" "b"},      // a cut UTF-8 sequence
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}, // an encoded surrogate: three bad bytes
        {"tab\tok", "tab\tok"},
    };
    for (const auto& e : examples) EXPECT_EQ(escape_xml(e.input), e.escaped) << e.input;
}

TEST(svg_writer, hostile_text_stays_text_in_a_well_formed_document)
{
    const std::string hostile = "<script>alert(1)</script>";
    svg_writer svg(200, 100, hostile, {{"data-chart", "x\"><script>"}});
    svg.open_group("bar", hostile, {{"data-key", hostile}});
    svg.rect(0, 0, 10.26, 20, "bar");
    svg.text(5, 15, hostile, "label", hds::report::text_anchor::end);
    svg.line(0, 0, 200, 0, "axis");
    const std::string out = svg.finish(); // closes the group

    const auto doc = parse_xml(out);
    ASSERT_FALSE(doc.error) << *doc.error << "\n" << out;
    EXPECT_TRUE(doc.all("script").empty());
    ASSERT_EQ(doc.all("svg").size(), 1U);
    EXPECT_EQ(doc.all("svg")[0]->attributes.at("data-chart"), "x\"><script>");
    ASSERT_EQ(doc.all("text").size(), 1U);
    EXPECT_EQ(doc.all("text")[0]->text, hostile);
    EXPECT_EQ(doc.all("text")[0]->attributes.at("text-anchor"), "end");
    EXPECT_EQ(doc.all("g")[0]->attributes.at("data-key"), hostile);
    EXPECT_EQ(doc.all("rect")[0]->attributes.at("width"), "10.3"); // one decimal
    EXPECT_EQ(doc.all("title").size(), 2U);                           // the chart's and the group's
}

TEST(svg_writer, numbers_have_at_most_one_decimal_and_a_point)
{
    EXPECT_EQ(hds::report::svg_number(12), "12");
    EXPECT_EQ(hds::report::svg_number(12.34), "12.3");
    EXPECT_EQ(hds::report::svg_number(-0.01), "0");
    EXPECT_EQ(hds::report::svg_number(std::numeric_limits<double>::infinity()), "0");
}

} // namespace
