// Findings sets: the file format (strict), a set run against a registry its author never saw, the read-only
// connection, and the built-in sets.
#include <map>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "company_key.hpp"
#include "findings/finding_file.hpp"
#include "hds/error.hpp"
#include "hds/findings.hpp"
#include "hds/ingest.hpp"
#include "hds/log.hpp"
#include "test_support.hpp"

namespace {

using hds::testing_support::read_bytes;
using hds::testing_support::temp_dir;

const std::filesystem::path data_dir = HDS_DATA_DIR;

const std::string header = "-- id: T1\n"
                           "-- statement: a test\n"
                           "-- source: this test\n"
                           "-- snapshot: 2020-07\n"
                           "-- expected: 1\n";

// parse_finding_file's error for `text`, as what() ("FILE:LINE: message"), or "" when it parses.
std::string parse_error(const std::string& text)
{
    try {
        hds::findings::parse_finding_file("t.sql", text);
        return "";
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::input) << e.what();
        return e.what();
    }
}

TEST(finding_file, reads_each_header_key_and_the_query)
{
    const auto parsed = hds::findings::parse_finding_file(
        "t.sql", "-- id: G-1\n"
                 "-- statement: from 3 to 5, said\n"
                 "--   on two lines\n"
                 "-- source: a note, 1 March 2021\n"
                 "-- snapshot: 2021-06-30\n"
                 "-- from: 2021-03\n"
                 "-- expected: 2.5\n"
                 "-- tolerance: 0.5\n"
                 "\n"
                 "-- why: a comment of the query, not of the header\n"
                 "SELECT ':snapshot; -- in a string' AS text, :snapshot, :from AS actual; -- the end\n");
    const auto& d = parsed.definition;
    EXPECT_EQ(d.id, "G-1");
    EXPECT_EQ(d.statement, "from 3 to 5, said on two lines");
    EXPECT_EQ(d.source, "a note, 1 March 2021");
    EXPECT_EQ(d.snapshot, "2021-06-30");
    EXPECT_EQ(d.from, "2021-03");
    EXPECT_EQ(d.expected, "2.5");
    EXPECT_EQ(d.tolerance, "0.5");
    EXPECT_EQ(d.query, "SELECT ':snapshot; -- in a string' AS text, :snapshot, :from AS actual");
    EXPECT_EQ(d.query_line, 11U);
    // The parameters outside the string only.
    const auto parameters = hds::findings::parameters_of(d.query);
    ASSERT_EQ(parameters.size(), 2U);
    EXPECT_EQ(parameters[0].name, ":snapshot");
    EXPECT_EQ(d.query.substr(parameters[1].offset, parameters[1].length), ":from");
}

TEST(finding_file, snapshot_none_reads_reference_data_only)
{
    const auto parsed = hds::findings::parse_finding_file(
        "t.sql", "-- id: R\n-- statement: s\n-- source: s\n-- snapshot: none\n-- expected: 6\n"
                 "SELECT count(*) AS actual FROM activity\n");
    EXPECT_EQ(parsed.definition.snapshot, std::nullopt);
    EXPECT_EQ(parsed.definition.query, "SELECT count(*) AS actual FROM activity");
}

