#include <stdexcept>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "cell_memo.hpp"

namespace {

TEST(cell_memo, parses_each_text_once_up_to_its_capacity_then_every_time)
{
    hds::cell_memo<std::string> memo(2);
    int parses = 0;
    const auto upper = [&](std::string_view text) {
        ++parses;
        std::string out(text);
        for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
        return out;
    };
    EXPECT_EQ(memo.get("ab", upper), "AB");
    EXPECT_EQ(memo.get("ab", upper), "AB");
    EXPECT_EQ(memo.get("cd", upper), "CD");
    EXPECT_EQ(parses, 2);
    // Full: a third text is parsed, right, each time it comes, and the first two are still remembered.
    EXPECT_EQ(memo.get("ef", upper), "EF");
    EXPECT_EQ(memo.get("ef", upper), "EF");
    EXPECT_EQ(parses, 4);
    EXPECT_EQ(memo.get("cd", upper), "CD");
    EXPECT_EQ(parses, 4);
}

TEST(cell_memo, does_not_remember_a_refusal)
{
    hds::cell_memo<int> memo(8);
    int parses = 0;
    const auto refuse = [&](std::string_view) -> int {
        ++parses;
        throw std::invalid_argument("bad cell");
    };
    EXPECT_THROW(memo.get("x", refuse), std::invalid_argument);
    EXPECT_THROW(memo.get("x", refuse), std::invalid_argument);
    EXPECT_EQ(parses, 2);
}

} // namespace
