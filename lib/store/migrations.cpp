#include "store/migrations.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "hds/error.hpp"
#include "sql_scripts.hpp"
#include "sqlite_error.hpp"

namespace hds::store {
namespace {

// FNV-1a: a stable fingerprint of the views' text, only to notice that they changed.
std::string fingerprint_of_views()
{
    std::uint64_t hash = 14695981039346656037ULL;
    for (const auto& script : sql::views) {
        for (char c : std::string(script.name) + '\n' + std::string(script.text)) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ULL;
        }
    }
    return std::to_string(hash);
}

// Every view, and the record of which were installed (the table is there from 0001 on).
void drop_views(SQLite::Database& db)
{
    std::vector<std::string> views;
    SQLite::Statement list(db, "SELECT name FROM sqlite_schema WHERE type = 'view'");
    while (list.executeStep()) views.push_back(list.getColumn(0).getString());
    for (const auto& name : views) db.exec("DROP VIEW \"" + name + "\"");
    db.exec("DELETE FROM installed_views");
}

} // namespace

int latest_schema_version() noexcept { return static_cast<int>(sql::migrations.size()); }

void migrate(SQLite::Database& db, int target)
{
    const auto current_version = [&] {
        const int current = db.execAndGet("PRAGMA user_version").getInt();
        if (current > latest_schema_version())
            throw error(error_kind::database, "database schema version " + std::to_string(current) +
                                                  " is newer than this hds knows (" +
                                                  std::to_string(latest_schema_version()) + "); upgrade hds");
        return current;
    };
    bool first_step = true;
    for (;;) {
        if (current_version() >= target) return;
        // Immediate, and the version read again under the lock: two processes opening a new file at once
        // both found it at version 0, and the second ran 0001 again ("table certificate_type already exists").
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        const int current = current_version();
        if (current >= target) return;
        const int version = current + 1;
        const auto& script = sql::migrations.at(static_cast<std::size_t>(version - 1));
        // The views of the hds that wrote the file read the tables of its version: a migration that drops a
        // table, or alters one (SQLite then checks every view), would fail on them. They are derived, so
        // they go with the first step, and install_views puts the current ones back. (A new file has none.)
        if (first_step && current > 0) drop_views(db);
        first_step = false;
        try {
            db.exec(std::string(script.text));
        } catch (const SQLite::Exception& e) {
            throw sqlite_error(e, "migration " + std::string(script.name) + " failed");
        }
        db.exec("PRAGMA user_version = " + std::to_string(version));
        transaction.commit();
    }
}

void install_views(SQLite::Database& db)
{
    const std::string wanted = fingerprint_of_views();
    SQLite::Statement installed(db, "SELECT hash FROM installed_views WHERE id = 1");
    if (installed.executeStep() && installed.getColumn(0).getString() == wanted) return;
    installed.reset();

    // Immediate, and the record read again under the lock, as migrate does.
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (installed.executeStep() && installed.getColumn(0).getString() == wanted) return;
    installed.reset();
    drop_views(db);
    for (const auto& script : sql::views) {
        try {
            db.exec(std::string(script.text));
        } catch (const SQLite::Exception& e) {
            throw sqlite_error(e, "view " + std::string(script.name) + " failed");
        }
    }
    SQLite::Statement record(db, "INSERT OR REPLACE INTO installed_views (id, hash) VALUES (1, ?)");
    record.bind(1, wanted);
    record.exec();
    transaction.commit();
}

} // namespace hds::store
