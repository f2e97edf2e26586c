#include "store/reference_data.hpp"

#include <SQLiteCpp/Statement.h>

#include "text.hpp"

namespace hds::store {

header_overrides activity_headers(SQLite::Database& db)
{
    header_overrides headers;
    SQLite::Statement query(db, "SELECT header, activity FROM activity_header");
    while (query.executeStep())
        headers[text::fold_words(query.getColumn(0).getString())] =
            activity_column(static_cast<activity>(query.getColumn(1).getInt()));
    return headers;
}

bool is_positioning(SQLite::Database& db, const std::string& code)
{
    SQLite::Statement query(db, "SELECT 1 FROM positioning WHERE code = ?");
    query.bind(1, code);
    return query.executeStep();
}

std::string positioning_codes(SQLite::Database& db)
{
    std::string list;
    SQLite::Statement query(db, "SELECT code FROM positioning ORDER BY code");
    while (query.executeStep()) list += (list.empty() ? "" : ", ") + query.getColumn(0).getString();
    return list;
}

} // namespace hds::store
