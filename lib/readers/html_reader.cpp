#include "readers/html_reader.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "hds/error.hpp"

namespace hds::readers {
namespace {

struct gumbo_output_deleter {
    void operator()(GumboOutput* output) const noexcept { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};
using gumbo_output_ptr = std::unique_ptr<GumboOutput, gumbo_output_deleter>;

bool is_element(const GumboNode* node)
{
    return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

bool has_tag(const GumboNode* node, GumboTag tag)
{
    return is_element(node) && node->v.element.tag == tag;
}

GumboNode* child(const GumboVector& children, unsigned int i)
{
    return static_cast<GumboNode*>(children.data[i]);
}

// gumbo 0.10 takes time and memory quadratic in how deep elements nest (10,000 nested <div>: 9 s and 780 MB;
// 20,000: 38 s and 3.2 GB), so a page nested deeper than any real page is refused before gumbo sees it.
constexpr std::size_t max_nesting = 1000;

/// Elements a scan of the tags does not count as nesting: void ones (no end tag), and those whose end tag may
/// be left out (the parser closes them at the next sibling, so they do not nest by themselves).
bool nests_by_itself(std::string_view name)
{
    static constexpr std::string_view not_nesting[] = {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
        "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body"};
    return std::find(std::begin(not_nesting), std::end(not_nesting), name) == std::end(not_nesting);
}

/// The line where the tags of `html` first open more than max_nesting elements, counted by a quick scan
/// (start tags minus end tags of elements that nest; comments and the text of script and style skipped);
/// nullopt when they never do.
std::optional<std::size_t> line_nested_too_deep(std::string_view html)
{
    std::size_t depth = 0;
    std::size_t line = 1;
    const auto skip_to = [&](std::size_t from, std::string_view end) {
        const std::size_t at = std::min(html.find(end, from), html.size());
        line += static_cast<std::size_t>(std::count(html.begin() + static_cast<std::ptrdiff_t>(from),
                                                    html.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        return at;
    };
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html[i] == '\n') ++line;
        if (html[i] != '<') continue;
        if (html.compare(i, 4, "<!--") == 0) {
            i = skip_to(i, "-->");
            continue;
        }
        const bool closing = i + 1 < html.size() && html[i + 1] == '/';
        std::size_t end = i + 1 + (closing ? 1 : 0);
        std::string name;
        while (end < html.size() && std::isalnum(static_cast<unsigned char>(html[end])) != 0)
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[end++])));
        if (name.empty()) continue; // a '<' in text
        const std::size_t tag_end = skip_to(end, ">");
        const bool self_closing = tag_end < html.size() && html[tag_end - 1] == '/';
        i = tag_end;
        if (!nests_by_itself(name) || self_closing) continue;
        if (closing) {
            if (depth > 0) --depth;
        } else if (name == "script" || name == "style") {
            i = skip_to(i, "</" + name);
        } else if (++depth > max_nesting) {
            return line;
        }
    }
    return std::nullopt;
}

/// The children of an element or of the document.
const GumboVector& children_of(const GumboNode* node)
{
    return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

/// Every <table> under `node`, in document order (a table before the tables nested in it). A stack rather
/// than recursion: the depth of a page is the page's to choose.
void collect_tables(const GumboNode* root, std::vector<const GumboNode*>& tables)
{
    std::vector<const GumboNode*> pending{root};
    while (!pending.empty()) {
        const GumboNode* node = pending.back();
        pending.pop_back();
        if (!is_element(node) && node->type != GUMBO_NODE_DOCUMENT) continue;
        if (has_tag(node, GUMBO_TAG_TABLE)) tables.push_back(node);
        const GumboVector& children = children_of(node);
        for (unsigned int i = children.length; i > 0; --i) pending.push_back(child(children, i - 1));
    }
}

/// The <tr> of one table, directly under it or in its thead/tbody/tfoot. A table nested in a cell keeps its
/// rows to itself: the search never goes below a <tr>, nor into another <table>.
void collect_rows(const GumboNode* node, std::vector<const GumboNode*>& rows)
{
    const GumboVector& children = node->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
        const GumboNode* c = child(children, i);
        if (!is_element(c) || has_tag(c, GUMBO_TAG_TABLE)) continue;
        if (has_tag(c, GUMBO_TAG_TR)) {
            rows.push_back(c);
        } else {
            collect_rows(c, rows);
        }
    }
}

/// Elements a browser lays out as blocks: their edges separate words even with no whitespace in the source
/// (`<p>Hébergement</p><p>Infogérance</p>` reads as two words, not one).
bool is_block(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
        return true;
    default:
        return false;
    }
}

