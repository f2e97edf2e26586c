// The HTML reader on any bytes: the nesting guard, gumbo, and the walk of its tree for tables and cells.
#include "fuzz_support.hpp"
#include "mapping.hpp"
#include "readers/html_reader.hpp"
#include "readers/text_decoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    hds::fuzz::refusals_allowed([&] {
        const auto text = hds::readers::decode_text(hds::fuzz::text_of(data, size), "fuzz.html");
        for (const auto& table : hds::readers::read_html(text.utf8, "fuzz.html")) (void)hds::find_header(table);
    });
    return 0;
}
