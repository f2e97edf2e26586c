#include <gtest/gtest.h>

#include "hds/activity.hpp"

TEST(activity_set, holds_the_decree_numbers_in_order)
{
    const hds::activity_set set{hds::activity::backup, hds::activity::physical_sites, hds::activity::hardware_infrastructure};
    EXPECT_EQ(set.numbers(), (std::vector<int>{1, 2, 6}));
    EXPECT_EQ(set.to_string(), "1,2,6");
    EXPECT_EQ(set.size(), 3U);
    EXPECT_EQ(set.bits(), 0b100011);
    EXPECT_TRUE(set.contains_all({hds::activity::physical_sites, hds::activity::backup}));
    EXPECT_FALSE(set.contains_all({hds::activity::administration}));
}

TEST(activity_set, set_operations)
{
    const auto all = hds::activity_set::all();
    const auto physical = hds::activity_set::of(hds::certificate_type::physical_infrastructure);
    EXPECT_EQ(physical.numbers(), (std::vector<int>{1, 2}));
    EXPECT_EQ((all - physical).numbers(), (std::vector<int>{3, 4, 5, 6}));
    EXPECT_EQ((all - physical), hds::activity_set::of(hds::certificate_type::managed_hosting));
    EXPECT_EQ((physical | hds::activity_set{hds::activity::backup}).numbers(), (std::vector<int>{1, 2, 6}));
    EXPECT_EQ((all & physical), physical);
    EXPECT_TRUE(hds::activity_set{}.empty());
    EXPECT_EQ(hds::activity_set::from_bits(0xFF), all); // bits past the sixth are not activities
}

TEST(activity, each_activity_belongs_to_the_type_the_decree_gives_it)
{
    EXPECT_EQ(hds::type_of(hds::activity::hardware_infrastructure), hds::certificate_type::physical_infrastructure);
    EXPECT_EQ(hds::type_of(hds::activity::application_platform), hds::certificate_type::managed_hosting);
    EXPECT_STREQ(hds::code_of(hds::certificate_type::managed_hosting), "managed_hosting");
}
