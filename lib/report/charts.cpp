#include "report/charts.hpp"

#include <algorithm>
#include <cmath>

#include "report/svg_writer.hpp"

namespace hds::report {
namespace {

constexpr double width = 760;
constexpr double title_height = 40;

/// Ticks of an axis from 0: a step of 1, 2 or 5 × 10^k giving about four intervals, and the rounded top.
struct axis {
    double step = 1, top = 1;
};

axis axis_for(double max)
{
    if (!(max > 0)) return {};
    const double raw = max / 4;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    step = std::max(step, 1.0); // counts are whole: no tick at 0.5
    return {step, std::ceil(max / step) * step};
}

double top_of(const chart& c)
{
    double max = c.axis_max;
    for (const auto& b : c.bars) max = std::max(max, b.value);
    return max;
}

/// At most `limit` code points, with "…" when cut; whole UTF-8 sequences only.
std::string shortened(const std::string& text, std::size_t limit)
{
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (points++ == limit) return text.substr(0, i) + "…";
    }
    return text;
}

} // namespace

std::string bar_chart_svg(const chart& c)
{
    constexpr double label_width = 262, bar_x = 272, bar_room = 368, row = 24, bar_height = 16;
    const axis a = axis_for(top_of(c));
    const double rows_height = row * static_cast<double>(std::max<std::size_t>(c.bars.size(), 1));
    const double axis_y = title_height + rows_height + 6;
    const double height = axis_y + 70;

    svg_writer svg(width, height, c.title, {{"data-chart", c.id}, {"class", "chart"}});
    svg.text(0, 24, c.title, "title");
    if (c.bars.empty()) svg.text(bar_x, title_height + 16, "-", "label");
    double y = title_height;
    for (const auto& b : c.bars) {
        const double length = bar_room * b.value / a.top;
        svg.open_group("bar-row", b.label + ": " + b.value_text,
                       {{"data-key", b.key}, {"data-count", std::to_string(b.count)}});
        svg.text(label_width, y + 16, shortened(b.label, 34), "label", text_anchor::end);
        svg.rect(bar_x, y + (row - bar_height) / 2, std::max(length, 1.0), bar_height, "bar");
        svg.text(bar_x + std::max(length, 1.0) + 6, y + 16, b.value_text, "value");
        svg.close_group();
        y += row;
    }
    svg.line(bar_x, axis_y, bar_x + bar_room, axis_y, "axis");
    for (double t = 0; t <= a.top + a.step / 2; t += a.step) {
        const double x = bar_x + bar_room * t / a.top;
        svg.line(x, axis_y, x, axis_y + 5, "axis");
        svg.text(x, axis_y + 18, svg_number(t), "tick", text_anchor::middle);
    }
    svg.text(bar_x + bar_room / 2, axis_y + 38, c.unit, "unit", text_anchor::middle);
    svg.text(0, axis_y + 62, c.caption, "caption");
    return svg.finish();
}

std::string column_chart_svg(const chart& c)
{
    constexpr double left = 70, right = 40, plot_height = 220; // right: room for half the last date
    const axis a = axis_for(top_of(c));
    const double plot_top = title_height + 20, base = plot_top + plot_height;
    const double height = base + 90;
    const std::size_t n = std::max<std::size_t>(c.bars.size(), 1);
    const double slot = (width - left - right) / static_cast<double>(n);
    const double column = std::min(48.0, slot * 0.7);
    // Labels on every column while a date fits beside the next (about 70 units); else on every few, counted
    // back from the last column, the snapshot the report is about.
    const std::size_t every = slot >= 70 ? 1 : static_cast<std::size_t>(std::ceil(70 / slot));

    svg_writer svg(width, height, c.title, {{"data-chart", c.id}, {"class", "chart"}});
    svg.text(0, 24, c.title, "title");
    for (double t = 0; t <= a.top + a.step / 2; t += a.step) {
        const double y = base - plot_height * t / a.top;
        svg.line(left - 5, y, left, y, "axis");
        svg.text(left - 8, y + 4, svg_number(t), "tick", text_anchor::end);
    }
    svg.line(left, plot_top, left, base, "axis");
    svg.line(left, base, width - right, base, "axis");
    svg.text(16, plot_top + plot_height / 2, c.unit, "unit", text_anchor::middle,
             {{"transform", "rotate(-90 16 " + svg_number(plot_top + plot_height / 2) + ")"}});
    for (std::size_t i = 0; i < c.bars.size(); ++i) {
        const auto& b = c.bars[i];
        const double h = plot_height * b.value / a.top;
        const double x = left + slot * static_cast<double>(i) + (slot - column) / 2;
        const bool labelled = (c.bars.size() - 1 - i) % every == 0;
        svg.open_group("bar-row", b.label + ": " + b.value_text,
                       {{"data-key", b.key}, {"data-count", std::to_string(b.count)}});
        svg.rect(x, base - std::max(h, 1.0), column, std::max(h, 1.0), "bar");
        if (labelled) {
            svg.text(x + column / 2, base - std::max(h, 1.0) - 6, b.value_text, "value", text_anchor::middle);
            svg.text(x + column / 2, base + 18, b.label, "tick", text_anchor::middle);
        }
        svg.close_group();
    }
    svg.text(left + (width - left - right) / 2, base + 44, c.category_axis, "unit", text_anchor::middle);
    svg.text(0, base + 76, c.caption, "caption");
    return svg.finish();
}

} // namespace hds::report
