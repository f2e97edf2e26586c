// The CSV reader on any bytes: decoding (UTF-8 or Windows-1252), delimiter detection, libcsv and the record
// bound; then the header mapping the ingest applies to what it read.
#include "fuzz_support.hpp"
#include "mapping.hpp"
#include "readers/csv_reader.hpp"
#include "readers/text_decoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    hds::fuzz::refusals_allowed([&] {
        const auto text = hds::readers::decode_text(hds::fuzz::text_of(data, size), "fuzz.csv");
        const auto table = hds::readers::read_csv(text.utf8, "fuzz.csv", hds::readers::detect_delimiter(text.utf8));
        (void)hds::map_columns(table);
    });
    return 0;
}
