#pragma once

#include <algorithm>
#include <numeric>

#include "hds/error.hpp"
#include "sqlite_error.hpp"

namespace hds::queries {

template <typename Key, typename Value>
std::vector<Value> in_key_order(std::vector<std::pair<Key, Value>> entries)
{
    // Their places are sorted, not the entries: moving a key and a value of several strings at each step of
    // the sort cost more than comparing the keys (`hds as-of`, 7,342 companies: 23 M instructions).
    std::vector<std::size_t> order(entries.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return entries[a].first < entries[b].first; });
    std::vector<Value> out;
    out.reserve(entries.size());
    for (const std::size_t i : order) out.push_back(std::move(entries[i].second));
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
