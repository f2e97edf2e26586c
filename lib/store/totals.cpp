#include "store/totals.hpp"

#include <SQLiteCpp/Statement.h>

namespace hds::store {

void record_totals(SQLite::Database& db, std::int64_t snapshot, std::int64_t companies, std::int64_t certificates)
{
    SQLite::Statement insert(db, "INSERT INTO snapshot_total (snapshot_id, companies, certificates) VALUES (?, ?, ?)");
    insert.bind(1, snapshot);
    insert.bind(2, companies);
    insert.bind(3, certificates);
    insert.exec();
}

void count_totals_again(SQLite::Database& db)
{
    db.exec("DELETE FROM snapshot_total;"
            "INSERT INTO snapshot_total (snapshot_id, companies, certificates) "
            "SELECT snapshot_id, total, certificates FROM v_snapshot_total_from_spans;");
}

bool totals_missing(SQLite::Database& db)
{
    return db.execAndGet("SELECT EXISTS (SELECT 1 FROM snapshot s WHERE NOT EXISTS "
                         "(SELECT 1 FROM snapshot_total t WHERE t.snapshot_id = s.id))").getInt() != 0;
}

} // namespace hds::store
