// Readers and writers at once, as cron jobs and people do: a reader waits for a writer's lock (the busy
// timeout) instead of failing, never sees half a snapshot, and a lock held past the timeout is exit 3.
#include "reliability_support.hpp"

#include <chrono>
#include <memory>
#include <thread>

#include <SQLiteCpp/Transaction.h>

namespace {

using namespace hds::reliability;
using nlohmann::json;

class concurrency : public hds_process {
protected:
    concurrency() { ingest_registry("small.csv", 50, 7, "2020-01-31"); }

    /// The companies of each snapshot, oldest first, as `hds snapshots` prints them.
    static std::vector<std::int64_t> companies_per_snapshot(const run_result& r)
    {
        std::vector<std::int64_t> counts;
        for (const auto& s : json::parse(r.out)) counts.push_back(s.at("companies").get<std::int64_t>());
        return counts;
    }

    /// Ingests two registries of 2,000 companies into `database` at once, each in its own process; both must
    /// succeed. (The timeout is long: a sanitizer build's ingest may take longer than 5 s, and waiting, not
    /// its length, is the point.)
    void two_ingests_at_once(const std::string& database)
    {
        write_registry(path("a.csv"), 2000, 11);
        write_registry(path("b.csv"), 2000, 12);
        const auto ingest = [&](const char* file, const char* date) {
            return std::vector<std::string>{"--busy-timeout", "300000", "ingest", database, path(file).string(), "--date", date};
        };
        child a(HDS_CLI, ingest("a.csv", "2021-01-31"), dir_.path(), "a");
        child b(HDS_CLI, ingest("b.csv", "2022-01-31"), dir_.path(), "b");
        const run_result ra = a.wait();
        const run_result rb = b.wait();
        EXPECT_EQ(ra.code, 0) << describe(ra);
        EXPECT_EQ(rb.code, 0) << describe(rb);
    }
};

// A writer in the middle of its commit holds the EXCLUSIVE lock; with no busy timeout `hds snapshots` failed
// at once with "database is locked".
TEST_F(concurrency, a_reader_waits_for_a_writers_lock_and_succeeds)
{
    SQLite::Database writer(db(), SQLite::OPEN_READWRITE);
    writer.exec("BEGIN EXCLUSIVE");
    child reader(HDS_CLI, {"snapshots", db(), "--format", "json"}, dir_.path());
    std::this_thread::sleep_for(std::chrono::seconds(1));
    const bool ended_while_locked = reader.finished();
    writer.exec("COMMIT");
    const run_result r = reader.wait();
    EXPECT_FALSE(ended_while_locked) << "the reader did not wait for the lock: " << describe(r);
    ASSERT_EQ(r.code, 0) << describe(r);
    EXPECT_EQ(companies_per_snapshot(r), std::vector<std::int64_t>{50});
}

// Past the timeout the failure is operational (3: retry later), not bad input (2), and one line that says so.
TEST_F(concurrency, a_lock_held_past_the_busy_timeout_is_exit_3_and_changes_nothing)
{
    write_registry(path("next.csv"), 60, 8);
    const std::string before = read_file(db());
    SQLite::Database writer(db(), SQLite::OPEN_READWRITE);
    writer.exec("BEGIN EXCLUSIVE");
    const run_result read = run({"--busy-timeout", "200", "snapshots", db()});
    const run_result write =
        run({"--busy-timeout", "200", "ingest", db(), path("next.csv").string(), "--date", "2021-01-31"});
    writer.exec("ROLLBACK");
    for (const run_result& r : {read, write}) {
        EXPECT_EQ(r.code, 3) << describe(r);
        EXPECT_EQ(r.err.rfind("hds: ", 0), 0U) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_NE(r.err.find("locked"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("--busy-timeout"), std::string::npos) << r.err;
    }
    EXPECT_EQ(read_file(db()), before);
}

// A writer waits for another writer too: with deferred transactions the second ingest's first write found the
// first one's lock and failed at once instead of waiting.
TEST_F(concurrency, two_ingests_at_once_both_succeed)
{
    two_ingests_at_once(db());
    const run_result r = run({"snapshots", db(), "--format", "json"});
    ASSERT_EQ(r.code, 0) << describe(r);
    EXPECT_EQ(companies_per_snapshot(r), (std::vector<std::int64_t>{50, 2000, 2000}));
}

// Two first ingests into a new file: both found it at schema version 0, and the second ran migration 0001 again
// ("table certificate_type already exists"). Then both find the store empty before either holds the lock; the
// one that waits finds it written once it has the lock, and writes as into any store (first_snapshot.hpp),
// with foreign keys on again.
TEST_F(concurrency, two_first_ingests_at_once_into_a_new_database_both_succeed)
{
    const std::string fresh = path("fresh.db").string();
    two_ingests_at_once(fresh);
    const run_result r = run({"snapshots", fresh, "--format", "json"});
    ASSERT_EQ(r.code, 0) << describe(r);
    EXPECT_EQ(companies_per_snapshot(r), (std::vector<std::int64_t>{2000, 2000}));
    EXPECT_EQ(integrity_problems(fresh), "");
}

// The case: 163 of 192 `hds snapshots` run during a large ingest failed. Every one must succeed and
// see the database before the ingest (one snapshot) or after it (two, the second whole), never between.
TEST_F(concurrency, readers_during_a_large_ingest_all_succeed_and_see_the_old_or_the_new_snapshot)
{
    constexpr std::uint32_t large = 20000;
    write_registry(path("large.csv"), large, 3);
    child ingest(HDS_CLI, {"ingest", db(), path("large.csv").string(), "--date", "2024-06-30"}, dir_.path(), "ingest");
    std::size_t reads = 0, saw_old = 0, saw_new = 0;
    bool ingest_done = false;
    // Readers in waves of 4 until the ingest ends, then one more wave: reads before, during and after commit.
    for (int after = 0; after < 1;) {
        ingest_done = ingest_done || ingest.finished();
        if (ingest_done) ++after;
        std::vector<std::unique_ptr<child>> wave;
        for (int i = 0; i < 4; ++i)
            wave.push_back(std::make_unique<child>(HDS_CLI, std::vector<std::string>{"snapshots", db(), "--format", "json"},
                                                   dir_.path(), "reader" + std::to_string(i)));
        for (auto& reader : wave) {
            const run_result r = reader->wait();
            ++reads;
            ASSERT_EQ(r.code, 0) << "read " << reads << ": " << describe(r);
            const auto counts = companies_per_snapshot(r);
            if (counts == std::vector<std::int64_t>{50}) ++saw_old;
            else if (counts == std::vector<std::int64_t>{50, large}) ++saw_new;
            else ADD_FAILURE() << "read " << reads << " saw part of a snapshot: " << r.out;
        }
    }
    const run_result r = ingest.wait();
    EXPECT_EQ(r.code, 0) << describe(r);
    EXPECT_GT(saw_old, 0U) << "no read ran during the ingest";
    EXPECT_GT(saw_new, 0U);
    std::cout << "[ figures  ] " << reads << " concurrent reads during an ingest of " << large << " companies: "
              << saw_old << " saw the old snapshot, " << saw_new << " the new one, 0 failed\n";
}

} // namespace
