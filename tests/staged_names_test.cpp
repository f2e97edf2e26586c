#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "store/staged_names.hpp"

namespace {

class staged_names_test : public ::testing::Test {
protected:
    staged_names_test()
    {
        db_.exec("CREATE TABLE names (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL)");
    }

    std::string name_of(std::int64_t id)
    {
        SQLite::Statement query(db_, "SELECT name FROM names WHERE id = ?");
        query.bind(1, id);
        return query.executeStep() ? query.getColumn(0).getString() : "(none)";
    }

    SQLite::Database db_{":memory:", SQLite::OPEN_READWRITE};
};

TEST_F(staged_names_test, numbers_keys_in_order_of_first_use_under_their_first_spelling)
{
    hds::store::staged_names names(db_, "names", "name");
    EXPECT_EQ(names.id("ovh", "OVH"), 1);
    EXPECT_EQ(names.id("ovh", "Ovh"), 1);
    EXPECT_EQ(names.id("ebrc", "EBRC"), 2);
    EXPECT_EQ(names.id("ovh", "OVH SAS"), 1); // again, not on the row just before
    EXPECT_EQ(name_of(1), "OVH");
    EXPECT_EQ(db_.execAndGet("SELECT count(*) FROM names").getInt(), 2);
}

// Past the keys it remembers, a key used before is found in the table, not staged again.
TEST_F(staged_names_test, finds_keys_it_no_longer_remembers)
{
    hds::store::staged_names names(db_, "names", "name");
    for (int i = 1; i <= 5000; ++i) ASSERT_EQ(names.id("k" + std::to_string(i), "K" + std::to_string(i)), i);
    EXPECT_EQ(names.id("k4999", "other"), 4999);
    EXPECT_EQ(names.id("k2", "other"), 2);
    EXPECT_EQ(names.id("k4999", "other"), 4999);
    EXPECT_EQ(name_of(4999), "K4999");
    EXPECT_EQ(db_.execAndGet("SELECT count(*) FROM names").getInt(), 5000);
}

} // namespace
