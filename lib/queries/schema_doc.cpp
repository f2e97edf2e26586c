#include "hds/schema_doc.hpp"

#include "queries/row_mapping.hpp"
#include "store/connection.hpp"

namespace hds {

std::vector<schema_description> schema_doc(database& db)
{
    return queries::guarded([&] {
        std::vector<schema_description> out;
        // Joined to the schema so that columns come in the order the object defines them (cid), which is the
        // order a browser shows them in.
        SQLite::Statement query(connection(db),
                                "SELECT d.object, d.\"column\", d.description, m.type = 'view' "
                                "FROM schema_doc d JOIN sqlite_schema m ON m.name = d.object "
                                "LEFT JOIN pragma_table_info(m.name) p ON p.name = d.\"column\" "
                                "ORDER BY d.object, d.\"column\" IS NOT NULL, p.cid");
        while (query.executeStep())
            out.push_back({query.getColumn(0).getString(), queries::optional_text(query.getColumn(1)),
                           query.getColumn(2).getString(), query.getColumn(3).getInt() != 0});
        return out;
    });
}

} // namespace hds
