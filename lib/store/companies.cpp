#include "store/companies.hpp"

#include <SQLiteCpp/Statement.h>

#include "company_key.hpp"

namespace hds::store {

std::optional<std::int64_t> find_company(SQLite::Database& db, const std::string& name)
{
    SQLite::Statement query(db, "SELECT id FROM company WHERE key = ?1 "
                                "UNION ALL SELECT company_id FROM company_alias WHERE key = ?1");
    query.bind(1, company_key(name));
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getInt64();
}

std::optional<std::string> last_listed(SQLite::Database& db, std::int64_t company)
{
    SQLite::Statement query(db, "SELECT max(ifnull(last_date, (SELECT max(date) FROM snapshot))) "
                                "FROM company_span WHERE company_id = ?");
    query.bind(1, company);
    query.executeStep();
    if (query.getColumn(0).isNull()) return std::nullopt;
    return query.getColumn(0).getString();
}

std::int64_t find_or_create_company(SQLite::Database& db, const std::string& name, bool& created)
{
    created = false;
    if (auto id = find_company(db, name)) return *id;
    SQLite::Statement insert(db, "INSERT INTO company (key, display_name) VALUES (?, ?)");
    insert.bind(1, company_key(name));
    insert.bind(2, name);
    insert.exec();
    created = true;
    return db.getLastInsertRowid();
}

std::int64_t find_or_create_certifier(SQLite::Database& db, const std::string& name)
{
    const std::string key = company_key(name);
    SQLite::Statement query(db, "SELECT id FROM certifier WHERE key = ?");
    query.bind(1, key);
    if (query.executeStep()) return query.getColumn(0).getInt64();
    SQLite::Statement insert(db, "INSERT INTO certifier (key, name) VALUES (?, ?)");
    insert.bind(1, key);
    insert.bind(2, name);
    insert.exec();
    return db.getLastInsertRowid();
}

} // namespace hds::store
