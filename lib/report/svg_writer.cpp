#include "report/svg_writer.hpp"

#include <cmath>
#include <cstdio>

namespace hds::report {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD"; // U+FFFD

/// The length of the valid UTF-8 sequence starting at text[i], 0 when it is not one.
std::size_t utf8_sequence(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned min = 0;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2, min = 0x80;
    else if (lead >= 0xE0 && lead <= 0xEF) length = 3, min = 0x800;
    else if (lead >= 0xF0 && lead <= 0xF4) length = 4, min = 0x10000;
    else return 0;
    if (i + length > text.size()) return 0;
    unsigned code = lead & (0xFFU >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte(i + k) & 0x3FU);
    }
    // Overlong forms, surrogates and U+FFFE/U+FFFF are not characters XML allows.
    if (code < min || (code >= 0xD800 && code <= 0xDFFF) || code == 0xFFFE || code == 0xFFFF || code > 0x10FFFF)
        return 0;
    return length;
}

} // namespace

std::string escape_xml(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += replacement;
                else out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        const std::size_t length = utf8_sequence(text, i);
        if (length == 0) {
            out += replacement;
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

std::string svg_number(double value)
{
    if (!std::isfinite(value)) value = 0;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    std::string text = buffer;
    for (char& c : text)
        if (c == ',') c = '.'; // a locale that writes decimal commas
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
    if (text == "-0") text = "0";
    return text;
}

svg_writer::svg_writer(double width, double height, std::string_view title, const attributes& extra)
{
    attributes attrs = {{"xmlns", "http://www.w3.org/2000/svg"},
                        {"width", svg_number(width)},
                        {"height", svg_number(height)},
                        {"viewBox", "0 0 " + svg_number(width) + " " + svg_number(height)},
                        {"role", "img"}};
    attrs.insert(attrs.end(), extra.begin(), extra.end());
    open_tag("svg", attrs);
    out_ += "<title>" + escape_xml(title) + "</title>";
}

void svg_writer::open_tag(std::string_view name, const attributes& attrs)
{
    out_ += '<';
    out_ += name;
    for (const auto& [key, value] : attrs) out_ += " " + key + "=\"" + escape_xml(value) + "\"";
    out_ += '>';
}

void svg_writer::rect(double x, double y, double width, double height, std::string_view css_class,
                      const attributes& extra)
{
    attributes attrs = {{"x", svg_number(x)},
                        {"y", svg_number(y)},
                        {"width", svg_number(width)},
                        {"height", svg_number(height)},
                        {"class", std::string(css_class)}};
    attrs.insert(attrs.end(), extra.begin(), extra.end());
    open_tag("rect", attrs);
    out_ += "</rect>";
}

void svg_writer::line(double x1, double y1, double x2, double y2, std::string_view css_class)
{
    open_tag("line", {{"x1", svg_number(x1)},
                      {"y1", svg_number(y1)},
                      {"x2", svg_number(x2)},
                      {"y2", svg_number(y2)},
                      {"class", std::string(css_class)}});
    out_ += "</line>";
}

void svg_writer::text(double x, double y, std::string_view content, std::string_view css_class, text_anchor anchor,
                      const attributes& extra)
{
    attributes attrs = {{"x", svg_number(x)}, {"y", svg_number(y)}, {"class", std::string(css_class)}};
    if (anchor != text_anchor::start) attrs.emplace_back("text-anchor", anchor == text_anchor::middle ? "middle" : "end");
    attrs.insert(attrs.end(), extra.begin(), extra.end());
    open_tag("text", attrs);
    out_ += escape_xml(content) + "</text>";
}

void svg_writer::open_group(std::string_view css_class, std::string_view title, const attributes& extra)
{
    attributes attrs = {{"class", std::string(css_class)}};
    attrs.insert(attrs.end(), extra.begin(), extra.end());
    open_tag("g", attrs);
    out_ += "<title>" + escape_xml(title) + "</title>";
    ++open_groups_;
}

void svg_writer::close_group()
{
    if (open_groups_ == 0) return;
    out_ += "</g>";
    --open_groups_;
}

std::string svg_writer::finish()
{
    while (open_groups_ > 0) close_group();
    out_ += "</svg>";
    return std::move(out_);
}

} // namespace hds::report
