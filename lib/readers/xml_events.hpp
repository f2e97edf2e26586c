// The parts of a workbook (.xlsx, .ods) are XML: this reads one with expat and hands its elements and text
// to a handler, by local name (namespaces resolved, prefixes dropped: the parts a workbook reader looks at use
// no local name twice across namespaces that matters to it). A DOCTYPE is refused: no spreadsheet program
// writes one, and it is where entity tricks (billion laughs, external entities) live.
//
// Thread-safety: a free function; a handler is used from the calling thread only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hds::readers {

/// The attributes of a start tag, as expat gives them: name, value, name, value, ..., nullptr.
class xml_attributes {
public:
    explicit xml_attributes(const char** pairs) : pairs_(pairs) {}
    /// The value of the attribute whose local name is `local` (any namespace), nullopt when absent.
    [[nodiscard]] std::optional<std::string_view> get(std::string_view local) const;

private:
    const char** pairs_;
};

class xml_handler {
public:
    virtual ~xml_handler() = default;
    virtual void start(std::string_view local_name, const xml_attributes& attributes) = 0;
    virtual void end(std::string_view local_name) = 0;
    /// Character data, in pieces: a text node may come in several calls.
    virtual void text(std::string_view characters) = 0;
};

/// Parses `xml`, calling `handler` in document order. An exception thrown by the handler stops the parse and
/// comes out of parse_xml unchanged. Throws hds::error(input) "SOURCE: PART:LINE: malformed XML (reason)" or
/// "SOURCE: PART: a DOCTYPE, which no spreadsheet program writes".
void parse_xml(std::string_view xml, xml_handler& handler, const std::string& source, const std::string& part);

} // namespace hds::readers
