#include "reference_codes.hpp"

#include <vector>

#include <SQLiteCpp/Statement.h>

#include "suggestion.hpp"

namespace hds {

std::optional<std::string> nationality_problem(SQLite::Database& db, const std::string& code)
{
    SQLite::Statement known(db, "SELECT 1 FROM country WHERE code = ?");
    known.bind(1, code);
    if (known.executeStep()) return std::nullopt;
    SQLite::Statement alias(db, "SELECT code FROM country_alias WHERE alias = ?");
    alias.bind(1, code);
    if (alias.executeStep())
        return "unknown nationality \"" + code + "\": not an ISO 3166-1 alpha-2 code; did you mean " +
               alias.getColumn(0).getString() + "?";
    return "unknown nationality \"" + code + "\" (an ISO 3166-1 alpha-2 code, e.g. FR)";
}

std::optional<std::string> positioning_problem(SQLite::Database& db, const std::string& code)
{
    std::vector<std::string> codes;
    SQLite::Statement query(db, "SELECT code FROM positioning ORDER BY code");
    while (query.executeStep()) codes.push_back(query.getColumn(0).getString());
    std::string valid;
    for (const auto& c : codes) {
        if (c == code) return std::nullopt;
        valid += (valid.empty() ? "" : ", ") + c;
    }
    const auto near = suggestion::nearest(code, codes);
    return "unknown positioning \"" + code + "\" (" + (near ? "did you mean " + *near + "? " : "") + "valid: " +
           valid + ")";
}

} // namespace hds
