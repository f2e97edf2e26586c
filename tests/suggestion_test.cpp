// "Did you mean ...?" (lib/suggestion): the edit distance, and how near a word must be to be suggested.
#include <gtest/gtest.h>

#include "suggestion.hpp"

namespace {

using hds::suggestion::distance;
using hds::suggestion::nearest;

TEST(suggestion, distance_counts_inserts_deletes_replacements_and_swaps)
{
    struct distance_case {
        const char* a;
        const char* b;
        std::size_t expected;
    };
    const distance_case cases[] = {
        {"", "", 0},           {"", "abc", 3},          {"abc", "", 3},
        {"brekdown", "breakdown", 1}, // one letter missing
        {"breakdwon", "breakdown", 1}, // two neighbours swapped: one edit, not two
        {"--verbos", "--verbose", 1}, {"UK", "GB", 2},  {"hostng", "hosting", 1},
        {"kitten", "sitting", 3},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(distance(c.a, c.b), c.expected) << c.a << " / " << c.b;
        EXPECT_EQ(distance(c.b, c.a), c.expected) << c.b << " / " << c.a;
    }
}

TEST(suggestion, nearest_suggests_only_a_slip_of_the_keyboard)
{
    const std::vector<std::string> commands = {"init", "ingest", "diff", "as-of", "breakdown", "snapshots"};
    EXPECT_EQ(nearest("brekdown", commands), "breakdown");
    EXPECT_EQ(nearest("snapshot", commands), "snapshots");
    EXPECT_EQ(nearest("asof", commands), "as-of");
    EXPECT_EQ(nearest("dif", commands), "diff");
    // Up to four characters, one edit only.
    EXPECT_EQ(nearest("dff", commands), "diff");
    EXPECT_EQ(nearest("xx", commands), std::nullopt);
    EXPECT_EQ(nearest("publish", commands), std::nullopt);
    EXPECT_EQ(nearest("breakdown", commands), std::nullopt); // a candidate itself: nothing to suggest
    // Leading dashes do not count in the word's length: --by is a short word.
    EXPECT_EQ(nearest("--bx", {"--by", "--format"}), "--by");
    EXPECT_EQ(nearest("--xz", {"--by", "--format"}), std::nullopt);
    EXPECT_EQ(nearest("--fromat", {"--by", "--format"}), "--format");
    // Equally near: the first candidate.
    EXPECT_EQ(nearest("ab", {"ax", "ay"}), "ax");
}

} // namespace
