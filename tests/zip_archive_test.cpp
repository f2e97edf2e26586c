#include "readers/zip_archive.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "hds/error.hpp"
#include "zip_support.hpp"

namespace {

using hds::readers::zip_archive;
using hds::readers::zip_limits;
using hds::testing_zip::zip_of;

std::string refusal(const std::function<void()>& body)
{
    try {
        body();
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::input);
        return e.what();
    }
    return "";
}

TEST(zip_archive, reads_entries_by_name)
{
    const std::string bytes = zip_of({{"a.xml", "<a/>"}, {"dir/b.xml", std::string(100'000, 'b')}});
    zip_archive zip(bytes, "w.zip");
    EXPECT_EQ(zip.read("a.xml"), "<a/>");
    EXPECT_EQ(zip.read("dir/b.xml"), std::string(100'000, 'b'));
    EXPECT_EQ(zip.read("c.xml"), std::nullopt);
}

TEST(zip_archive, bounds_entries_and_what_they_inflate_to_whatever_the_archive_claims)
{
    const std::string three = zip_of({{"a", "1"}, {"b", "2"}, {"c", "3"}});
    EXPECT_EQ(refusal([&] { zip_archive(three, "w.zip", zip_limits{2, 1000, 1000}); }),
              "w.zip: 3 entries in the archive (more than 2: not a workbook)");

    // 3 MiB of spaces deflate to a few KiB: the bound is on the bytes inflated.
    const std::string bomb = zip_of({{"sheet.xml", std::string(3U << 20U, ' ')}, {"other.xml", std::string(2U << 20U, ' ')}});
    EXPECT_LT(bomb.size(), 50'000U);
    EXPECT_EQ(refusal([&] { zip_archive(bomb, "w.zip", zip_limits{10, 2U << 20U, 100U << 20U}).read("sheet.xml"); }),
              "w.zip: sheet.xml inflates to more than 2 MiB (an archive bomb? a registry sheet is a few MiB)");
    EXPECT_EQ(refusal([&] {
                  zip_archive zip(bomb, "w.zip", zip_limits{10, 4U << 20U, 4U << 20U});
                  zip.read("sheet.xml");
                  zip.read("other.xml");
              }),
              "w.zip: the archive inflates to more than 4 MiB (an archive bomb? a registry workbook is a few MiB)");
}

TEST(zip_archive, a_damaged_entry_is_an_input_error)
{
    std::string text; // numbers that deflate to dense data, so that damage anywhere in it shows
    for (int i = 0; i < 50'000; ++i) text += std::to_string(i * 7919 % 100'003) + ";";
    std::string bytes = zip_of({{"sheet.xml", text}});
    ASSERT_GT(bytes.size(), 1000U);
    for (std::size_t i = 200; i < 260; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x55);
    const std::string says = refusal([&] { zip_archive(bytes, "w.zip").read("sheet.xml"); });
    EXPECT_EQ(says.rfind("w.zip: sheet.xml: damaged entry (", 0), 0U) << "[" << says << "]";
}

} // namespace
