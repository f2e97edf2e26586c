#include "readers/xml_events.hpp"

#include <expat.h>

#include <algorithm>
#include <exception>
#include <memory>

#include "hds/error.hpp"

namespace hds::readers {
namespace {

// Expanded names come as "namespace-URI" SEPARATOR "local"; the separator cannot occur in a URI or a name.
constexpr char separator = '\x1F';

std::string_view local_of(const char* name)
{
    const std::string_view full(name);
    const auto at = full.rfind(separator);
    return at == std::string_view::npos ? full : full.substr(at + 1);
}

struct parse_state {
    xml_handler& handler;
    XML_Parser parser;
    std::exception_ptr failure; // thrown in a callback: expat is C, an exception must not cross it
    bool doctype = false;
};

// Runs a handler call, keeping what it throws for after the parse.
template <typename Call>
void guarded(void* data, Call&& call)
{
    auto* state = static_cast<parse_state*>(data);
    if (state->failure) return;
    try {
        call(*state);
    } catch (...) {
        state->failure = std::current_exception();
        XML_StopParser(state->parser, XML_FALSE);
    }
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes)
{
    guarded(data, [&](parse_state& s) { s.handler.start(local_of(name), xml_attributes(attributes)); });
}

void XMLCALL on_end(void* data, const XML_Char* name)
{
    guarded(data, [&](parse_state& s) { s.handler.end(local_of(name)); });
}

void XMLCALL on_text(void* data, const XML_Char* text, int length)
{
    guarded(data, [&](parse_state& s) { s.handler.text(std::string_view(text, static_cast<std::size_t>(length))); });
}

void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int)
{
    auto* state = static_cast<parse_state*>(data);
    state->doctype = true;
    XML_StopParser(state->parser, XML_FALSE);
}

struct parser_free {
    void operator()(XML_Parser p) const noexcept { XML_ParserFree(p); }
};

} // namespace

std::optional<std::string_view> xml_attributes::get(std::string_view local) const
{
    for (const char** p = pairs_; p != nullptr && *p != nullptr; p += 2)
        if (local_of(p[0]) == local) return std::string_view(p[1]);
    return std::nullopt;
}

void parse_xml(std::string_view xml, xml_handler& handler, const std::string& source, const std::string& part)
{
    const std::unique_ptr<XML_ParserStruct, parser_free> parser(XML_ParserCreateNS("UTF-8", separator));
    if (!parser) throw std::bad_alloc();
    parse_state state{handler, parser.get(), nullptr};
    XML_SetUserData(parser.get(), &state);
    XML_SetElementHandler(parser.get(), on_start, on_end);
    XML_SetCharacterDataHandler(parser.get(), on_text);
    XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);

    constexpr std::size_t block = 1U << 20U; // XML_Parse takes an int length
    bool ok = true;
    do {
        const std::size_t size = std::min(block, xml.size());
        ok = XML_Parse(parser.get(), xml.data(), static_cast<int>(size), size == xml.size() ? XML_TRUE : XML_FALSE) ==
             XML_STATUS_OK;
        xml.remove_prefix(size);
    } while (ok && !xml.empty());
    if (state.failure) std::rethrow_exception(state.failure);
    if (state.doctype)
        throw error(error_kind::input, location{source, 0}, part + ": a DOCTYPE, which no spreadsheet program writes");
    if (!ok)
        throw error(error_kind::input, location{source, 0},
                    part + ":" + std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": malformed XML (" +
                        XML_ErrorString(XML_GetErrorCode(parser.get())) + ")");
}

} // namespace hds::readers
