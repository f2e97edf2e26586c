#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "report/charts.hpp"
#include "xml_support.hpp"

namespace {

using hds::report::chart;
using hds::testing_support::parse_xml;

chart counts(std::size_t n)
{
    chart c{"test", "Title", "companies", "snapshot date", "Caption", 0, {}};
    for (std::size_t i = 0; i < n; ++i)
        c.bars.push_back({"2021-01-" + std::to_string(10 + i), "2021-01-" + std::to_string(10 + i),
                          static_cast<double>(i + 1), std::to_string(i + 1), i + 1});
    return c;
}

std::vector<std::string> texts(const std::string& svg, const std::string& css_class)
{
    const auto doc = parse_xml(svg);
    EXPECT_FALSE(doc.error) << *doc.error;
    std::vector<std::string> out;
    for (const auto* t : doc.all("text"))
        if (t->attributes.at("class") == css_class) out.push_back(t->text);
    return out;
}

TEST(charts, bar_lengths_follow_the_values_in_the_order_given)
{
    chart c = counts(3);
    std::swap(c.bars[0], c.bars[2]); // 3, 2, 1
    const auto doc = parse_xml(hds::report::bar_chart_svg(c));
    ASSERT_FALSE(doc.error) << *doc.error;
    std::vector<double> widths;
    for (const auto* r : doc.all("rect")) widths.push_back(std::stod(r->attributes.at("width")));
    ASSERT_EQ(widths.size(), 3U);
    EXPECT_GT(widths[0], widths[1]);
    EXPECT_NEAR(widths[1], 2 * widths[2], 0.2); // 2 is twice 1
    EXPECT_EQ(texts(hds::report::bar_chart_svg(c), "value"), (std::vector<std::string>{"3", "2", "1"}));
}

TEST(charts, a_few_columns_are_all_labelled)
{
    EXPECT_EQ(texts(hds::report::column_chart_svg(counts(3)), "value"), (std::vector<std::string>{"1", "2", "3"}));
}

TEST(charts, many_columns_are_labelled_every_few_and_always_the_last)
{
    const std::string svg = hds::report::column_chart_svg(counts(30));
    const auto values = texts(svg, "value");
    ASSERT_FALSE(values.empty());
    EXPECT_LT(values.size(), 10U);         // thinned out so that dates do not overlap
    EXPECT_EQ(values.back(), "30");        // the snapshot the report is about
    EXPECT_EQ(parse_xml(svg).all("rect").size(), 30U); // every column drawn
}

} // namespace
