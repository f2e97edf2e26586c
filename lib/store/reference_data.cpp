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

} // namespace hds::store
