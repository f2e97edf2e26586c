// Findings checked against the database. A findings set is a directory of .sql files, one finding a file: a
// header of comment lines (id, statement, source, snapshot, from, expected, tolerance) and one SELECT that
// returns one row with a column `actual` (docs/findings.md). Two sets are built in: "article", the 13 findings
// of the mind Health article (October 2020), and "later-lists", figures published about later lists.
// A set runs on a read-only connection: a finding cannot change the database.
//
// Thread-safety: as hds::database (one thread per handle).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hds/database.hpp"

namespace hds {

/// One finding as its file states it.
struct finding_definition {
    std::string file;      ///< where it was read: a path, or "SET/NAME.sql" for a built-in set
    std::string id;        ///< e.g. "F01"; unique within its set
    std::string statement; ///< the source's words
    std::string source;    ///< publication, date, address if any
    /// The month (YYYY-MM) or date (YYYY-MM-DD) of the snapshot it reads, bound to :snapshot; none for a
    /// finding that reads only the schema's reference data (`snapshot: none`).
    std::optional<std::string> snapshot;
    /// The earlier month or date a finding about change also reads, bound to :from.
    std::optional<std::string> from;
    std::string expected;  ///< in the form the query's `actual` takes
    /// As written, e.g. "0.05": |actual - expected| <= tolerance, both read as numbers; none: actual must
    /// equal expected as text.
    std::optional<std::string> tolerance;
    std::string query;     ///< the SELECT, as written (without its final semicolon)
    std::size_t query_line = 0; ///< the file's line where the query starts
};

/// A set of findings, in the order of their ids.
struct finding_set {
    std::string name; ///< the built-in set's name, or the directory as given
    std::vector<finding_definition> findings;
};

/// The names of the built-in sets: "article" (the default) and "later-lists".
std::vector<std::string> builtin_finding_sets();

/** Reads a set: the built-in set of that name, else the directory of that path (its *.sql files, not its
 *  subdirectories). Nothing runs. Throws hds::error: input with FILE:LINE for a malformed file (an unknown or
 *  missing header key, a bad month, two statements, a parameter other than :snapshot and :from...), usage for
 *  a name that is neither a built-in set nor a directory, input for a directory without a .sql file, io for
 *  a file that cannot be read. Example: `auto set = hds::load_finding_set("my-findings/");` */
finding_set load_finding_set(const std::string& name_or_directory);

struct finding {
    std::string set;        ///< the set it comes from
    std::string id;         ///< "F01".."F13" in the article's set
    /// "list": computed from the registry lists (it reads one or two snapshots); "reference": reads only the
    /// schema's reference data (F13, `snapshot: none`), so it checks the reference data, not a list.
    std::string kind;
    std::string statement;  ///< the source's words
    std::string source;     ///< publication, date, address if any
    /// The earlier month it reads when it compares two months, e.g. "2019-06" for F01; none otherwise.
    std::optional<std::string> from_snapshot;
    std::optional<std::string> snapshot; ///< the snapshot month it reads, e.g. "2020-07"; none for reference data
    std::optional<std::string> from_date;     ///< the snapshot chosen for from_snapshot, if any
    std::optional<std::string> snapshot_date; ///< the snapshot chosen for snapshot, if any
    std::string file;       ///< the file that states it
    std::string expected;   ///< as the source states it
    /// As the query computes it ("none" when it returns no row or NULL); "no snapshot for 2022-04" when a
    /// month it reads has no snapshot.
    std::string actual;
    std::string comparison; ///< how expected and actual are compared: "exact" or "within 0.05"
    /// "holds", "does not hold", or "no snapshot" when a month it reads has no snapshot in the database (it
    /// then neither holds nor fails).
    std::string status;
    bool holds = false;     ///< status == "holds"

    [[nodiscard]] bool no_snapshot() const { return status == "no snapshot"; }
    [[nodiscard]] bool reads_reference_data() const { return kind == "reference"; }
};

struct findings_report {
    /// No finding fails: each holds or has no snapshot (a missing month does not make the report fail).
    bool holds = false;
    std::vector<finding> findings; ///< set by set, in the order given; by id within a set
};

/// The article's findings (the built-in set "article"), as view v_findings shows them.
findings_report check_findings(database& db);

/** Runs each set on a read-only connection to the database, in one read transaction. The snapshot a finding
 *  reads for a month is the latest snapshot of that month; for a date, the snapshot of that date (view
 *  v_snapshot_for_period). Throws hds::error: input with FILE:LINE when a finding's query is refused (it
 *  writes, it has no `actual` column, it returns more than one row, SQLite rejects it); operational when the
 *  database stays locked past its busy timeout. */
findings_report check_findings(database& db, const std::vector<finding_set>& sets);

} // namespace hds
