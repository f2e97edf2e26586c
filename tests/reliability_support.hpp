// What the reliability tests share (concurrency, crashes, hostile input): a scratch directory, the hds binary
// run as a process, a registry of any size (bench/registry_generator.hpp) and a look into the database
// through a connection of its own.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "process.hpp"
#include "registry_generator.hpp"
#include "test_support.hpp"

namespace hds::reliability {

namespace fs = std::filesystem;
using namespace hds::testing_process;

/// A registry of `companies` companies (about 1.96 rows each) dated 2024-06-30, written to `path`.
inline void write_registry(const fs::path& path, std::uint32_t companies, std::uint64_t seed = 1)
{
    hds_bench::registry_params p;
    p.companies = companies;
    p.seed = seed;
    hds_bench::write_registry(path.string(), p);
}

/// Counts the database holds, read through a connection of its own: what a crash or failure must not change
/// by half.
struct contents {
    std::int64_t snapshots = 0, companies = 0, certificates = 0, spans = 0;
    bool operator==(const contents&) const = default;
};

inline contents contents_of(const fs::path& db)
{
    SQLite::Database sql(db.string(), SQLite::OPEN_READWRITE);
    sql.setBusyTimeout(60000);
    contents c;
    c.snapshots = sql.execAndGet("SELECT count(*) FROM snapshot").getInt64();
    c.companies = sql.execAndGet("SELECT count(*) FROM company").getInt64();
    c.certificates = sql.execAndGet("SELECT count(*) FROM certificate").getInt64();
    c.spans = sql.execAndGet("SELECT count(*) FROM certificate_span").getInt64();
    return c;
}

/// "ok" from PRAGMA integrity_check, and no row from PRAGMA foreign_key_check; what is wrong otherwise.
inline std::string integrity_problems(const fs::path& db)
{
    SQLite::Database sql(db.string(), SQLite::OPEN_READWRITE);
    sql.setBusyTimeout(60000);
    std::string problems;
    SQLite::Statement integrity(sql, "PRAGMA integrity_check");
    while (integrity.executeStep())
        if (const std::string line = integrity.getColumn(0).getString(); line != "ok") problems += line + "\n";
    SQLite::Statement keys(sql, "PRAGMA foreign_key_check");
    while (keys.executeStep()) problems += "foreign key broken in " + keys.getColumn(0).getString() + "\n";
    return problems;
}

/// A scratch directory with a database path in it, and the hds binary to run there.
class hds_process : public ::testing::Test {
protected:
    [[nodiscard]] fs::path path(const std::string& name) const { return dir_.path() / name; }
    [[nodiscard]] std::string db() const { return path("hds.db").string(); }
    [[nodiscard]] run_result run(const std::vector<std::string>& args, limits limit = {}) const
    {
        return run_program(HDS_CLI, args, dir_.path(), limit);
    }
    [[nodiscard]] std::string file(const std::string& name, const std::string& bytes) const
    {
        return dir_.write(name, bytes).string();
    }
    /// Writes a registry of `companies` companies as `name` and ingests it dated `date`, expecting success.
    void ingest_registry(const std::string& name, std::uint32_t companies, std::uint64_t seed,
                         const std::string& date) const
    {
        write_registry(path(name), companies, seed);
        const run_result r = run({"ingest", db(), path(name).string(), "--date", date});
        EXPECT_EQ(r.code, 0) << describe(r);
    }

    hds::testing_support::temp_dir dir_;
};

} // namespace hds::reliability
