#pragma once

#include "hds/error.hpp"
#include "sqlite_error.hpp"

namespace hds::queries {

template <typename Body>
auto guarded(Body&& body) -> decltype(body())
{
    try {
        return body();
    } catch (const SQLite::Exception& e) {
        throw sqlite_error(e, "");
    }
}

} // namespace hds::queries
