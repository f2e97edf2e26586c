#include "store/writeback.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>

#include <sqlite3.h>

namespace hds::store {

background_writeback::background_writeback(SQLite::Database& db)
{
#ifdef __linux__
    const char* path = sqlite3_db_filename(db.getHandle(), "main");
    if (path != nullptr && *path != '\0') fd_ = ::open(path, O_RDONLY | O_CLOEXEC); // none in memory
    if (fd_ >= 0) thread_ = std::thread([this] { run(); });
#else
    (void)db;
#endif
}

background_writeback::~background_writeback()
{
    if (thread_.joinable()) {
        {
            const std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        stop_asked_.notify_all();
        thread_.join();
    }
    if (fd_ >= 0) ::close(fd_);
}

void background_writeback::run()
{
#ifdef __linux__
    std::unique_lock lock(mutex_);
    while (!stop_asked_.wait_for(lock, std::chrono::milliseconds(50), [this] { return stopping_; }))
        if (::sync_file_range(fd_, 0, 0, SYNC_FILE_RANGE_WRITE) != 0) return;
#endif
}

} // namespace hds::store
