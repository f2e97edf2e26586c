#include "readers/json_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "hds/error.hpp"
#include "readers/table.hpp"
#include "test_support.hpp"

using hds::readers::read_json;
using cells = std::vector<std::string>;
using hds::testing_support::cells_of;
using hds::testing_support::lines_of;


TEST(json_reader, reads_objects_under_a_header_of_every_key)
{
    const auto t = read_json("[\n"                                                                         // 1
                             "  {\"company\": \"Dupont\", \"activities\": [1, 2], \"certified\": true, \"note\": null},\n" // 2
                             "  {\n"                                                                       // 3
                             "    \"company\": \"Martin\",\n"                                              // 4
                             "    \"site\": \"Paris\",\n"                                                  // 5
                             "    \"certified\": false,\n"                                                 // 6
                             "    \"score\": 1.50\n"                                                       // 7
                             "  }\n"                                                                       // 8
                             "]\n",
                             "f.json");
    EXPECT_EQ(t.source, "f.json");
    EXPECT_EQ(t.description, "json");
    // keys in order of first appearance, not sorted
    EXPECT_EQ(cells_of(t), (std::vector<cells>{{"company", "activities", "certified", "note", "site", "score"},
                                               {"Dupont", "1, 2", "Oui", "", "", ""},
                                               {"Martin", "", "", "", "Paris", "1.50"}}));
    EXPECT_EQ(lines_of(t), (std::vector<std::size_t>{2, 2, 3}));
}

TEST(json_reader, writes_numbers_as_written)
{
    const auto t = read_json("[{\"a\": -12, \"b\": 18446744073709551615, \"c\": 1e3, \"d\": 0.10, "
                             "\"e\": [\"x\", 2.50, true, false, null]}]",
                             "f.json");
    EXPECT_EQ(cells_of(t), (std::vector<cells>{{"a", "b", "c", "d", "e"},
                                               {"-12", "18446744073709551615", "1e3", "0.10", "x, 2.50, Oui, , "}}));
}

TEST(json_reader, is_not_fooled_by_braces_and_escapes_in_strings)
{
    const auto t = read_json("[{\"a\": \"x{[\\\"\\n\"},\n"
                             "\n"
                             "{\"a\": \"}],{\", \"b\": \"\\u00e9\"}]",
                             "f.json");
    EXPECT_EQ(cells_of(t), (std::vector<cells>{{"a", "b"}, {"x{[\"\n", ""}, {"}],{", "\xC3\xA9"}}));
    EXPECT_EQ(lines_of(t), (std::vector<std::size_t>{1, 1, 3}));
}

TEST(json_reader, skips_objects_without_values)
{
    const auto t = read_json("[\n{\"a\": null},\n{},\n{\"a\": \"x\"}\n]", "f.json");
    EXPECT_EQ(cells_of(t), (std::vector<cells>{{"a"}, {"x"}}));
    EXPECT_EQ(lines_of(t), (std::vector<std::size_t>{2, 4}));
}

TEST(json_reader, reads_empty_array_as_no_rows)
{
    EXPECT_TRUE(read_json(" [ ] ", "f.json").rows.empty());
}

TEST(json_reader, reports_errors_with_line)
{
    struct error_case {
        std::string_view text;
        std::string what;
    };
    const std::vector<error_case> cases = {
        {"[{\"a\": 1},\n{\"a\": tru}]", "f.json:2: malformed JSON: syntax error while parsing value - invalid literal"},
        {"[{\"a\": 1},\n\n{\"a\": 1,}]",
         "f.json:3: malformed JSON: syntax error while parsing object key - unexpected '}'; expected string literal"},
        {"[{\"a\": 1}\n",
         "f.json:2: malformed JSON: syntax error while parsing array - unexpected end of input; expected ']'"},
        {"[{\"a\": \"runaway\n\"}]",
         "f.json:1: malformed JSON: syntax error while parsing value - invalid string: control character U+000A "
         "(LF) must be escaped to \\u000A or \\n"},
        {"", "f.json:1: malformed JSON: syntax error while parsing value - unexpected end of input; expected '[', "
             "'{', or a literal"},
        {"[]\n[]", "f.json:2: malformed JSON: syntax error while parsing value - unexpected '['; expected end of input"},
        {"\n{\"a\": 1}", "f.json:2: the top level is an object, not an array of objects"},
        {"\n\n\"x\"", "f.json:3: the top level is a string, not an array of objects"},
        {"[{\"a\": 1},\n 2]", "f.json:2: element 2 of the array is a number, not an object"},
        {"[{\"a\": 1},\n{\"a\": 1},\n\n null]", "f.json:4: element 3 of the array is null, not an object"},
        {"[\n[1]]", "f.json:2: element 1 of the array is an array, not an object"},
        {"[{\"a\": 1},\n{\"b\":\n {\"c\": 1}}]",
         "f.json:2: value of \"b\" is an object; expected text, a number, true, false, null or an array of those"},
        {"[\n{\"b\": [{\"c\": 1}]}]", "f.json:2: value of \"b\" is an array holding an object"},
        {"[{\"b\": [1, [2]]}]", "f.json:1: value of \"b\" is an array holding an array"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        try {
            read_json(c.text, "f.json");
            ADD_FAILURE() << "no error";
        } catch (const hds::error& e) {
            EXPECT_EQ(e.what(), c.what);
            EXPECT_EQ(e.kind(), hds::error_kind::input);
        }
    }
}