/// Appends the text under `root`, with <br> as a space; whitespace is collapsed afterwards. A stack rather than
/// recursion, as in collect_tables; a null entry stands for the space after a block's children.
void append_text(const GumboNode* root, std::string& out)
{
    std::vector<const GumboNode*> pending{root};
    while (!pending.empty()) {
        const GumboNode* node = pending.back();
        pending.pop_back();
        if (node == nullptr) {
            out += ' ';
            continue;
        }
        switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            out += node->v.text.text;
            break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
            const GumboTag tag = node->v.element.tag;
            if (tag == GUMBO_TAG_BR) {
                out += ' ';
                break;
            }
            if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) break; // code, not text a reader sees
            if (is_block(tag)) {
                out += ' ';
                pending.push_back(nullptr);
            }
            const GumboVector& children = node->v.element.children;
            for (unsigned int i = children.length; i > 0; --i) pending.push_back(child(children, i - 1));
            break;
        }
        case GUMBO_NODE_DOCUMENT:
        case GUMBO_NODE_COMMENT:
            break;
        }
    }
}

/// Length of the whitespace character at `text[i]`, or 0. Browsers render U+00A0 (&nbsp;) and U+202F (the
/// narrow no-break space French typography puts before ':') as spaces, so they separate words here too.
std::size_t whitespace_length(const std::string& text, std::size_t i)
{
    switch (text[i]) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\f':
    case '\v':
        return 1;
    default:
        break;
    }
    if (text.compare(i, 2, "\xC2\xA0") == 0) return 2;
    if (text.compare(i, 3, "\xE2\x80\xAF") == 0) return 3;
    return 0;
}

std::string collapse_whitespace(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t n = whitespace_length(text, i); n > 0) {
            pending_space = !out.empty();
            i += n;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += text[i++];
    }
    return out;
}

std::vector<std::string> cells_of(const GumboNode* tr)
{
    std::vector<std::string> cells;
    const GumboVector& children = tr->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
        const GumboNode* c = child(children, i);
        if (!has_tag(c, GUMBO_TAG_TD) && !has_tag(c, GUMBO_TAG_TH)) continue;
        std::string text;
        append_text(c, text);
        cells.push_back(collapse_whitespace(text));
    }
    return cells;
}

} // namespace

std::vector<table> read_html(std::string_view utf8, const std::string& source)
{
    if (const auto line = line_nested_too_deep(utf8))
        throw error(error_kind::input, location{source, *line},
                    "elements nested more than " + std::to_string(max_nesting) +
                        " deep; no registry page is, and the HTML parser would take minutes");
    const gumbo_output_ptr output(gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size()));
    if (!output) throw error(error_kind::io, location{source, 0}, "the HTML parser failed (out of memory?)");

    std::vector<const GumboNode*> table_nodes;
    collect_tables(output->document, table_nodes);

    std::vector<table> tables;
    tables.reserve(table_nodes.size());
    for (std::size_t n = 0; n < table_nodes.size(); ++n) {
        table t;
        t.source = source;
        t.description = "html table " + std::to_string(n + 1) + " of " + std::to_string(table_nodes.size());
        std::vector<const GumboNode*> trs;
        collect_rows(table_nodes[n], trs);
        for (const GumboNode* tr : trs) {
            auto cells = cells_of(tr);
            if (cells.empty()) continue;
            t.rows.push_back(row{tr->v.element.start_pos.line, std::move(cells)});
        }
        tables.push_back(std::move(t));
    }
    return tables;
}

} // namespace hds::readers
