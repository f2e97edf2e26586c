#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "hds/companies.hpp"
#include "hds/error.hpp"
#include "hds/ingest.hpp"
#include "hds/log.hpp"
#include "hds/snapshots.hpp"
#include "test_support.hpp"

namespace {

using hds::testing_support::read_bytes;
using hds::testing_support::temp_dir;

const std::string header = "Raison sociale;Type de certificat;Activités;Organisme certificateur;"
                           "Date de certification;Date d'expiration\n";

class ingest_fixture : public ::testing::Test {
protected:
    ingest_fixture() : db_path_(dir_.path() / "hds.db"), db_(hds::database::open(db_path_))
    {
        hds::set_log_level(hds::log_level::off);
    }

    hds::ingest_summary ingest_file(const std::string& name, const std::string& bytes, const std::string& date,
                               hds::ingest_options options = {})
    {
        options.date = date;
        return hds::ingest_snapshot(db_, {dir_.write(name, bytes)}, options);
    }

    std::vector<hds::company_info> companies(const std::string& snapshot)
    {
        return hds::companies(db_, hds::resolve_snapshot(db_, snapshot));
    }

    std::int64_t count(const std::string& sql)
    {
        SQLite::Database db(db_path_.string());
        return db.execAndGet(sql).getInt64();
    }

    temp_dir dir_;
    std::filesystem::path db_path_;
    hds::database db_;
};

using ingest = ingest_fixture;

TEST_F(ingest, reads_a_semicolon_csv_with_one_row_per_certificate)
{
    const auto summary = ingest_file("list.csv",
                                header + "OVHcloud;Hébergeur d'infrastructure physique;1, 2;AFNOR Certification;"
                                         "18/03/2019;17/03/2022\n"
                                         "OVHcloud;Hébergeur infogéreur;3, 4, 6;AFNOR Certification;18/03/2019;17/03/2022\n"
                                         "EBRC;Hébergeur d'infrastructure physique;1;Bureau Veritas;01/02/2020;31/01/2023\n",
                                "2020-07-31");
    EXPECT_EQ(summary.rows_read, 3U);
    EXPECT_EQ(summary.companies, 2U);
    EXPECT_EQ(summary.certificates, 3U);
    EXPECT_EQ(summary.new_companies, 2U);
    const auto listed = companies("2020-07-31");
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[1].name, "OVHcloud");
    EXPECT_EQ(listed[1].activities.numbers(), (std::vector<int>{1, 2, 3, 4, 6}));
    EXPECT_EQ(listed[1].certificates.size(), 2U);
    EXPECT_EQ(listed[1].certificates[0].valid_to, "2022-03-17");
    EXPECT_EQ(listed[1].certificates[1].line, 3U);
}

TEST_F(ingest, splits_a_row_covering_both_types_into_two_certificates)
{
    ingest_file("list.csv", "Hébergeur;Activités\nCheops Technology;1 à 6\n", "2020-07-31");
    const auto listed = companies("latest");
    ASSERT_EQ(listed.size(), 1U);
    ASSERT_EQ(listed[0].certificates.size(), 2U);
    EXPECT_EQ(listed[0].certificates[0].type, hds::certificate_type::physical_infrastructure);
    EXPECT_EQ(listed[0].certificates[0].activities.numbers(), (std::vector<int>{1, 2}));
    EXPECT_EQ(listed[0].certificates[1].activities.numbers(), (std::vector<int>{3, 4, 5, 6}));
}

TEST_F(ingest, reads_windows_1252_with_crlf_and_quoted_fields)
{
    ingest_file("list.csv",
           "Raison sociale;Activit\xe9s;Organisme certificateur\r\n"
           "\"Orp\xe9" "a; groupe\";\"1, 2\";AFNOR\r\n"
           "\"Sopra Steria\nI2S\";3;AFNOR\r\n"
           "Withings;6;\"Bureau \"\"Veritas\"\"\"\r\n",
           "2020-07-31");
    const auto listed = companies("latest");
    ASSERT_EQ(listed.size(), 3U);
    EXPECT_EQ(listed[0].name, "Orpéa; groupe");
    EXPECT_EQ(listed[1].name, "Sopra Steria\nI2S");
    EXPECT_EQ(listed[2].certificates[0].line, 5U); // after a cell spanning lines 3-4
    EXPECT_EQ(listed[2].certifiers, (std::vector<std::string>{"Bureau \"Veritas\""}));
}

