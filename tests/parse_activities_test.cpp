#include <gtest/gtest.h>

#include <string>

#include "hds/activity.hpp"
#include "hds/error.hpp"
#include "parse/activities.hpp"

namespace {

using hds::activity;
using hds::activity_set;

struct activities_case {
    std::string cell;
    activity_set expected;
};

struct error_case {
    std::string cell;
    std::string message;
};

// Cells hold numbers; which activity a number is does not matter here.
const activity_set physical{activity{1}, activity{2}};
const activity_set managed{activity{3}, activity{4}, activity{5}, activity{6}};

TEST(parse_activities, reads_lists)
{
    const activities_case cases[] = {
        {"1, 2, 3", {activity{1}, activity{2}, activity{3}}},
        {"1°, 2°, 6°", {activity{1}, activity{2}, activity{6}}},
        {"1º, 2º", physical}, // the masculine ordinal, not the degree sign
        {"1-2-3", {activity{1}, activity{2}, activity{3}}},
        {"1;2", physical},
        {"1/6", {activity{1}, activity{6}}},
        {"1+2", physical},
        {"1 et 2", physical},
        {"1 and 2", physical},
        {"1 2 6", {activity{1}, activity{2}, activity{6}}},
        {"1, 2 et 6", {activity{1}, activity{2}, activity{6}}},
        {"1er, 2ème et 6e", {activity{1}, activity{2}, activity{6}}},
        {"6, 1", {activity{1}, activity{6}}},
        {"5", {activity{5}}},
        {"Activités 1, 2, 3", {activity{1}, activity{2}, activity{3}}},
        {"activités : 5", {activity{5}}},
        {"Activities 1 and 6", {activity{1}, activity{6}}},
        {"\u00A01,\u00A02\u00A0", physical},
    };
    for (const auto& c : cases)
        EXPECT_EQ(hds::parse::parse_activities(c.cell), c.expected) << c.cell;
}

TEST(parse_activities, reads_ranges)
{
    const activities_case cases[] = {
        {"1 à 6", activity_set::all()},
        {"1 a 6", activity_set::all()},
        {"1 au 6", activity_set::all()},
        {"1 to 6", activity_set::all()},
        {"3 à 6", managed},
        {"1° à 6°", activity_set::all()},
        {"3-6", managed}, // two numbers joined by a hyphen: a range, as the article writes it
        {"1-2", physical},
        {"1, 3-6", activity_set{activity{1}} | managed},
        {"1-2-6", {activity{1}, activity{2}, activity{6}}}, // a list
        {"2 à 2", {activity{2}}},
    };
    for (const auto& c : cases)
        EXPECT_EQ(hds::parse::parse_activities(c.cell), c.expected) << c.cell;
}

TEST(parse_activities, empty_cell_is_empty_set)
{
    EXPECT_TRUE(hds::parse::parse_activities("").empty());
    EXPECT_TRUE(hds::parse::parse_activities("   ").empty());
}

TEST(parse_activities, rejects_unknown_or_unreadable_cells)
{
    const error_case cases[] = {
        {"7", "unknown activity 7 (activities are numbered 1 to 6)"},
        {"1, 2, 7", "unknown activity 7 (activities are numbered 1 to 6)"},
        {"0", "unknown activity 0 (activities are numbered 1 to 6)"},
        {"12", "unknown activity 12 (activities are numbered 1 to 6)"},
        {"1 à 9", "unknown activity 9 (activities are numbered 1 to 6)"},
        {"toutes", "cannot read activities \"toutes\""},
        {"1, 2,", "cannot read activities \"1, 2,\""},
        {"1 ou 2", "cannot read activities \"1 ou 2\""},
        {"6 à 1", "cannot read activities \"6 à 1\""},
        {"1 à", "cannot read activities \"1 à\""},
        {"°1", "cannot read activities \"°1\""},
        {"1.2", "cannot read activities \"1.2\""},
        {"activités", "cannot read activities \"activités\""},
        {" X ", "cannot read activities \"X\""},
    };
    for (const auto& c : cases) {
        try {
            (void)hds::parse::parse_activities(c.cell);
            ADD_FAILURE() << "no error for " << c.cell;
        } catch (const hds::error& e) {
            EXPECT_EQ(e.kind(), hds::error_kind::input) << c.cell;
            EXPECT_EQ(e.message(), c.message);
            EXPECT_EQ(std::string(e.what()), c.message) << "no location: the caller adds it";
        }
    }
}

TEST(parse_mark, reads_marks)
{
    struct mark_case {
        std::string cell;
        bool expected;
    };
    const mark_case cases[] = {
        {"X", true},     {"x", true},     {" x ", true},  {"Oui", true},   {"OUI", true},  {"Yes", true},
        {"1", true},     {"✓", true},     {"✔", true},    {"Vrai", true},  {"True", true}, {"", false},
        {"  ", false},   {"Non", false},  {"No", false},  {"0", false},    {"-", false},   {"Faux", false},
        {"false", false}, {"\u00A0", false},
    };
    for (const auto& c : cases) EXPECT_EQ(hds::parse::parse_mark(c.cell), c.expected) << c.cell;
}

TEST(parse_mark, rejects_unknown_marks)
{
    const error_case cases[] = {
        {"peut-être", "cannot read mark \"peut-être\" (expected X, Oui, Yes, 1 or empty)"},
        {"2", "cannot read mark \"2\" (expected X, Oui, Yes, 1 or empty)"},
        {"XX", "cannot read mark \"XX\" (expected X, Oui, Yes, 1 or empty)"},
    };
    for (const auto& c : cases) {
        try {
            (void)hds::parse::parse_mark(c.cell);
            ADD_FAILURE() << "no error for " << c.cell;
        } catch (const hds::error& e) {
            EXPECT_EQ(e.kind(), hds::error_kind::input) << c.cell;
            EXPECT_EQ(e.message(), c.message);
        }
    }
}

} // namespace
