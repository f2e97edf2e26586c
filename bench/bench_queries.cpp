// Google Benchmark: the read queries through the library, on a one-snapshot database of N companies and
// on a daily series of 2,000 companies.
//   bench_queries [--benchmark_filter=REGEX] ...
#include <benchmark/benchmark.h>

#include "bench_support.hpp"

namespace {

using namespace hds_bench;

constexpr std::uint32_t registry_companies_n = 10000;
constexpr std::uint32_t series_days = 30;

void BM_breakdown_activity(benchmark::State& state)
{
    auto db = hds::database::open(registry_db(static_cast<std::uint32_t>(state.range(0))), hds::open_mode::existing);
    for (auto _ : state) {
        auto result = hds::breakdown(db, hds::resolve_snapshot(db, "latest"), hds::dimension::activity);
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_breakdown_activity)->Arg(registry_companies_n)->Unit(benchmark::kMillisecond);

void BM_breakdown_certifier(benchmark::State& state)
{
    auto db = hds::database::open(registry_db(static_cast<std::uint32_t>(state.range(0))), hds::open_mode::existing);
    for (auto _ : state) {
        auto result = hds::breakdown(db, hds::resolve_snapshot(db, "latest"), hds::dimension::certifier);
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_breakdown_certifier)->Arg(registry_companies_n)->Unit(benchmark::kMillisecond);

void BM_companies_activity5(benchmark::State& state)
{
    auto db = hds::database::open(registry_db(static_cast<std::uint32_t>(state.range(0))), hds::open_mode::existing);
    std::size_t n = 0;
    for (auto _ : state) {
        auto result = hds::companies(db, hds::resolve_snapshot(db, "latest"),
                                     {.activities = {hds::activity{5}}});
        n = result.size();
        benchmark::DoNotOptimize(result);
    }
    state.counters["companies"] = static_cast<double>(n);
}
BENCHMARK(BM_companies_activity5)->Arg(registry_companies_n)->Unit(benchmark::kMillisecond);

void BM_series_snapshots(benchmark::State& state)
{
    auto db = hds::database::open(daily_series(2000, series_days).db, hds::open_mode::existing);
    for (auto _ : state) {
        auto result = hds::snapshots(db);
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_series_snapshots)->Unit(benchmark::kMillisecond);

void BM_series_diff_first_last(benchmark::State& state)
{
    const series_db& s = daily_series(2000, series_days);
    auto db = hds::database::open(s.db, hds::open_mode::existing);
    for (auto _ : state) {
        auto result = hds::diff(db, hds::resolve_snapshot(db, s.first_date), hds::resolve_snapshot(db, s.last_date));
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_series_diff_first_last)->Unit(benchmark::kMillisecond);

void BM_series_companies(benchmark::State& state)
{
    auto db = hds::database::open(daily_series(2000, series_days).db, hds::open_mode::existing);
    for (auto _ : state) {
        auto result = hds::companies(db, hds::resolve_snapshot(db, "latest"));
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_series_companies)->Unit(benchmark::kMillisecond);

void BM_series_as_of(benchmark::State& state)
{
    const series_db& s = daily_series(2000, series_days);
    auto db = hds::database::open(s.db, hds::open_mode::existing);
    for (auto _ : state) {
        auto result = hds::certified_as_of(db, s.last_date);
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_series_as_of)->Unit(benchmark::kMillisecond);

void BM_series_findings(benchmark::State& state)
{
    auto db = hds::database::open(daily_series(2000, series_days).db, hds::open_mode::existing);
    for (auto _ : state) {
        auto result = hds::check_findings(db);
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_series_findings)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