// Each malformed file: one line, FILE:LINE where the fault is, and what it is.
TEST(finding_file, refuses_each_malformed_file_at_its_line)
{
    const std::string query = "SELECT total AS actual FROM v_snapshot_total WHERE snapshot_date = :snapshot;\n";
    const std::vector<std::pair<std::string, std::string>> cases{
        {header + "-- colour: red\n" + query, "t.sql:6: unknown header key 'colour'"},
        {"-- statement: s\n-- source: s\n-- snapshot: 2020-07\n-- expected: 1\n" + query, "t.sql:5: the header has no 'id:'"},
        {"-- id: T\n-- statement: s\n-- source: s\n-- snapshot: 2020-07\n" + query, "t.sql:5: the header has no 'expected:'"},
        {"-- id: T\n-- statement: s\n-- source: s\n-- expected: 1\n" + query, "t.sql:5: the header has no 'snapshot:'"},
        {"-- id: T\n-- statement: s\n-- snapshot: 2020-07\n-- expected: 1\n" + query, "t.sql:5: the header has no 'source:'"},
        {header + "-- id: T2\n" + query, "t.sql:6: 'id' given twice (first on line 1)"},
        {header + "-- a comment without a blank line before it\n" + query, "t.sql:6: expected '-- key: value'"},
        {header + "\n" + query + "SELECT 2 AS actual;\n", "t.sql:8: a second statement after the ';' of line 7"},
        {header + "\nSELECT 1 AS actual; DELETE FROM company;\n", "t.sql:7: a second statement"},
        {header + "\nDELETE FROM company;\n", "t.sql:7: a finding is one SELECT (or WITH ... SELECT); this one starts with DELETE"},
        {header + "\n\n-- nothing\n", "t.sql:6: no query after the header"},
        {header + "\nSELECT total AS actual FROM v_snapshot_total\n WHERE snapshot_date = :month;\n",
         "t.sql:8: parameter :month: a finding reads only :snapshot and :from"},
        {header + "\nSELECT ? AS actual, :snapshot;\n", "t.sql:7: parameter ?"},
        {header + "\nSELECT :snapshot || :from AS actual;\n", "t.sql:7: :from without a '-- from:' line"},
        {header + "\nSELECT 1 AS actual;\n", "t.sql:4: the query never reads :snapshot"},
        {header + "-- from: 2019-06\n\nSELECT :snapshot AS actual;\n", "t.sql:6: the query never reads :from"},
        {header + "\nSELECT 'open AS actual, :snapshot;\n", "t.sql:7: a string opened here is never closed"},
        {header + "\n/* open\nSELECT :snapshot AS actual;\n", "t.sql:7: a comment /* is never closed"},
        {"SELECT 1 AS actual;\n", "t.sql:1: a finding opens with its header"},
        {"-- id: T\n-- statement: s\n-- source: s\n-- snapshot: 2020-13\n-- expected: 1\n" + query,
         "t.sql:4: snapshot '2020-13': a month YYYY-MM, a date YYYY-MM-DD, or none"},
        {"-- id: T\n-- statement: s\n-- source: s\n-- snapshot: 2021-02-30\n-- expected: 1\n" + query, "t.sql:4: snapshot '2021-02-30'"},
        {header + "-- tolerance: about\n" + query, "t.sql:6: tolerance 'about': a number, 0 or more"},
        {"-- id: T\n-- statement: s\n-- source: s\n-- snapshot: 2020-07\n-- expected: ten\n-- tolerance: 2\n" + query,
         "t.sql:5: expected 'ten' is not a number, and a tolerance needs one"},
        {"-- id: T 1\n-- statement: s\n-- source: s\n-- snapshot: 2020-07\n-- expected: 1\n" + query, "t.sql:1: id 'T 1'"},
        {"-- id: T\n-- statement:\n-- source: s\n-- snapshot: 2020-07\n-- expected: 1\n" + query, "t.sql:2: 'statement' is empty"},
        {"-- id: T\n-- statement: s\n-- source: s\n-- snapshot: none\n-- from: 2019-06\n-- expected: 1\n" + query,
         "t.sql:5: 'from:' with 'snapshot: none'"},
    };
    for (const auto& [text, message] : cases) {
        const std::string what = parse_error(text);
        EXPECT_EQ(what.substr(0, message.size()), message) << text;
        EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    }
}

// A registry the set's author never saw, built here with companies drawn at random (a fixed seed): the values
// the set must find are counted below from the same draw, without SQL.
class hidden_registry : public testing::Test {
protected:
    struct company {
        std::string name;
        unsigned activities = 0; // bit n-1 for activity n
    };

