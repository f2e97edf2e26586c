// Registry rows → listings: what one row of a registry file says, parsed and checked.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <variant>
#include <string>
#include <vector>

#include "cell_memo.hpp"
#include "certificate_types.hpp"
#include "hds/certificate.hpp"
#include "mapping.hpp"
#include "readers/table.hpp"

namespace hds {

/// One row of a registry file: a company and the certificates the row lists for it.
struct listing {
    std::size_t file_ordinal = 0; ///< which of the snapshot's files, from 1
    std::size_t line = 0;
    std::string company; ///< as written, trimmed
    std::string company_key; ///< its normalised key (company_key.hpp), never empty
    std::vector<certificate> certificates; ///< a row covering activities of both types stands for two
    /// The certifier's key (company_key.hpp), the same for each of the row's certificates; nullopt without one.
    std::optional<std::string> certifier_key;
    std::optional<std::string> provenance; ///< the row's free note on where its facts come from, if any
    std::vector<std::string> cells; ///< the row as read, kept in case it is rejected later (a duplicate)
    /// The spreadsheet sheet the row is on, if any: an error about the whole row names it ("Liste!5:5").
    std::optional<std::string> sheet;
};

/// A row refused under --skip-bad-rows, kept with its reason.
struct rejected_row {
    std::size_t file_ordinal = 0;
    std::size_t line = 0;
    std::string reason;
    std::vector<std::string> cells;
};

/// A row as the parser made it: a listing, or a row it rejected (--skip-bad-rows).
using parsed_row = std::variant<listing, rejected_row>;

/// Parses the data rows of one file, one at a time.
class listing_parser {
public:
    /// `sheet`: the rows are a spreadsheet's (readers::table::sheet), and errors name the cell.
    listing_parser(std::string source, const readers::row& header, const column_mapping& mapping,
                   const certificate_types& types, std::size_t file_ordinal, bool skip_bad_rows,
                   std::optional<std::string> sheet = std::nullopt);

    /// The row's listing; with skip_bad_rows, a malformed row comes back rejected with its reason, and
    /// without it throws hds::error(input) "SOURCE:LINE: ..." (for a sheet "SOURCE:SHEET!CELL: ...", the cell
    /// whose value is wrong).
    [[nodiscard]] parsed_row parse(const readers::row& row) const;
    /// The same, moving the row's cells into the listing or rejected row instead of copying them.
    [[nodiscard]] parsed_row parse(readers::row&& row) const;

    /// Remembered parses of the cells whose few values repeat on every row.
    struct memos {
        cell_memo<std::vector<certificate_type>> type_cells{256};
        cell_memo<std::string> certifier_keys{256};
        cell_memo<std::optional<std::string>> dates{4096}; // certification and expiry dates repeat across rows
        cell_memo<activity_set> activity_cells{256};
        // A registry sorted by name lists a company's rows one after another: the last name's key.
        std::string last_company;
        std::string last_company_key;
    };

private:
    template <typename Row>
    parsed_row parse_row_as(Row&& row) const;

    std::string source_;
    column_mapping mapping_;
    certificate_types types_;
    std::size_t header_cells_;
    std::size_t file_ordinal_;
    bool skip_bad_rows_;
    std::optional<std::string> sheet_;
    mutable memos memos_; // a cache: parse() answers the same with or without it
};

/// Parses every data row after the header, in file order, and hands each to `on_row` as parse() makes it. A
/// malformed row throws hds::error(input) "SOURCE:LINE: ...", or with skip_bad_rows comes rejected. Returns
/// the number of data rows read.
std::size_t for_each_listing(const readers::table& table, const column_mapping& mapping,
                             const certificate_types& types, std::size_t file_ordinal,
                             bool skip_bad_rows, const std::function<void(parsed_row&&)>& on_row);

} // namespace hds
