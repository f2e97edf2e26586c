#include "store/latest_snapshot.hpp"

#include <algorithm>
#include <unordered_set>

#include <SQLiteCpp/Statement.h>

#include "store/raw_query.hpp"

namespace hds::store {
namespace {

template <typename T> void append_bytes(std::string& out, T value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// A certificate's identity as the unique index certificate_identity has it (a missing certifier is 0, a
// missing text is empty), as bytes: the numbers, then each text after its length, so that no values can
// pass for others.
void identity(std::string& out, std::int64_t company_id, int type, std::int64_t certifier_id, std::string_view number,
              std::string_view valid_from, std::string_view valid_to, std::string_view referential, int activities)
{
    out.clear();
    append_bytes(out, company_id);
    append_bytes(out, certifier_id);
    append_bytes(out, static_cast<std::uint8_t>(type));
    append_bytes(out, static_cast<std::uint8_t>(activities));
    for (const std::string_view text : {number, valid_from, valid_to, referential}) {
        append_bytes(out, static_cast<std::uint32_t>(text.size()));
        out += text;
    }
}

/// Runs `statement` for one key (?1) and date (?2).
void run(SQLite::Statement& statement, std::int64_t id, const std::string& date)
{
    statement.bind(1, id);
    statement.bind(2, date);
    statement.exec();
    statement.reset();
}

std::string_view text_or_empty(const std::optional<std::string>& value) { return value ? std::string_view(*value) : std::string_view(); }

} // namespace

std::optional<std::string> listed_snapshot::company::note() const
{
    std::optional<std::string> out;
    for (const std::string& n : notes) out = out ? *out + "; " + n : n;
    return out;
}

latest_snapshot::latest_snapshot(SQLite::Database& db, const std::string& date)
{
    SQLite::Statement latest(db, "SELECT s.date, t.certificates, s.id, t.companies FROM snapshot s "
                                 "JOIN snapshot_total t ON t.snapshot_id = s.id ORDER BY s.date DESC LIMIT 1");
    if (!latest.executeStep() || latest.getColumn(0).getString() >= date || latest.getColumn(1).getInt64() > largest) return;
    date_ = latest.getColumn(0).getString();
    id_ = latest.getColumn(2).getInt64();
    const auto listed = static_cast<std::size_t>(latest.getColumn(1).getInt64());
    certificates_.reserve(listed);
    certificate_ids_.reserve(listed);
    companies_.reserve(static_cast<std::size_t>(latest.getColumn(3).getInt64()));

    // CROSS JOIN: from the open spans (a partial index, covering) to each row by primary key.
    // A NULL reads as 0 or as empty text here, as identity() wants it.
    raw_query certificates(db, "SELECT c.id, c.company_id, c.certificate_type, c.certifier_id, c.number, c.valid_from, "
                               "c.valid_to, c.referential, c.activities "
                               "FROM certificate_span s CROSS JOIN certificate c ON c.id = s.certificate_id "
                               "WHERE s.last_date IS NULL ORDER BY s.certificate_id"); // the index's order: no sort
    std::string key;
    while (certificates.step()) {
        identity(key, certificates.int64(1), certificates.integer(2), certificates.int64(3), certificates.text(4),
                 certificates.text(5), certificates.text(6), certificates.text(7), certificates.integer(8));
        certificates_.emplace(key, certificate_listed{certificates.int64(0)});
        certificate_ids_.push_back(certificates.int64(0));
    }
    raw_query companies(db, "SELECT c.key, c.id, c.display_name, s.activities, s.provenance "
                            "FROM company_span s CROSS JOIN company c ON c.id = s.company_id WHERE s.last_date IS NULL");
    while (companies.step())
        companies_.emplace(companies.text(0),
                           company{companies.int64(1), std::string(companies.text(2)), companies.integer(3),
                                   companies.optional_text(4)});
    // A company's aliases find it too: its first row may name it by one (the display name is that row's).
    std::unordered_map<std::int64_t, company*> by_id;
    for (auto& [name_key, c] : companies_) by_id.emplace(c.id, &c);
    SQLite::Statement aliases(db, "SELECT key, company_id FROM company_alias");
    while (aliases.executeStep())
        if (const auto found = by_id.find(aliases.getColumn(1).getInt64()); found != by_id.end())
            aliases_.emplace(aliases.getColumn(0).getString(), found->second);
    SQLite::Statement certifiers(db, "SELECT key, id FROM certifier");
    while (certifiers.executeStep()) certifiers_.emplace(certifiers.getColumn(0).getString(), certifiers.getColumn(1).getInt64());
}

latest_snapshot::company* latest_snapshot::find_company(const std::string& key)
{
    if (const auto found = companies_.find(key); found != companies_.end()) return &found->second;
    const auto alias = aliases_.find(key);
    return alias == aliases_.end() ? nullptr : alias->second;
}

std::optional<std::int64_t> latest_snapshot::find_certifier(const std::string& key) const
{
    const auto found = certifiers_.find(key);
    if (found == certifiers_.end()) return std::nullopt;
    return found->second;
}

latest_snapshot::certificate_listed* latest_snapshot::find_certificate(std::int64_t company_id,
                                                                      std::optional<std::int64_t> certifier_id, const certificate& c)
{
    if (certificates_.empty()) return nullptr;
    identity(key_, company_id, static_cast<int>(c.type), certifier_id.value_or(0), text_or_empty(c.number),
             text_or_empty(c.valid_from), text_or_empty(c.valid_to), text_or_empty(c.referential),
             static_cast<int>(c.activities.bits()));
    const auto found = certificates_.find(key_);
    return found == certificates_.end() ? nullptr : &found->second;
}

void latest_snapshot::rows_read()
{
    certificates_ = {};
    key_ = {};
}

std::size_t latest_snapshot::unchanged_companies(const listed_snapshot& listed) const
{
    std::size_t unchanged = 0;
    for (const auto& [key, before] : companies_) {
        const auto now = listed.companies.find(before.id);
        if (now != listed.companies.end() && now->second.activities == before.activities) ++unchanged;
    }
    return unchanged;
}

void latest_snapshot::write_next(SQLite::Database& db, const std::string& date, const listed_snapshot& listed) const
{
    SQLite::Statement end_certificate(db, "UPDATE certificate_span SET last_date = ?2 WHERE certificate_id = ?1 AND last_date IS NULL");
    SQLite::Statement open_certificate(db, "INSERT INTO certificate_span (certificate_id, first_date, last_date) VALUES (?, ?, NULL)");
    const std::vector<std::int64_t>& open = certificate_ids_;
    const std::vector<std::int64_t>& now = listed.certificates;
    for (const std::int64_t id : now)
        if (!std::binary_search(open.begin(), open.end(), id)) run(open_certificate, id, date);
    for (const std::int64_t id : open)
        if (!std::binary_search(now.begin(), now.end(), id)) run(end_certificate, id, date_);

    // A company's span goes on only with the same activities and note; otherwise it ends and another opens.
    SQLite::Statement end_company(db, "UPDATE company_span SET last_date = ?2 WHERE company_id = ?1 AND last_date IS NULL");
    SQLite::Statement open_company(db, "INSERT INTO company_span (company_id, activities, provenance, first_date, last_date) "
                                       "VALUES (?, ?, ?, ?, NULL)");
    const auto open_span = [&](std::int64_t id, const listed_snapshot::company& c) {
        open_company.bind(1, id);
        open_company.bind(2, c.activities);
        if (const auto note = c.note()) open_company.bind(3, *note);
        else open_company.bind(3);
        open_company.bind(4, date);
        open_company.exec();
        open_company.reset();
    };
    std::unordered_set<std::int64_t> was_open;
    for (const auto& [key, before] : companies_) {
        was_open.insert(before.id);
        const auto now_listed = listed.companies.find(before.id);
        if (now_listed != listed.companies.end() && now_listed->second.activities == before.activities &&
            now_listed->second.note() == before.provenance)
            continue;
        run(end_company, before.id, date_);
        if (now_listed != listed.companies.end()) open_span(before.id, now_listed->second);
    }
    for (const auto& [id, c] : listed.companies)
        if (!was_open.contains(id)) open_span(id, c);
}

} // namespace hds::store
