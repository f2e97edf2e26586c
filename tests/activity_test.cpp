#include <gtest/gtest.h>

#include "certificate_types.hpp"
#include "hds/activity.hpp"

using hds::activity;

TEST(activity_set, holds_numbers_in_order)
{
    const hds::activity_set set{activity{6}, activity{1}, activity{2}};
    EXPECT_EQ(set.numbers(), (std::vector<int>{1, 2, 6}));
    EXPECT_EQ(set.to_string(), "1,2,6");
    EXPECT_EQ(set.size(), 3U);
    EXPECT_EQ(set.bits(), 0b100011);
    EXPECT_TRUE(set.contains_all({activity{1}, activity{6}}));
    EXPECT_FALSE(set.contains_all({activity{5}}));
}

TEST(activity_set, set_operations)
{
    const auto all = hds::activity_set::all();
    const hds::activity_set physical{activity{1}, activity{2}};
    EXPECT_EQ((all - physical).numbers(), (std::vector<int>{3, 4, 5, 6}));
    EXPECT_EQ((physical | hds::activity_set{activity{6}}).numbers(), (std::vector<int>{1, 2, 6}));
    EXPECT_EQ((all & physical), physical);
    EXPECT_TRUE(hds::activity_set{}.empty());
    EXPECT_EQ(hds::activity_set::from_bits(0xFF), all); // bits past the sixth are not activities
}

TEST(certificate_types, describe_shows_a_run_of_numbers_as_a_range)
{
    const hds::certificate_types types({hds::certificate_types::entry{"Physique", {activity{1}, activity{3}}},
                                        hds::certificate_types::entry{"Infogéreur", {activity{2}, activity{4}, activity{5}, activity{6}}}});
    EXPECT_EQ(types.describe(hds::certificate_type::physical_infrastructure), "\"Physique\" certificate (activities 1,3)");
    EXPECT_EQ(types.describe(hds::certificate_type::managed_hosting),
              "\"Infogéreur\" certificate (activities 2,4,5,6)");
    const hds::certificate_types decree({hds::certificate_types::entry{"P", {activity{1}, activity{2}}},
                                         hds::certificate_types::entry{"M", {activity{3}, activity{4}, activity{5}, activity{6}}}});
    EXPECT_EQ(decree.describe(hds::certificate_type::managed_hosting), "\"M\" certificate (activities 3-6)");
    EXPECT_EQ(decree.activities_of(hds::certificate_type::physical_infrastructure).numbers(), (std::vector<int>{1, 2}));
    EXPECT_STREQ(hds::code_of(hds::certificate_type::managed_hosting), "managed_hosting");
}
