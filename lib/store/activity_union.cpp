#include "store/activity_union.hpp"

#include <cstdint>

#include <sqlite3.h>

namespace hds::store {
namespace {

void union_step(sqlite3_context* context, int, sqlite3_value** values)
{
    auto* bits = static_cast<std::int64_t*>(sqlite3_aggregate_context(context, sizeof(std::int64_t)));
    if (bits == nullptr) return sqlite3_result_error_nomem(context);
    if (sqlite3_value_type(values[0]) != SQLITE_NULL) *bits |= sqlite3_value_int64(values[0]);
}

void union_result(sqlite3_context* context)
{
    // No context: no row was stepped (an aggregate over nothing), and the union of nothing is NULL, as max's.
    auto* bits = static_cast<std::int64_t*>(sqlite3_aggregate_context(context, 0));
    if (bits == nullptr) return sqlite3_result_null(context);
    sqlite3_result_int64(context, *bits);
}

} // namespace

void register_activity_union(SQLite::Database& db)
{
    db.createFunction("activity_union", 1, true, nullptr, nullptr, union_step, union_result);
}

} // namespace hds::store
