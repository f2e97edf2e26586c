// What the reference data says each certificate type covers (tables certificate_type and activity), read
// from the database once per ingest so that no activity number is fixed in code.
#pragma once

#include <array>
#include <string>

#include "hds/activity.hpp"

namespace hds {

class certificate_types {
public:
    struct entry {
        std::string label_fr;  ///< "Hébergeur infogéreur"
        activity_set activities; ///< the activities whose activity.certificate_type is this type
    };

    explicit certificate_types(std::array<entry, 2> entries) : entries_(std::move(entries)) {}

    [[nodiscard]] activity_set activities_of(certificate_type type) const { return at(type).activities; }

    /// For messages: "\"Hébergeur infogéreur\" certificate (activities 3-6)".
    [[nodiscard]] std::string describe(certificate_type type) const;

private:
    [[nodiscard]] const entry& at(certificate_type type) const { return entries_.at(static_cast<std::size_t>(type) - 1); }
    std::array<entry, 2> entries_;
};

} // namespace hds
