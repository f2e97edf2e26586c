#include "listing.hpp"

#include <array>
#include <utility>

#include "company_key.hpp"
#include "hds/error.hpp"
#include "parse/activities.hpp"
#include "parse/certificate_type.hpp"
#include "parse/dates.hpp"
#include "readers/sheet_cells.hpp"
#include "text.hpp"

namespace hds {
namespace {

constexpr std::array activity_columns = {field::activity_1, field::activity_2, field::activity_3,
                                         field::activity_4, field::activity_5, field::activity_6};

/// The cell index of a field's column; the row's first cell when the table has no such column.
std::size_t column_of(const column_mapping& mapping, field f)
{
    const auto column = mapping.columns.find(f);
    return column == mapping.columns.end() ? 0 : column->second;
}

class row_reader {
public:
    row_reader(const readers::row& row, const column_mapping& mapping) : row_(row), mapping_(mapping) {}

    /// The trimmed cell of a field, a view into the row; empty when the table has no such column.
    std::string_view cell(field f) const
    {
        const auto column = mapping_.columns.find(f);
        if (column == mapping_.columns.end() || column->second >= row_.cells.size()) return {};
        return text::trimmed(row_.cells[column->second]);
    }

    /// The same, kept: nullopt when empty.
    std::optional<std::string> kept(field f) const
    {
        const std::string_view value = cell(f);
        if (value.empty()) return std::nullopt;
        return std::string(value);
    }

