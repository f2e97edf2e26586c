#include "store/reference_data.hpp"

#include <array>

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

certificate_types read_certificate_types(SQLite::Database& db)
{
    std::array<certificate_types::entry, 2> entries;
    SQLite::Statement query(db, "SELECT t.id, t.label_fr, a.number FROM certificate_type t "
                                "LEFT JOIN activity a ON a.certificate_type = t.id WHERE t.id IN (1, 2)");
    while (query.executeStep()) {
        certificate_types::entry& e = entries.at(static_cast<std::size_t>(query.getColumn(0).getInt()) - 1);
        e.label_fr = query.getColumn(1).getString();
        if (!query.getColumn(2).isNull()) e.activities.insert(static_cast<activity>(query.getColumn(2).getInt()));
    }
    return certificate_types(std::move(entries));
}

} // namespace hds::store
