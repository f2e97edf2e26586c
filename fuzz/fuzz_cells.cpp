// The small parsers of one cell on any text: dates, activity cells and marks, certificate types, company keys.
// One target for all four: they are fed the same cells by the listing parser.
#include "company_key.hpp"
#include "fuzz_support.hpp"
#include "parse/activities.hpp"
#include "parse/certificate_type.hpp"
#include "parse/dates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto cell = hds::fuzz::text_of(data, size);
    hds::fuzz::refusals_allowed([&] {
        if (const auto date = hds::parse::parse_date(cell); date && !hds::parse::is_iso_date(*date)) std::abort();
    });
    hds::fuzz::refusals_allowed([&] { (void)hds::parse::parse_activities(cell); });
    hds::fuzz::refusals_allowed([&] { (void)hds::parse::parse_mark(cell); });
    hds::fuzz::refusals_allowed([&] { (void)hds::parse::parse_certificate_types(cell); });
    hds::fuzz::refusals_allowed([&] {
        // A key is a function of the name: the same name, the same key.
        if (hds::company_key(cell) != hds::company_key(std::string(cell))) std::abort();
    });
    return 0;
}
