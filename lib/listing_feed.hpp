// A snapshot's rows read and parsed on a thread of their own while the caller writes them to the database.
// Reading (decoding, CSV, Unicode folding, dates) and writing (SQLite) each take about half of an ingest's
// time; on two cores they overlap instead of adding up (docs/performance.md, tenth round). A row the caller
// would otherwise wait for is parsed by the caller itself (fifteenth round).
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "listing.hpp"

namespace hds {

/// A file's parser twice: the reading thread parses with one and the caller with the other, so that the
/// two threads never share a parser's memos.
struct row_parsers {
    explicit row_parsers(const listing_parser& parser) : reader(parser), caller(parser) {}
    listing_parser reader;
    listing_parser caller;
};

/// Runs a reader on its own thread and hands its rows over in the order it emits them, a batch at a time
/// through a bounded queue: memory does not grow with the file, however much faster reading is than writing.
/// What stops the reader (a bad row, an unreadable file) reaches the caller after the rows read before it,
/// just as if it had read them itself.
///
/// A reader may emit a row still to be parsed, with its file's parsers. The reading thread parses a batch of
/// them before handing it over, unless the caller is waiting for rows: then the caller gets the batch as read
/// and parses it, instead of waiting while the reader does. A daily list's reader is the longer of the two
/// threads, and its caller waits once it has read the latest snapshot.
class listing_feed {
public:
    /// Where the reader puts its rows, in file order.
    class emit {
    public:
        /// A row parsed already.
        void operator()(parsed_row&& row) const;
        /// A row to parse with `parsers`, on whichever thread is free.
        void operator()(readers::row&& row, const std::shared_ptr<const row_parsers>& parsers) const;

    private:
        friend class listing_feed;
        explicit emit(listing_feed& feed) : feed_(feed) {}
        listing_feed& feed_;
    };
    using take_row = std::function<void(parsed_row&&)>;

    // 128 rows a batch spare a lock and a wake-up per row. 16 batches in the queue let the reader go on while
    // the writer reads the latest snapshot (latest_snapshot.hpp), a third of a daily ingest's time: with 4, the
    // reader waited for the writer, and the day took the sum of both. The first batch is taken once the queue
    // is full (drain), so that 2,048 rows (1.5 MiB) are in flight on every day, whether or not the writer
    // had a snapshot to read first: a day's peak memory does not depend on how far the reader got. Taking them
    // at once, the same day's peak varied by 1.5 MiB from run to run, past 10 % of it.
    static constexpr std::size_t batch_rows = 128;
    static constexpr std::size_t queued_batches = 16;

    /// Starts `read` on a new thread. `read` calls its argument for each row; everything it refers to must
    /// outlive the feed.
    explicit listing_feed(std::function<void(const emit&)> read);
    /// Stops the reader if its rows were not all taken (the caller failed first), and waits for its thread.
    ~listing_feed();
    listing_feed(const listing_feed&) = delete;
    listing_feed& operator=(const listing_feed&) = delete;

    /// Calls `take` for each row in order, parsed, then rethrows what stopped the reader, if anything. A row
    /// that fails to parse stops it there, as the reader's failure would. Once this returns, whatever the
    /// reader wrote before it ended is visible to the caller; its thread frees the rows taken, and ends.
    void drain(const take_row& take);

    /// Whether the caller has started and is waiting for a batch now, none being in the queue.
    bool caller_waiting();
    /// How many rows the caller parsed itself, once drained.
    std::size_t rows_parsed_by_caller() const noexcept { return rows_parsed_by_caller_; }

private:
    /// Rows parsed, or rows to parse with `parsers`; never both.
    struct batch {
        std::vector<parsed_row> rows;
        std::vector<readers::row> unparsed;
        std::shared_ptr<const row_parsers> parsers;
    };

    void run(const std::function<void(const emit&)>& read);
    void put(parsed_row&& row);
    void put(readers::row&& row, const std::shared_ptr<const row_parsers>& parsers);
    void flush();
    void hand_over();

    batch filling_; // the reader's thread's own
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<batch> batches_;
    // Batches the caller has written, handed back so that the reader's thread frees their rows and reuses
    // their room. Memory freed by another thread than the one that allocated it takes glibc's slower path
    // (a 100,000-row ingest: 6.81 → 6.68 G instructions, docs/performance.md, fourteenth round).
    std::vector<batch> spent_;
    bool caller_waiting_ = false;
    bool done_ = false;     // the reader ended, with or without failure_
    bool drained_ = false;  // the caller took every batch: the reader frees the spent ones and ends
    bool stopping_ = false; // the caller gave up: the reader stops at its next batch
    std::exception_ptr failure_;
    std::size_t rows_parsed_by_caller_ = 0; // the caller's thread's own
    std::thread thread_; // last: it starts once everything above exists
};

} // namespace hds