// Certifiers are staged as they first appear: numbered in file order, under their first spelling, a row of
// two certificates (both types) included; a dash is no certifier.
TEST_F(ingest, keeps_certifiers_in_file_order_under_their_first_spelling)
{
    ingest_file("list.csv",
                "Raison sociale;Type de certificat;Activités;Organisme certificateur\n"
                "Alpha;les deux;1, 2, 5;BUREAU VERITAS\n"
                "Beta;infogéreur;5;AFNOR\n"
                "Gamma;infogéreur;5;Bureau Veritas\n"
                "Delta;infogéreur;5;-\n",
                "2020-07-31");
    SQLite::Database db(db_path_.string());
    SQLite::Statement certifiers(db, "SELECT id, name FROM certifier ORDER BY id");
    std::vector<std::string> names;
    while (certifiers.executeStep()) names.push_back(certifiers.getColumn(1).getString());
    EXPECT_EQ(names, (std::vector<std::string>{"BUREAU VERITAS", "AFNOR"}));
    const auto listed = companies("latest");
    ASSERT_EQ(listed.size(), 4U);
    EXPECT_EQ(listed[0].certificates.size(), 2U);
    EXPECT_EQ(listed[0].certifiers, (std::vector<std::string>{"BUREAU VERITAS"}));
    EXPECT_EQ(listed[1].certifiers, (std::vector<std::string>{"AFNOR"}));                              // Beta
    EXPECT_TRUE(listed[2].certifiers.empty()) << listed[2].name;                                        // Delta
    EXPECT_EQ(listed[3].certifiers, (std::vector<std::string>{"BUREAU VERITAS"}));                     // Gamma
}

TEST_F(ingest, takes_the_activities_of_the_certificate_type_when_a_list_gives_only_the_type)
{
    ingest_file("list.csv", "Raison sociale;Type de certificat\nEBRC;Hébergeur d'infrastructure physique\n"
                            "Ivbar;infogéreur\nOVHcloud;les deux\n",
                "2020-07-31");
    const auto listed = companies("latest");
    ASSERT_EQ(listed.size(), 3U);
    EXPECT_EQ(listed[0].activities.numbers(), (std::vector<int>{1, 2}));
    EXPECT_EQ(listed[1].activities.numbers(), (std::vector<int>{3, 4, 5, 6}));
    EXPECT_EQ(listed[2].activities.size(), 6U);
    EXPECT_EQ(listed[2].certificates.size(), 2U);
}

TEST_F(ingest, reads_six_activity_columns_and_a_utf8_bom)
{
    ingest_file("list.csv",
           "\xEF\xBB\xBFH\xC3\xA9" "bergeur,Activité 1,Activité 2,Activité 3,Activité 4,Activité 5,Activité 6\n"
           "Ivbar,,,,,X,\n"
           "OVHcloud,Oui,oui,x,Yes,,1\n",
           "2020-07-31");
    const auto listed = companies("latest");
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].activities.numbers(), (std::vector<int>{5}));
    EXPECT_EQ(listed[1].activities.numbers(), (std::vector<int>{1, 2, 3, 4, 6}));
}

TEST_F(ingest, reads_tab_separated_text)
{
    ingest_file("list.tsv", "company\tactivities\nEBRC\t1\n", "2020-07-31");
    EXPECT_EQ(companies("latest").at(0).activities.numbers(), (std::vector<int>{1}));
}

// A CSV file is read a block of 64 KiB at a time, and its delimiter chosen as soon as its first line with text
// ends: here that line starts in the first block and ends in the second.
TEST_F(ingest, chooses_the_delimiter_on_a_first_line_across_two_blocks)
{
    const std::string blank_lines(65'530, '\n');
    ingest_file("list.csv", blank_lines + "Raison sociale,Type de certificat,Activités\n"
                                          "EBRC,Hébergeur d'infrastructure physique,\"1, 2\"\n",
                "2020-07-31");
    const auto listed = companies("latest");
    ASSERT_EQ(listed.size(), 1U);
    EXPECT_EQ(listed[0].name, "EBRC");
    EXPECT_EQ(listed[0].activities.numbers(), (std::vector<int>{1, 2}));
    EXPECT_EQ(listed[0].certificates.at(0).line, 65'532U);
}

TEST_F(ingest, reads_json)
{
    ingest_file("list.json",
           R"([{"company": "OVHcloud", "activities": [1, 2, 3, 4, 6], "valid_from": "2019-03-18"},
               {"company": "Ivbar", "activities": "5", "certifier": "AFNOR"}])",
           "2020-07-31");
    const auto listed = companies("latest");
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[1].activities.numbers(), (std::vector<int>{1, 2, 3, 4, 6}));
    EXPECT_EQ(listed[1].certificates[0].valid_from, "2019-03-18");
    EXPECT_EQ(listed[0].certificates[0].line, 2U);
}

