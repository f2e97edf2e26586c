// generate_registry: deterministic synthetic HDS registries for the benchmarks (see registry_generator.hpp
// for the data, the shapes and the definition of churn). Links nothing of hds.
//
//   generate_registry registry [--companies N] [--rows N] [--shape SHAPE] [--seed N] [--date YYYY-MM-DD]
//                              [--variants RATE] [--variant-seed N] --out FILE
//   generate_registry series   [--companies N] [--days N] [--churn RATE] [--seed N] [--start YYYY-MM-DD]
//                              [--variants RATE] [--shape SHAPE]
//                              (--day K --out FILE [--print-date] | --out-dir DIR [--first-day K])
//
// Same arguments, same bytes: on every run and platform.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

#include "registry_generator.hpp"

namespace {

constexpr const char* usage =
    "usage:\n"
    "  generate_registry registry [--companies N] [--rows N] [--shape SHAPE] [--seed N] [--date YYYY-MM-DD]\n"
    "                             [--variants RATE] [--variant-seed N] --out FILE\n"
    "      One registry of N companies (default 500000) in ROWS rows (default 1.96 per company; between N and\n"
    "      2N): one row per certificate, sorted by company name. --variants: the share of companies spelled\n"
    "      with a name variant of the same company key (default 0); --variant-seed picks which.\n"
    "  generate_registry series [--companies N] [--days N] [--churn RATE] [--seed N] [--start YYYY-MM-DD]\n"
    "                           [--variants RATE] [--shape SHAPE]\n"
    "                           (--day K --out FILE [--print-date] | --out-dir DIR [--first-day K])\n"
    "      A daily series: day 1 is a registry of N companies (default 2000) dated --start (default\n"
    "      2020-01-01); each following day applies RATE (default 0.01) of churn: a third of the events are\n"
    "      companies entering at their sorted place, a third leaving, the rest renewing a certificate or\n"
    "      changing activities. --variants: per company and day, the chance of a name variant (default\n"
    "      0.005). --day K writes day K alone (replaying days 1..K in memory); --print-date prints its date.\n"
    "      --out-dir writes day-00001.csv .. for all --days (default 3650) days, or from --first-day K on.\n"
    "shapes: csv-semicolon (default; UTF-8), csv-comma (UTF-8 BOM, ISO dates, quoted activities),\n"
    "        csv-tab, csv-cp1252 (Windows-1252, CRLF), csv-utf16 (UTF-16LE BOM, tab, CRLF),\n"
    "        activity-columns (six columns marked X), html (a saved page), json (array of objects)\n";

std::uint64_t parse_u64(const std::string& name, const std::string& value)
{
    if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos)
        throw std::invalid_argument(name + " expects a non-negative integer, not \"" + value + "\"");
    return std::stoull(value);
}

std::uint32_t parse_u32(const std::string& name, const std::string& value)
{
    const std::uint64_t v = parse_u64(name, value);
    if (v > 0xFFFFFFFFULL) throw std::invalid_argument(name + " is too large");
    return static_cast<std::uint32_t>(v);
}

int run(int argc, char** argv)
{
    if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
        std::cout << usage;
        return argc < 2 ? 2 : 0;
    }
    const std::string mode = argv[1];
    if (mode != "registry" && mode != "series") throw std::invalid_argument("unknown mode \"" + mode + "\"");
    static const std::set<std::string> flags = {"--print-date"};
    static const std::set<std::string> registry_options = {"--companies", "--rows", "--shape", "--seed", "--date",
                                                           "--variants", "--variant-seed", "--out"};
    static const std::set<std::string> series_options = {"--companies", "--days", "--churn", "--seed", "--start",
                                                         "--variants", "--shape", "--day", "--out", "--out-dir",
                                                         "--first-day"};
    std::map<std::string, std::string> options;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << usage;
            return 0;
        }
        if (mode == "series" && flags.count(arg) != 0) {
            options[arg] = "1";
            continue;
        }
        const auto& known = mode == "registry" ? registry_options : series_options;
        if (known.count(arg) == 0) throw std::invalid_argument("unknown option \"" + arg + "\" for " + mode);
        if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
        options[arg] = argv[++i];
    }
    auto has = [&](const char* k) { return options.count(k) != 0; };

    if (mode == "registry") {
        hds_bench::registry_params p;
        if (has("--companies")) p.companies = parse_u32("--companies", options["--companies"]);
        if (has("--rows")) p.rows = parse_u32("--rows", options["--rows"]);
        if (has("--shape")) p.format = hds_bench::parse_shape(options["--shape"]);
        if (has("--seed")) p.seed = parse_u64("--seed", options["--seed"]);
        if (has("--date")) p.date = hds_bench::parse_iso_date(options["--date"]);
        if (has("--variants")) p.variants_ppm = hds_bench::parse_rate_ppm(options["--variants"]);
        if (has("--variant-seed")) p.variant_seed = parse_u64("--variant-seed", options["--variant-seed"]);
        if (!has("--out")) throw std::invalid_argument("registry needs --out FILE");
        hds_bench::write_registry(options["--out"], p);
        return 0;
    }

    hds_bench::series_params p;
    if (has("--companies")) p.companies = parse_u32("--companies", options["--companies"]);
    if (has("--days")) p.days = parse_u32("--days", options["--days"]);
    if (has("--churn")) p.churn_ppm = hds_bench::parse_rate_ppm(options["--churn"]);
    if (has("--seed")) p.seed = parse_u64("--seed", options["--seed"]);
    if (has("--start")) p.start = hds_bench::parse_iso_date(options["--start"]);
    if (has("--variants")) p.variants_ppm = hds_bench::parse_rate_ppm(options["--variants"]);
    if (has("--shape")) p.format = hds_bench::parse_shape(options["--shape"]);
    if (p.companies == 0) throw std::invalid_argument("--companies must be at least 1");
    if (has("--day") == has("--out-dir")) throw std::invalid_argument("series needs either --day K --out FILE or --out-dir DIR");
    hds_bench::series s(p);
    if (has("--day")) {
        const std::uint32_t day = parse_u32("--day", options["--day"]);
        if (day == 0) throw std::invalid_argument("--day counts from 1");
        if (!has("--out")) throw std::invalid_argument("--day needs --out FILE");
        while (s.day() < day) s.advance();
        s.write(options["--out"]);
        if (has("--print-date")) std::cout << hds_bench::iso_date(s.date()) << '\n';
        return 0;
    }
    const std::filesystem::path dir = options["--out-dir"];
    std::filesystem::create_directories(dir);
    const std::uint32_t first = has("--first-day") ? parse_u32("--first-day", options["--first-day"]) : 1;
    if (first == 0) throw std::invalid_argument("--first-day counts from 1");
    while (s.day() < first) s.advance();
    for (;;) {
        char name[32];
        std::snprintf(name, sizeof name, "day-%05u%s", static_cast<unsigned>(s.day()), hds_bench::extension_of(p.format));
        s.write((dir / name).string());
        if (s.day() >= p.days) break;
        s.advance();
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "generate_registry: " << e.what() << '\n';
        return 2;
    }
}
