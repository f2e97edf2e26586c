// Built against the installed hds: opens a database and prints its schema version.
#include <iostream>

#include <hds/hds.hpp>

int main(int argc, char** argv)
{
    if (argc != 2) return 2;
    auto db = hds::database::open(argv[1]);
    std::cout << "schema " << db.schema_version() << " of " << hds::database::schema_version_supported() << '\n';
    return db.schema_version() == hds::database::schema_version_supported() ? 0 : 1;
}
