// The report's two kinds of chart, drawn with svg_writer: horizontal bars for counts by category, columns
// for the count across snapshots. Each has a title, value labels, an axis with its unit and a caption.
//
// Thread-safety: plain functions over values.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace hds::report {

struct chart_bar {
    std::string key;        ///< what the bar stands for, as the query keys it ("4", "FR", a date); data-key
    std::string label;      ///< shown beside the bar (cut short when long; whole in its tooltip)
    double value = 0;       ///< its length, in the axis' unit
    std::string value_text; ///< the label at its end, e.g. "75" or "89,4 % (93)"
    std::size_t count = 0;  ///< the companies it counts; data-count, which the tests compare with the query
};

struct chart {
    std::string id;      ///< data-chart, e.g. "positioning"
    std::string title;
    std::string unit;    ///< the value axis' label, with its unit: "companies", "% of companies"
    std::string category_axis; ///< what the categories are, e.g. "snapshot date" (the column chart's other axis)
    std::string caption; ///< e.g. "Snapshot 2020-07-31 · 104 companies"
    double axis_max = 0; ///< the axis' upper bound before rounding up to a tick; 0: the largest value
    std::vector<chart_bar> bars; ///< in the order drawn: the caller sorts them
};

/// Bars from left to right, one a row, labels on the left and values at their end.
std::string bar_chart_svg(const chart& c);

/// Columns in order from left to right (snapshots in time), values above them.
std::string column_chart_svg(const chart& c);

} // namespace hds::report
