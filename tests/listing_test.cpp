// Where a bad row's error points: a CSV's line, or in a spreadsheet the very cell whose value is wrong.
#include "listing.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hds/error.hpp"

namespace {

using hds::activity;

const hds::certificate_types decree({hds::certificate_types::entry{"Hébergeur d'infrastructure physique", {activity{1}, activity{2}}},
                                     hds::certificate_types::entry{"Hébergeur infogéreur",
                                                                   {activity{3}, activity{4}, activity{5}, activity{6}}}});

/// The message of parsing `cells` at row 9 under `header` (sheet "Liste" when `sheet`), "" when it parses.
std::string error_of(const std::vector<std::string>& header, const std::vector<std::string>& cells, bool sheet)
{
    hds::readers::table table{"r.xlsx", "", {{3, header}, {9, cells}}};
    if (sheet) table.sheet = "Liste";
    const hds::column_mapping mapping = hds::map_columns(table);
    const hds::listing_parser parser("r.xlsx", table.rows[0], mapping, decree, 1, false, table.sheet);
    try {
        (void)parser.parse(table.rows[1]);
    } catch (const hds::error& e) {
        return e.what();
    }
    return "";
}

TEST(listing, a_bad_row_in_a_sheet_names_the_cell_of_the_bad_value)
{
    const std::vector<std::string> header = {"Raison sociale", "Type de certificat", "Activités", "Date de début", "Date de fin"};
    struct cell_case {
        std::vector<std::string> cells;
        std::string says;
    };
    const std::vector<cell_case> cases = {
        {{"", "Hébergeur infogéreur", "3"}, "r.xlsx:Liste!A9: no company name"},
        {{"A", "bidule", "3"}, "r.xlsx:Liste!B9: unknown certificate type \"bidule\""},
        {{"A", "", "3, 9"}, "r.xlsx:Liste!C9: unknown activity 9 (activities are numbered 1 to 6)"},
        {{"A", "", "3", "31/02/2020"}, "r.xlsx:Liste!D9: impossible date \"31/02/2020\""},
        {{"A", "", "3", "", "1900-02-29"}, "r.xlsx:Liste!E9: impossible date \"1900-02-29\""},
        {{"A", "", "3", "2023-02-01", "2020-02-01"}, "r.xlsx:Liste!E9: certificate ends (2020-02-01) before it starts (2023-02-01)"},
        {{"A", "", "3", "", "", "extra"}, "r.xlsx:Liste!F9: 6 cells where the header has 5 (a separator inside an unquoted cell?)"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.says);
        EXPECT_EQ(error_of(header, c.cells, true), c.says);
    }
    // The same row in a CSV: its line.
    EXPECT_EQ(error_of(header, {"A", "", "3", "31/02/2020"}, false), "r.xlsx:9: impossible date \"31/02/2020\"");
}

TEST(listing, a_bad_mark_in_a_sheet_names_its_activity_column)
{
    const std::vector<std::string> header = {"Raison sociale", "Activité 1", "Activité 2", "Activité 3",
                                             "Activité 4",     "Activité 5", "Activité 6"};
    EXPECT_EQ(error_of(header, {"A", "", "", "Oui", "peut-être"}, true),
              "r.xlsx:Liste!E9: cannot read mark \"peut-être\" (expected X, Oui, Yes, 1 or empty)");
    EXPECT_EQ(error_of(header, {"A", "Non"}, true), "r.xlsx:Liste!B9: no activity for \"A\"");
}

} // namespace
