#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "hds/error.hpp"
#include "listing_feed.hpp"

namespace {

using hds::activity;

hds::listing row(std::size_t line)
{
    hds::listing out;
    out.file_ordinal = 1;
    out.line = line;
    out.company = "Company " + std::to_string(line);
    return out;
}

/// The parsers of a list with columns "Raison sociale;Activités".
std::shared_ptr<const hds::row_parsers> list_parsers()
{
    static const hds::certificate_types decree(
        {hds::certificate_types::entry{"Hébergeur d'infrastructure physique", {activity{1}, activity{2}}},
         hds::certificate_types::entry{"Hébergeur infogéreur", {activity{3}, activity{4}, activity{5}, activity{6}}}});
    // map_columns wants a row under the header
    const hds::readers::table table{"list.csv", "", {{1, {"Raison sociale", "Activités"}}, {2, {"Company 2", "1"}}}};
    return std::make_shared<const hds::row_parsers>(
        hds::listing_parser("list.csv", table.rows[0], hds::map_columns(table), decree, 1, false));
}

/// Line `line` of that list, as read: "Company LINE;ACTIVITIES".
hds::readers::row raw(std::size_t line, const std::string& activities = "1")
{
    return {line, {"Company " + std::to_string(line), activities}};
}

/// Takes rows from `feed`, checking that each is line `line` of the list, parsed, in order; the lines taken.
std::size_t take_in_order(hds::listing_feed& feed, std::size_t first_line)
{
    std::size_t line = first_line;
    feed.drain([&](hds::parsed_row&& taken) {
        const auto& l = std::get<hds::listing>(taken);
        EXPECT_EQ(l.line, line);
        EXPECT_EQ(l.company, "Company " + std::to_string(line));
        EXPECT_EQ(l.certificates.size(), 1U);
        ++line;
    });
    return line - first_line;
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

constexpr std::size_t full_queue = hds::listing_feed::queued_batches * hds::listing_feed::batch_rows;

/// Returns once the caller waits for rows.
void wait_for_the_caller(const std::atomic<hds::listing_feed*>& feed)
{
    while (feed.load() == nullptr || !feed.load()->caller_waiting()) std::this_thread::yield();
}

/// Emits the rows of lines 2 to 2 + full_queue, then returns once the caller waits for more.
void fill_the_queue_until_the_caller_waits(const hds::listing_feed::emit& emit, const std::atomic<hds::listing_feed*>& feed,
                                           const std::shared_ptr<const hds::row_parsers>& parsers)
{
    for (std::size_t line = 2; line < 2 + full_queue; ++line) emit(raw(line), parsers);
    wait_for_the_caller(feed);
}

// Rows to parse are parsed by the reader while the caller is busy or has not started, and by the caller while
// it waits for more: they come parsed and in order either way. The queue's first fill is the reader's to
// parse, even when the caller waits for it: a parsed row takes more memory, and a day's peak must not depend on
// whether its caller had the latest snapshot to read first.
TEST(listing_feed, rows_to_parse_come_parsed_in_order_whichever_thread_parses_them)
{
    const auto parsers = list_parsers();
    std::atomic<hds::listing_feed*> self = nullptr;
    hds::listing_feed feed([&](const hds::listing_feed::emit& emit) {
        fill_the_queue_until_the_caller_waits(emit, self, parsers);
        // A batch, and once the caller has parsed it and waits again, 72 rows more that end the file.
        std::size_t line = 2 + full_queue;
        for (; line < 2 + full_queue + hds::listing_feed::batch_rows; ++line) emit(raw(line), parsers);
        wait_for_the_caller(self);
        for (; line < 202 + full_queue; ++line) emit(raw(line), parsers);
    });
    self = &feed;
    EXPECT_EQ(take_in_order(feed, 2), full_queue + 200);
    EXPECT_EQ(feed.rows_parsed_by_caller(), 200U);
}

// A row that fails to parse stops the rows there, after those before it and before what stopped the reader
// later in the file, whichever thread parses it.
TEST(listing_feed, a_row_that_fails_to_parse_comes_after_the_rows_before_it_whichever_thread_parses_it)
{
    const auto parsers = list_parsers();
    // From line `first` on, `rows` rows of which the 49th (line first + 48) is bad.
    const auto rows_with_a_bad_one = [&](const hds::listing_feed::emit& emit, std::size_t first, std::size_t rows) {
        for (std::size_t line = first; line < first + rows; ++line) emit(raw(line, line == first + 48 ? "7" : "1"), parsers);
    };
    const auto expect_failure_after = [&](hds::listing_feed& feed, std::size_t good_rows) {
        try {
            EXPECT_EQ(take_in_order(feed, 2), good_rows);
            ADD_FAILURE() << "the bad row was taken";
        } catch (const hds::error& e) {
            EXPECT_EQ(std::string(e.what()),
                      "list.csv:" + std::to_string(good_rows + 2) + ": unknown activity 7 (activities are numbered 1 to 6)");
        }
    };

    // The caller parses: once it waits for more than the queue's first fill, the reader emits the bad row, then
    // fails further on.
    std::atomic<hds::listing_feed*> self = nullptr;
    hds::listing_feed caller_parses([&](const hds::listing_feed::emit& emit) {
        fill_the_queue_until_the_caller_waits(emit, self, parsers);
        rows_with_a_bad_one(emit, 2 + full_queue, 100);
        throw std::runtime_error("list.csv:9999: malformed quote");
    });
    self = &caller_parses;
    expect_failure_after(caller_parses, full_queue + 48);
    EXPECT_EQ(caller_parses.rows_parsed_by_caller(), 49U);

    // The reader parses: the batch with the bad row is handed over before the caller drains.
    std::atomic<bool> handed = false;
    hds::listing_feed reader_parses([&](const hds::listing_feed::emit& emit) {
        try {
            rows_with_a_bad_one(emit, 2, hds::listing_feed::batch_rows + 10);
        } catch (...) {
            handed = true;
            throw;
        }
    });
    while (!handed) std::this_thread::yield();
    expect_failure_after(reader_parses, 48);
    EXPECT_EQ(reader_parses.rows_parsed_by_caller(), 0U);

    // Either: the bad row is in the last rows read, and the reader fails further on.
    hds::listing_feed either([&](const hds::listing_feed::emit& emit) {
        rows_with_a_bad_one(emit, 2, 100);
        throw std::runtime_error("list.csv:102: malformed quote");
    });
    expect_failure_after(either, 48);
}

} // namespace
