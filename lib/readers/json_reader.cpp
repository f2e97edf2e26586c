#include "readers/json_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "hds/error.hpp"

namespace hds::readers {
namespace {

using json = nlohmann::json;

/// 1-based line of `offset` in `text`.
std::size_t line_at(std::string_view text, std::size_t offset)
{
    const auto before = text.substr(0, std::min(offset, text.size()));
    return 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
}

/// Lines that nlohmann's parser does not report: where the top-level value starts, and where each direct
/// element of a top-level array starts (its `{` for an object).
struct element_lines {
    std::size_t top = 1;
    std::vector<std::size_t> elements;
};

/// One pass over the text, aware of strings (a '{' or '\n' escape inside one is not structure). On
/// malformed text the lines may be off, but then the parser reports the error before they are used.
element_lines scan_lines(std::string_view text)
{
    element_lines lines;
    std::size_t line = 1;
    std::size_t depth = 0;
    bool top_seen = false;
    bool top_is_array = false;
    bool expecting_element = false; // after the top-level '[' or a ',' directly inside it
    bool in_string = false;
    bool escaped = false;
    for (const char c : text) {
        if (c == '\n') ++line;
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        if (!top_seen) {
            top_seen = true;
            lines.top = line;
            top_is_array = c == '[';
        }
        if (depth == 1 && top_is_array && expecting_element && c != ']') {
            lines.elements.push_back(line);
            expecting_element = false;
        }
        switch (c) {
        case '"':
            in_string = true;
            break;
        case '[':
        case '{':
            ++depth;
            if (depth == 1) expecting_element = true;
            break;
        case ']':
        case '}':
            if (depth > 0) --depth;
            break;
        case ',':
            if (depth == 1) expecting_element = true;
            break;
        default:
            break;
        }
    }
    return lines;
}

/// nlohmann's explanation without its "[json.exception...] parse error at line L, column C: " prefix
/// (we give the line our way) nor its "; last read: '...'" echo, which can be a whole runaway string.
std::string short_explanation(const std::string& what)
{
    std::string message = what;
    if (const auto at = message.find("parse error"); at != std::string::npos) {
        if (const auto colon = message.find(": ", at); colon != std::string::npos) message.erase(0, colon + 2);
    }
    if (const auto echo = message.find("; last read: '"); echo != std::string::npos) {
        const auto expected = message.find("'; expected ", echo);
        message.erase(echo, expected == std::string::npos ? std::string::npos : expected + 1 - echo);
    }
    return message;
}

/// Builds the table as nlohmann's SAX parser walks the text. The SAX interface, unlike the DOM, hands over
/// a floating-point number as written ("1.50" stays "1.50").
class table_builder final : public nlohmann::json_sax<json> {
public:
    table_builder(std::string_view text, const std::string& source)
        : text_(text), source_(source), lines_(scan_lines(text))
    {
    }

    table result()
    {
        table t;
        t.source = source_;
        t.description = "json";
        if (keys_.empty()) return t;
        t.rows.push_back(row{objects_.front().line, keys_});
        for (auto& object : objects_) {
            object.cells.resize(keys_.size());
            const bool blank = std::all_of(object.cells.begin(), object.cells.end(),
                                           [](const std::string& cell) { return cell.empty(); });
            if (!blank) t.rows.push_back(std::move(object));
        }
        return t;
    }

    bool null() override { return scalar("null", ""); }
    bool boolean(bool value) override { return scalar("a boolean", value ? "Oui" : ""); }
    bool number_integer(number_integer_t value) override { return scalar("a number", std::to_string(value)); }
    bool number_unsigned(number_unsigned_t value) override { return scalar("a number", std::to_string(value)); }
    bool number_float(number_float_t /*value*/, const string_t& written) override
    {
        return scalar("a number", written);
    }
    bool string(string_t& value) override { return scalar("a string", value); }
    bool binary(binary_t& /*value*/) override { return scalar("binary data", ""); } // not produced by JSON text

    bool start_object(std::size_t /*elements*/) override
    {
        switch (depth_) {
        case 0:
            not_an_array("an object");
        case 1:
            objects_.push_back(row{element_line(), {}});
            break;
        case 2:
            fail(element_line(), "value of \"" + key_ + "\" is an object; expected text, a number, true, false, "
                                 "null or an array of those");
        default:
            fail(element_line(), "value of \"" + key_ + "\" is an array holding an object");
        }
        ++depth_;
        return true;
    }

    bool key(string_t& name) override
    {
        key_ = name;
        return true;
    }

    bool end_object() override
    {
        --depth_;
        if (depth_ == 1) ++element_;
        return true;
    }

    bool start_array(std::size_t /*elements*/) override
    {
        switch (depth_) {
        case 0:
            break;
        case 1:
            not_an_object("an array");
        case 2:
            items_.clear();
            break;
        default:
            fail(element_line(), "value of \"" + key_ + "\" is an array holding an array");
        }
        ++depth_;
        return true;
    }

    bool end_array() override
    {
        --depth_;
        if (depth_ == 2) {
            std::string joined;
            for (const auto& item : items_) {
                if (!joined.empty()) joined += ", ";
                joined += item;
            }
            set_cell(std::move(joined));
        }
        return true;
    }

    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& e) override
    {
        // `position` counts bytes from 1 up to the one the parser stopped on.
        fail(line_at(text_, position == 0 ? 0 : position - 1), "malformed JSON: " + short_explanation(e.what()));
    }

private:
    [[noreturn]] void fail(std::size_t line, const std::string& message) const
    {
        throw error(error_kind::input, location{source_, line}, message);
    }

    [[noreturn]] void not_an_array(const std::string& what) const
    {
        fail(lines_.top, "the top level is " + what + ", not an array of objects");
    }

    [[noreturn]] void not_an_object(const std::string& what) const
    {
        fail(element_line(), "element " + std::to_string(element_ + 1) + " of the array is " + what +
                                 ", not an object");
    }

    [[nodiscard]] std::size_t element_line() const
    {
        return element_ < lines_.elements.size() ? lines_.elements[element_] : lines_.top;
    }

    bool scalar(const char* what, std::string text)
    {
        switch (depth_) {
        case 0:
            not_an_array(what);
        case 1:
            not_an_object(what);
        case 2:
            set_cell(std::move(text));
            break;
        default:
            items_.push_back(std::move(text));
        }
        return true;
    }

    void set_cell(std::string text)
    {
        auto [it, added] = columns_.try_emplace(key_, keys_.size());
        if (added) keys_.push_back(key_);
        auto& cells = objects_.back().cells;
        if (cells.size() <= it->second) cells.resize(it->second + 1);
        cells[it->second] = std::move(text); // a repeated key keeps its last value, as nlohmann's DOM does
    }

    std::string_view text_;
    const std::string& source_;
    element_lines lines_;
    std::size_t depth_ = 0;   ///< containers open around the current value
    std::size_t element_ = 0; ///< index of the current element of the top-level array
    std::string key_;
    std::vector<std::string> items_; ///< the array value being read
    std::vector<std::string> keys_;  ///< header: every key, in order of first appearance
    std::unordered_map<std::string, std::size_t> columns_;
    std::vector<row> objects_;
};

} // namespace

table read_json(std::string_view utf8, const std::string& source)
{
    table_builder builder(utf8, source);
    json::sax_parse(utf8.begin(), utf8.end(), &builder);
    return builder.result();
}

} // namespace hds::readers
