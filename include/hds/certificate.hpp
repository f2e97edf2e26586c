// hds::certificate: one HDS certificate as a registry lists it.
//
// Thread-safety: a plain value.
#pragma once

#include <optional>
#include <string>

#include "hds/activity.hpp"

namespace hds {

struct certificate {
    certificate_type type = certificate_type::physical_infrastructure;
    activity_set activities;               ///< within the activities its type covers
    std::optional<std::string> certifier;  ///< the certifying body, as first spelt
    std::optional<std::string> number;
    std::optional<std::string> valid_from; ///< YYYY-MM-DD
    std::optional<std::string> valid_to;   ///< YYYY-MM-DD
    std::optional<std::string> referential;
};

} // namespace hds
