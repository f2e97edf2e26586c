// What the report's tests share: a document parsed by expat (a real XML parser) into a flat list of elements,
// so that a test checks that HTML and SVG are well-formed and reads the numbers and text they show.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <expat.h>

namespace hds::testing_support {

struct xml_element {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::string text;            ///< the text directly inside it and inside its descendants, entities decoded
    std::vector<std::size_t> ancestors; ///< indexes of the enclosing elements, outermost first
};

struct xml_document {
    std::optional<std::string> error; ///< expat's message and line when the text is not well-formed
    std::vector<xml_element> elements; ///< in document order

    [[nodiscard]] std::vector<const xml_element*> all(const std::string& name) const
    {
        std::vector<const xml_element*> out;
        for (const auto& e : elements)
            if (e.name == name) out.push_back(&e);
        return out;
    }
    /// Whether element `i` lies inside an element named `name`.
    [[nodiscard]] bool inside(std::size_t i, const std::string& name) const
    {
        for (std::size_t a : elements[i].ancestors)
            if (elements[a].name == name) return true;
        return false;
    }
};

inline xml_document parse_xml(const std::string& text)
{
    struct state {
        xml_document doc;
        std::vector<std::size_t> open;
    } s;
    XML_Parser parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser, &s);
    XML_SetElementHandler(
        parser,
        [](void* data, const XML_Char* name, const XML_Char** attrs) {
            auto& st = *static_cast<state*>(data);
            xml_element e;
            e.name = name;
            for (std::size_t i = 0; attrs[i] != nullptr; i += 2) e.attributes[attrs[i]] = attrs[i + 1];
            e.ancestors = st.open;
            st.doc.elements.push_back(std::move(e));
            st.open.push_back(st.doc.elements.size() - 1);
        },
        [](void* data, const XML_Char*) { static_cast<state*>(data)->open.pop_back(); });
    XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* chars, int length) {
        auto& st = *static_cast<state*>(data);
        for (std::size_t i : st.open) st.doc.elements[i].text.append(chars, static_cast<std::size_t>(length));
    });
    if (XML_Parse(parser, text.data(), static_cast<int>(text.size()), 1) == XML_STATUS_ERROR)
        s.doc.error = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " +
                      std::to_string(XML_GetCurrentLineNumber(parser));
    XML_ParserFree(parser);
    return std::move(s.doc);
}

} // namespace hds::testing_support