    hidden_registry()
    {
        hds::set_log_level(hds::log_level::error);
        std::mt19937 draw(20210305);
        for (int i = 0; i < 40; ++i)
            pool_.push_back({"Hébergeur caché " + std::to_string(i), 1U + static_cast<unsigned>(draw() % 63)});
        pool_.push_back({"Société Oméga", 0b101101U}); // 1,3,4,6
        // 5 March 2021: the first 30; 20 March 2021: the first 34 and Oméga; 30 June 2021: the last 25 and Oméga.
        early_ = {pool_.begin(), pool_.begin() + 30};
        late_march_ = {pool_.begin(), pool_.begin() + 34};
        late_march_.push_back(pool_.back());
        june_ = {pool_.end() - 26, pool_.end()};
        db_ = dir_.path() / "hds.db";
        auto db = hds::database::open(db_);
        hds::ingest_snapshot(db, {dir_.write("a.csv", registry(early_))}, {.date = "2021-03-05"});
        hds::ingest_snapshot(db, {dir_.write("b.csv", registry(late_march_))}, {.date = "2021-03-20"});
        hds::ingest_snapshot(db, {dir_.write("c.csv", registry(june_))}, {.date = "2021-06-30"});
    }

    static std::string registry(const std::vector<company>& companies)
    {
        std::string csv = "Raison sociale;Type de certificat;Activités;Organisme certificateur;Date de certification;"
                          "Date d'expiration\n";
        for (const auto& c : companies) {
            for (const auto& [type, bits] : {std::pair<std::string, unsigned>{"Hébergeur d'infrastructure physique", 0b11U},
                                             {"Hébergeur infogéreur", 0b111100U}}) {
                std::string list;
                for (int n = 1; n <= 6; ++n)
                    if ((c.activities & bits & (1U << (n - 1))) != 0) list += (list.empty() ? "" : ", ") + std::to_string(n);
                if (!list.empty()) csv += c.name + ";" + type + ";" + list + ";;;\n";
            }
        }
        return csv;
    }

    static std::size_t with(const std::vector<company>& companies, unsigned bits)
    {
        std::size_t n = 0;
        for (const auto& c : companies) n += (c.activities & bits) == bits ? 1 : 0;
        return n;
    }

    std::filesystem::path write_set(const std::map<std::string, std::string>& files)
    {
        const auto set = dir_.path() / "set";
        std::filesystem::create_directories(set);
        for (const auto& [name, text] : files) dir_.write("set/" + name, text);
        return set;
    }

    static std::string finding(const std::string& id, const std::string& snapshot, const std::string& expected,
                               const std::string& query, const std::string& more = "")
    {
        return "-- id: " + id + "\n-- statement: " + id + "\n-- source: the test\n-- snapshot: " + snapshot + "\n" +
               more + "-- expected: " + expected + "\n\n" + query + "\n";
    }

    temp_dir dir_;
    std::filesystem::path db_;
    std::vector<company> pool_, early_, late_march_, june_;
};

