// Writing a large transaction's pages to disk while it goes on, rather than all at its commit.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include <SQLiteCpp/Database.h>

namespace hds::store {

/// While it lives, a thread asks the system every 50 ms to start writing to disk the pages of the main database
/// file that SQLite has written so far (changed pages it spilled from its cache), without waiting for them.
/// The commit's fdatasync then waits only for what is left. A first snapshot of the 1M-row registry writes
/// 250 MB, and its commit's fdatasync took 0.8 s when it wrote them all; asked from the writing thread
/// itself, between statements, the requests blocked it for 0.4 s (docs/performance.md, fifteenth round). A
/// first snapshot's writer holds one from its start to its commit.
/// Pages reach the disk sooner, never in another order than SQLite wrote them to the file: the journal,
/// synced before any of them was written, still covers them. Does nothing where the system cannot (other than
/// Linux), and stops asking on any failure.
class background_writeback {
public:
    explicit background_writeback(SQLite::Database& db);
    ~background_writeback();
    background_writeback(const background_writeback&) = delete;
    background_writeback& operator=(const background_writeback&) = delete;

private:
    void run();

    int fd_ = -1; // a descriptor of our own (SQLite shares none): write-back acts on the file, whichever asks
    std::mutex mutex_;
    std::condition_variable stop_asked_;
    bool stopping_ = false;
    std::thread thread_; // last: it starts once everything above exists
};

} // namespace hds::store
