#include <gtest/gtest.h>
#include <utf8proc.h>

#include <algorithm>
#include <string>

#include "hds/error.hpp"
#include "text.hpp"

namespace {

struct text_case {
    std::string input;
    std::string expected;
};

TEST(text, fold_removes_case_accents_and_compatibility_forms)
{
    const text_case cases[] = {
        {"Hébergeur", "hebergeur"},
        {"ÉTÉ", "ete"},
        {"\uFB01chier", "fichier"},       // the ligature "ﬁ"
        {"Straße", "strasse"},             // ß case-folds to ss
        {"Œuvre", "oeuvre"},               // œ / Œ are not decomposed by Unicode
        {"cœur", "coeur"},
        {"Æther", "aether"},
        {"nævus", "naevus"},
        {"E\u0301TE\u0301", "ete"},        // combining acute accents, already decomposed
        {"ＯＶＨ", "ovh"},                 // full-width letters
        {"N° de certificat", "n° de certificat"}, // punctuation stays: fold only changes letters
        {"", ""},
    };
    for (const auto& c : cases) EXPECT_EQ(hds::text::fold(c.input), c.expected) << c.input;
}

TEST(text, fold_keeps_text_after_an_embedded_nul)
{
    EXPECT_EQ(hds::text::fold(std::string("É\0É", 5)), std::string("e\0e", 3));
}

TEST(text, fold_rejects_invalid_utf8)
{
    const std::string invalid[] = {"caf\xE9", "\xC3", "\xFF\xFE", "ok\xED\xA0\x80"}; // Latin-1, cut, bad, surrogate
    for (const auto& input : invalid) {
        try {
            (void)hds::text::fold(input);
            ADD_FAILURE() << "no error for " << testing::PrintToString(input);
        } catch (const hds::error& e) {
            EXPECT_EQ(e.kind(), hds::error_kind::input);
            EXPECT_EQ(e.message().rfind("invalid UTF-8 text", 0), 0U) << e.message();
        }
    }
}

TEST(text, fold_words_keeps_letters_and_digits_separated_by_one_space)
{
    const text_case cases[] = {
        {"Date d'expiration :", "date d expiration"},
        {"N° de certificat", "n de certificat"},
        {"  Raison   sociale\t", "raison sociale"},
        {"SOPRA-STERIA I2S", "sopra steria i2s"},
        {"Activité\u00A01", "activite 1"}, // no-break space
        {"Date d’échéance", "date d echeance"}, // typographic apostrophe
        {"***", ""},
        {"", ""},
    };
    for (const auto& c : cases) EXPECT_EQ(hds::text::fold_words(c.input), c.expected) << c.input;
}

TEST(text, display_width_counts_terminal_columns)
{
    struct width_case {
        std::string input;
        std::size_t expected;
    };
    const width_case cases[] = {
        {"", 0},
        {"OVH", 3},
        {"Orpéa", 5},               // precomposed é: 2 bytes, 1 column
        {"Orpe\u0301a", 5},         // combining accent: 0 columns
        {"日本", 4},                // wide characters
        {"\xFF", 1},                // an invalid byte shows as one replacement character
    };
    for (const auto& c : cases) EXPECT_EQ(hds::text::display_width(c.input), c.expected) << c.input;
}

// ASCII is measured without utf8proc; it must agree with it, control characters (0 columns) included, alone
// and among printable characters (a cell of printable ASCII only is counted a byte a column).
TEST(text, display_width_of_ascii_agrees_with_utf8proc)
{
    for (int byte = 0; byte < 0x80; ++byte) {
        const std::string ascii(1, static_cast<char>(byte));
        const auto width = static_cast<std::size_t>(std::max(0, utf8proc_charwidth(byte)));
        EXPECT_EQ(hds::text::display_width(ascii), width) << "byte " << byte;
        EXPECT_EQ(hds::text::display_width("OVH " + ascii + " SAS"), 8 + width) << "byte " << byte;
    }
}

// Latin-1 is measured from a table; it must agree with utf8proc, alone and among ASCII.
TEST(text, display_width_of_latin1_agrees_with_utf8proc)
{
    for (unsigned cp = 0x80; cp <= 0xFF; ++cp) {
        const std::string utf8 = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        const auto width = static_cast<std::size_t>(std::max(0, utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp))));
        EXPECT_EQ(hds::text::display_width(utf8), width) << "U+" << std::hex << cp;
        EXPECT_EQ(hds::text::display_width("Soci" + utf8 + "t\u00E9 \u4E2D"), 9 + width) << "U+" << std::hex << cp;
    }
}

