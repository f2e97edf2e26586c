// An ingest killed at any moment, or stopped by a full disk, leaves a sound database holding the whole
// snapshot or none of it, and the next command works (SQLite's rollback journal; docs/reliability.md).
#include "reliability_support.hpp"

#include <chrono>
#include <thread>

namespace {

using namespace hds::reliability;
using clock_type = std::chrono::steady_clock;

constexpr std::uint32_t large = 5000; // companies: an ingest long enough to be killed in many places

class crash : public hds_process {
protected:
    crash()
    {
        ingest_registry("small.csv", 50, 7, "2020-01-31");
        write_registry(path("large.csv"), large, 5);
        fs::copy_file(db(), path("base.db"));
        before_ = contents_of(db());
    }

    [[nodiscard]] std::vector<std::string> ingest_large() const
    {
        return {"ingest", db(), path("large.csv").string(), "--date", "2024-06-30"};
    }

    void restore_base() const
    {
        fs::remove(path("hds.db-journal"));
        fs::copy_file(path("base.db"), db(), fs::copy_options::overwrite_existing);
    }

    contents before_;
};

TEST_F(crash, an_ingest_killed_anywhere_leaves_all_or_nothing_and_the_next_command_works)
{
    // A full run first: what "all" is, and how long a run takes, to spread the kills over it.
    const auto start = clock_type::now();
    const run_result full = run(ingest_large());
    const auto duration = clock_type::now() - start;
    ASSERT_EQ(full.code, 0) << describe(full);
    const contents after = contents_of(db());
    ASSERT_NE(after, before_);

    // Kills a step later each time until one comes too late, so they cover the whole run however fast this
    // machine runs it now (the first run's duration only sets the step; other tests may share the CPU).
    const auto step = duration / 24;
    int points = 0, killed = 0, finished = 0, held_all = 0, held_none = 0, hot_journals = 0;
    for (int k = 1; finished == 0 && k <= 120; ++k) {
        ++points;
        restore_base();
        const auto delay = step * k;
        child ingest(HDS_CLI, ingest_large(), dir_.path(), "ingest");
        std::this_thread::sleep_for(delay);
        ingest.kill_now();
        const run_result r = ingest.wait();
        if (r.signal == SIGKILL) ++killed;
        else if (r.code == 0) ++finished;
        else ADD_FAILURE() << "kill point " << k << ": " << describe(r);
        if (fs::exists(path("hds.db-journal"))) ++hot_journals; // killed while it wrote the database

        // The next command, a reader, finds the journal the killed writer left and rolls it back.
        const run_result next = run({"snapshots", db(), "--format", "json"});
        EXPECT_EQ(next.code, 0) << "kill point " << k << ": " << describe(next);
        EXPECT_EQ(integrity_problems(db()), "") << "kill point " << k;
        const contents now = contents_of(db());
        if (now == after) ++held_all;
        else if (now == before_) ++held_none;
        else ADD_FAILURE() << "kill point " << k << ": part of a snapshot: " << now.snapshots << " snapshots, "
                           << now.companies << " companies, " << now.certificates << " certificates";
        // And a writer: the same ingest again completes, or says the snapshot is already there.
        const run_result again = run(ingest_large());
        EXPECT_EQ(again.code, 0) << "kill point " << k << ": " << describe(again);
        EXPECT_EQ(contents_of(db()), after) << "kill point " << k;
    }
    EXPECT_GT(killed, 0);
    EXPECT_GT(held_none, 0);
    std::cout << "[ figures  ] " << points << " kill points over an ingest of " << large << " companies: " << killed
              << " killed mid-run (" << held_none << " left no snapshot, " << held_all - finished << " the whole one, "
              << hot_journals << " were writing and left a journal to roll back), " << finished << " had finished; all sound\n";
}

// A file-size limit (as a full disk: writes fail with EFBIG/ENOSPC) stops the ingest's commit: exit 3, one
// line, and the database byte for byte as it was.
TEST_F(crash, a_full_disk_is_exit_3_and_leaves_the_database_as_it_was)
{
    const std::string bytes = read_file(db());
    const limits room{static_cast<rlim_t>(bytes.size() + 64 * 1024), std::nullopt};
    const run_result r = run(ingest_large(), room);
    EXPECT_EQ(r.code, 3) << describe(r);
    EXPECT_EQ(r.err.rfind("hds: ", 0), 0U) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(read_file(db()), bytes);
    EXPECT_FALSE(fs::exists(path("hds.db-journal")));
    EXPECT_EQ(integrity_problems(db()), "");
    const run_result later = run(ingest_large());
    EXPECT_EQ(later.code, 0) << describe(later);
}

// The same for a database the ingest creates: exit 3 and no file left behind.
TEST_F(crash, a_full_disk_while_creating_the_database_leaves_no_file)
{
    const std::string fresh = path("fresh.db").string();
    const run_result r = run({"ingest", fresh, path("large.csv").string(), "--date", "2024-06-30"}, limits{64 * 1024, std::nullopt});
    EXPECT_EQ(r.code, 3) << describe(r);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_FALSE(fs::exists(fresh));
    EXPECT_FALSE(fs::exists(fresh + "-journal"));
}

} // namespace
