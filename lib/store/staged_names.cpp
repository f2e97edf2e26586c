#include "store/staged_names.hpp"

namespace hds::store {

staged_names::staged_names(SQLite::Database& db, const std::string& table, const std::string& name_column)
    : db_(db), insert_(db, "INSERT OR IGNORE INTO " + table + " (key, " + name_column + ") VALUES (?, ?)"),
      find_(db, "SELECT id FROM " + table + " WHERE key = ?")
{
}

std::int64_t staged_names::id(const std::string& key, const std::string& name)
{
    if (last_id_ != 0 && key == last_key_) return last_id_;
    if (const auto found = remembered_.find(key); found != remembered_.end()) {
        last_key_ = key;
        return last_id_ = found->second;
    }
    // Without a copy: both outlive the step, and are bound again before the next.
    insert_.bindNoCopy(1, key);
    insert_.bindNoCopy(2, name);
    const bool added = insert_.exec() == 1;
    insert_.reset();
    std::int64_t id = db_.getLastInsertRowid();
    if (!added) {
        find_.bindNoCopy(1, key);
        find_.executeStep();
        id = find_.getColumn(0).getInt64();
        find_.reset();
    }
    if (remembered_.size() < 4096) remembered_.emplace(key, id);
    last_key_ = key;
    return last_id_ = id;
}

} // namespace hds::store
