#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "hds/error.hpp"
#include "parse/dates.hpp"

namespace {

struct date_case {
    std::string cell;
    std::string expected;
};

struct error_case {
    std::string cell;
    std::string message;
};

TEST(parse_dates, reads_day_first_and_iso_dates)
{
    const date_case cases[] = {
        {"31/07/2020", "2020-07-31"},
        {"1/2/2020", "2020-02-01"}, // day first: 1 February, not 2 January
        {"01-02-2020", "2020-02-01"},
        {"01.02.2020", "2020-02-01"},
        {"2020-07-31", "2020-07-31"},
        {"2020/07/31", "2020-07-31"},
        {"2020-7-3", "2020-07-03"},
        {"29/02/2020", "2020-02-29"}, // a leap year
        {"  31/07/2020\u00A0", "2020-07-31"},
        {"31/07/2020 00:00", "2020-07-31"},
        {"31/07/2020 00:00:00", "2020-07-31"},
        {"2020-07-31T00:00:00", "2020-07-31"},
        {"2020-07-31T00:00:00.000Z", "2020-07-31"},
        {"01/01/2000", "2000-01-01"},
        {"31/12/2100", "2100-12-31"},
    };
    for (const auto& c : cases) EXPECT_EQ(hds::parse::parse_date(c.cell), c.expected) << c.cell;
}

TEST(parse_dates, empty_cell_is_no_date)
{
    EXPECT_EQ(hds::parse::parse_date(""), std::nullopt);
    EXPECT_EQ(hds::parse::parse_date("   "), std::nullopt);
}

// Each cell must throw an input error with exactly that message.
template <std::size_t n>
void expect_rejected(const error_case (&cases)[n])
{
    for (const auto& c : cases) {
        try {
            (void)hds::parse::parse_date(c.cell);
            ADD_FAILURE() << "no error for " << c.cell;
        } catch (const hds::error& e) {
            EXPECT_EQ(e.kind(), hds::error_kind::input) << c.cell;
            EXPECT_EQ(e.message(), c.message);
        }
    }
}

TEST(parse_dates, rejects_impossible_date)
{
    const error_case cases[] = {
        {"31/02/2020", "impossible date \"31/02/2020\""},
        {"29/02/2021", "impossible date \"29/02/2021\""}, // not a leap year
        {"07/31/2020", "impossible date \"07/31/2020\""}, // month first is not read
        {"00/01/2020", "impossible date \"00/01/2020\""},
        {"2020-13-01", "impossible date \"2020-13-01\""},
        {"31/12/1999", "impossible date \"31/12/1999\""},
        {"01/01/2101", "impossible date \"01/01/2101\""},
    };
    expect_rejected(cases);
}

TEST(parse_dates, rejects_ambiguous_and_unreadable_dates)
{
    const error_case cases[] = {
        {"01/02/20", "ambiguous date \"01/02/20\" (two-digit year)"},
        {"31-07-20", "ambiguous date \"31-07-20\" (two-digit year)"},
        {"juillet 2020", "cannot read date \"juillet 2020\" (expected dd/mm/yyyy or yyyy-mm-dd)"},
        {"31/07", "cannot read date \"31/07\" (expected dd/mm/yyyy or yyyy-mm-dd)"},
        {"31/07-2020", "cannot read date \"31/07-2020\" (expected dd/mm/yyyy or yyyy-mm-dd)"},
        {"31/07/02020", "cannot read date \"31/07/02020\" (expected dd/mm/yyyy or yyyy-mm-dd)"},
        {"44043", "cannot read date \"44043\" (expected dd/mm/yyyy or yyyy-mm-dd)"}, // a spreadsheet serial
        // a time other than midnight may be a date moved by a time zone: refused, not truncated
        {"2020-07-30T22:00:00Z", "cannot read date \"2020-07-30T22:00:00Z\" (expected dd/mm/yyyy or yyyy-mm-dd)"},
        {"31/07/2020 14:30", "cannot read date \"31/07/2020 14:30\" (expected dd/mm/yyyy or yyyy-mm-dd)"},
    };
    expect_rejected(cases);
}

TEST(parse_dates, is_iso_date_accepts_only_valid_yyyy_mm_dd)
{
    EXPECT_TRUE(hds::parse::is_iso_date("2020-07-31"));
    EXPECT_TRUE(hds::parse::is_iso_date("2024-02-29"));
    EXPECT_FALSE(hds::parse::is_iso_date("2023-02-29"));
    EXPECT_FALSE(hds::parse::is_iso_date("2020-7-31"));
    EXPECT_FALSE(hds::parse::is_iso_date("31/07/2020"));
    EXPECT_FALSE(hds::parse::is_iso_date("2020-07-31T00:00"));
    EXPECT_FALSE(hds::parse::is_iso_date("2020-00-10"));
    EXPECT_FALSE(hds::parse::is_iso_date(""));
}

} // namespace
