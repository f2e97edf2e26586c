#include "readers/sheet_cells.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace hds::readers;

TEST(sheet_cells, day_serials_of_the_1900_system_count_excels_29_february_1900)
{
    struct serial_case {
        std::string serial;
        std::optional<std::string> date;
    };
    const std::vector<serial_case> cases = {
        {"1", "1900-01-01"},
        {"59", "1900-02-28"},
        {"60", "1900-02-29"}, // the day Excel invented; parse_date refuses it as impossible
        {"61", "1900-03-01"}, // from here on, one day less than a plain count
        {"43862", "2020-02-01"},
        {"43890", "2020-02-29"},
        {"44957", "2023-01-31"},
        {"43862.5", "2020-02-01T12:00:00"},       // a time of day, which parse_date refuses like a CSV's
        {"43862.000000001", "2020-02-01"},        // rounding noise, not a time
        {"43861.99999999", "2020-02-01"},         // the same, from below
        {"4.3862E4", "2020-02-01"},
        {"-1", std::nullopt},
        {"abc", std::nullopt},
        {"", std::nullopt},
        {"1e300", std::nullopt},
        {"43862 ", std::nullopt},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.serial);
        EXPECT_EQ(date_of_serial(c.serial, date_system::from_1900), c.date);
    }
}

TEST(sheet_cells, day_serials_of_the_1904_system_count_from_1_january_1904)
{
    EXPECT_EQ(date_of_serial("0", date_system::from_1904), "1904-01-01");
    EXPECT_EQ(date_of_serial("59", date_system::from_1904), "1904-02-29"); // 1904 is a leap year
    EXPECT_EQ(date_of_serial("42400", date_system::from_1904), "2020-02-01"); // 43862 in the 1900 system
}

TEST(sheet_cells, date_formats_are_told_by_day_or_year_placeholders)
{
    for (const char* code : {"dd/mm/yyyy", "d-mmm-yy", "yyyy-mm-dd", "[$-40C]d mmmm yyyy", "DD.MM.YYYY",
                             "[Red]dd/mm/yyyy", "dddd", "yyyy\\-mm"})
        EXPECT_TRUE(is_date_format_code(code)) << code;
    for (const char* code : {"General", "0.00", "#,##0 \"days\"", "mm:ss", "h:mm", "[$€-40C] #,##0.00", "@",
                             "0\\d", "\"TRUE\";\"TRUE\";\"FALSE\"", "0.00E+00"})
        EXPECT_FALSE(is_date_format_code(code)) << code;
    for (unsigned id : {14U, 15U, 17U, 22U, 30U, 57U}) EXPECT_TRUE(is_builtin_date_format(id)) << id;
    for (unsigned id : {0U, 1U, 2U, 9U, 13U, 23U, 37U, 49U, 164U}) EXPECT_FALSE(is_builtin_date_format(id)) << id;
}

TEST(sheet_cells, cell_references_both_ways)
{
    EXPECT_EQ(column_letters(0), "A");
    EXPECT_EQ(column_letters(25), "Z");
    EXPECT_EQ(column_letters(26), "AA");
    EXPECT_EQ(column_letters(701), "ZZ");
    EXPECT_EQ(column_letters(702), "AAA");
    EXPECT_EQ(column_letters(16383), "XFD");

    const auto d7 = parse_cell_reference("D7");
    ASSERT_TRUE(d7);
    EXPECT_EQ(d7->column, 3U);
    EXPECT_EQ(d7->row, 7U);
    const auto last = parse_cell_reference("XFD1048576");
    ASSERT_TRUE(last);
    EXPECT_EQ(last->column, 16383U);
    EXPECT_EQ(last->row, 1048576U);
    for (const char* bad : {"XFE1", "A1048577", "A0", "7", "A", "a1", "", "A1B", "$A$1", "AAAAAAAAAAAAAAAA1"})
        EXPECT_FALSE(parse_cell_reference(bad)) << bad;
}

TEST(sheet_cells, booleans_are_marks)
{
    EXPECT_STREQ(boolean_text(true), "Oui");
    EXPECT_STREQ(boolean_text(false), "");
}
