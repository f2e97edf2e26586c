// An annotations file on any bytes, loaded into one in-memory database (kept across inputs, as a long-lived
// database sees many files).
#include "fuzz_support.hpp"
#include "hds/annotate.hpp"
#include "hds/database.hpp"
#include "hds/log.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static hds::database db = [] {
        hds::set_log_level(hds::log_level::error);
        return hds::database::open(":memory:");
    }();
    const auto path = hds::fuzz::as_file(hds::fuzz::text_of(data, size), "annotations.csv");
    hds::fuzz::refusals_allowed([&] { (void)hds::annotate(db, path); });
    return 0;
}
