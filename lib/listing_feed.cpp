#include "listing_feed.hpp"

#include <utility>

namespace hds {
namespace {

/// Unwinds the reader when the caller has given up.
struct stopped {};

} // namespace

listing_feed::listing_feed(std::function<void(const emit&)> read)
    : thread_([this, read = std::move(read)] { run(read); })
{
}

listing_feed::~listing_feed()
{
    if (!thread_.joinable()) return;
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void listing_feed::hand_over(std::vector<parsed_row>& batch)
{
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return batches_.size() < queued_batches || stopping_; });
        if (stopping_) throw stopped{};
        batches_.push_back(std::move(batch));
        if (spent_.empty()) batch = {};
        else {
            batch = std::move(spent_.back());
            spent_.pop_back();
        }
    }
    changed_.notify_all();
    batch.clear(); // the rows of a spent batch are freed here, on the thread that allocated them
    batch.reserve(batch_rows);
}

void listing_feed::run(const std::function<void(const emit&)>& read)
{
    std::vector<parsed_row> batch;
    batch.reserve(batch_rows);
    std::exception_ptr failure;
    try {
        try {
            read([&](parsed_row&& row) {
                batch.push_back(std::move(row));
                if (batch.size() == batch_rows) hand_over(batch);
            });
        } catch (const stopped&) {
            throw;
        } catch (...) {
            failure = std::current_exception();
        }
        if (!batch.empty()) hand_over(batch); // the rows read before the end, or before the failure
    } catch (const stopped&) {
        return; // the caller is not waiting for anything more
    }
    {
        const std::lock_guard lock(mutex_);
        failure_ = failure;
        done_ = true;
    }
    changed_.notify_all();
}

void listing_feed::drain(const emit& take)
{
    // The first batch is taken once the queue is full: as many rows are in flight, and as much memory
    // used, whether or not the caller had to read the latest snapshot first.
    bool started = false;
    for (;;) {
        std::vector<parsed_row> batch;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return done_ || (started ? !batches_.empty() : batches_.size() == queued_batches); });
            started = true;
            if (batches_.empty()) break;
            batch = std::move(batches_.front());
            batches_.pop_front();
        }
        changed_.notify_all();
        for (parsed_row& row : batch) take(std::move(row));
        const std::lock_guard lock(mutex_);
        spent_.push_back(std::move(batch));
    }
    thread_.join();
    if (failure_) std::rethrow_exception(failure_);
}

} // namespace hds
