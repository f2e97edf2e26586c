// What the latest snapshot lists, held in memory while a newer snapshot is written.
//
// A daily list repeats most of the day before's rows. A row whose company, certifier and certificates the
// latest snapshot already lists is matched here by a hash lookup and carried into the new snapshot as it
// is read; only the other rows are staged and resolved in SQL (snapshot_writer.hpp). For a day of the
// ten-year series that is a few dozen rows of 3,714. The new snapshot's spans are then written as what
// changed from the latest one (write_next): a few rows, where the set-based statements of spans.hpp would
// compare every open span with every listed key.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "hds/certificate.hpp"

namespace hds::store {

/// What a new snapshot lists, gathered in memory: its certificates, and its companies with the union of
/// their certificates' activities and their rows' notes (distinct, in the order the rows give them).
struct listed_snapshot {
    struct company {
        int activities = 0;
        std::vector<std::string> notes;
        /// The company's note as its span keeps it: none, the one, or all of them joined by "; ".
        [[nodiscard]] std::optional<std::string> note() const;
    };
    std::vector<std::int64_t> certificates; ///< distinct, in order
    std::unordered_map<std::int64_t, company> companies;
};

class latest_snapshot {
public:
    /// The most certificates held, so that the memory stays bounded whatever the history: a list of 95,000
    /// certificates written again the next month took 11 MB more than staging every row (75 MB in all).
    /// Past it, or when `date` is not after the latest snapshot's (a snapshot out of date order or replaced),
    /// nothing is held and every row is staged.
    static constexpr std::int64_t largest = 100'000;

    latest_snapshot(SQLite::Database& db, const std::string& date);

    /// Whether the latest snapshot is held (see `largest`).
    [[nodiscard]] bool held() const noexcept { return !date_.empty(); }
    /// The latest snapshot's id; only when held().
    [[nodiscard]] std::int64_t id() const noexcept { return id_; }

    /// A company the latest snapshot lists, with its open span.
    struct company {
        std::int64_t id = 0;
        std::string display_name;
        int activities = 0;                    ///< its open span's
        std::optional<std::string> provenance; ///< its open span's note
        /// How the new snapshot's first row of it spells it (set by the writer): not seen yet, as
        /// display_name, or otherwise.
        enum class spelling : std::uint8_t { unseen, same, other } first_spelling = spelling::unseen;
    };

    /// A certificate the latest snapshot lists.
    struct certificate_listed {
        std::int64_t id = 0;
        /// Where the new snapshot first lists it (set by the writer); line 0 while it does not yet.
        std::size_t file_ordinal = 0;
        std::size_t line = 0;
    };

    /// The company the latest snapshot lists whose key or alias this is, or nullptr.
    [[nodiscard]] company* find_company(const std::string& key);

    /// The certifier of this key, or nullopt when no snapshot has it yet.
    [[nodiscard]] std::optional<std::int64_t> find_certifier(const std::string& key) const;

    /// The certificate the latest snapshot lists with exactly these values (compared as the unique index
    /// certificate_identity compares them), or nullptr.
    [[nodiscard]] certificate_listed* find_certificate(std::int64_t company_id, std::optional<std::int64_t> certifier_id,
                                                       const certificate& c);

    /// Frees what matching rows takes once every row is read, before the writer's memory peaks.
    void rows_read();

    /// How many of `listed`'s companies the latest snapshot listed with the same activities.
    [[nodiscard]] std::size_t unchanged_companies(const listed_snapshot& listed) const;

    /// Records that the snapshot dated `date` (after the latest) lists `listed`: the spans of what it no
    /// longer lists, or lists otherwise, end at the latest snapshot; what it lists anew opens a span. The
    /// invariant of spans.hpp holds after, as add_snapshot would leave it. Only when held(), after rows_read().
    void write_next(SQLite::Database& db, const std::string& date, const listed_snapshot& listed) const;

private:
    std::string date_; ///< the latest snapshot's, when held
    std::int64_t id_ = 0;
    std::unordered_map<std::string, company> companies_; // by key
    std::unordered_map<std::string, company*> aliases_;  // by alias key (a key is never both)
    std::unordered_map<std::string, std::int64_t> certifiers_;
    std::unordered_map<std::string, certificate_listed> certificates_; // by identity (latest_snapshot.cpp)
    std::vector<std::int64_t> certificate_ids_; // the same ids, in order
    std::string key_; // find_certificate's identity, kept to spare an allocation a row
};

} // namespace hds::store
