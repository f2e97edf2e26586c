#include "mapping.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "hds/error.hpp"
#include "readers/read_file.hpp"
#include "text.hpp"

namespace hds {
namespace {

constexpr std::array<std::pair<field, std::string_view>, 15> field_names = {{
    {field::company, "company"},
    {field::activities, "activities"},
    {field::activity_1, "activity_1"},
    {field::activity_2, "activity_2"},
    {field::activity_3, "activity_3"},
    {field::activity_4, "activity_4"},
    {field::activity_5, "activity_5"},
    {field::activity_6, "activity_6"},
    {field::certificate_type, "certificate_type"},
    {field::certifier, "certifier"},
    {field::valid_from, "valid_from"},
    {field::valid_to, "valid_to"},
    {field::certificate_number, "certificate_number"},
    {field::referential, "referential"},
    {field::provenance, "provenance"},
}};

constexpr std::array<field, 6> activity_fields = {field::activity_1, field::activity_2, field::activity_3,
                                                  field::activity_4, field::activity_5, field::activity_6};

// Header synonyms, as written; compared after text::fold_words, and again without noise words.
struct synonym {
    field f;
    std::string_view text;
};
constexpr synonym synonyms[] = {
    {field::company, "raison sociale"},
    {field::company, "hébergeur"},
    {field::company, "hébergeur certifié"},
    {field::company, "hébergeurs certifiés"},
    {field::company, "nom"},
    {field::company, "nom de l'hébergeur"},
    {field::company, "société"},
    {field::company, "entreprise"},
    {field::company, "company"},
    {field::company, "company name"},
    {field::company, "host"},
    {field::company, "name"},

    {field::activities, "activités"},
    {field::activities, "activités certifiées"},
    {field::activities, "périmètre"},
    {field::activities, "périmètre de certification"},
    {field::activities, "périmètre certifié"},
    {field::activities, "activities"},
    {field::activities, "certified activities"},
    {field::activities, "scope"},

    {field::certificate_type, "type de certificat"},
    {field::certificate_type, "type"},
    {field::certificate_type, "certificat"},
    {field::certificate_type, "certificate type"},
    {field::certificate_type, "type of certificate"},

    {field::certifier, "organisme certificateur"},
    {field::certifier, "organisme de certification"},
    {field::certifier, "certificateur"},
    {field::certifier, "certifier"},
    {field::certifier, "certification body"},
    {field::certifier, "certifying body"},

    {field::valid_from, "date de début"},
    {field::valid_from, "date de début de validité"},
    {field::valid_from, "date de certification"},
    {field::valid_from, "date d'obtention"},
    {field::valid_from, "date de délivrance"},
    {field::valid_from, "début de validité"},
    {field::valid_from, "valid from"},
    {field::valid_from, "start date"},
    {field::valid_from, "certification date"},

    {field::valid_to, "date de fin"},
    {field::valid_to, "date de fin de validité"},
    {field::valid_to, "date d'expiration"},
    {field::valid_to, "date d'échéance"},
    {field::valid_to, "valable jusqu'au"},
    {field::valid_to, "fin de validité"},
    {field::valid_to, "expiration date"},
    {field::valid_to, "valid until"},
    {field::valid_to, "valid to"},
    {field::valid_to, "end date"},

    {field::certificate_number, "n° de certificat"},
    {field::certificate_number, "nº de certificat"},
    {field::certificate_number, "numéro de certificat"},
    {field::certificate_number, "numéro"},
    {field::certificate_number, "n° certificat"},
    {field::certificate_number, "certificate number"},
    {field::certificate_number, "certificate no"},

    {field::referential, "référentiel"},
    {field::referential, "version du référentiel"},
    {field::referential, "référentiel hds"},
    {field::referential, "referential"},
    {field::referential, "standard version"},

    {field::provenance, "provenance"},
    {field::provenance, "note"},
};

bool is_noise(std::string_view word)
{
    for (std::string_view w : {"de", "du", "d", "l", "la", "le", "les", "des", "the", "of"})
        if (word == w) return true;
    return false;
}

std::string without_noise(const std::string& folded_words)
{
    std::string out;
    for (const std::string_view word : text::split_words(folded_words)) {
        if (is_noise(word)) continue;
        if (!out.empty()) out += ' ';
        out += word;
    }
    return out;
}

std::optional<field> lookup(const std::map<std::string, field>& table, const std::string& key)
{
    const auto it = table.find(key);
    if (it == table.end()) return std::nullopt;
    return it->second;
}

struct synonym_tables {
    std::map<std::string, field> exact;   // fold_words(synonym)
    std::map<std::string, field> relaxed; // the same without noise words
};

const synonym_tables& tables()
{
    static const synonym_tables t = [] {
        synonym_tables built;
        const auto add = [&](field f, std::string_view text) {
            const std::string folded = text::fold_words(text);
            built.exact.emplace(folded, f);
            built.relaxed.emplace(without_noise(folded), f);
        };
        for (const synonym& s : synonyms) add(s.f, s.text);
        for (std::size_t i = 0; i < activity_fields.size(); ++i) {
            const std::string n = std::to_string(i + 1);
            for (std::string_view prefix : {"activité ", "activite ", "activity ", "a", ""})
                add(activity_fields[i], std::string(prefix) + n);
        }
        return built;
    }();
    return t;
}

/// The field a header names once noise words are dropped: the overrides first, then the synonyms.
std::optional<field> relaxed_field(const std::string& folded, const header_overrides& overrides)
{
    const std::string relaxed = without_noise(folded);
    for (const auto& [header, f] : overrides)
        if (without_noise(header) == relaxed) return f;
    return lookup(tables().relaxed, relaxed);
}

/// The activity field a header like "Activité 1 : sites physiques" or "1° Sites physiques" names: an
/// explicit "activité N" followed by anything, or "N" followed by that activity's own label (from the
/// overrides, where ingest puts the reference data's activity headers).
std::optional<field> activity_with_label(const std::string& folded, const header_overrides& overrides)
{
    const std::vector<std::string_view> words = text::split_words(folded);
    std::size_t skip = 0;
    bool explicit_word = false;
    if (!words.empty() && (words[0] == "activite" || words[0] == "activity")) {
        explicit_word = true;
        skip = 1;
    }
    if (words.size() < skip + 2) return std::nullopt;
    const std::string_view n = words[skip];
    if (n.size() != 1 || n[0] < '1' || n[0] > '6') return std::nullopt;
    const field f = activity_fields[static_cast<std::size_t>(n[0] - '1')];
    if (explicit_word) return f;
    std::string rest;
    for (std::size_t i = skip + 1; i < words.size(); ++i) {
        if (!rest.empty()) rest += ' ';
        rest += words[i];
    }
    if (relaxed_field(rest, overrides) == f) return f;
    return std::nullopt;
}

std::string field_list()
{
    std::string out;
    for (const auto& [f, name] : field_names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

[[noreturn]] void fail(const readers::table& table, std::size_t line, const std::string& message)
{
    throw error(error_kind::input, location{table.source, line}, message);
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

/// Maps the header row; throws when two columns name one field.
column_mapping map_row(const readers::table& table, std::size_t index, const header_overrides& overrides)
{
    const readers::row& header = table.rows[index];
    column_mapping mapping;
    mapping.header_row = index;
    for (std::size_t cell = 0; cell < header.cells.size(); ++cell) {
        const std::string written = text::trim(header.cells[cell]);
        if (written.empty()) continue;
        const std::optional<field> f = field_of_header(written, overrides);
        if (!f) {
            mapping.ignored_columns.push_back(written);
            continue;
        }
        const auto [it, inserted] = mapping.columns.emplace(*f, cell);
        if (!inserted)
            fail(table, header.line,
                 "two columns name " + in_quotes(to_string(*f)) + ": " +
                     in_quotes(text::trim(header.cells[it->second])) + " and " + in_quotes(written));
    }
    return mapping;
}

} // namespace

field activity_column(activity a) noexcept
{
    return activity_fields[static_cast<std::size_t>(a) - 1];
}

const char* to_string(field f) noexcept
{
    for (const auto& [value, name] : field_names)
        if (value == f) return name.data();
    return "unknown";
}

std::optional<field> parse_field(std::string_view name)
{
    for (const auto& [value, text] : field_names)
        if (text == name) return value;
    return std::nullopt;
}

header_overrides load_mapping_file(const std::filesystem::path& path)
{
    const std::string file = path.string();
    // As every input file: a directory or an unreadable file is said so, with the system's reason.
    const std::string content = readers::read_file(path);

    nlohmann::json json;
    try {
        json = nlohmann::json::parse(content);
    } catch (const nlohmann::json::exception& e) {
        // "[json.exception.parse_error.101] parse error at line 2, column 3: ..." → "at line 2, column 3: ...";
        // a number too large for a double is out_of_range, not parse_error ("number overflow parsing '1e999'").
        std::string detail = e.what();
        if (const std::size_t at = detail.find("parse error "); at != std::string::npos) detail.erase(0, at + 12);
        else if (const std::size_t end = detail.find("] "); end != std::string::npos) detail.erase(0, end + 2);
        throw error(error_kind::input, location{file, 0}, "not valid JSON (" + detail + ")");
    }
    const auto usage = "expected {\"columns\": {\"Header as written\": \"field name\", ...}}";
    if (!json.is_object() || !json.contains("columns") || !json["columns"].is_object())
        throw error(error_kind::input, location{file, 0}, usage);

    header_overrides overrides;
    for (const auto& [header, value] : json["columns"].items()) {
        const std::string key = text::fold_words(header);
        if (key.empty())
            throw error(error_kind::input, location{file, 0},
                        "column " + in_quotes(header) + " has no letter or digit to match a header by");
        if (!value.is_string())
            throw error(error_kind::input, location{file, 0},
                        "column " + in_quotes(header) + ": " + usage);
        const std::string name = value.get<std::string>();
        const std::optional<field> f = parse_field(name);
        if (!f)
            throw error(error_kind::input, location{file, 0},
                        "unknown field " + in_quotes(name) + " for column " + in_quotes(header) + " (fields: " +
                            field_list() + ")");
        overrides[key] = *f;
    }
    return overrides;
}

std::optional<field> field_of_header(std::string_view header, const header_overrides& overrides)
{
    const std::string folded = text::fold_words(header);
    if (folded.empty()) return std::nullopt;
    if (auto f = lookup(overrides, folded)) return f;
    if (auto f = lookup(tables().exact, folded)) return f;
    if (auto f = relaxed_field(folded, overrides)) return f;
    return activity_with_label(folded, overrides);
}

std::optional<column_mapping> find_header(const readers::table& table, const header_overrides& overrides)
{
    const std::size_t rows = std::min(table.rows.size(), header_search_rows);
    for (std::size_t index = 0; index < rows; ++index) {
        const auto& cells = table.rows[index].cells;
        const bool names_company = std::any_of(cells.begin(), cells.end(), [&](const std::string& cell) {
            return field_of_header(cell, overrides) == field::company;
        });
        if (names_company) return map_row(table, index, overrides);
    }
    return std::nullopt;
}

column_mapping map_columns(const readers::table& table, const header_overrides& overrides)
{
    if (table.rows.empty()) fail(table, 0, "empty file");
    std::optional<column_mapping> found = find_header(table, overrides);
    if (!found)
        fail(table, table.rows.front().line,
             "missing column \"company\" (raison sociale, hébergeur, nom, company)");
    column_mapping& mapping = *found;
    const std::size_t line = table.rows[mapping.header_row].line;

    // Activities come in one cell, or one column per activity (all six: a missing one would read as "not
    // certified" on every row), or only through the certificate type.
    const auto has = [&](field f) { return mapping.columns.count(f) != 0; };
    if (!has(field::activities)) {
        const auto missing = std::find_if_not(activity_fields.begin(), activity_fields.end(), has);
        const bool some = std::any_of(activity_fields.begin(), activity_fields.end(), has);
        if (some && missing != activity_fields.end()) {
            const auto n = static_cast<std::size_t>(missing - activity_fields.begin()) + 1;
            fail(table, line,
                 "missing column " + in_quotes(to_string(*missing)) + " (activité " + std::to_string(n) +
                     "; with one column per activity, all six are needed)");
        }
        // Lists that give only the certificate type say its activities: 1-2, or 3-6.
        if (!some && !has(field::certificate_type))
            fail(table, line,
                 "missing column \"activities\" (activités, périmètre, one column per activity, or type de "
                 "certificat)");
    }
    if (mapping.header_row + 1 >= table.rows.size()) fail(table, line, "header only, no rows");
    return mapping;
}

} // namespace hds