TEST_F(hidden_registry, a_set_computes_the_values_counted_from_the_registry)
{
    const std::size_t all_six_june = with(june_, 0b111111U);
    char share[16];
    std::snprintf(share, sizeof share, "%.1f", 100.0 * static_cast<double>(all_six_june) / static_cast<double>(june_.size()));
    const std::string share_plus = std::to_string(std::stod(share) + 0.04);
    const std::string key = hds::company_key("Société Oméga");
    const auto set_dir = write_set({
        // A month reads its latest snapshot: 20 March, not 5 March.
        {"m1.sql", finding("M1", "2021-03", std::to_string(late_march_.size()),
                           "SELECT total AS actual FROM v_snapshot_total WHERE snapshot_date = :snapshot;")},
        // A date reads that date's snapshot.
        {"m2.sql", finding("M2", "2021-03-05", std::to_string(with(early_, 1U << 5)),
                           "SELECT count(*) AS actual FROM v_snapshot_company_activity\n"
                           " WHERE snapshot_date = :snapshot AND activity = 6;")},
        {"m3.sql", finding("M3", "2021-06", std::to_string(early_.size()) + " → " + std::to_string(june_.size()),
                           "SELECT actual FROM v_company_growth WHERE from_date = :from AND snapshot_date = :snapshot;",
                           "-- from: 2021-03-05\n")},
        {"m4.sql", finding("M4", "2021-06", share_plus,
                           "SELECT printf('%.1f', 100.0 * count(*) / (SELECT total FROM v_snapshot_total\n"
                           "        WHERE snapshot_date = :snapshot)) AS actual\n"
                           "FROM v_snapshot_company WHERE snapshot_date = :snapshot AND activity_count = 6;",
                           "-- tolerance: 0.05\n")},
        {"m5.sql", finding("M5", "2021-06", std::to_string(std::stod(share) + 0.2),
                           "SELECT printf('%.1f', 100.0 * count(*) / (SELECT total FROM v_snapshot_total\n"
                           "        WHERE snapshot_date = :snapshot)) AS actual\n"
                           "FROM v_snapshot_company WHERE snapshot_date = :snapshot AND activity_count = 6;",
                           "-- tolerance: 0.05\n")},
        {"m6.sql", finding("M6", "2021-06", "1,3,4,6",
                           "SELECT sc.activity_list AS actual FROM v_company_by_key k\n"
                           "JOIN v_snapshot_company sc ON sc.company_id = k.company_id\n"
                           "WHERE k.key = '" + key + "' AND sc.snapshot_date = :snapshot;")},
        {"m7.sql", finding("M7", "none", "6", "SELECT count(*) AS actual FROM activity;")},
        {"m8.sql", finding("M8", "2022-01", "1", "SELECT total AS actual FROM v_snapshot_total WHERE snapshot_date = :snapshot;")},
        // No row: "none", which does not hold.
        {"m9.sql", finding("M9", "2021-06", "1", "SELECT 1 AS actual FROM company WHERE id < 0 AND :snapshot IS NOT NULL;")},
    });
    const auto set = hds::load_finding_set(set_dir.string());
    auto db = hds::database::open(db_, hds::open_mode::existing);
    const auto report = hds::check_findings(db, {set});
    ASSERT_EQ(report.findings.size(), 9U);
    std::map<std::string, hds::finding> by_id;
    for (const auto& f : report.findings) by_id[f.id] = f;

    EXPECT_EQ(by_id["M1"].actual, std::to_string(late_march_.size()));
    EXPECT_EQ(by_id["M1"].snapshot_date, "2021-03-20");
    EXPECT_EQ(by_id["M2"].actual, std::to_string(with(early_, 1U << 5)));
    EXPECT_EQ(by_id["M2"].snapshot_date, "2021-03-05");
    EXPECT_EQ(by_id["M3"].actual, std::to_string(early_.size()) + " → " + std::to_string(june_.size()));
    EXPECT_EQ(by_id["M3"].from_date, "2021-03-05");
    EXPECT_EQ(by_id["M4"].actual, share);
    EXPECT_EQ(by_id["M4"].comparison, "within 0.05");
    EXPECT_EQ(by_id["M5"].actual, share);
    EXPECT_EQ(by_id["M6"].actual, "1,3,4,6");
    EXPECT_EQ(by_id["M7"].kind, "reference");
    EXPECT_EQ(by_id["M7"].actual, "6");
    EXPECT_EQ(by_id["M8"].actual, "no snapshot for 2022-01");
    EXPECT_EQ(by_id["M9"].actual, "none");
    for (const auto& id : {"M1", "M2", "M3", "M4", "M6", "M7"}) {
        EXPECT_TRUE(by_id[id].holds) << id << ": " << by_id[id].expected << " / " << by_id[id].actual;
        EXPECT_EQ(by_id[id].status, "holds") << id;
    }
    for (const auto& id : {"M5", "M9"}) {
        EXPECT_FALSE(by_id[id].holds) << id;
        EXPECT_EQ(by_id[id].status, "does not hold") << id;
    }
    EXPECT_TRUE(by_id["M8"].no_snapshot());
    EXPECT_FALSE(report.holds);
    EXPECT_EQ(by_id["M1"].set, set_dir.string());
    EXPECT_EQ(by_id["M1"].file, (set_dir / "m1.sql").string());
}

