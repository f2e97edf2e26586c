// hds::database: an open hds SQLite file, migrated to the schema this library knows.
//
// Thread-safety: a database handle shall not be used by two threads at once; open one handle per thread
// (SQLite serialises writers between them).
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>

namespace hds {

enum class open_mode {
    create,   ///< create the file when missing (commands that write)
    existing, ///< the file must exist (commands that only read); a missing file throws error_kind::not_found
};

class database {
public:
    /// How long a statement waits for another connection's lock before it fails (error_kind::operational).
    static constexpr std::chrono::milliseconds default_busy_timeout{5000};

    /** Opens the database at `path` and applies, in order and each in its own transaction, the
     *  migrations it has not seen yet; then (re)installs the views when their SQL changed.
     *  Foreign keys are enforced on the connection. While another connection writes, every statement of this
     *  one waits up to `busy_timeout` for its lock (readers only wait while a commit is being written).
     *  Throws hds::error: not_found for a missing file in open_mode::existing, database when the file is
     *  not an SQLite database or was written by a newer hds (a higher schema version), operational when it
     *  stayed locked past `busy_timeout` or cannot be opened or written.
     *  Example: `auto db = hds::database::open("hds.db");` */
    static database open(const std::filesystem::path& path, open_mode mode = open_mode::create,
                         std::chrono::milliseconds busy_timeout = default_busy_timeout);

    database(database&&) noexcept;
    database& operator=(database&&) noexcept;
    database(const database&) = delete;
    database& operator=(const database&) = delete;
    ~database();

    /// The schema version of the file (PRAGMA user_version); equal to schema_version_supported() once open.
    [[nodiscard]] int schema_version() const;
    /// The schema version this library writes: the number of migrations it carries.
    [[nodiscard]] static int schema_version_supported() noexcept;
    [[nodiscard]] const std::filesystem::path& path() const noexcept;

    struct impl; ///< private: the SQLite connection, for the library's own code
    [[nodiscard]] impl& internal() noexcept { return *impl_; }

private:
    explicit database(std::unique_ptr<impl> handle);
    std::unique_ptr<impl> impl_;
};

} // namespace hds