TEST_F(ingest, finds_the_registry_table_in_a_saved_page)
{
    ingest_file("page.html",
           "<!doctype html><html><head><meta charset=\"utf-8\"></head><body>\n"
           "<table><tr><td>Accueil</td><td>Contact</td></tr></table>\n"
           "<table>\n<thead><tr><th>Raison sociale</th><th>Activit&eacute;s</th></tr></thead>\n<tbody>\n"
           "<tr><td>Orp&eacute;a</td><td>1&deg;, 2&deg;</td></tr>\n"
           "<tr><td>A2com (Resadia)</td><td>1 &agrave; 6</td></tr>\n"
           "</tbody></table></body></html>\n",
           "2020-07-31");
    const auto listed = companies("latest");
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].name, "A2com (Resadia)");
    EXPECT_EQ(listed[0].activities.size(), 6U);
    EXPECT_EQ(listed[1].name, "Orpéa");
    EXPECT_EQ(listed[1].certificates[0].line, 6U);
}

TEST_F(ingest, takes_extra_header_names_from_a_mapping_file)
{
    const auto mapping = dir_.write("mapping.json", R"json({"columns": {"Prestataire agréé": "company",
                                                                      "Périmètre HDS (n°)": "activities"}})json");
    hds::ingest_options options;
    options.mapping = mapping;
    ingest_file("list.csv", "Prestataire agréé;Périmètre HDS (n°)\nEBRC;1\n", "2020-07-31", options);
    EXPECT_EQ(companies("latest").at(0).name, "EBRC");
}

TEST_F(ingest, several_files_make_one_snapshot_with_each_row_s_file_and_line)
{
    const auto page1 = dir_.write("page-1.csv", "Raison sociale;Activités\nEBRC;1\nClaranet;1, 2\n");
    const auto page2 = dir_.write("page-2.json", R"([{"company": "Claranet SAS", "activities": "3, 4"}])");
    const auto summary = hds::ingest_snapshot(db_, {page1, page2}, {.date = "2020-07-31"});
    EXPECT_EQ(summary.rows_read, 3U);
    EXPECT_EQ(summary.companies, 2U);
    const auto snapshot = hds::resolve_snapshot(db_, "latest");
    ASSERT_EQ(snapshot.files.size(), 2U);
    EXPECT_EQ(snapshot.files[1].format, "json");
    const auto claranet = companies("latest").at(0);
    EXPECT_EQ(claranet.activities.numbers(), (std::vector<int>{1, 2, 3, 4}));
    ASSERT_EQ(claranet.certificates.size(), 2U);
    EXPECT_EQ(claranet.certificates[0].file, page1.string());
    EXPECT_EQ(claranet.certificates[0].line, 3U);
    EXPECT_EQ(claranet.certificates[1].file, page2.string());
    EXPECT_EQ(claranet.certificates[1].line, 1U);
}

// A `provenance` column is a free note per row, kept beside each listing: in the view and in the API.
TEST_F(ingest, keeps_each_row_s_provenance_note_beside_its_listing)
{
    ingest_file("list.csv",
                "Raison sociale;Activités;provenance\n"
                "OVHcloud;1, 2;article: cinq des six activités\n"
                "OVHcloud;3, 4, 6;reconstructed: activities\n"
                "EBRC;1;\n",
                "2020-07-31");
    const auto listed = companies("latest");
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].name, "EBRC");
    EXPECT_FALSE(listed[0].provenance);
    EXPECT_EQ(listed[1].provenance, "article: cinq des six activités; reconstructed: activities");
    SQLite::Database db(db_path_.string());
    EXPECT_EQ(db.execAndGet("SELECT provenance FROM v_snapshot_company WHERE company = 'OVHcloud'").getString(),
              "article: cinq des six activités; reconstructed: activities");
}

