// Small helpers the queries share to read view rows into typed values.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "hds/activity.hpp"
#include "store/raw_query.hpp"

namespace hds::queries {

/// The column as a string, nullopt for NULL.
std::optional<std::string> optional_text(const SQLite::Column& column);

/// An activities column (bit n-1 = activity n) as a set.
activity_set activities_of(const SQLite::Column& column);
/// The same, column `column` of a raw_query's current row.
activity_set activities_of(const store::raw_query& row, int column);

/// The values of (key, value) pairs, in the order of their keys: rows read unordered and sorted here.
template <typename Key, typename Value>
std::vector<Value> in_key_order(std::vector<std::pair<Key, Value>> entries);

/// Runs `body` and turns an SQLite failure into hds::error(database), so callers see one error type.
template <typename Body>
auto guarded(Body&& body) -> decltype(body());

} // namespace hds::queries

#include "queries/row_mapping_impl.hpp"
