#include <gtest/gtest.h>

#include <cstdio>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

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

// A first snapshot writes its certificates without the schema's CHECK (date(x) = x) on their dates
// (store/first_snapshot.hpp): every date parse_date can give must pass it. Each day of each month of the
// years it reads, and the days past a month's end, go through both parse_date and SQLite's date().
TEST(parse_dates, every_date_given_passes_the_schema_s_check)
{
    SQLite::Database sql(":memory:");
    SQLite::Statement check(sql, "SELECT date(?1) IS ?1");
    int given = 0;
    for (int year = 1999; year <= 2101; ++year)
        for (int month = 1; month <= 12; ++month)
            for (int day = 1; day <= 31; ++day) {
                char cell[16];
                std::snprintf(cell, sizeof cell, "%02d/%02d/%04d", day, month, year);
                std::optional<std::string> date;
                try {
                    date = hds::parse::parse_date(cell);
                } catch (const hds::error&) {
                    continue;
                }
                ASSERT_TRUE(date) << cell;
                check.bind(1, *date);
                ASSERT_TRUE(check.executeStep());
                EXPECT_EQ(check.getColumn(0).getInt(), 1) << cell << " gave " << *date;
                check.reset();
                ++given;
            }
    EXPECT_EQ(given, 36890); // the days from 2000-01-01 to 2100-12-31
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
