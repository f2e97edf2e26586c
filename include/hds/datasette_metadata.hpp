// Datasette's metadata.json for an hds database: title, source, license, the data's status, and a description
// of every table, view and column from schema_doc, with facets where they help (docs/cli.md).
//
// Thread-safety: as hds::database (one thread per handle).
#pragma once

#include <string>

#include "hds/database.hpp"

namespace hds {

/** The metadata.json Datasette reads (`datasette hds.db -m metadata.json`), as indented JSON ending in a newline.
 *  The database is keyed by its file's stem, as Datasette names it. The description states which snapshots
 *  the file holds and how many of the latest snapshot's companies carry a provenance note (what a
 *  reconstruction made up). Throws hds::error(database) when SQLite fails. */
std::string datasette_metadata(database& db);

} // namespace hds
