#include "queries/row_mapping.hpp"

namespace hds::queries {

std::optional<std::string> optional_text(const SQLite::Column& column)
{
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

activity_set activities_of(const SQLite::Column& column)
{
    return activity_set::from_bits(static_cast<std::uint8_t>(column.getInt()));
}

activity_set activities_of(const store::raw_query& row, int column)
{
    return activity_set::from_bits(static_cast<std::uint8_t>(row.integer(column)));
}

} // namespace hds::queries
