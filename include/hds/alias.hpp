// Declared aliases: a company renamed or merged, whose two names the normalised key cannot tell apart.
//
// Thread-safety: as hds::database (one thread per handle).
#pragma once

#include <string>

#include "hds/database.hpp"

namespace hds {

/** Declares that a company listed as `name` is the company `canonical` (e.g. "OVH" → "OVHcloud"): from
 *  now on, ingest and annotate resolve `name` to it. When `name` already is a company of its own, it is
 *  merged into `canonical`: its certificates and listings move over (a certificate both hold becomes one),
 *  a snapshot listing both lists one company with the union of their activities, and its annotations fill
 *  in those canonical lacks. Throws hds::error: not_found when `canonical` names no company; conflict when
 *  `name` already resolves to another company through an alias. */
void add_alias(database& db, const std::string& name, const std::string& canonical);

} // namespace hds
