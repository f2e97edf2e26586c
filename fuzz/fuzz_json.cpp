// The JSON reader on any bytes: the line scan, nlohmann's SAX parser and the table built from its events.
#include "fuzz_support.hpp"
#include "mapping.hpp"
#include "readers/json_reader.hpp"
#include "readers/text_decoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    hds::fuzz::refusals_allowed([&] {
        const auto text = hds::readers::decode_text(hds::fuzz::text_of(data, size), "fuzz.json");
        (void)hds::map_columns(hds::readers::read_json(text.utf8, "fuzz.json"));
    });
    return 0;
}
