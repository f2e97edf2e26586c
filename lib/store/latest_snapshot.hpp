// What the latest snapshot lists, held in memory while a newer snapshot is written.
//
// A daily list repeats most of the day before's rows. A row whose company, certifier and certificates the
// latest snapshot already lists is matched here by a hash lookup and carried into the new snapshot as it
// is read; only the other rows are staged and resolved in SQL (snapshot_writer.hpp). For a day of the
// ten-year series that is a few dozen rows of 3,714.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include <SQLiteCpp/Database.h>

#include "hds/certificate.hpp"

namespace hds::store {

class latest_snapshot {
public:
    /// The most certificates held: the memory stays bounded (about 16 MB at this size) whatever the history.
    /// Past it, or when `date` is not after the latest snapshot's (a snapshot out of date order or replaced),
    /// nothing is held and every row is staged.
    static constexpr std::int64_t largest = 100'000;

    latest_snapshot(SQLite::Database& db, const std::string& date);

    struct company {
        std::int64_t id = 0;
        std::string display_name;
    };

    /// The company the latest snapshot lists under this key (its own key, not an alias), or nullptr.
    [[nodiscard]] const company* find_company(const std::string& key) const;

    /// The certifier of this key, or nullopt when no snapshot has it yet.
    [[nodiscard]] std::optional<std::int64_t> find_certifier(const std::string& key) const;

    /// The id of the certificate the latest snapshot lists with exactly these values (compared as the
    /// unique index certificate_identity compares them), or nullopt.
    [[nodiscard]] std::optional<std::int64_t> find_certificate(std::int64_t company_id, std::optional<std::int64_t> certifier_id,
                                                               const certificate& c) const;

private:
    std::unordered_map<std::string, company> companies_;
    std::unordered_map<std::string, std::int64_t> certifiers_;
    std::unordered_map<std::string, std::int64_t> certificates_; // identity (below) → id
};

} // namespace hds::store
