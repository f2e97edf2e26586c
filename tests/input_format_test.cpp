#include "readers/input_format.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "hds/error.hpp"

using namespace std::string_view_literals;
using hds::readers::detect_format;
using hds::readers::input_format;
using hds::readers::parse_input_format;

TEST(input_format, parses_each_name_and_prints_it_back)
{
    for (const auto format :
         {input_format::csv, input_format::html, input_format::json, input_format::xlsx, input_format::ods}) {
        const std::string name = hds::readers::to_string(format);
        SCOPED_TRACE(name);
        EXPECT_EQ(parse_input_format(name), format);
    }
    EXPECT_STREQ(hds::readers::to_string(input_format::csv), "csv");
    EXPECT_STREQ(hds::readers::to_string(input_format::html), "html");
    EXPECT_STREQ(hds::readers::to_string(input_format::json), "json");
    EXPECT_STREQ(hds::readers::to_string(input_format::xlsx), "xlsx");
    EXPECT_STREQ(hds::readers::to_string(input_format::ods), "ods");
}

TEST(input_format, rejects_unknown_names)
{
    struct error_case {
        std::string_view name;
        std::string what;
    };
    const std::vector<error_case> cases = {
        {"xml", "unknown format \"xml\" (expected auto, csv, html, json, xlsx or ods)"},
        {"", "unknown format \"\" (expected auto, csv, html, json, xlsx or ods)"},
        {"htm", "unknown format \"htm\" (expected auto, csv, html, json, xlsx or ods)"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        try {
            parse_input_format(c.name);
            ADD_FAILURE() << "no error";
        } catch (const hds::error& e) {
            EXPECT_EQ(e.what(), c.what);
            EXPECT_EQ(e.kind(), hds::error_kind::usage);
        }
    }
}

TEST(input_format, detects_from_extension_before_content)
{
    struct detect_case {
        std::string path;
        std::string_view bytes;
        input_format expected;
    };
    // The content says otherwise each time, so only the extension can give the right answer.
    const std::vector<detect_case> cases = {
        {"registre.csv", "[{}]", input_format::csv},
        {"REGISTRE.CSV", "<html>", input_format::csv},
        {"export.Txt", "{", input_format::csv},
        {"export.tsv", "<", input_format::csv},
        {"page.HTML", "a;b", input_format::html},
        {"dir/page.htm", "[1]", input_format::html},
        {"liste.Json", "<html>", input_format::json},
        {"registre.XLSX", "a;b", input_format::xlsx},
        {"registre.xlsm", "[", input_format::xlsx},
        {"registre.ods", "PK\x03\x04", input_format::ods},
        {"registre.csv", "PK\x03\x04", input_format::csv},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.path);
        EXPECT_EQ(detect_format(c.path, c.bytes), c.expected);
    }
}

TEST(input_format, detects_from_content_without_a_known_extension)
{
    struct detect_case {
        std::string path;
        std::string_view bytes;
        input_format expected;
    };
    const std::vector<detect_case> cases = {
        {"export", " \r\n\t[{\"a\": 1}]", input_format::json},
        {"export.dat", "{\"a\": 1}", input_format::json},
        {"liste.json.d/export", "a;b\n", input_format::csv}, // a dot in a folder is not an extension
        {"download", "\n<!DOCTYPE html>", input_format::html},
        {"download", "\xEF\xBB\xBF<html>", input_format::html},
        {"download", "\xFF\xFE<\0h\0"sv, input_format::html},
        {"download", "\xFE\xFF\0[\0{"sv, input_format::json},
        {"download", "company;site\n", input_format::csv},
        {"download", "", input_format::csv},
        // A ZIP archive: an OpenDocument spreadsheet says so in its first entry, stored; any other is xlsx.
        {"-", "PK\x03\x04\x14\0\0\x08\0\0\xA3\x6D\x7D\x5B\x85\x6C\x39\x8A\x2E\0\0\0\x2E\0\0\0\x08\0\0\0"
              "mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK"sv,
         input_format::ods},
        {"-", "PK\x03\x04\x14\0\0\x08\0\0\xA3\x6D\x7D\x5B\x85\x6C\x39\x8A\x2E\0\0\0\x2E\0\0\0\x08\0\0\0"
              "mimetypeapplication/vnd.oasis.opendocument.text"sv,
         input_format::xlsx},
        {"download", "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml"sv, input_format::xlsx},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.path + " " + std::string(c.bytes));
        EXPECT_EQ(detect_format(c.path, c.bytes), c.expected);
    }
}

// The old binary Excel format has no reader: the message says what to do instead of "binary data".
TEST(input_format, refuses_an_excel_97_workbook_and_says_what_to_do)
{
    try {
        detect_format("liste.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"sv);
        ADD_FAILURE() << "no error";
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::input);
        EXPECT_STREQ(e.what(), "liste.xls: an Excel 97-2003 workbook (.xls), which hds does not read; save it as .xlsx, "
                               ".ods or .csv");
    }
}