TEST_F(ingest, same_company_on_two_rows_is_one_company_with_the_union)
{
    const auto summary = ingest_file("list.csv", "Raison sociale;Activités\nClaranet SAS;1, 2\nCLARANET;3, 4\n", "2020-07-31");
    EXPECT_EQ(summary.companies, 1U);
    const auto listed = companies("latest");
    ASSERT_EQ(listed.size(), 1U);
    EXPECT_EQ(listed[0].name, "Claranet SAS");
    EXPECT_EQ(listed[0].activities.numbers(), (std::vector<int>{1, 2, 3, 4}));
}

struct bad_input {
    std::string name;
    std::string bytes;
    std::string message; // after "DIR/NAME"
};

void PrintTo(const bad_input& input, std::ostream* out) { *out << input.name; }

class ingest_rejects : public ingest_fixture, public ::testing::WithParamInterface<bad_input> {};

TEST_P(ingest_rejects, with_file_line_and_reason_and_leaves_the_database_unchanged)
{
    ingest_file("good.csv", "Raison sociale;Activités\nEBRC;1\n", "2019-06-30");
    const std::string before = read_bytes(db_path_);
    const auto& param = GetParam();
    try {
        ingest_file(param.name, param.bytes, "2020-07-31");
        FAIL() << "no error";
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::input);
        EXPECT_EQ(std::string(e.what()), (dir_.path() / param.name).string() + param.message);
    }
    EXPECT_EQ(read_bytes(db_path_), before);
}

INSTANTIATE_TEST_SUITE_P(
    each_class_of_bad_input, ingest_rejects,
    ::testing::Values(
        bad_input{"missing_column.csv", "Raison sociale;Organisme\nEBRC;AFNOR\n",
                  ":1: missing column \"activities\" (activités, périmètre, one column per activity, or type de "
                  "certificat)"},
        bad_input{"unknown_activity.csv", "Raison sociale;Activités\nEBRC;1\nIvbar;5, 7\n",
                  ":3: unknown activity 7 (activities are numbered 1 to 6)"},
        bad_input{"bad_date.csv", "Raison sociale;Activités;Date de fin\nEBRC;1;31/02/2023\n",
                  ":2: impossible date \"31/02/2023\""},
        bad_input{"ambiguous_date.csv", "Raison sociale;Activités;Date de début\nEBRC;1;01/02/20\n",
                  ":2: ambiguous date \"01/02/20\" (two-digit year)"},
        bad_input{"bad_encoding.csv", "\xEF\xBB\xBFRaison sociale;Activit\xe9s\nEBRC;1\n",
                  ":1: invalid UTF-8 byte sequence"},
        bad_input{"unterminated.csv", "Raison sociale;Activités\nEBRC;1\n\"Ivbar;5\n", ":3: unterminated quote"},
        bad_input{"empty.csv", "", ": empty file"},
        bad_input{"header_only.csv", "Raison sociale;Activités\n", ":1: header only, no rows"},
        bad_input{"duplicate.csv", "Raison sociale;Activités\nEBRC;1\nEBRC SA;1\n",
                  ":3: duplicate row: the same certificate as line 2"},
        bad_input{"no_activity.csv", "Raison sociale;Activités\nEBRC;\n", ":2: no activity for \"EBRC\""},
        bad_input{"no_type.csv", "Raison sociale;Type de certificat\nEBRC;\n", ":2: no certificate type for \"EBRC\""},
        bad_input{"wrong_type.csv", "Raison sociale;Type de certificat;Activités\n"
                                    "EBRC;Hébergeur d'infrastructure physique;1, 5\n",
                  ":2: activity 5 is not covered by a \"Hébergeur d'infrastructure physique\" certificate "
                  "(activities 1-2)"},
        bad_input{"ends_before_start.csv", "Raison sociale;Activités;Date de début;Date de fin\n"
                                           "EBRC;1;01/02/2020;01/01/2020\n",
                  ":2: certificate ends (2020-01-01) before it starts (2020-02-01)"},
        bad_input{"bad_last_row.csv", "Raison sociale;Activités\nEBRC;1\nOVHcloud;1, 2\nIvbar;huit\n",
                  ":4: cannot read activities \"huit\""}),
    [](const auto& test) { return test.param.name.substr(0, test.param.name.find('.')); });

