#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "hds/error.hpp"
#include "hds/database.hpp"
#include "mapping.hpp"
#include "store/connection.hpp"
#include "store/reference_data.hpp"
#include "readers/table.hpp"
#include "test_support.hpp"

namespace {

using hds::field;

hds::readers::table make_table(std::vector<std::vector<std::string>> rows, std::size_t first_line = 1)
{
    hds::readers::table t;
    t.source = "liste.csv";
    for (auto& cells : rows) t.rows.push_back({first_line++, std::move(cells)});
    return t;
}

// Runs f, which must throw hds::error; returns it.
template <typename F>
hds::error error_of(F&& f)
{
    try {
        f();
    } catch (const hds::error& e) {
        return e;
    }
    ADD_FAILURE() << "no error";
    return hds::error(hds::error_kind::usage, "no error");
}

TEST(mapping, field_names_round_trip)
{
    for (int i = 0; i <= static_cast<int>(field::referential); ++i) {
        const auto f = static_cast<field>(i);
        EXPECT_EQ(hds::parse_field(hds::to_string(f)), f) << hds::to_string(f);
    }
    EXPECT_STREQ(hds::to_string(field::activity_3), "activity_3");
    EXPECT_STREQ(hds::to_string(field::certificate_number), "certificate_number");
    EXPECT_EQ(hds::parse_field("Company"), std::nullopt);
    EXPECT_EQ(hds::parse_field("activity_7"), std::nullopt);
}

TEST(mapping, header_synonyms_in_french_and_english)
{
    const std::pair<std::string, field> cases[] = {
        {"Raison sociale", field::company},
        {"RAISON SOCIALE :", field::company},
        {"Hébergeur", field::company},
        {"Hébergeur certifié", field::company},
        {"Nom de l'hébergeur", field::company},
        {"Nom de l’hébergeur", field::company},
        {"Nom hébergeur", field::company}, // without the noise words
        {"Société", field::company},
        {"Company name", field::company},
        {"Host", field::company},
        {"Activités", field::activities},
        {"Activités certifiées", field::activities},
        {"Périmètre de certification", field::activities},
        {"Scope", field::activities},
        {"Activité 1", field::activity_1},
        {"activite 2", field::activity_2},
        {"Activity 3", field::activity_3},
        {"A4", field::activity_4},
        {"5", field::activity_5},
        {"6°", field::activity_6},
        {"Type de certificat", field::certificate_type},
        {"Type", field::certificate_type},
        {"Certificate type", field::certificate_type},
        {"Type of certificate", field::certificate_type},
        {"Organisme certificateur", field::certifier},
        {"Organisme de certification", field::certifier},
        {"Certification body", field::certifier},
        {"Date de début", field::valid_from},
        {"Date de certification", field::valid_from},
        {"Date d'obtention", field::valid_from},
        {"Date de délivrance", field::valid_from},
        {"Début de validité", field::valid_from},
        {"Start date", field::valid_from},
        {"Date de fin", field::valid_to},
        {"Date d'expiration", field::valid_to},
        {"Date d'échéance", field::valid_to},
        {"Valable jusqu'au", field::valid_to},
        {"Fin de validité", field::valid_to},
        {"Valid until", field::valid_to},
        {"N° de certificat", field::certificate_number},
        {"Nº de certificat", field::certificate_number},
        {"Numéro du certificat", field::certificate_number}, // "du" for "de": noise words
        {"Numéro", field::certificate_number},
        {"Certificate No.", field::certificate_number},
        {"Référentiel", field::referential},
        {"Version du référentiel", field::referential},
        {"Standard version", field::referential},
    };
    for (const auto& [header, expected] : cases) EXPECT_EQ(hds::field_of_header(header), expected) << header;
}

// Activity labels come from the reference data (table activity_header), as ingest reads them.
TEST(mapping, activity_columns_named_by_the_reference_data_s_labels)
{
    const hds::testing_support::temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    const hds::header_overrides labels = hds::store::activity_headers(db.internal().db);
    const std::pair<std::string, field> cases[] = {
        {"Sites physiques", field::activity_1},
        {"Infrastructure matérielle", field::activity_2},
        {"Plateforme d'hébergement d'applications", field::activity_3},
        {"Infrastructure virtuelle", field::activity_4},
        {"Administration et exploitation", field::activity_5},
        {"Sauvegarde", field::activity_6},
        {"Physical sites", field::activity_1},
        {"Hardware infrastructure", field::activity_2},
        {"Application platform", field::activity_3},
        {"Virtual infrastructure", field::activity_4},
        {"Administration", field::activity_5},
        {"Backup", field::activity_6},
        {"Activité 4 : infrastructure virtuelle", field::activity_4},
        {"4° Infrastructure virtuelle", field::activity_4},
        {"Activité 4 : n'importe quoi", field::activity_4},
        {"Sauvegarde des données de santé", field::activity_6},
    };
    for (const auto& [header, expected] : cases) EXPECT_EQ(hds::field_of_header(header, labels), expected) << header;
    EXPECT_EQ(hds::field_of_header("1° Infrastructure virtuelle", labels), std::nullopt); // number and label disagree
    EXPECT_EQ(hds::field_of_header("Infrastructure virtuelle"), std::nullopt); // labels are not built in
}

TEST(mapping, headers_that_name_no_field)
{
    const std::string cases[] = {"", "   ", "Commentaire", "Date", "Activité 7", "7", "Adresse"};
    for (const auto& header : cases) EXPECT_EQ(hds::field_of_header(header), std::nullopt) << header;
}

TEST(mapping, overrides_win_over_synonyms)
{
    const hds::header_overrides overrides{{"nom", field::certifier}, {"prestataire", field::company}};
    EXPECT_EQ(hds::field_of_header("Nom", overrides), field::certifier);
    EXPECT_EQ(hds::field_of_header("Prestataire", overrides), field::company);
    EXPECT_EQ(hds::field_of_header("Prestataire"), std::nullopt);
}

TEST(mapping, finds_header_below_title_rows)
{
    const auto table = make_table({
        {"Liste des hébergeurs certifiés", "", ""},
        {"Mise à jour : juillet 2020"},
        {"Raison sociale", "Activités", "Organisme certificateur", "Commentaire", ""},
        {"OVH SAS", "1, 2, 3, 4, 6", "AFNOR", "", ""},
    }, 5);
    const auto mapping = hds::map_columns(table);
    EXPECT_EQ(mapping.header_row, 2U);
    const std::map<field, std::size_t> expected{{field::company, 0}, {field::activities, 1}, {field::certifier, 2}};
    EXPECT_EQ(mapping.columns, expected);
    EXPECT_EQ(mapping.ignored_columns, std::vector<std::string>{"Commentaire"});
}

TEST(mapping, maps_one_column_per_activity)
{
    const auto table = make_table({
        {"Nom", "1", "2", "3", "4", "5", "6", "Date de fin"},
        {"OVH", "X", "X", "X", "X", "", "X", "31/07/2023"},
    });
    const auto mapping = hds::map_columns(table);
    EXPECT_EQ(mapping.columns.at(field::company), 0U);
    EXPECT_EQ(mapping.columns.at(field::activity_1), 1U);
    EXPECT_EQ(mapping.columns.at(field::activity_6), 6U);
    EXPECT_EQ(mapping.columns.at(field::valid_to), 7U);
    EXPECT_EQ(mapping.columns.count(field::activities), 0U);
}

TEST(mapping, certificate_type_alone_stands_for_activities)
{
    const auto mapping = hds::map_columns(make_table({{"Hébergeur", "Type de certificat"}, {"OVH", "les deux"}}));
    EXPECT_EQ(mapping.columns.count(hds::field::activities), 0U);
    EXPECT_EQ(mapping.columns.at(hds::field::certificate_type), 1U);
}

TEST(mapping, find_header_is_nullopt_for_other_tables)
{
    EXPECT_EQ(hds::find_header(make_table({{"Menu", "Contact"}, {"Accueil", "Plan du site"}})), std::nullopt);
    // Only the first 10 rows are searched.
    std::vector<std::vector<std::string>> rows(10, std::vector<std::string>{"titre"});
    rows.push_back({"Raison sociale", "Activités"});
    rows.push_back({"OVH", "1"});
    EXPECT_EQ(hds::find_header(make_table(rows)), std::nullopt);
}

TEST(mapping, find_header_uses_overrides)
{
    const auto table = make_table({{"Prestataire", "Activités"}, {"OVH", "1"}});
    EXPECT_EQ(hds::find_header(table), std::nullopt);
    const auto mapping = hds::find_header(table, {{"prestataire", field::company}});
    ASSERT_TRUE(mapping.has_value());
    EXPECT_EQ(mapping->columns.at(field::company), 0U);
}

TEST(mapping, rejects_unusable_tables)
{
    struct error_case {
        const char* what;
        hds::readers::table table;
        std::string message;
    };
    const error_case cases[] = {
        {"empty", make_table({}), "liste.csv: empty file"},
        {"no company", make_table({{"Activités", "Organisme"}, {"1, 2", "AFNOR"}}, 3),
         "liste.csv:3: missing column \"company\" (raison sociale, hébergeur, nom, company)"},
        {"no activities", make_table({{"x"}, {"Raison sociale", "Organisme certificateur"}, {"OVH", "AFNOR"}}),
         "liste.csv:2: missing column \"activities\" (activités, périmètre, one column per activity, or type de "
         "certificat)"},
        {"some activity columns",
         make_table({{"Raison sociale", "Activité 1", "Activité 2", "Activité 3", "Activité 5", "Activité 6"},
                     {"OVH", "X", "X", "X", "", "X"}}),
         "liste.csv:1: missing column \"activity_4\" (activité 4; with one column per activity, all six are "
         "needed)"},
        {"two certifiers",
         make_table({{"Raison sociale", "Activités", "Certificateur", "Organisme de certification"},
                     {"OVH", "1", "AFNOR", "AFNOR"}}),
         "liste.csv:1: two columns name \"certifier\": \"Certificateur\" and \"Organisme de certification\""},
        {"header only", make_table({{"titre"}, {"Raison sociale", "Activités"}}, 7),
         "liste.csv:8: header only, no rows"},
    };
    for (const auto& c : cases) {
        const hds::error e = error_of([&] { (void)hds::map_columns(c.table); });
        EXPECT_EQ(e.kind(), hds::error_kind::input) << c.what;
        EXPECT_EQ(std::string(e.what()), c.message) << c.what;
    }
}

// Each test its own directory: CTest runs the tests of this suite in parallel processes.
class mapping_file : public testing::Test {
protected:
    mapping_file() : path_(dir_.path() / "mapping.json") {}
    void write(const std::string& content) const { std::ofstream(path_, std::ios::binary) << content; }

