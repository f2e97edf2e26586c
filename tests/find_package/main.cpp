// Built against the installed hds: opens a database, prints its schema version, and ingests one CSV file
// (libcsv, iconv) and one HTML page (gumbo), so that the link needs every dependency of the library.
// Usage: consumer DB SHAPES_DIR (tests/data/shapes).
#include <filesystem>
#include <iostream>

#include <hds/hds.hpp>

int main(int argc, char** argv)
{
    if (argc != 3) return 2;
    hds::set_log_level(hds::log_level::warning);
    auto db = hds::database::open(argv[1]);
    std::cout << "schema " << db.schema_version() << " of " << hds::database::schema_version_supported() << '\n';
    if (db.schema_version() != hds::database::schema_version_supported()) return 1;
    const std::filesystem::path shapes = argv[2];
    for (const auto& [file, date] :
         {std::pair{"registry-a.csv", "2020-07-31"}, std::pair{"registry-c.html", "2021-09-01"}}) {
        const auto summary = hds::ingest_snapshot(db, {shapes / file}, {.date = date});
        std::cout << file << ": " << summary.companies << " companies\n";
        if (summary.companies == 0) return 1;
    }
    return 0;
}
