// A findings set's file on any text: the header and the query's scan refuse with hds::error or give a finding
// whose query holds each parameter where parameters_of says, and only :snapshot and :from.
#include <cstdlib>

#include "findings/finding_file.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    hds::fuzz::refusals_allowed([&] {
        const auto parsed = hds::findings::parse_finding_file("fuzz.sql", hds::fuzz::text_of(data, size));
        const auto& query = parsed.definition.query;
        for (const auto& p : hds::findings::parameters_of(query)) {
            if (p.offset + p.length > query.size() || query.compare(p.offset, p.length, p.name) != 0) std::abort();
            if (p.name == ":from" && !parsed.definition.from) std::abort();
            if (p.name == ":snapshot" && !parsed.definition.snapshot) std::abort();
        }
    });
    return 0;
}