TEST_F(ingest, skip_bad_rows_records_each_rejected_row_with_its_reason)
{
    hds::ingest_options options;
    options.skip_bad_rows = true;
    const auto summary = ingest_file("list.csv", "Raison sociale;Activités\nEBRC;1\nIvbar;9\nEBRC;1\nOVHcloud;1\n",
                                "2020-07-31", options);
    EXPECT_EQ(summary.rows_read, 4U);
    EXPECT_EQ(summary.rows_rejected, 2U);
    EXPECT_EQ(summary.companies, 2U);
    ASSERT_EQ(summary.warnings.size(), 2U);
    EXPECT_EQ(summary.warnings[0], (dir_.path() / "list.csv").string() +
                                       ":3: unknown activity 9 (activities are numbered 1 to 6) (row rejected)");
    EXPECT_EQ(count("SELECT count(*) FROM rejected_row WHERE line = 3 AND cells = '[\"Ivbar\",\"9\"]'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM rejected_row WHERE line = 4 AND reason LIKE 'duplicate row%'"), 1);
}

// A row of two certificates whose second is a duplicate is refused whole: its first, new, certificate goes too.
TEST_F(ingest, skip_bad_rows_refuses_a_row_whole_when_one_of_its_certificates_is_a_duplicate)
{
    hds::ingest_options options;
    options.skip_bad_rows = true;
    const auto summary = ingest_file("list.csv",
                                     "Raison sociale;Type de certificat;Activités\n"
                                     "EBRC;infogéreur;5\n"
                                     "EBRC;les deux;1, 5\n"
                                     "OVHcloud;infogéreur;5\n",
                                     "2020-07-31", options);
    EXPECT_EQ(summary.rows_rejected, 1U);
    EXPECT_EQ(summary.certificates, 2U);
    const auto listed = companies("latest");
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].activities.numbers(), (std::vector<int>{5}));
    EXPECT_EQ(listed[0].certificates.size(), 1U);
    EXPECT_EQ(count("SELECT count(*) FROM rejected_row WHERE line = 3 AND reason = "
                    "'duplicate row: the same certificate as line 2'"), 1);
}

// The rows are read on one thread and written on another (listing_feed.hpp): in a long file, the first bad
// row is the one named, whether the writer finds it (a duplicate) with the reader's bad row next, or the reader
// (an unknown activity) with the writer's next; and the database is as it was.
TEST_F(ingest, in_a_long_file_the_first_bad_row_is_named_whichever_thread_finds_it)
{
    ingest_file("first.csv", "Raison sociale;Activités\nEBRC;1\n", "2020-06-30");
    const std::string before = read_bytes(db_path_);
    const auto list = [](std::size_t duplicate_at, std::size_t unknown_at) {
        std::string out = "Raison sociale;Activités\n";
        for (std::size_t line = 2; line <= 3000; ++line)
            out += line == duplicate_at ? "Company 2;1\n"
                   : line == unknown_at ? "Company " + std::to_string(line) + ";7\n"
                                        : "Company " + std::to_string(line) + ";1\n";
        return out;
    };
    for (const auto& [duplicate_at, unknown_at] : {std::pair<std::size_t, std::size_t>{700, 701}, {701, 700}}) {
        const std::string name = "list" + std::to_string(duplicate_at) + ".csv";
        const std::string expected = duplicate_at < unknown_at
                                         ? ":700: duplicate row: the same certificate as line 2"
                                         : ":700: unknown activity 7 (activities are numbered 1 to 6)";
        try {
            ingest_file(name, list(duplicate_at, unknown_at), "2020-07-31");
            ADD_FAILURE() << "a bad row was taken";
        } catch (const hds::error& e) {
            EXPECT_EQ(std::string(e.what()), (dir_.path() / name).string() + expected);
        }
        EXPECT_EQ(read_bytes(db_path_), before);
    }
}

