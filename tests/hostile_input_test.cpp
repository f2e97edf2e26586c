// Input built to hurt, given to the real binary: each gets one clear line (`FILE:LINE: ...` or `FILE: ...`),
// exit 2, and the database byte for byte as it was, in bounded time and memory (outside sanitizer builds the
// child runs under a 1 GiB address-space limit, so a reader that balloons fails the test). Names that look
// like code are data, stored and shown as written.
#include "reliability_support.hpp"

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
