// A small writer of SVG documents for the report's charts: shapes and text at given coordinates, every text
// and attribute value escaped, so that a company named "<script>alert(1)</script>" shows as text.
//
// Thread-safety: one writer per thread; escape_xml is a plain function.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hds::report {

/** `text` for an XML text node or attribute value: & < > " ' as character references, and the characters
 *  XML 1.0 does not allow (controls other than tab, newline and carriage return; invalid UTF-8) as U+FFFD. */
std::string escape_xml(std::string_view text);

/// A number as SVG coordinates write it: at most one decimal, '.' as decimal point whatever the locale.
std::string svg_number(double value);

/// Extra attributes of an element, e.g. {{"data-key", "FR"}}; names are the caller's constants, values are escaped.
using attributes = std::vector<std::pair<std::string, std::string>>;

enum class text_anchor { start, middle, end };

class svg_writer {
public:
    /// An <svg> of `width` × `height` user units, its <title> `title` (shown by screen readers and as a tooltip).
    svg_writer(double width, double height, std::string_view title, const attributes& extra = {});

    void rect(double x, double y, double width, double height, std::string_view css_class,
              const attributes& extra = {});
    void line(double x1, double y1, double x2, double y2, std::string_view css_class);
    void text(double x, double y, std::string_view content, std::string_view css_class,
              text_anchor anchor = text_anchor::start, const attributes& extra = {});
    /// <g> around the next elements, with a <title> (a tooltip: e.g. a label cut short in the chart).
    void open_group(std::string_view css_class, std::string_view title, const attributes& extra = {});
    void close_group();

    /// The document; the writer closes what is open. Call once.
    [[nodiscard]] std::string finish();

private:
    void open_tag(std::string_view name, const attributes& attrs);
    std::string out_;
    int open_groups_ = 0;
};

} // namespace hds::report