    bool has_column(field f) const { return mapping_.columns.count(f) != 0; }

private:
    const readers::row& row_;
    const column_mapping& mapping_;
};

/// The activities a row states: in one cell, or one mark per activity column. nullopt when the table has
/// neither, and gives only certificate types.
std::optional<activity_set> activities_of(const row_reader& row, const column_mapping& mapping, listing_parser::memos& memos,
                                          std::size_t& at)
{
    if (row.has_column(field::activities))
        return memos.activity_cells.get(row.cell(field::activities), parse::parse_activities);
    if (!row.has_column(activity_columns.front())) return std::nullopt;
    activity_set set;
    for (std::size_t i = 0; i < activity_columns.size(); ++i) {
        at = column_of(mapping, activity_columns[i]);
        if (parse::parse_mark(row.cell(activity_columns[i]))) set.insert(static_cast<activity>(i + 1));
    }
    return set;
}

// Cells up to the last non-empty one: empty cells at the end are only trailing separators.
std::size_t cells_used(const readers::row& row)
{
    std::size_t cells = row.cells.size();
    while (cells > 0 && text::trimmed(row.cells[cells - 1]).empty()) --cells;
    return cells;
}

/// Parses one row; on failure `at` is the cell the error is about (for messages naming a spreadsheet cell).
listing parse_row(const readers::row& row, const column_mapping& mapping, const certificate_types& reference,
                  std::size_t header_cells, listing_parser::memos& memos, std::size_t& at)
{
    // A row wider than the header split a cell somewhere (a separator inside an unquoted cell): its values
    // would land in the wrong columns.
    const std::size_t cells = cells_used(row);
    at = header_cells;
    if (cells > header_cells)
        throw error(error_kind::input, std::to_string(cells) + " cells where the header has " +
                                           std::to_string(header_cells) + " (a separator inside an unquoted cell?)");

    const row_reader reader(row, mapping);
    listing out;
    out.line = row.line;
    at = column_of(mapping, field::company);
    out.company = reader.cell(field::company);
    if (out.company.empty()) throw error(error_kind::input, "no company name");
    if (out.company != memos.last_company) {
        memos.last_company = out.company;
        memos.last_company_key = company_key(out.company);
    }
    out.company_key = memos.last_company_key;
    if (out.company_key.empty())
        throw error(error_kind::input, "company name \"" + out.company + "\" has no letter or digit");
    out.provenance = reader.kept(field::provenance);

    certificate common;
    common.certifier = reader.kept(field::certifier);
    if (common.certifier) out.certifier_key = memos.certifier_keys.get(*common.certifier, company_key);
    // A dash or other punctuation in the certifier column says "none given".
    if (out.certifier_key && out.certifier_key->empty()) {
        common.certifier.reset();
        out.certifier_key.reset();
    }
    common.number = reader.kept(field::certificate_number);
    common.referential = reader.kept(field::referential);
    at = column_of(mapping, field::valid_from);
    common.valid_from = memos.dates.get(reader.cell(field::valid_from), parse::parse_date);
    at = column_of(mapping, field::valid_to);
    common.valid_to = memos.dates.get(reader.cell(field::valid_to), parse::parse_date);
    if (common.valid_from && common.valid_to && *common.valid_to < *common.valid_from)
        throw error(error_kind::input,
                    "certificate ends (" + *common.valid_to + ") before it starts (" + *common.valid_from + ")");

    // The type given must cover the activities given; without one, each activity says its type; without
    // activities, the type says them.
    at = column_of(mapping, field::certificate_type);
    std::vector<certificate_type> types =
        memos.type_cells.get(reader.cell(field::certificate_type), parse::parse_certificate_types);
    const std::size_t activities_column =
        column_of(mapping, mapping.columns.count(field::activities) != 0 ? field::activities : field::activity_1);
    at = activities_column;
    const std::optional<activity_set> stated = activities_of(reader, mapping, memos, at);
    at = stated ? activities_column : column_of(mapping, field::certificate_type);
    if (!stated && types.empty()) throw error(error_kind::input, "no certificate type for \"" + out.company + "\"");
    if (types.empty()) types = {certificate_type::physical_infrastructure, certificate_type::managed_hosting};
    activity_set covered;
    for (certificate_type type : types) covered = covered | reference.activities_of(type);
    const activity_set activities = stated.value_or(covered);
    if (activities.empty()) throw error(error_kind::input, "no activity for \"" + out.company + "\"");
    const activity_set uncovered = activities - covered;
    if (!uncovered.empty())
        throw error(error_kind::input, "activity " + std::to_string(uncovered.numbers().front()) +
                                           " is not covered by a " + reference.describe(types.front()));
    for (certificate_type type : types) {
        const activity_set part = activities & reference.activities_of(type);
        if (part.empty()) continue;
        certificate record = common;
        record.type = type;
        record.activities = part;
        out.certificates.push_back(std::move(record));
    }
    return out;
}

} // namespace

listing_parser::listing_parser(std::string source, const readers::row& header, const column_mapping& mapping,
                               const certificate_types& types, std::size_t file_ordinal, bool skip_bad_rows,
                               std::optional<std::string> sheet)
    : source_(std::move(source)), mapping_(mapping), types_(types), header_cells_(cells_used(header)), file_ordinal_(file_ordinal),
      skip_bad_rows_(skip_bad_rows), sheet_(std::move(sheet))
{
}

template <typename Row>
parsed_row listing_parser::parse_row_as(Row&& row) const
{
    std::size_t at = 0;
    try {
        listing parsed = parse_row(row, mapping_, types_, header_cells_, memos_, at);
        parsed.file_ordinal = file_ordinal_;
        parsed.cells = std::forward<Row>(row).cells;
        parsed.sheet = sheet_;
        return parsed;
    } catch (const error& e) {
        if (e.kind() != error_kind::input) throw;
        if (!skip_bad_rows_) {
            location where{source_, row.line};
            if (sheet_) where.cell = readers::cell_reference(*sheet_, at, row.line);
            throw error(error_kind::input, std::move(where), e.message());
        }
        return rejected_row{file_ordinal_, row.line, e.message(), std::forward<Row>(row).cells};
    }
}

parsed_row listing_parser::parse(const readers::row& row) const { return parse_row_as(row); }

parsed_row listing_parser::parse(readers::row&& row) const { return parse_row_as(std::move(row)); }

std::size_t for_each_listing(const readers::table& table, const column_mapping& mapping,
                             const certificate_types& types, std::size_t file_ordinal,
                             bool skip_bad_rows, const std::function<void(parsed_row&&)>& on_row)
{
    const listing_parser parser(table.source, table.rows.at(mapping.header_row), mapping, types, file_ordinal,
                                skip_bad_rows, table.sheet);
    for (std::size_t i = mapping.header_row + 1; i < table.rows.size(); ++i) on_row(parser.parse(table.rows[i]));
    return table.rows.size() - mapping.header_row - 1;
}

} // namespace hds
