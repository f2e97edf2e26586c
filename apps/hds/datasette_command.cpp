#include <filesystem>
#include <iostream>
#include <memory>

#include "hds/database.hpp"
#include "hds/datasette_metadata.hpp"
#include "publishing_commands.hpp"

namespace hds::cli {

void add_datasette_metadata_command(CLI::App& app, action_list& actions)
{
    auto db = std::make_shared<std::filesystem::path>();
    auto* command = app.add_subcommand(
        "datasette-metadata", "Print Datasette's metadata.json for the database: title, source, license, the data's "
                              "status, a description of every table, view and column, facets");
    command->add_option("DB", *db, "The hds database (SQLite file); it must exist")->required()->type_name("PATH");
    command->footer("Example:\n  hds datasette-metadata hds.db > metadata.json && datasette hds.db -m metadata.json");
    actions.emplace_back(command, [db] {
        database opened = database::open(*db, open_mode::existing);
        std::cout << datasette_metadata(opened);
        return 0;
    });
}

} // namespace hds::cli