// A duplicate of a row of another file of the snapshot names that file and line.
TEST_F(ingest, a_duplicate_in_another_file_names_that_file)
{
    const auto first = dir_.write("a.csv", "Raison sociale;Activités\nIvbar;5\nEBRC;1\n");
    const auto second = dir_.write("b.csv", "Raison sociale;Activités\nOVHcloud;1\nEBRC SA;1\n");
    hds::ingest_options options;
    options.date = "2020-07-31";
    try {
        hds::ingest_snapshot(db_, {first, second}, options);
        ADD_FAILURE() << "a duplicate row was taken";
    } catch (const hds::error& e) {
        EXPECT_EQ(std::string(e.what()), second.string() + ":3: duplicate row: the same certificate as " +
                                             first.string() + ":3");
    }
    EXPECT_EQ(count("SELECT count(*) FROM snapshot"), 0);
}

TEST_F(ingest, the_same_bytes_again_change_nothing_and_say_so)
{
    const std::string list = "Raison sociale;Activités\nEBRC;1\n";
    ingest_file("list.csv", list, "2020-07-31");
    const std::string before = read_bytes(db_path_);
    const auto again = ingest_file("list.csv", list, "2020-07-31");
    EXPECT_EQ(again.result, hds::ingest_summary::outcome::unchanged);
    EXPECT_EQ(read_bytes(db_path_), before);
}

TEST_F(ingest, another_file_for_an_existing_date_is_refused_unless_replace)
{
    ingest_file("list.csv", "Raison sociale;Activités\nEBRC;1\n", "2020-07-31");
    try {
        ingest_file("other.csv", "Raison sociale;Activités\nIvbar;5\n", "2020-07-31");
        FAIL() << "no error";
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::conflict);
        EXPECT_EQ(std::string(e.what()),
                  "a snapshot dated 2020-07-31 already exists from other files; use --replace to replace it");
    }
    hds::ingest_options options;
    options.replace = true;
    const auto summary = ingest_file("other.csv", "Raison sociale;Activités\nIvbar;5\n", "2020-07-31", options);
    EXPECT_EQ(summary.result, hds::ingest_summary::outcome::replaced);
    const auto listed = companies("latest");
    ASSERT_EQ(listed.size(), 1U);
    EXPECT_EQ(listed[0].name, "Ivbar");
}

// Snapshots arriving out of date order, and a replaced one in the middle, leave every snapshot listing
// exactly what its file said, while unchanged certificates share one span.
TEST_F(ingest, out_of_order_dates_and_replacement_keep_each_snapshot_exact)
{
    const std::string a = "Raison sociale;Activités\nEBRC;1\nIvbar;5\n";
    const std::string b = "Raison sociale;Activités\nEBRC;1\n";
    ingest_file("2021.csv", a, "2021-01-01");
    ingest_file("2019.csv", a, "2019-01-01");
    ingest_file("2020.csv", b, "2020-01-01"); // Ivbar absent between two snapshots that list it
    EXPECT_EQ(companies("2019-01-01").size(), 2U);
    EXPECT_EQ(companies("2020-01").size(), 1U);
    EXPECT_EQ(companies("2021-01-01").size(), 2U);
    EXPECT_EQ(count("SELECT count(*) FROM certificate_span"), 3); // EBRC 2019-2021, Ivbar 2019, Ivbar 2021
    EXPECT_EQ(count("SELECT count(*) FROM company_span"), 3);

    hds::ingest_options options;
    options.replace = true;
    ingest_file("2020b.csv", a + "\n", "2020-01-01", options); // now Ivbar is there too: one span each
    EXPECT_EQ(companies("2020-01-01").size(), 2U);
    EXPECT_EQ(count("SELECT count(*) FROM certificate_span"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM company_span"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM v_listing"), 6);
}

// A company whose activities change gets a new company span; one whose certificates are reissued with the
// same activities keeps its span.
TEST_F(ingest, company_spans_follow_activities_not_certificates)
{
    ingest_file("a.csv", "Raison sociale;Activités;Date de fin\nEBRC;1;31/12/2021\nIvbar;5;31/12/2021\n", "2019-01-01");
    ingest_file("b.csv", "Raison sociale;Activités;Date de fin\nEBRC;1;31/12/2024\nIvbar;5, 6;31/12/2021\n", "2020-01-01");
    ingest_file("c.csv", "Raison sociale;Activités;Date de fin\nEBRC;1;31/12/2024\nIvbar;5, 6;31/12/2021\n", "2021-01-01");
    EXPECT_EQ(count("SELECT count(*) FROM company_span"), 3);  // EBRC 2019-2021; Ivbar {5} 2019, {5,6} 2020-2021
    EXPECT_EQ(count("SELECT count(*) FROM certificate_span"), 4);  // EBRC's two certificates, Ivbar's two
    EXPECT_EQ(count("SELECT count(*) FROM v_snapshot_company"), 6);
}

