// View v_findings: the article's findings set, for plain SQLite (a browser, the sqlite3 shell, Datasette),
// generated from the set's files when a database is opened.
#pragma once

#include <string>

#include <SQLiteCpp/Database.h>

#include "hds/findings.hpp"

namespace hds::findings {

/// "CREATE VIEW v_findings AS ...": each finding of `set` beside the value its query computes on the snapshot
/// chosen for each month it reads (v_snapshot_for_period), and whether it holds, by the same rules as
/// check_findings. The query's first row is read; check_findings also refuses a query with more.
std::string findings_view_sql(const finding_set& set);

/// Creates v_findings from the built-in "article" set when the database's differs (a new file, a new hds),
/// in one transaction; writes nothing when it is the same, so that opening a database keeps its bytes.
void install_findings_view(SQLite::Database& db);

} // namespace hds::findings
