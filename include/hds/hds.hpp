// The hds library: the French registry of certified health-data hosts (HDS) in SQLite.
// Includes every public header; include only the ones you use if you prefer.
#pragma once

#include "hds/activity.hpp"
#include "hds/alias.hpp"
#include "hds/annotate.hpp"
#include "hds/as_of.hpp"
#include "hds/breakdown.hpp"
#include "hds/certificate.hpp"
#include "hds/companies.hpp"
#include "hds/database.hpp"
#include "hds/datasette_metadata.hpp"
#include "hds/diff.hpp"
#include "hds/error.hpp"
#include "hds/findings.hpp"
#include "hds/ingest.hpp"
#include "hds/log.hpp"
#include "hds/reference_data.hpp"
#include "hds/report.hpp"
#include "hds/schema_doc.hpp"
#include "hds/snapshots.hpp"
