// A --mapping file on any bytes, read from disk as the ingest reads it.
#include "fuzz_support.hpp"
#include "mapping.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = hds::fuzz::as_file(hds::fuzz::text_of(data, size), "mapping.txt");
    hds::fuzz::refusals_allowed([&] { (void)hds::load_mapping_file(path); });
    return 0;
}
