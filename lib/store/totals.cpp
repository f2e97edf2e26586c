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
    // Every open asks, so the tables are counted rather than matched row by row (SQLite counts a table's
    // pages, not its rows): a total exists only for an existing snapshot (ON DELETE CASCADE), so fewer totals
    // than snapshots means some are missing.
    return db.execAndGet("SELECT (SELECT count(*) FROM snapshot) <> (SELECT count(*) FROM snapshot_total)").getInt() != 0;
}

} // namespace hds::store
