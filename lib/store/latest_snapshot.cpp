#include "store/latest_snapshot.hpp"

#include <SQLiteCpp/Statement.h>

namespace hds::store {
namespace {

void append_field(std::string& out, std::string_view value)
{
    // Length first: no value can pass for two.
    out += std::to_string(value.size());
    out += ':';
    out += value;
}

// A certificate's identity as the unique index certificate_identity has it: a missing certifier is 0 and a
// missing text is empty.
std::string identity(std::int64_t company_id, int type, std::int64_t certifier_id, std::string_view number,
                     std::string_view valid_from, std::string_view valid_to, std::string_view referential, int activities)
{
    std::string out;
    for (const std::int64_t n : {company_id, static_cast<std::int64_t>(type), certifier_id, static_cast<std::int64_t>(activities)})
        append_field(out, std::to_string(n));
    for (const std::string_view text : {number, valid_from, valid_to, referential}) append_field(out, text);
    return out;
}

std::string_view text_or_empty(const std::optional<std::string>& value) { return value ? std::string_view(*value) : std::string_view(); }

} // namespace

latest_snapshot::latest_snapshot(SQLite::Database& db, const std::string& date)
{
    SQLite::Statement latest(db, "SELECT s.date, t.certificates FROM snapshot s JOIN snapshot_total t ON t.snapshot_id = s.id "
                                 "ORDER BY s.date DESC LIMIT 1");
    if (!latest.executeStep() || latest.getColumn(0).getString() >= date || latest.getColumn(1).getInt64() > largest) return;

    // CROSS JOIN: from the open spans (a partial index) to each row by primary key.
    SQLite::Statement certificates(db, "SELECT c.id, c.company_id, c.certificate_type, ifnull(c.certifier_id, 0), "
                                       "ifnull(c.number, ''), ifnull(c.valid_from, ''), ifnull(c.valid_to, ''), "
                                       "ifnull(c.referential, ''), c.activities "
                                       "FROM certificate_span s CROSS JOIN certificate c ON c.id = s.certificate_id "
                                       "WHERE s.last_date IS NULL");
    while (certificates.executeStep())
        certificates_.emplace(identity(certificates.getColumn(1).getInt64(), certificates.getColumn(2).getInt(),
                                       certificates.getColumn(3).getInt64(), certificates.getColumn(4).getText(),
                                       certificates.getColumn(5).getText(), certificates.getColumn(6).getText(),
                                       certificates.getColumn(7).getText(), certificates.getColumn(8).getInt()),
                              certificates.getColumn(0).getInt64());
    SQLite::Statement companies(db, "SELECT c.key, c.id, c.display_name "
                                    "FROM company_span s CROSS JOIN company c ON c.id = s.company_id WHERE s.last_date IS NULL");
    while (companies.executeStep())
        companies_.emplace(companies.getColumn(0).getString(),
                           company{companies.getColumn(1).getInt64(), companies.getColumn(2).getString()});
    SQLite::Statement certifiers(db, "SELECT key, id FROM certifier");
    while (certifiers.executeStep()) certifiers_.emplace(certifiers.getColumn(0).getString(), certifiers.getColumn(1).getInt64());
}

const latest_snapshot::company* latest_snapshot::find_company(const std::string& key) const
{
    const auto found = companies_.find(key);
    return found == companies_.end() ? nullptr : &found->second;
}

std::optional<std::int64_t> latest_snapshot::find_certifier(const std::string& key) const
{
    const auto found = certifiers_.find(key);
    if (found == certifiers_.end()) return std::nullopt;
    return found->second;
}

std::optional<std::int64_t> latest_snapshot::find_certificate(std::int64_t company_id, std::optional<std::int64_t> certifier_id,
                                                              const certificate& c) const
{
    if (certificates_.empty()) return std::nullopt;
    const auto found = certificates_.find(identity(company_id, static_cast<int>(c.type), certifier_id.value_or(0),
                                                   text_or_empty(c.number), text_or_empty(c.valid_from),
                                                   text_or_empty(c.valid_to), text_or_empty(c.referential),
                                                   static_cast<int>(c.activities.bits())));
    if (found == certificates_.end()) return std::nullopt;
    return found->second;
}

} // namespace hds::store
