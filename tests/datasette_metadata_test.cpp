#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "hds/database.hpp"
#include "hds/datasette_metadata.hpp"
#include "hds/ingest.hpp"
#include "test_support.hpp"

namespace {

using hds::testing_support::temp_dir;
using json = nlohmann::json;

TEST(datasette_metadata, describes_every_table_view_and_column_of_the_database)
{
    const temp_dir dir;
    const auto path = dir.path() / "registry.db"; // Datasette names the database "registry"
    auto db = hds::database::open(path);
    const json metadata = json::parse(hds::datasette_metadata(db)); // throws on invalid JSON
    for (const char* key : {"title", "description", "source", "license"})
        EXPECT_FALSE(metadata.at(key).get<std::string>().empty()) << key;
    const json& tables = metadata.at("databases").at("registry").at("tables");

    SQLite::Database sql(path.string());
    SQLite::Statement schema(sql, "SELECT m.name, p.name FROM sqlite_schema m JOIN pragma_table_info(m.name) p "
                                  "WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%'");
    std::size_t columns = 0;
    while (schema.executeStep()) {
        const std::string object = schema.getColumn(0).getString(), column = schema.getColumn(1).getString();
        ++columns;
        ASSERT_TRUE(tables.contains(object)) << object;
        EXPECT_FALSE(tables[object].at("description").get<std::string>().empty()) << object;
        ASSERT_TRUE(tables[object].at("columns").contains(column)) << object << "." << column;
        EXPECT_FALSE(tables[object]["columns"][column].get<std::string>().empty()) << object << "." << column;
    }
    EXPECT_GT(columns, 240U); // the schema was read (fewer views since the findings became data)
}

TEST(datasette_metadata, facets_on_positioning_nationality_and_activity_name_real_columns)
{
    const temp_dir dir;
    const auto path = dir.path() / "registry.db"; // Datasette names the database "registry"
    auto db = hds::database::open(path);
    const json tables = json::parse(hds::datasette_metadata(db))["databases"]["registry"]["tables"];
    const auto facets_of = [&](const char* object) { return tables.at(object).at("facets"); };
    EXPECT_NE(facets_of("v_snapshot_company").dump().find("\"positioning\""), std::string::npos);
    EXPECT_NE(facets_of("v_snapshot_company").dump().find("\"nationality\""), std::string::npos);
    EXPECT_NE(facets_of("v_snapshot_company_activity").dump().find("\"activity\""), std::string::npos);
    for (const auto& [object, table] : tables.items()) {
        if (!table.contains("facets")) continue;
        for (const auto& facet : table["facets"])
            EXPECT_TRUE(table.at("columns").contains(facet.get<std::string>())) << object << ": " << facet;
    }
}

TEST(datasette_metadata, states_the_snapshots_and_how_many_companies_carry_a_provenance_note)
{
    const temp_dir dir;
    const auto path = dir.path() / "registry.db"; // Datasette names the database "registry"
    auto db = hds::database::open(path);
    EXPECT_NE(json::parse(hds::datasette_metadata(db))["description"].get<std::string>().find("no snapshot yet"),
              std::string::npos);

    const auto csv = dir.write("list.csv", "Raison sociale;Type de certificat;Activités;provenance\n"
                                            "Alpha;Hébergeur infogéreur;3, 4;reconstructed: activities\n"
                                            "Beta;Hébergeur infogéreur;5;\n");
    hds::ingest_snapshot(db, {csv}, {.date = "2020-07-31", .label = "test list"});
    const std::string description = json::parse(hds::datasette_metadata(db))["description"];
    EXPECT_NE(description.find("2020-07-31 (2 companies, test list)"), std::string::npos) << description;
    EXPECT_NE(description.find("1 of 2 companies carry a provenance note"), std::string::npos) << description;
}

} // namespace
