#include "readers/text_decoding.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hds/error.hpp"

using namespace std::string_view_literals;
using hds::readers::decode_text;

// Literals are split after each \x escape: "H\xe9" "bergeur", since \xe9b would read as one escape.

TEST(text_decoding, keeps_valid_utf8_as_is)
{
    const auto decoded = decode_text("H\xC3\xA9" "bergeur;Activit\xC3\xA9s\r\n", "f.csv");
    EXPECT_EQ(decoded.utf8, "H\xC3\xA9" "bergeur;Activit\xC3\xA9s\r\n");
    EXPECT_EQ(decoded.encoding, "utf-8");
}

TEST(text_decoding, calls_plain_ascii_utf8)
{
    const auto decoded = decode_text("a;b\n", "f.csv");
    EXPECT_EQ(decoded.utf8, "a;b\n");
    EXPECT_EQ(decoded.encoding, "utf-8");
}

TEST(text_decoding, strips_utf8_byte_order_mark)
{
    const auto decoded = decode_text("\xEF\xBB\xBF" "H\xC3\xA9" "bergeur\n", "f.csv");
    EXPECT_EQ(decoded.utf8, "H\xC3\xA9" "bergeur\n");
    EXPECT_EQ(decoded.encoding, "utf-8 (bom)");
}

TEST(text_decoding, reads_windows_1252_when_not_utf8)
{
    const auto decoded = decode_text("H\xE9" "bergeur;Activit\xE9s\n", "f.csv");
    EXPECT_EQ(decoded.utf8, "H\xC3\xA9" "bergeur;Activit\xC3\xA9s\n");
    EXPECT_EQ(decoded.encoding, "windows-1252");
}

TEST(text_decoding, maps_windows_1252_specials_not_latin1_controls)
{
    // 0x80 and 0x9C are C1 controls in Latin-1 but the euro sign and "oe" ligature in Windows-1252.
    const auto decoded = decode_text("\x80 c\x9C" "ur", "f.csv");
    EXPECT_EQ(decoded.utf8, "\xE2\x82\xAC c\xC5\x93" "ur");
    EXPECT_EQ(decoded.encoding, "windows-1252");
}

TEST(text_decoding, rejects_encoded_surrogates_as_utf8)
{
    // ED A0 80 would be U+D800 in UTF-8, which is forbidden, so the bytes are Windows-1252: "í", NBSP, "€".
    const auto decoded = decode_text("\xED\xA0\x80", "f.csv");
    EXPECT_EQ(decoded.utf8, "\xC3\xAD\xC2\xA0\xE2\x82\xAC");
    EXPECT_EQ(decoded.encoding, "windows-1252");
}

TEST(text_decoding, rejects_overlong_forms_as_utf8)
{
    // C0 AF is an overlong "/" in UTF-8; in Windows-1252 it is "À¯".
    const auto decoded = decode_text("\xC0\xAF", "f.csv");
    EXPECT_EQ(decoded.utf8, "\xC3\x80\xC2\xAF");
    EXPECT_EQ(decoded.encoding, "windows-1252");
}

TEST(text_decoding, converts_utf16le_with_byte_order_mark)
{
    const auto decoded = decode_text("\xFF\xFE" "H\0\xE9\0;\0\r\0\n\0\x3D\xD8\x00\xDE"sv, "f.csv");
    EXPECT_EQ(decoded.utf8, "H\xC3\xA9;\r\n\xF0\x9F\x98\x80"); // the surrogate pair is U+1F600
    EXPECT_EQ(decoded.encoding, "utf-16le");
}

TEST(text_decoding, converts_utf16be_with_byte_order_mark)
{
    const auto decoded = decode_text("\xFE\xFF\0H\0\xE9\0\n"sv, "f.csv");
    EXPECT_EQ(decoded.utf8, "H\xC3\xA9\n");
    EXPECT_EQ(decoded.encoding, "utf-16be");
}

TEST(text_decoding, keeps_empty_input_empty)
{
    const auto decoded = decode_text("", "f.csv");
    EXPECT_EQ(decoded.utf8, "");
    EXPECT_EQ(decoded.encoding, "utf-8");
}