TEST_F(ingest, display_name_is_the_spelling_of_the_most_recent_snapshot)
{
    ingest_file("old.csv", "Raison sociale;Activités\nOvhcloud;1\n", "2019-01-01");
    ingest_file("new.csv", "Raison sociale;Activités\nOVHCLOUD SAS;1\n", "2021-01-01");
    ingest_file("mid.csv", "Raison sociale;Activités\nOVHcloud;1\n", "2020-01-01");
    EXPECT_EQ(companies("2019-01-01").at(0).name, "OVHCLOUD SAS");
    EXPECT_EQ(count("SELECT count(*) FROM company"), 1);
}

// Most recent by the company's spans, closed ones too: it left after 2021, so a 2020 list ingested later does
// not rename it.
TEST_F(ingest, display_name_ignores_an_older_snapshot_ingested_after_the_company_left)
{
    ingest_file("2019.csv", "Raison sociale;Activités\nOvhcloud;1\nEBRC;1\n", "2019-01-01");
    ingest_file("2021.csv", "Raison sociale;Activités\nOVHCLOUD SAS;1\nEBRC;1\n", "2021-01-01");
    ingest_file("2022.csv", "Raison sociale;Activités\nEBRC;1\n", "2022-01-01");
    ingest_file("2020.csv", "Raison sociale;Activités\nOVHcloud;1\nEBRC;1\n", "2020-01-01");
    EXPECT_EQ(companies("2020-01-01").at(1).name, "OVHCLOUD SAS");
    ingest_file("2023.csv", "Raison sociale;Activités\nOVH Cloud;1\n", "2023-01-01");
    EXPECT_EQ(companies("2019-01-01").at(1).name, "OVH Cloud");
}

TEST_F(ingest, display_name_follows_a_replaced_latest_snapshot)
{
    ingest_file("a.csv", "Raison sociale;Activités\nOvhcloud;1\n", "2019-01-01");
    hds::ingest_options options;
    options.replace = true;
    ingest_file("b.csv", "Raison sociale;Activités\nOVHcloud SAS;1\n", "2019-01-01", options);
    EXPECT_EQ(companies("2019-01-01").at(0).name, "OVHcloud SAS");
}

// A daily list spells its names as the day before: the company rows stay as they were, so that a day's
// ingest writes what changed, not the whole company table.
TEST_F(ingest, a_snapshot_spelling_every_name_as_before_rewrites_no_company)
{
    ingest_file("a.csv", "Raison sociale;Activités\nOVHcloud;1\nEBRC;1\nIvbar;5\n", "2019-01-01");
    {
        SQLite::Database db(db_path_.string(), SQLite::OPEN_READWRITE);
        db.exec("CREATE TABLE company_write (id INTEGER);"
                "CREATE TRIGGER company_written AFTER UPDATE ON company "
                "BEGIN INSERT INTO company_write VALUES (new.id); END");
    }
    ingest_file("b.csv", "Raison sociale;Activités\nOVHcloud;1\nEBRC;1, 2\nIvbar;5\nClaranet;1\n", "2019-01-02");
    EXPECT_EQ(count("SELECT count(*) FROM company_write"), 0);
    ingest_file("c.csv", "Raison sociale;Activités\nOVHcloud;1\nEBRC SA;1, 2\nIvbar;5\n", "2019-01-03");
    EXPECT_EQ(count("SELECT count(*) FROM company_write"), 1);  // EBRC's new spelling
}

TEST_F(ingest, summary_counts_new_and_unchanged_companies_against_the_previous_snapshot)
{
    ingest_file("a.csv", "Raison sociale;Activités\nEBRC;1\nIvbar;5\n", "2019-01-01");
    const auto summary = ingest_file("b.csv", "Raison sociale;Activités\nEBRC;1\nIvbar;5, 6\nClaranet;1\n", "2020-01-01");
    EXPECT_EQ(summary.companies, 3U);
    EXPECT_EQ(summary.new_companies, 1U);
    EXPECT_EQ(summary.unchanged_companies, 1U);
}

