#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "company_key.hpp"

namespace {

struct key_case {
    std::string name;
    std::string expected;
};

TEST(company_key, same_company_same_key_for_registry_spellings)
{
    const key_case cases[] = {
        {"OVH SAS", "ovh"},
        {"OVH", "ovh"},
        {"ovh", "ovh"},
        {"C.I.V. France", "civfrance"},
        {"CIV FRANCE", "civfrance"},
        {"Orpéa", "orpea"},
        {"ORPEA SA", "orpea"},
        {"Sopra Steria I2S", "soprasteriai2s"},
        {"SOPRA-STERIA I2S", "soprasteriai2s"},
        {"Cheops Technology", "cheopstechnology"},
        {"CHEOPS-TECHNOLOGY SA", "cheopstechnology"},
        {"Amazon Web Services, Inc.", "amazonwebservices"},
        {"AMAZON WEB SERVICES INC", "amazonwebservices"},
        {"Philips Electronics Nederland B.V.", "philipselectronicsnederland"},
        {"PHILIPS ELECTRONICS NEDERLAND BV", "philipselectronicsnederland"},
        {"Fresenius Netcare GmbH", "freseniusnetcare"},
        {"FRESENIUS NETCARE", "freseniusnetcare"},
    };
    for (const auto& c : cases) EXPECT_EQ(hds::company_key(c.name), c.expected) << c.name;
}

TEST(company_key, keeps_meaningful_words)
{
    // Amazon's European entity is another company from Amazon Web Services, Inc.: only the legal form goes.
    EXPECT_EQ(hds::company_key("AMAZON WEB SERVICES EMEA SARL"), "amazonwebservicesemea");
    EXPECT_NE(hds::company_key("AMAZON WEB SERVICES EMEA SARL"), hds::company_key("Amazon Web Services, Inc."));
    // GIE / GIP are part of the name, not a legal form to drop.
    EXPECT_EQ(hds::company_key("GIE Almaviva Santé"), "giealmavivasante");
    EXPECT_EQ(hds::company_key("GIP MiPih"), "gipmipih");
    // A legal form inside the name stays.
    EXPECT_EQ(hds::company_key("Foo SA Services"), "foosaservices");
    // Foreign legal forms close a name, never open it: "AB Science" is not "Science".
    EXPECT_EQ(hds::company_key("AB Science"), "abscience");
    EXPECT_NE(hds::company_key("AB Science"), hds::company_key("Science"));
}

TEST(company_key, strips_legal_forms_at_either_end_repeatedly)
{
    const key_case cases[] = {
        {"S.A.S. Vivalto Santé", "vivaltosante"},
        {"SASU Foo", "foo"},
        {"Foo SARL", "foo"},
        {"Foo S.A.R.L.", "foo"},
        {"Foo EURL", "foo"},
        {"Foo SE", "foo"},
        {"Foo SELARL", "foo"},
        {"Foo Ltd.", "foo"},
        {"Foo Limited", "foo"},
        {"Foo Corporation", "foo"},
        {"Foo, Incorporated", "foo"},
        {"Foo L.L.C.", "foo"},
        {"Foo PLC", "foo"},
        {"Foo AG", "foo"},
        {"Foo N.V.", "foo"},
        {"Foo S.r.l.", "foo"},
        {"Foo S.p.A.", "foo"},
        {"Foo S.L.", "foo"},
        {"Foo AB", "foo"},
        {"Foo A/S", "foo"},
        {"Foo Oy", "foo"},
        {"Foo Co. Ltd", "foo"},
        {"Foo & Co", "foo"},
        {"Dupont et Cie", "dupont"},
        {"Dupont & Cie", "dupont"},
        {"SAS Foo SARL", "foo"},
        {"Foo Holding Ltd SA", "fooholding"},
    };
    for (const auto& c : cases) EXPECT_EQ(hds::company_key(c.name), c.expected) << c.name;
}

TEST(company_key, co_is_a_legal_form_only_at_the_end)
{
    EXPECT_EQ(hds::company_key("Foo Co"), "foo");
    EXPECT_EQ(hds::company_key("Co Foo"), "cofoo"); // a word of the name
    EXPECT_EQ(hds::company_key("Foo Co Bar"), "foocobar");
}

TEST(company_key, name_of_only_legal_forms_keeps_them)
{
    EXPECT_EQ(hds::company_key("SA"), "sa");
    EXPECT_EQ(hds::company_key("S.A.S."), "sas");
    EXPECT_EQ(hds::company_key("Co"), "co");
}

TEST(company_key, empty_when_no_letter_or_digit)
{
    EXPECT_EQ(hds::company_key(""), "");
    EXPECT_EQ(hds::company_key("  - . , "), "");
}

TEST(company_key, ignores_case_accents_punctuation_and_spacing)
{
    EXPECT_EQ(hds::company_key("Worldline"), hds::company_key("  WORLDLINE  "));
    EXPECT_EQ(hds::company_key("MGEN Technologies"), hds::company_key("M.G.E.N. TECHNOLOGIES"));
    EXPECT_EQ(hds::company_key("Vivalto Santé Services Partagés"), "vivaltosanteservicespartages");
    EXPECT_EQ(hds::company_key("L'Œuvre"), "loeuvre");
}

} // namespace

// Folded ASCII names are split into words without utf8proc: each ASCII byte inside a name must still either
// join the name (a letter or digit, lower-cased), vanish (a dot, a slash) or separate two words.
TEST(company_key, every_ascii_byte_inside_a_name_joins_vanishes_or_separates)
{
    for (int byte = 1; byte < 0x80; ++byte) {
        const char c = static_cast<char>(byte);
        const bool letter_or_digit = std::isalnum(static_cast<unsigned char>(c)) != 0;
        const std::string expected = letter_or_digit ? std::string("ab") + static_cast<char>(std::tolower(c)) + "cd" : "abcd";
        EXPECT_EQ(hds::company_key(std::string("Ab") + c + "Cd"), expected) << "byte " << byte;
        // The same beside a letter utf8proc folds (ﬁ: "fi"), through the general path.
        EXPECT_EQ(hds::company_key(std::string("\xEF\xAC\x81") + "Ab" + c + "Cd"), "fi" + expected) << "byte " << byte;
    }
}
