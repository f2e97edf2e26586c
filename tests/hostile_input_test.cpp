// Input built to hurt, given to the real binary: each gets one clear line (`FILE:LINE: ...` or `FILE: ...`),
// exit 2, and the database byte for byte as it was, in bounded time and memory (outside sanitizer builds the
// child runs under a 1 GiB address-space limit, so a reader that balloons fails the test). Names that look
// like code are data, stored and shown as written.
#include "reliability_support.hpp"
#include "zip_support.hpp"

#include <functional>

namespace {

using namespace hds::reliability;
using nlohmann::json;
using namespace std::string_literals;

std::string repeated(std::string_view part, std::size_t times)
{
    std::string out;
    out.reserve(part.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += part;
    return out;
}

/// Bytes from a fixed seed, NULs included.
std::string random_bytes(std::size_t size)
{
    hds_bench::splitmix64 g(42);
    std::string out(size, '\0');
    for (auto& c : out) c = static_cast<char>(g.next() & 0xFFU);
    return out;
}

const std::string header = "Raison sociale;Type de certificat;Activités\n";

using hds::testing_zip::zip_of;
const std::string ods_mimetype = "application/vnd.oasis.opendocument.spreadsheet";

/// An .ods whose only sheet, "F", has `rows` (table:table-row elements).
std::string ods_of(const std::string& rows)
{
    return zip_of({{"mimetype", ods_mimetype},
                   {"content.xml",
                    R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
                    R"( xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet>)"
                    R"(<table:table table:name="F">)" + rows + "</table:table></office:spreadsheet></office:body></office:document-content>"}});
}

enum class given { file, directory, missing, database };

struct hostile_case {
    const char* file;                   ///< the input's name in the test's directory
    std::function<std::string()> bytes; ///< its content (given::file and given::database)
    const char* says;                   ///< what the line says after "hds: PATH"
    given what = given::file;
};

const hostile_case cases[] = {
    {"nul.csv", [] { return header + "Alpha\0Beta;Hébergeur infogéreur;3\n"s; }, ":2: binary data (NUL byte)"},
    {"random.csv", [] { return random_bytes(1 << 20); }, ":1: binary data"},
    {"empty.csv", [] { return ""s; }, ": empty file"},
    {"folder.csv", nullptr, ": is a directory, not a file", given::directory},
    {"missing.csv", nullptr, ": cannot read the file: No such file or directory", given::missing},
    {"line.csv", [] { return header + "Alpha;" + std::string(100'000'000, 'x') + "\n"; }, ":2: a row of more than 1 MiB"},
    {"wide.csv", [] {
         std::string h = "c0";
         for (int i = 1; i < 100'000; ++i) h += ";c" + std::to_string(i);
         return h + "\n";
     },
     ":1: missing column \"company\""},
    {"quote.csv", [] { return header + "Alpha;Hébergeur infogéreur;\"3, 4\n"; }, ":2: unterminated quote"},
    {"deep.json", [] { return repeated("[", 200'000) + repeated("]", 200'000); }, ":1: element 1 of the array is an array"},
    {"deep-object.json", [] { return "[{\"a\":" + repeated("{\"b\":", 200'000) + "1" + repeated("}", 200'001) + "]"; },
     ":1: value of \"a\" is an object"},
    {"truncated.json", [] { return "[{\"Raison sociale\": \"Alpha\",\n \"Activit"s; }, ":2: malformed JSON"},
    {"deep.html", [] { return "<html><body>\n" + repeated("<div>", 200'000) + "</body></html>"; },
     ":2: elements nested more than 1000 deep"},
    {"no-table.html", [] { return "<html><body><p>Liste des hébergeurs</p></body></html>"s; }, ": no table in the page"},
    // Workbooks: bombs, too many entries, a million repeated cells, broken XML, no registry sheet.
    {"bomb.xlsx", [] { return zip_of({{"xl/workbook.xml", std::string(100U << 20U, ' ')}}); },
     ": xl/workbook.xml inflates to more than 64 MiB (an archive bomb?"},
    {"bombs.xlsx", [] {
         std::vector<std::pair<std::string, std::string>> parts{{"xl/_rels/workbook.xml.rels", ""}};
         std::string rels = R"(<Relationships>)";
         std::string sheets;
         for (int i = 0; i < 3; ++i) {
             const std::string n = std::to_string(i);
             rels += R"(<Relationship Id="r)" + n + R"(" Type="/worksheet" Target="s)" + n + R"(.xml"/>)";
             sheets += R"(<sheet name="S)" + n + R"(" r:id="r)" + n + R"("/>)";
             parts.emplace_back("xl/s" + n + ".xml", "<worksheet>" + std::string(60U << 20U, ' ') + "</worksheet>");
         }
         parts[0].second = rels + "</Relationships>";
         parts.emplace_back("xl/workbook.xml", R"(<workbook xmlns:r="urn:r"><sheets>)" + sheets + "</sheets></workbook>");
         return zip_of(parts);
     },
     ": the archive inflates to more than 128 MiB (an archive bomb?"},
    {"entries.xlsx", [] {
         std::vector<std::pair<std::string, std::string>> parts;
         for (int i = 0; i <= 10'000; ++i) parts.emplace_back("e" + std::to_string(i), "");
         return zip_of(parts);
     },
     ": 10001 entries in the archive (more than 10000: not a workbook)"},
    {"repeated.ods", [] {
         return ods_of(R"(<table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="float")"
                       R"( office:value="1" table:number-columns-repeated="16384"/></table:table-row>)");
     },
     ":F!DFU306: more than 5000000 cells in the sheet"}, // 305 full rows, then the cell that passes 5,000,000
    {"wide.ods", [] {
         return ods_of(R"(<table:table-row><table:table-cell office:value-type="float" office:value="1")"
                       R"( table:number-columns-repeated="1000000000"/></table:table-row>)");
     },
     ":F!1:1: a cell repeated past column XFD"},
    {"no-sheet.ods", [] {
         return zip_of({{"mimetype", ods_mimetype},
                        {"content.xml", R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>)"}});
     },
     ": the workbook has no sheet"},
    {"malformed.ods", [] { return ods_of("<table:table-row><table:table-cell>"); }, ": content.xml:1: malformed XML"},
    {"laughs.ods", [] {
         return zip_of({{"mimetype", ods_mimetype},
                        {"content.xml", R"(<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>)"}});
     },
     ": content.xml: a DOCTYPE, which no spreadsheet program writes"},
    {"no-registry.xlsx", [] { return read_file(std::string(HDS_TEST_DATA) + "/spreadsheets/no-registry.xlsx"); },
     ": the workbook's only sheet (\"Lisez-moi\") has no company column"},
    {"truncated.xlsx", [] { return read_file(std::string(HDS_TEST_DATA) + "/spreadsheets/registry.xlsx").substr(0, 3000); },
     ": not a ZIP archive"},
    {"old.xls", [] { return "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"s + std::string(5000, '\0'); },
     ": an Excel 97-2003 workbook (.xls), which hds does not read; save it as .xlsx, .ods or .csv"},
    {"not-a-database.db", [] { return repeated("not SQLite ", 1000); }, ": file is not a database", given::database},
};

class hostile_input : public hds_process {
protected:
    hostile_input() { ingest_registry("base.csv", 20, 9, "2020-01-31"); }

    [[nodiscard]] static limits bounded()
    {
        limits l;
#ifndef HDS_SANITIZED
        l.address_space = rlim_t{1} << 30U; // ASan reserves terabytes of address space: no limit there
#endif
        return l;
    }

    /// One line on standard error, "hds: " + `path` + `says`..., exit `code`, nothing on standard output.
    static void expect_one_line(const run_result& r, const std::string& path, const std::string& says, int code = 2)
    {
        EXPECT_EQ(r.code, code) << describe(r);
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_EQ(r.err.rfind("hds: " + path + says, 0), 0U) << "expected \"hds: " << path << says << "\" in: " << r.err;
        EXPECT_EQ(r.out, "");
    }
};

TEST_F(hostile_input, each_gets_one_clear_line_exit_2_and_the_database_as_it_was)
{
    for (const auto& c : cases) {
        SCOPED_TRACE(c.file);
        const fs::path input = path(c.file);
        if (c.what == given::file || c.what == given::database) write_file(input, c.bytes());
        if (c.what == given::directory) fs::create_directories(input);
        if (c.what == given::database) {
            const std::string before = read_file(input);
            expect_one_line(run({"snapshots", input.string()}, bounded()), input.string(), c.says);
            expect_one_line(run({"ingest", input.string(), path("base.csv").string(), "--date", "2021-01-31"}, bounded()),
                            input.string(), c.says);
            EXPECT_EQ(read_file(input), before);
            continue;
        }
        const std::string before = read_file(db());
        expect_one_line(run({"ingest", db(), input.string(), "--date", "2021-01-31"}, bounded()), input.string(), c.says);
        EXPECT_EQ(read_file(db()), before);
        if (c.what == given::file) fs::remove(input); // 100 MB files do not stay around
    }
}

// A file from a newer hds is refused by readers and writers alike, and never migrated down nor touched.
TEST_F(hostile_input, a_database_from_a_newer_hds_is_refused_and_never_touched)
{
    {
        SQLite::Database newer(db(), SQLite::OPEN_READWRITE);
        newer.exec("PRAGMA user_version = 999");
    }
    const std::string before = read_file(db());
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"snapshots", db()}, {"init", db()}, {"ingest", db(), path("base.csv").string(), "--date", "2021-01-31"}})
        expect_one_line(run(args), db(), ": schema version 999 is newer than this hds knows");
    EXPECT_EQ(read_file(db()), before);
}

// The annotations file goes through the same CSV reader and the same guards.
TEST_F(hostile_input, annotations_get_the_same_guards)
{
    const std::string before = read_file(db());
    const std::string nul = file("nul-annotations.csv", "company,nationality,positioning\nAl\0pha,FR,hosting\n"s);
    expect_one_line(run({"annotate", db(), nul}, bounded()), nul, ":2: binary data");
    const std::string quote = file("quote-annotations.csv", "company,nationality,positioning\n\"Alpha,FR,hosting\n");
    expect_one_line(run({"annotate", db(), quote}, bounded()), quote, ":2: unterminated quote");
    EXPECT_EQ(read_file(db()), before);
}

// What looks like SQL, HTML or a bidirectional trick is a company's name like any other.
TEST_F(hostile_input, names_that_look_like_code_are_stored_and_shown_as_written)
{
    const std::vector<std::string> names = {
        "Robert'); DROP TABLE company;--",
        "<script>alert(1)</script> Santé",
        "\u202Eemag\u202C Hébergeur \u200F",
        "Long " + std::string(10'000, 'n'),
    };
    std::string registry = header;
    for (const auto& name : names) registry += "\"" + name + "\";Hébergeur infogéreur;3, 4\n";
    const run_result r = run({"ingest", db(), file("code.csv", registry), "--date", "2021-01-31"});
    ASSERT_EQ(r.code, 0) << describe(r);
    const run_result listed = run({"companies", db(), "--format", "json"});
    ASSERT_EQ(listed.code, 0) << describe(listed);
    std::vector<std::string> shown;
    for (const auto& company : json::parse(listed.out)) shown.push_back(company.at("name").get<std::string>());
    for (const auto& name : names)
        EXPECT_NE(std::find(shown.begin(), shown.end(), name), shown.end()) << name.substr(0, 60);
    EXPECT_EQ(shown.size(), names.size());
    EXPECT_EQ(contents_of(db()).snapshots, 2); // the table is still there
}

} // namespace
