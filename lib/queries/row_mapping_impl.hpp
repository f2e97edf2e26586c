#pragma once

#include <algorithm>

#include "hds/error.hpp"
#include "sqlite_error.hpp"

namespace hds::queries {

template <typename Key, typename Value>
std::vector<Value> in_key_order(std::vector<std::pair<Key, Value>> entries)
{
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Value> out;
    out.reserve(entries.size());
    for (auto& entry : entries) out.push_back(std::move(entry.second));
    return out;
}

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
