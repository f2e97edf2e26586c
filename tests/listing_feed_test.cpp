#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "listing_feed.hpp"

namespace {

hds::listing row(std::size_t line)
{
    hds::listing out;
    out.file_ordinal = 1;
    out.line = line;
    out.company = "Company " + std::to_string(line);
    return out;
}

// Many batches, and rows of both kinds: each arrives once, in the order read.
TEST(listing_feed, hands_every_row_over_in_the_order_read)
{
    constexpr std::size_t rows = 10'000;
    hds::listing_feed feed([](const hds::listing_feed::emit& emit) {
        for (std::size_t line = 2; line < rows + 2; ++line) {
            if (line % 7 == 0) emit(hds::rejected_row{1, line, "bad", {}});
            else emit(row(line));
        }
    });
    std::size_t expected = 2;
    feed.drain([&](hds::parsed_row&& taken) {
        const std::size_t line = std::visit([](const auto& r) { return r.line; }, taken);
        EXPECT_EQ(line, expected);
        EXPECT_EQ(std::holds_alternative<hds::rejected_row>(taken), line % 7 == 0);
        if (const auto* l = std::get_if<hds::listing>(&taken)) {
            EXPECT_EQ(l->company, "Company " + std::to_string(line));
        }
        ++expected;
    });
    EXPECT_EQ(expected, rows + 2);
}

// What stops the reader comes after the rows it read before, as if the caller had read them itself.
TEST(listing_feed, a_failure_of_the_reader_comes_after_the_rows_read_before_it)
{
    hds::listing_feed feed([](const hds::listing_feed::emit& emit) {
        for (std::size_t line = 2; line < 1002; ++line) emit(row(line));
        throw std::runtime_error("list.csv:1002: unknown activity 7");
    });
    std::size_t taken = 0;
    try {
        feed.drain([&](hds::parsed_row&&) { ++taken; });
        ADD_FAILURE() << "the reader's failure was lost";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "list.csv:1002: unknown activity 7");
    }
    EXPECT_EQ(taken, 1000U);
}

// The caller fails on a row (a duplicate) while the reader could go on for ever: the feed stops it, and
// does not hang.
TEST(listing_feed, a_failure_of_the_caller_stops_the_reader)
{
    std::atomic<bool> reader_ended = false;
    try {
        hds::listing_feed feed([&](const hds::listing_feed::emit& emit) {
            try {
                for (std::size_t line = 2;; ++line) emit(row(line));
            } catch (...) {
                reader_ended = true;
                throw;
            }
        });
        feed.drain([](hds::parsed_row&& taken) {
            if (std::get<hds::listing>(taken).line == 600) throw std::runtime_error("duplicate row");
        });
        ADD_FAILURE() << "the caller's failure was lost";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "duplicate row");
    }
    EXPECT_TRUE(reader_ended);
}

// The reader waits while the queue is full, and a feed given up before it is drained (the database was
// locked) stops its reader.
TEST(listing_feed, the_reader_waits_for_room_and_stops_when_given_up)
{
    std::atomic<std::size_t> emitted = 0;
    {
        hds::listing_feed feed([&](const hds::listing_feed::emit& emit) {
            for (std::size_t line = 2;; ++line) {
                emit(row(line));
                ++emitted;
            }
        });
        while (emitted < 100) std::this_thread::yield();
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        // The queue's batches, and one more the reader holds: it is waiting to hand that one over.
        EXPECT_LE(emitted, (hds::listing_feed::queued_batches + 1) * hds::listing_feed::batch_rows);
    }
}

// The caller gets its first row once the queue is full, so that as many rows are in flight, and as much memory
// used, whether the caller was ready at once (a first snapshot) or had the latest snapshot to read first; and
// a file shorter than the queue comes whole when its reader ends.
TEST(listing_feed, the_first_row_comes_once_the_queue_is_full_or_the_reader_ended)
{
    constexpr std::size_t full = hds::listing_feed::queued_batches * hds::listing_feed::batch_rows;
    std::atomic<std::size_t> emitted = 0;
    hds::listing_feed feed([&](const hds::listing_feed::emit& emit) {
        for (std::size_t line = 2; line < 2 + 3 * full; ++line) {
            ++emitted; // before: emitting the row that fills the queue wakes the caller
            emit(row(line));
        }
    });
    std::size_t emitted_at_first = 0;
    std::size_t taken = 0;
    feed.drain([&](hds::parsed_row&&) {
        if (taken++ == 0) emitted_at_first = emitted;
    });
    EXPECT_GE(emitted_at_first, full);
    EXPECT_EQ(taken, 3 * full);

    std::size_t short_taken = 0;
    hds::listing_feed short_file([&](const hds::listing_feed::emit& emit) {
        for (std::size_t line = 2; line < 12; ++line) emit(row(line));
    });
    short_file.drain([&](hds::parsed_row&&) { ++short_taken; });
    EXPECT_EQ(short_taken, 10U);
}

} // namespace