TEST_F(ingest, summary_goes_to_a_log_sink_the_host_plugs_in)
{
    std::vector<std::string> messages;
    hds::set_log_level(hds::log_level::info);
    hds::set_log_sink([&](hds::log_level, std::string_view message) { messages.emplace_back(message); });
    ingest_file("a.csv", "Raison sociale;Activités\nEBRC;1\n", "2019-01-01");
    hds::set_log_sink({});
    hds::set_log_level(hds::log_level::off);
    // Each stage with its time, then the summary.
    ASSERT_EQ(messages.size(), 4U);
    const char* stages[] = {"checking: ", "reading: ", "writing: "};
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(messages[i].rfind(stages[i], 0), 0U) << messages[i];
    EXPECT_TRUE(messages[1].find(" s, 1 rows read") != std::string::npos) << messages[1];
    EXPECT_EQ(messages[3],
              "snapshot 2019-01-01: 1 rows read, 1 companies (1 new, 0 unchanged), 1 certificates, 0 rows rejected");
}

TEST_F(ingest, tells_its_observer_each_stage_and_row)
{
    std::vector<std::pair<hds::ingest_stage, std::size_t>> seen;
    hds::ingest_options options;
    options.date = "2019-01-01";
    options.on_progress = [&](const hds::ingest_progress& p) { seen.emplace_back(p.stage, p.rows_read); };
    const auto file = dir_.write("a.csv", "Raison sociale;Activités\nEBRC;1\nOVH;2\n");
    hds::ingest_snapshot(db_, {file}, options);
    const std::vector<std::pair<hds::ingest_stage, std::size_t>> expected = {
        {hds::ingest_stage::checking, 0}, {hds::ingest_stage::reading, 0}, {hds::ingest_stage::reading, 1},
        {hds::ingest_stage::reading, 2},  {hds::ingest_stage::writing, 2}};
    EXPECT_EQ(seen, expected);
    EXPECT_EQ(hds::to_string(hds::ingest_stage::checking), "checking");

    // The same files again: only checked.
    seen.clear();
    hds::ingest_snapshot(db_, {file}, options);
    EXPECT_EQ(seen, (std::vector<std::pair<hds::ingest_stage, std::size_t>>{{hds::ingest_stage::checking, 0}}));
}

TEST_F(ingest, rejects_a_date_that_is_not_iso)
{
    try {
        ingest_file("a.csv", "Raison sociale;Activités\nEBRC;1\n", "31/07/2020");
        FAIL() << "no error";
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::usage);
        EXPECT_EQ(std::string(e.what()), "--date \"31/07/2020\" is not a date YYYY-MM-DD");
    }
}

// Three shapes of one registry (tests/data/shapes/README.md), three dates: every company is the same
// company in all three, however the file spells it.
TEST_F(ingest, three_shapes_of_one_registry_give_the_same_companies)
{
    const std::filesystem::path shapes = std::filesystem::path(HDS_TEST_DATA) / "shapes";
    hds::ingest_snapshot(db_, {shapes / "registry-a.csv"}, {.date = "2020-07-31"});
    hds::ingest_snapshot(db_, {shapes / "registry-b.csv"}, {.date = "2021-02-01"});
    hds::ingest_snapshot(db_, {shapes / "registry-c.html"}, {.date = "2021-09-01"});
    EXPECT_EQ(count("SELECT count(*) FROM company"), 9);
    for (const char* date : {"2020-07-31", "2021-02-01", "2021-09-01"})
        EXPECT_EQ(count(std::string("SELECT count(*) FROM v_snapshot_company WHERE snapshot_date = '") + date + "'"),
                  9)
            << date;
    const std::vector<int> before{3, 4, 5}, after{3, 4, 5, 6};
    for (const auto& [date, expected] : {std::pair{"2020-07-31", before}, std::pair{"2021-02-01", after},
                                         std::pair{"2021-09-01", after}}) {
        for (const auto& c : companies(date)) {
            if (c.name.starts_with("Fresenius")) {
                EXPECT_EQ(c.activities.numbers(), expected) << date;
            }
        }
    }
}

} // namespace
