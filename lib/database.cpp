#include "hds/database.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include <SQLiteCpp/Transaction.h>

#include "findings/findings_view.hpp"
#include "hds/error.hpp"
#include "sqlite_error.hpp"
#include "store/activity_union.hpp"
#include "store/connection.hpp"
#include "store/migrations.hpp"
#include "store/totals.hpp"

namespace hds {

database::database(std::unique_ptr<impl> handle) : impl_(std::move(handle)) {}
database::database(database&&) noexcept = default;
database& database::operator=(database&&) noexcept = default;
database::~database() = default;

database database::open(const std::filesystem::path& path, open_mode mode, std::chrono::milliseconds busy_timeout)
{
    // Said before SQLite tries, which would answer only "unable to open database file": what is wrong, with
    // the system's reason.
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (std::filesystem::is_directory(status))
        throw error(error_kind::database, path.string() + ": is a directory, not a database file");
    if (!std::filesystem::exists(status)) {
        if (mode == open_mode::existing || (ec && ec != std::errc::no_such_file_or_directory))
            throw error(error_kind::not_found, path.string() + ": no such database (" +
                                                   (ec ? ec.message() : std::string("No such file or directory")) + ")");
    } else if (const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC); fd < 0) {
        // Permission denied: fixed outside the input, as a read-only file is (exit 3).
        throw error(error_kind::operational, path.string() + ": cannot open the database: " + std::strerror(errno));
    } else {
        ::close(fd);
    }
    // No mutex on the connection: a handle is used by one thread at a time (docs/api.md), and SQLite would
    // otherwise lock and unlock it around every call, 3 % of an ingest's instructions.
    const int flags = (mode == open_mode::create ? SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE
                                                 : SQLite::OPEN_READWRITE) | SQLite::OPEN_NOMUTEX;
    try {
        auto handle = std::make_unique<impl>(path, flags);
        handle->db.setBusyTimeout(static_cast<int>(busy_timeout.count()));
        // Rollback journal, not WAL: the .db stays one self-contained file users copy and open elsewhere.
        // Readers then wait only while a commit writes (EXCLUSIVE lock), provided the writer never spills
        // dirty pages into the file before it commits; a spill would take that lock for the rest of the
        // transaction and block readers for a whole ingest (docs/reliability.md).
        handle->db.exec("PRAGMA cache_spill = OFF");
        use_small_cache(handle->db);
        handle->db.exec("PRAGMA foreign_keys = ON");
        store::register_activity_union(handle->db);
        // Reading the schema is where a file that is not SQLite shows itself.
        handle->db.execAndGet("SELECT count(*) FROM sqlite_schema");
        // A newer hds's file is refused before anything could write to it, and the message names it.
        if (const int version = handle->db.execAndGet("PRAGMA user_version").getInt();
            version > store::latest_schema_version())
            throw error(error_kind::database, location{path.string(), 0},
                        "schema version " + std::to_string(version) + " is newer than this hds knows (" +
                            std::to_string(store::latest_schema_version()) + "); upgrade hds");
        store::migrate(handle->db, store::latest_schema_version());
        store::install_views(handle->db);
        // v_findings is generated from the article's findings set, for plain SQLite (docs/findings.md).
        findings::install_findings_view(handle->db);
        // Snapshots ingested before table snapshot_total existed are counted once, from their spans.
        if (store::totals_missing(handle->db)) {
            SQLite::Transaction transaction(handle->db);
            store::count_totals_again(handle->db);
            transaction.commit();
        }
        return database(std::move(handle));
    } catch (const SQLite::Exception& e) {
        throw sqlite_error(e, path.string());
    }
}

int database::schema_version() const { return impl_->db.execAndGet("PRAGMA user_version").getInt(); }

int database::schema_version_supported() noexcept { return store::latest_schema_version(); }

const std::filesystem::path& database::path() const noexcept { return impl_->path; }

} // namespace hds
