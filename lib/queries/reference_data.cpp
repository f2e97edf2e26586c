#include "hds/reference_data.hpp"

#include <string>

#include "hds/error.hpp"
#include "queries/row_mapping.hpp"
#include "store/connection.hpp"

namespace hds {

activity activity_by_code(database& db, std::string_view code)
{
    return queries::guarded([&] {
        SQLite::Statement query(connection(db), "SELECT number FROM activity WHERE code = ?");
        query.bind(1, std::string(code));
        if (query.executeStep()) return static_cast<activity>(query.getColumn(0).getInt());
        SQLite::Statement codes(connection(db), "SELECT group_concat(code, ', ') FROM (SELECT code FROM activity "
                                                "ORDER BY number)");
        codes.executeStep();
        throw error(error_kind::usage, "no activity \"" + std::string(code) + "\"; the activities are " +
                                           codes.getColumn(0).getString());
    });
}

} // namespace hds
