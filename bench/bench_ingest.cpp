// Google Benchmark: ingest through the library (hds::ingest_snapshot), without process start-up.
//   bench_ingest [--benchmark_filter=REGEX] ...
// Sizes are modest by default; bench/run measures the full-size figures as whole processes.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "bench_support.hpp"

namespace {

using namespace hds_bench;

// A fresh database, one snapshot of N companies (1.96 rows each), in the given shape.
void ingest_fresh(benchmark::State& state, shape s)
{
    const auto companies = static_cast<std::uint32_t>(state.range(0));
    const std::filesystem::path file = registry_file(companies, s);
    const std::filesystem::path db_path = scratch() / "fresh.db";
    std::size_t rows = 0;
    for (auto _ : state) {
        state.PauseTiming();
        std::filesystem::remove(db_path);
        state.ResumeTiming();
        auto db = hds::database::open(db_path);
        rows = hds::ingest_snapshot(db, {file}, {.date = "2024-06-30"}).rows_read;
    }
    const auto iterations = static_cast<std::int64_t>(state.iterations());
    state.SetItemsProcessed(iterations * static_cast<std::int64_t>(rows));
    state.SetBytesProcessed(iterations * static_cast<std::int64_t>(std::filesystem::file_size(file)));
    state.counters["rows"] = static_cast<double>(rows);
}

void BM_ingest_csv(benchmark::State& state) { ingest_fresh(state, shape::csv_semicolon); }
BENCHMARK(BM_ingest_csv)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ingest_shape(benchmark::State& state)
{
    ingest_fresh(state, static_cast<shape>(state.range(1)));
    state.SetLabel(std::string(shape_names[static_cast<std::size_t>(state.range(1))]));
}
BENCHMARK(BM_ingest_shape)
    ->ArgsProduct({{2000}, {0, 1, 2, 3, 4, 5, 6, 7}})
    ->Unit(benchmark::kMillisecond);

// The same file again, same date: hds answers "unchanged" (sha256 of the file, nothing written).
void BM_reingest_unchanged(benchmark::State& state)
{
    const auto companies = static_cast<std::uint32_t>(state.range(0));
    const std::filesystem::path db_path = registry_db(companies);
    const std::filesystem::path file = registry_file(companies);
    auto db = hds::database::open(db_path);
    for (auto _ : state) {
        auto summary = hds::ingest_snapshot(db, {file}, {.date = "2024-06-30"});
        benchmark::DoNotOptimize(summary);
    }
}
BENCHMARK(BM_reingest_unchanged)->Arg(10000)->Unit(benchmark::kMillisecond);

// One more day on a database of D daily snapshots of 2,000 companies (1 % churn). Each iteration works on
// a copy of the database, made outside the timing.
void BM_ingest_next_day(benchmark::State& state)
{
    const auto days = static_cast<std::uint32_t>(state.range(0));
    const series_db& s = daily_series(2000, days);
    const std::filesystem::path copy = scratch() / "next-day.db";
    for (auto _ : state) {
        state.PauseTiming();
        std::filesystem::copy_file(s.db, copy, std::filesystem::copy_options::overwrite_existing);
        state.ResumeTiming();
        auto db = hds::database::open(copy);
        auto summary = hds::ingest_snapshot(db, {s.next_day_file}, {.date = s.next_date});
        benchmark::DoNotOptimize(summary);
    }
}
BENCHMARK(BM_ingest_next_day)->Arg(30)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
