#pragma once

#include "hds/error.hpp"

namespace hds::queries {

template <typename Body>
auto guarded(Body&& body) -> decltype(body())
{
    try {
        return body();
    } catch (const SQLite::Exception& e) {
        throw error(error_kind::database, e.what());
    }
}

} // namespace hds::queries