TEST(text_decoding, reports_errors_with_line)
{
    struct error_case {
        std::string_view bytes;
        std::string what;
    };
    const std::vector<error_case> cases = {
        {"a;b\nc\0d\n"sv, "f.csv:2: binary data (NUL byte), not a text file"},
        {"\xEF\xBB\xBF" "a\n\0"sv, "f.csv:2: binary data (NUL byte), not a text file"},
        {"\xEF\xBB\xBF" "ok\n\nH\xE9" "bergeur\n", "f.csv:3: invalid UTF-8 byte sequence"},
        {"\xEF\xBB\xBF" "\xC0\xAF", "f.csv:1: invalid UTF-8 byte sequence"},
        {"\xEF\xBB\xBF" "caf\xC3", "f.csv:1: invalid UTF-8 byte sequence"},
        {"a\n\nb\x81", "f.csv:3: byte 0x81 is neither UTF-8 nor Windows-1252"},
        {"\xE9\n\x8D", "f.csv:2: byte 0x8D is neither UTF-8 nor Windows-1252"},
        {"\x8F", "f.csv:1: byte 0x8F is neither UTF-8 nor Windows-1252"},
        {"x\x90", "f.csv:1: byte 0x90 is neither UTF-8 nor Windows-1252"},
        {"\n\n\n\x9D", "f.csv:4: byte 0x9D is neither UTF-8 nor Windows-1252"},
        {"\xFF\xFE" "a\0\n\0\0\0"sv, "f.csv:2: binary data (NUL byte), not a text file"},
        {"\xFF\xFE" "a\0\n\0b"sv, "f.csv:2: UTF-16 text ends in the middle of a character"},
        {"\xFF\xFE" "a\0\n\0\n\0\x00\xDC"sv, "f.csv:3: invalid UTF-16 (unpaired surrogate)"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        try {
            decode_text(c.bytes, "f.csv");
            ADD_FAILURE() << "no error";
        } catch (const hds::error& e) {
            EXPECT_EQ(e.what(), c.what);
            EXPECT_EQ(e.kind(), hds::error_kind::input);
        }
    }
}

// Plain ASCII is passed over eight bytes at a time: a line end in any place of those eight counts, and the
// first NUL or bad byte is found wherever it falls, after plain text, after UTF-8 letters, or in a tail of
// fewer than eight bytes.
TEST(text_decoding, counts_the_lines_of_plain_text_up_to_the_first_bad_byte)
{
    const std::vector<std::pair<std::string, std::string>> bad_bytes = {
        {std::string(1, '\0'), "binary data (NUL byte), not a text file"},
        {"\x81", "byte 0x81 is neither UTF-8 nor Windows-1252"},
    };
    for (std::size_t length = 0; length < 40; ++length) {
        std::string text;
        for (std::size_t i = 0; i < length; ++i)
            text += i % 3 == 1 || i % 7 == 0 ? std::string("\n") : i % 11 == 5 ? std::string("\xC3\xA9") : std::string(1, 'a');
        const auto lines = 1 + std::count(text.begin(), text.end(), '\n');
        for (const auto& [bad, message] : bad_bytes)
            for (const std::string tail : {"", "\nabcdefghijklmnop\n"}) {
                SCOPED_TRACE(std::to_string(length) + " bytes then " + message);
                try {
                    decode_text(text + bad + tail, "f.csv");
                    ADD_FAILURE() << "no error";
                } catch (const hds::error& e) {
                    EXPECT_EQ(e.what(), "f.csv:" + std::to_string(lines) + ": " + message);
                }
            }
    }
}

// A file is decoded one block at a time: wherever the blocks cut it (inside a UTF-8 sequence, a UTF-16
// character, a byte-order mark), the text, the encoding and the first error are those of the whole.
TEST(text_decoding, blocks_cut_anywhere_decode_as_the_whole)
{
    const std::vector<std::string_view> inputs = {
        "H\xC3\xA9" "bergeur;Activit\xC3\xA9s\r\n", "\xEF\xBB\xBF" "H\xC3\xA9" "bergeur\n", "H\xE9" "bergeur;\xE9\n",
        "\xFF\xFE" "H\0\xE9\0;\0\r\0\n\0\x3D\xD8\x00\xDE"sv, "\xFE\xFF\0H\0\xE9\0\n"sv, "a;b\nc\0d\n"sv,
        "\xEF\xBB\xBF" "ok\n\nH\xE9" "bergeur\n", "\xEF\xBB\xBF" "caf\xC3", "a\n\nb\x81", "\xF0\x9F\x98\x80 \xF0\x9F",
        "\xFF\xFE" "a\0\n\0b"sv, "\xFF\xFE" "a\0\n\0\n\0\x00\xDC"sv, "\xFF\xFE" "a\0\n\0\0\0"sv, "\xEF\xBB", "",
    };
    const auto outcome = [](const hds::readers::byte_blocks& blocks) {
        std::string text;
        try {
            const std::string encoding = hds::readers::decode_text_blocks(
                blocks, "f.csv", [&](std::string_view piece) { text += piece; });
            return encoding + ": " + text;
        } catch (const hds::error& e) {
            return std::string("error ") + e.what();
        }
    };
    for (const auto input : inputs) {
        const std::string whole = outcome([input](const hds::readers::text_handler& on) { on(input); });
        for (std::size_t size = 1; size <= 4; ++size) {
            SCOPED_TRACE("blocks of " + std::to_string(size) + " for " + whole);
            EXPECT_EQ(outcome([input, size](const hds::readers::text_handler& on) {
                          for (std::size_t at = 0; at < input.size(); at += size) on(input.substr(at, size));
                      }),
                      whole);
        }
    }
}
