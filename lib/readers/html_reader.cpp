#include "readers/html_reader.hpp"

#include <gumbo.h>

#include <cstddef>
#include <memory>
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

/// Every <table> under `node`, in document order (a table before the tables nested in it).
void collect_tables(const GumboNode* node, std::vector<const GumboNode*>& tables)
{
    if (!is_element(node) && node->type != GUMBO_NODE_DOCUMENT) return;
    if (has_tag(node, GUMBO_TAG_TABLE)) tables.push_back(node);
    const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children
                                                                       : node->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) collect_tables(child(children, i), tables);
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

/// Appends the text under `node`, with <br> as a space; whitespace is collapsed afterwards.
void append_text(const GumboNode* node, std::string& out)
{
    switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
        out += node->v.text.text;
        return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
        const GumboTag tag = node->v.element.tag;
        if (tag == GUMBO_TAG_BR) {
            out += ' ';
            return;
        }
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return; // code, not text a reader sees
        const bool block = is_block(tag);
        if (block) out += ' ';
        const GumboVector& children = node->v.element.children;
        for (unsigned int i = 0; i < children.length; ++i) append_text(child(children, i), out);
        if (block) out += ' ';
        return;
    }
    case GUMBO_NODE_DOCUMENT:
    case GUMBO_NODE_COMMENT:
        return;
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
