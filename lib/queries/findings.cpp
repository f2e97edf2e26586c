#include "hds/findings.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "findings/finding_file.hpp"
#include "hds/error.hpp"
#include "queries/row_mapping.hpp"
#include "sqlite_error.hpp"
#include "store/connection.hpp"

namespace hds {
namespace {

using statement_ptr = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

// A finding's query refused, at the line of its query where SQLite (or the check) found the fault.
class query_check {
public:
    query_check(sqlite3* db, const finding_definition& f) : db_(db), f_(f) {}

    [[noreturn]] void refuse(const std::string& message, int offset = 0) const
    {
        const auto before = f_.query.begin() + std::clamp<std::ptrdiff_t>(offset, 0, std::ssize(f_.query));
        const auto line = f_.query_line + static_cast<std::size_t>(std::count(f_.query.begin(), before, '\n'));
        throw error(error_kind::input, location{f_.file, line}, message);
    }

    /// SQLite's failure `rc`: the environment's (locked, disk, memory) as operational; a write as the
    /// finding's fault, whatever the read-only connection called it; anything else at the line SQLite names.
    [[noreturn]] void failed(int rc) const
    {
        const int code = sqlite3_extended_errcode(db_);
        if ((code & 0xff) == SQLITE_READONLY) refuse(writes);
        if (is_operational_sqlite_code(code)) throw sqlite_error(SQLite::Exception(db_, rc), f_.file);
        refuse(sqlite3_errmsg(db_), sqlite3_error_offset(db_));
    }

    static constexpr const char* writes = "the finding writes to the database: a findings set only reads it";

private:
    sqlite3* db_;
    const finding_definition& f_;
};

// The snapshot chosen for a month or a date (the rule is view v_snapshot_for_period's), if there is one. Each
// period is looked up once a run: the view groups the whole history by month, and a set's findings name the
// same few months.
class snapshot_for_period {
public:
    explicit snapshot_for_period(SQLite::Database& db)
        : query_(db, "SELECT snapshot_date FROM v_snapshot_for_period WHERE period = ?")
    {
    }

    std::optional<std::string> operator()(const std::optional<std::string>& period)
    {
        if (!period) return std::nullopt;
        if (const auto known = known_.find(*period); known != known_.end()) return known->second;
        query_.bind(1, *period);
        std::optional<std::string> date;
        if (query_.executeStep()) date = query_.getColumn(0).getString();
        query_.reset(); // done with, so that the read transaction can end
        return known_[*period] = date;
    }

private:
    SQLite::Statement query_;
    std::map<std::string, std::optional<std::string>> known_;
};

bool within_tolerance(SQLite::Database& db, const std::string& actual, const finding_definition& f)
{
    SQLite::Statement rule(db, "SELECT " + std::string(findings::within_tolerance_sql));
    rule.bind(1, actual);
    rule.bind(2, f.expected);
    rule.bind(3, std::strtod(f.tolerance->c_str(), nullptr)); // a number: the file's parser checked it
    rule.executeStep();
    return rule.getColumn(0).getInt() != 0;
}

// Prepares the finding's query, checks it reads and has a column `actual`, runs it when each month it reads
// has a snapshot, and compares.
finding run(SQLite::Database& db, const std::string& set, const finding_definition& f, snapshot_for_period& snapshot_for)
{
    finding out{set, f.id, f.snapshot ? "list" : "reference", f.statement, f.source, f.from, f.snapshot,
                snapshot_for(f.from), snapshot_for(f.snapshot), f.file, f.expected, "",
                f.tolerance ? "within " + *f.tolerance : "exact", "", false};

    sqlite3* handle = db.getHandle();
    const query_check check(handle, f);
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int prepared = sqlite3_prepare_v2(handle, f.query.c_str(), static_cast<int>(f.query.size()), &raw, &tail);
    const statement_ptr statement(raw, &sqlite3_finalize);
    if (prepared != SQLITE_OK) check.failed(prepared);
    if (statement == nullptr) check.refuse("no query: a finding ends with one SELECT");
    // The file's parser saw one statement; SQLite must read it the same way.
    if (tail != nullptr && tail != f.query.c_str() + f.query.size()) {
        sqlite3_stmt* second = nullptr;
        sqlite3_prepare_v2(handle, tail, -1, &second, nullptr);
        const statement_ptr more(second, &sqlite3_finalize);
        if (more != nullptr) check.refuse("a second statement: a finding is one SELECT", static_cast<int>(tail - f.query.c_str()));
    }
    if (sqlite3_stmt_readonly(statement.get()) == 0) check.refuse(query_check::writes);
    int actual_column = -1;
    std::string columns;
    for (int i = 0; i < sqlite3_column_count(statement.get()); ++i) {
        const std::string name = sqlite3_column_name(statement.get(), i);
        if (name == "actual") actual_column = i;
        columns += (columns.empty() ? "" : ", ") + name;
    }
    if (actual_column < 0)
        check.refuse("the query has no column 'actual' (its columns: " + (columns.empty() ? "none" : columns) + ")");

    const std::optional<std::string> missing = f.from && !out.from_date       ? f.from
                                               : f.snapshot && !out.snapshot_date ? f.snapshot
                                                                                  : std::nullopt;
    if (missing) {
        out.actual = findings::no_snapshot_for(*missing);
        out.status = "no snapshot";
        return out;
    }
    for (int i = 1; i <= sqlite3_bind_parameter_count(statement.get()); ++i) {
        const std::string name = sqlite3_bind_parameter_name(statement.get(), i);
        const std::string& date = name == ":snapshot" ? *out.snapshot_date : *out.from_date;
        sqlite3_bind_text(statement.get(), i, date.c_str(), static_cast<int>(date.size()), SQLITE_TRANSIENT);
    }
    std::optional<std::string> value;
    int rc = sqlite3_step(statement.get());
    if (rc == SQLITE_ROW) {
        if (sqlite3_column_type(statement.get(), actual_column) != SQLITE_NULL)
            value = reinterpret_cast<const char*>(sqlite3_column_text(statement.get(), actual_column));
        rc = sqlite3_step(statement.get());
        if (rc == SQLITE_ROW) check.refuse("the query returns more than one row: a finding is one row");
    }
    if (rc != SQLITE_DONE) check.failed(rc);

    out.actual = value.value_or("none");
    out.holds = value && (f.tolerance ? within_tolerance(db, *value, f) : *value == f.expected);
    out.status = out.holds ? "holds" : "does not hold";
    return out;
}

} // namespace

findings_report check_findings(database& db) { return check_findings(db, {load_finding_set("article")}); }

findings_report check_findings(database& db, const std::vector<finding_set>& sets)
{
    return queries::guarded([&] {
        // A connection of its own that cannot write: a finding is code from a file, and reads only. It waits
        // for a writer's commit as long as `db` does, and reads every finding in one transaction, so that a set
        // sees one state of the database.
        SQLite::Database reader(db.path().string(), SQLite::OPEN_READONLY);
        reader.setBusyTimeout(connection(db).execAndGet("PRAGMA busy_timeout").getInt());
        use_small_cache(reader);
        reader.exec("BEGIN");
        findings_report report;
        report.holds = true;
        snapshot_for_period snapshot_for(reader);
        for (const auto& set : sets)
            for (const auto& f : set.findings) {
                finding result = run(reader, set.name, f, snapshot_for);
                // A finding whose month has no snapshot neither holds nor fails (docs: cli-contract.md).
                if (!result.holds && !result.no_snapshot()) report.holds = false;
                report.findings.push_back(std::move(result));
            }
        reader.exec("COMMIT");
        return report;
    });
}

} // namespace hds