    hds::testing_support::temp_dir dir_;
    std::filesystem::path path_;
};

TEST_F(mapping_file, reads_columns)
{
    write(R"({"columns": {"Prestataire de service": "company", "Périm.": "activities", "Échéance": "valid_to"}})");
    const hds::header_overrides expected{{"prestataire de service", field::company},
                                         {"perim", field::activities},
                                         {"echeance", field::valid_to}};
    EXPECT_EQ(hds::load_mapping_file(path_), expected);
}

TEST_F(mapping_file, overrides_apply_to_any_spelling_of_the_header)
{
    write(R"({"columns": {"Échéance": "valid_to"}})");
    const auto overrides = hds::load_mapping_file(path_);
    EXPECT_EQ(hds::field_of_header("ECHEANCE :", overrides), field::valid_to);
}

TEST_F(mapping_file, rejects_bad_files)
{
    const std::string file = path_.string();
    const std::pair<std::string, std::string> cases[] = {
        {R"({"columns": {"Prestataire": "societe"}})",
         file + ": unknown field \"societe\" for column \"Prestataire\" (fields: company, activities, activity_1, "
                "activity_2, activity_3, activity_4, activity_5, activity_6, certificate_type, certifier, "
                "valid_from, valid_to, certificate_number, referential, provenance)"},
        {R"({"colonnes": {}})",
         file + ": expected {\"columns\": {\"Header as written\": \"field name\", ...}}"},
        {R"(["company"])", file + ": expected {\"columns\": {\"Header as written\": \"field name\", ...}}"},
        {R"({"columns": {"Nom": 3}})",
         file + ": column \"Nom\": expected {\"columns\": {\"Header as written\": \"field name\", ...}}"},
        {R"({"columns": {"--": "company"}})", file + ": column \"--\" has no letter or digit to match a header by"},
    };
    for (const auto& [content, message] : cases) {
        write(content);
        const hds::error e = error_of([&] { (void)hds::load_mapping_file(path_); });
        EXPECT_EQ(e.kind(), hds::error_kind::input) << content;
        EXPECT_EQ(std::string(e.what()), message) << content;
    }
}

TEST_F(mapping_file, rejects_invalid_json_with_its_position)
{
    write("{\"columns\": {\"Nom\": \"company\",}}");
    const hds::error e = error_of([&] { (void)hds::load_mapping_file(path_); });
    EXPECT_EQ(e.kind(), hds::error_kind::input);
    EXPECT_EQ(e.message().rfind("not valid JSON (at line 1, column ", 0), 0U) << e.message();
}

// Found by fuzz_mapping (tests/data/fuzz/mapping/number_overflow.json): a number beyond a double's range
// threw nlohmann's out_of_range, which nothing caught, and ended the process.
TEST(mapping, a_number_too_large_is_invalid_json_not_a_crash)
{
    const auto path = std::filesystem::path(HDS_TEST_DATA) / "fuzz" / "mapping" / "number_overflow.json";
    const hds::error e = error_of([&] { (void)hds::load_mapping_file(path); });
    EXPECT_EQ(e.kind(), hds::error_kind::input);
    EXPECT_EQ(e.message(), "not valid JSON (number overflow parsing '111111e1110')");
}

TEST(mapping, missing_mapping_file_is_an_io_error)
{
    const auto path = std::filesystem::path(testing::TempDir()) / "hds_no_such_mapping.json";
    const hds::error e = error_of([&] { (void)hds::load_mapping_file(path); });
    EXPECT_EQ(e.kind(), hds::error_kind::io);
    EXPECT_EQ(std::string(e.what()), path.string() + ": cannot read the file: No such file or directory");
}

// A directory used to read as an empty file and answer "not valid JSON".
TEST(mapping, a_directory_for_a_mapping_file_is_said_to_be_one)
{
    const auto path = std::filesystem::path(testing::TempDir());
    const hds::error e = error_of([&] { (void)hds::load_mapping_file(path); });
    EXPECT_EQ(e.kind(), hds::error_kind::io);
    EXPECT_EQ(std::string(e.what()), path.string() + ": is a directory, not a file");
}

} // namespace