// Runs a one-finding set whose query is `query` and expects check_findings to refuse it with "FILE" + `message`.
void hidden_registry_expect_refused(const std::filesystem::path& db_path, const std::string& query,
                                    const std::string& message)
{
    temp_dir dir;
    dir.write("q.sql", "-- id: Q\n-- statement: q\n-- source: the test\n-- snapshot: 2021-06\n-- expected: 1\n\n" +
                           query + "\n");
    const auto set = hds::load_finding_set(dir.path().string());
    auto db = hds::database::open(db_path, hds::open_mode::existing);
    try {
        hds::check_findings(db, {set});
        ADD_FAILURE() << "no error for " << query;
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::input);
        EXPECT_EQ(std::string(e.what()), (dir.path() / "q.sql").string() + message);
    }
}

// A finding that writes is refused, even behind a WITH that the parser lets through (SQLite tells it), and the
// file is left byte for byte as it was.
TEST_F(hidden_registry, a_finding_that_writes_is_refused_and_the_database_is_unchanged)
{
    const std::string before = read_bytes(db_);
    for (const std::string query :
         {"WITH gone AS (SELECT 1) DELETE FROM company WHERE :snapshot IS NOT NULL RETURNING 1 AS actual;",
          "WITH gone AS (SELECT 1) UPDATE company SET key = 'x' WHERE :snapshot IS NOT NULL RETURNING key AS actual;"})
        hidden_registry_expect_refused(db_, query, ":7: the finding writes to the database: a findings set only reads it");
    EXPECT_EQ(read_bytes(db_), before);
}

// What only SQLite can tell: no column `actual`, more than one row, an unknown column or table: FILE:LINE each.
TEST_F(hidden_registry, a_query_sqlite_refuses_is_reported_at_its_line)
{
    const std::vector<std::pair<std::string, std::string>> cases{
        {"SELECT total FROM v_snapshot_total\nWHERE snapshot_date = :snapshot;",
         ":7: the query has no column 'actual' (its columns: total)"},
        {"SELECT snapshot_date AS actual FROM v_snapshot_total WHERE snapshot_date >= :snapshot OR 1;",
         ":7: the query returns more than one row: a finding is one row"},
        // SQLite names where a column is wrong; for a table it names no place, and the query's first line stands.
        {"SELECT total AS actual\nFROM v_snapshot_total\nWHERE no_such_column = :snapshot;", ":9: no such column: no_such_column"},
        {"SELECT total AS actual\nFROM v_no_such_view\nWHERE snapshot_date = :snapshot;", ":7: no such table: v_no_such_view"},
    };
    for (const auto& [query, message] : cases) hidden_registry_expect_refused(db_, query, message);
}

TEST(finding_sets, a_directory_is_read_whole_and_an_id_twice_is_refused)
{
    temp_dir dir;
    const std::string text = header + "\nSELECT :snapshot AS actual;\n";
    dir.write("a.sql", text);
    dir.write("b.sql", text);
    dir.write("notes.txt", "not a finding");
    try {
        hds::load_finding_set(dir.path().string());
        FAIL() << "no error";
    } catch (const hds::error& e) {
        EXPECT_EQ(std::string(e.what()), (dir.path() / "b.sql").string() + ":1: id T1 again: " +
                                             (dir.path() / "a.sql").string() + " has it");
    }
    temp_dir empty;
    EXPECT_THROW(hds::load_finding_set(empty.path().string()), hds::error);
    try {
        hds::load_finding_set("no-such-set");
        FAIL() << "no error";
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::usage);
        EXPECT_EQ(std::string(e.what()),
                  "findings set no-such-set: neither a directory nor a built-in set (article, later-lists)");
    }
}

// The built-in sets: the article's 13 in order, nothing in them but what their files say.
TEST(finding_sets, the_built_in_sets_are_the_article_and_the_later_lists)
{
    EXPECT_EQ(hds::builtin_finding_sets(), (std::vector<std::string>{"article", "later-lists"}));
    const auto article = hds::load_finding_set("article");
    ASSERT_EQ(article.findings.size(), 13U);
    for (std::size_t i = 0; i < 13; ++i) {
        const std::string id = (i + 1 < 10 ? "F0" : "F") + std::to_string(i + 1);
        EXPECT_EQ(article.findings[i].id, id);
        EXPECT_EQ(article.findings[i].snapshot.has_value(), i != 12) << id;
        EXPECT_EQ(article.findings[i].from.has_value(), i == 0) << id;
    }
    const auto later = hds::load_finding_set("later-lists");
    ASSERT_EQ(later.findings.size(), 4U);
    std::set<std::string> months;
    for (const auto& f : later.findings) months.insert(f.snapshot.value_or(""));
    EXPECT_EQ(months, (std::set<std::string>{"2021-02", "2022-04"}));
}

