// Which column of a table is which field of the registry. Knows field names and header synonyms, not the
// parsing of values.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hds/activity.hpp"
#include "readers/table.hpp"

namespace hds {

enum class field {
    company,            ///< raison sociale / hébergeur / nom / company
    activities,         ///< activités / périmètre: all activities in one cell
    activity_1,         ///< one column per activity, marked X / Oui ...
    activity_2,
    activity_3,
    activity_4,
    activity_5,
    activity_6,
    certificate_type,   ///< type de certificat
    certifier,          ///< organisme certificateur / certificateur
    valid_from,         ///< date de début / de certification / d'obtention
    valid_to,           ///< date de fin / d'expiration / valable jusqu'au
    certificate_number, ///< n° de certificat
    referential,        ///< référentiel (version)
    provenance,         ///< provenance / note: a free note on where the row's facts come from
};

/// "company", "activities", "activity_1".."activity_6", "certificate_type", "certifier", "valid_from",
/// "valid_to", "certificate_number", "referential", "provenance".
[[nodiscard]] const char* to_string(field f) noexcept;
/// The inverse of to_string; nullopt for an unknown name.
std::optional<field> parse_field(std::string_view name);

/// The per-activity column field of an activity (activity_1 .. activity_6).
[[nodiscard]] field activity_column(activity a) noexcept;

/// Header names beyond the built-in synonyms: folded header text (text::fold_words) → field. Ingest fills
/// it with the activity headers of the reference data (table activity_header: "Infrastructure virtuelle"
/// → activity_4), then with a `--mapping` file, whose names win.
using header_overrides = std::map<std::string, field>;

/// Reads a mapping file: {"columns": {"Header as written": "field name", ...}}; keys are stored folded
/// (text::fold_words), so an override matches any case, accent or punctuation of its header.
/// Throws hds::error(input) "FILE: ..." for unreadable JSON, a missing "columns" object, a value that is not
/// a string, or an unknown field name (the message lists the valid ones); hds::error(io) "FILE: cannot open
/// the mapping file".
header_overrides load_mapping_file(const std::filesystem::path& path);

/// The field a header cell names (synonyms in French and English, any case, accents or punctuation, with or
/// without the words de, du, d, l, la, le, les, des, the, of), overrides first; also "Activité N: anything"
/// and "N° <label of activity N>". nullopt when it names none.
std::optional<field> field_of_header(std::string_view header, const header_overrides& overrides = {});

struct column_mapping {
    std::size_t header_row = 0;               ///< index into table.rows of the header
    std::map<field, std::size_t> columns;     ///< field → cell index
    std::vector<std::string> ignored_columns; ///< header cells that name no field, as written
};

/// How many of a table's first rows may hold its header.
constexpr std::size_t header_search_rows = 10;

/// Finds the header: the first of the table's first header_search_rows rows in which some cell names the company field.
/// nullopt when none does (for HTML: not the registry's table). A header row in which two columns name one
/// field throws, as map_columns does: "SOURCE:LINE: two columns name ...".
std::optional<column_mapping> find_header(const readers::table& table, const header_overrides& overrides = {});

/// Like find_header, but a table without a usable header is an error. Activities must come as one column
/// or as all six per-activity columns. Throws hds::error(input)
/// "SOURCE:LINE: missing column \"company\" (raison sociale, hébergeur, nom, company)" (LINE: the first row)
/// or "SOURCE:LINE: missing column \"activities\" (activités, périmètre, or one column per activity)",
/// "SOURCE:LINE: missing column \"activity_4\" (activité 4; with one column per activity, all six are
/// needed)",
/// "SOURCE:LINE: two columns name \"certifier\": \"A\" and \"B\"",
/// "SOURCE: empty file", "SOURCE:LINE: header only, no rows".
column_mapping map_columns(const readers::table& table, const header_overrides& overrides = {});

} // namespace hds