// ASCII is folded and split into words without utf8proc; it must agree with it for every byte.
TEST(text, fold_of_ascii_agrees_with_utf8proc)
{
    for (int byte = 0; byte < 0x80; ++byte) {
        const std::string ascii(1, static_cast<char>(byte));
        const std::string accented = ascii + "\u0113"; // not Latin-1: folded by utf8proc ("ē" → "e")
        const std::string by_utf8proc = hds::text::fold(accented);
        EXPECT_EQ(hds::text::fold(ascii) + "e", by_utf8proc) << "byte " << byte;
        const bool letter_or_digit = utf8proc_category(byte) == UTF8PROC_CATEGORY_LU ||
                                     utf8proc_category(byte) == UTF8PROC_CATEGORY_LL ||
                                     utf8proc_category(byte) == UTF8PROC_CATEGORY_ND;
        EXPECT_EQ(hds::text::fold_words("a" + ascii + "b"), letter_or_digit ? "a" + by_utf8proc.substr(0, 1) + "b" : "a b")
            << "byte " << byte;
    }
}

// Latin-1's letters are folded from a table when their fold is ASCII; beside a character only utf8proc folds,
// the same text goes through utf8proc whole. Both must agree for every code point, within a word and alone.
TEST(text, fold_of_latin1_agrees_with_utf8proc)
{
    for (unsigned cp = 0x80; cp <= 0xFF; ++cp) {
        const std::string utf8 = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        for (const std::string& text : {utf8, "Ab" + utf8 + "Z", utf8 + utf8}) {
            const std::string by_utf8proc = hds::text::fold(text + "\u0113");
            EXPECT_EQ(hds::text::fold(text) + "e", by_utf8proc) << "U+" << std::hex << cp;
        }
    }
    EXPECT_EQ(hds::text::fold("\u00C6GIS Sant\u00E9 \u00DF"), "aegis sante ss");
    EXPECT_EQ(hds::text::fold("Sant\u00E9 \u00BD"), "sante 1\u20442"); // ½ is not ASCII folded: all by utf8proc
    EXPECT_EQ(hds::text::fold("Sant\u00C3"), "santa");
    EXPECT_THROW(hds::text::fold("Sant\xC3"), hds::error); // a lead byte without its continuation
}

TEST(text, trim_removes_ascii_and_unicode_white_space)
{
    const text_case cases[] = {
        {"  OVH  ", "OVH"},
        {"\t\r\nOVH\n", "OVH"},
        {"\u00A0OVH\u00A0", "OVH"},          // no-break space
        {"\u202FOVH\u2003", "OVH"},          // narrow no-break space, em space
        {"\uFEFFOVH\u200B", "OVH"},          // byte-order mark, zero-width space
        {"  Orpéa  Santé ", "Orpéa  Santé"}, // inner spaces stay
        {"\u00A0 \t", ""},
        {"", ""},
        {" \xFF ", "\xFF"},                  // an invalid byte is kept, not eaten
        {"O\xC3VH\xA9", "O\xC3VH\xA9"},        // and at either end
        {"Orp\u00E9a Sant\u00E9\u00A0", "Orp\u00E9a Sant\u00E9"},
    };
    for (const auto& c : cases) EXPECT_EQ(hds::text::trim(c.input), c.expected) << c.input;
}

// Cells with printable ASCII at both ends are returned without decoding; every ASCII byte at the ends must be
// trimmed as utf8proc's categories say.
TEST(text, trim_of_ascii_ends_agrees_with_utf8proc)
{
    for (int byte = 1; byte < 0x80; ++byte) {
        const std::string end(1, static_cast<char>(byte));
        const bool space = (byte >= 0x09 && byte <= 0x0D) || utf8proc_category(byte) == UTF8PROC_CATEGORY_ZS;
        EXPECT_EQ(hds::text::trim(end + "Orp\u00E9a" + end), space ? "Orp\u00E9a" : end + "Orp\u00E9a" + end)
            << "byte " << byte;
    }
}

} // namespace