// The companies the article's findings name carry the library's key of the name the article writes, so
// that a name found by key is the company the article means.
TEST(finding_sets, named_companies_carry_the_library_s_key)
{
    // A row of a `named` list opens its line: ('GIP SIB', 'gipsib'...
    const std::regex pair(R"(^ +\('([^']+)', '([a-z0-9]+)')", std::regex::ECMAScript | std::regex::multiline);
    int named = 0;
    for (const auto& f : hds::load_finding_set("article").findings)
        for (auto it = std::sregex_iterator(f.query.begin(), f.query.end(), pair); it != std::sregex_iterator(); ++it) {
            EXPECT_EQ(hds::company_key((*it)[1].str()), (*it)[2].str()) << f.id;
            ++named;
        }
    EXPECT_EQ(named, 26); // F04 6, F05 5, F07 4, F11 6, F12 5
}

// The later lists' set on the bundled data: no list of April 2022 or February 2021, so every finding reports
// "no snapshot" for its month, neither holding nor failing.
TEST(finding_sets, the_later_lists_have_no_snapshot_on_the_bundled_data)
{
    temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    hds::set_log_level(hds::log_level::error);
    hds::ingest_snapshot(db, {data_dir / "registry-2019-06.csv"}, {.date = "2019-06-30"});
    hds::ingest_snapshot(db, {data_dir / "registry-2020-07.csv"}, {.date = "2020-07-31"});
    const auto report = hds::check_findings(db, {hds::load_finding_set("later-lists")});
    ASSERT_EQ(report.findings.size(), 4U);
    EXPECT_TRUE(report.holds);
    for (const auto& f : report.findings) {
        EXPECT_EQ(f.status, "no snapshot") << f.id;
        EXPECT_FALSE(f.holds) << f.id;
        EXPECT_EQ(f.actual, "no snapshot for " + *f.snapshot) << f.id;
    }
}

// Once a list of April 2022 is ingested, its findings hold or fail: a made-up list of 205 companies, 116
// certified for all six activities (56.6 %) and 11 for one ("about ten", within 2), holds all three.
TEST(finding_sets, the_later_lists_hold_once_a_list_of_the_month_is_ingested)
{
    std::string csv = "Raison sociale;Type de certificat;Activités;Organisme certificateur;Date de certification;"
                      "Date d'expiration\n";
    for (int i = 0; i < 205; ++i) {
        const std::string name = "Hébergeur " + std::to_string(i);
        if (i < 116) csv += name + ";Hébergeur d'infrastructure physique;1, 2;;;\n" + name + ";Hébergeur infogéreur;3, 4, 5, 6;;;\n";
        else if (i < 127) csv += name + ";Hébergeur infogéreur;5;;;\n";
        else csv += name + ";Hébergeur infogéreur;3, 4;;;\n";
    }
    temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    hds::set_log_level(hds::log_level::error);
    hds::ingest_snapshot(db, {dir.write("april.csv", csv)}, {.date = "2022-04-15"});
    const auto report = hds::check_findings(db, {hds::load_finding_set("later-lists")});
    std::map<std::string, hds::finding> by_id;
    for (const auto& f : report.findings) by_id[f.id] = f;
    EXPECT_EQ(by_id["L01"].actual, "205");
    EXPECT_EQ(by_id["L02"].actual, "56.6");
    EXPECT_EQ(by_id["L03"].actual, "11");
    for (const auto& id : {"L01", "L02", "L03"}) EXPECT_EQ(by_id[id].status, "holds") << id;
    EXPECT_EQ(by_id["L04"].status, "no snapshot");
    EXPECT_TRUE(report.holds);
}

} // namespace
