// Shared by the Google Benchmark programs: a scratch directory, and generated registries/series
// ingested once per process.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <unistd.h>

#include <hds/hds.hpp>

#include "registry_generator.hpp"

namespace hds_bench {

/// A directory of its own under the system's temporary directory, removed at exit.
inline const std::filesystem::path& scratch()
{
    struct dir {
        std::filesystem::path path;
        dir()
        {
            path = std::filesystem::temp_directory_path() / ("hds-bench-" + std::to_string(::getpid()));
            std::filesystem::create_directories(path);
            hds::set_log_level(hds::log_level::warning);
        }
        ~dir()
        {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    };
    static const dir d;
    return d.path;
}

/// A generated registry of `companies` companies (1.96 rows each), written once per process.
inline std::filesystem::path registry_file(std::uint32_t companies, shape s = shape::csv_semicolon)
{
    static std::map<std::pair<std::uint32_t, int>, std::filesystem::path> made;
    auto& path = made[{companies, static_cast<int>(s)}];
    if (path.empty()) {
        path = scratch() / ("registry-" + std::to_string(companies) + "-" + std::string(shape_names[static_cast<std::size_t>(s)]) +
                            extension_of(s));
        registry_params p;
        p.companies = companies;
        p.format = s;
        write_registry(path.string(), p);
    }
    return path;
}

/// A database holding one snapshot (2024-06-30) of registry_file(companies), built once per process.
inline std::filesystem::path registry_db(std::uint32_t companies)
{
    static std::map<std::uint32_t, std::filesystem::path> made;
    auto& path = made[companies];
    if (path.empty()) {
        path = scratch() / ("registry-" + std::to_string(companies) + ".db");
        auto db = hds::database::open(path);
        hds::ingest_snapshot(db, {registry_file(companies)}, {.date = "2024-06-30"});
    }
    return path;
}

/// A database holding `days` daily snapshots of a series of `companies` companies (1 % churn),
/// built once per process; also the file of day days + 1 and its date, for "one more day".
struct series_db {
    std::filesystem::path db, next_day_file;
    std::string first_date, last_date, next_date;
};

inline const series_db& daily_series(std::uint32_t companies, std::uint32_t days)
{
    static std::map<std::pair<std::uint32_t, std::uint32_t>, series_db> made;
    series_db& out = made[{companies, days}];
    if (out.db.empty()) {
        const std::string tag = std::to_string(companies) + "x" + std::to_string(days);
        out.db = scratch() / ("series-" + tag + ".db");
        series_params p;
        p.companies = companies;
        p.days = days + 1;
        series s(p);
        auto db = hds::database::open(out.db);
        const std::filesystem::path file = scratch() / ("series-" + tag + "-day.csv");
        for (;;) {
            s.write(file.string());
            const std::string date = iso_date(s.date());
            if (s.day() == days + 1) {
                out.next_day_file = scratch() / ("series-" + tag + "-next.csv");
                std::filesystem::rename(file, out.next_day_file);
                out.next_date = date;
                break;
            }
            hds::ingest_snapshot(db, {file}, {.date = date});
            if (s.day() == 1) out.first_date = date;
            out.last_date = date;
            s.advance();
        }
    }
    return out;
}

} // namespace hds_bench
