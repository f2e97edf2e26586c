// The companies a snapshot lists, with their activities and certificates (views v_snapshot_company,
// v_listing, v_certificate).
//
// Thread-safety: as hds::database (one thread per handle).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "hds/activity.hpp"
#include "hds/certificate.hpp"
#include "hds/database.hpp"
#include "hds/snapshots.hpp"

namespace hds {

/// A certificate as a snapshot listed it.
struct certificate_info : certificate {
    std::string file; ///< where the snapshot listed it
    std::size_t line = 0;
};

struct company_info {
    std::string name; ///< the display name: the most recent spelling
    std::optional<std::string> nationality; ///< ISO 3166-1 alpha-2, from annotations
    std::optional<std::string> positioning; ///< positioning code, from annotations
    std::optional<std::string> group;
    activity_set activities;             ///< union over its certificates in the snapshot
    std::optional<std::string> provenance; ///< the note its rows carry on where their facts come from
    std::vector<std::string> certifiers; ///< distinct, sorted
    std::vector<certificate_info> certificates;
};

/// How much of each company for_each_company reads.
enum class company_detail {
    certificates, ///< everything, with each listed certificate and where it was listed
    summary,      ///< everything but `certificates`, left empty: name, annotations, activities, certifiers
};

struct company_filter {
    activity_set activities{};              ///< certified for all of these (default: no condition)
    std::optional<std::string> nationality{}; ///< ISO 3166-1 alpha-2, any case (default: any)
    std::optional<std::string> positioning{}; ///< positioning code (default: any)
};

/** The companies `snapshot` lists that pass `filter`, by name (ignoring case, accents and legal forms). Throws hds::error(usage) for a nationality
 *  that is not two letters or a positioning code the database does not know (the message lists them).
 *  Example: `hds::companies(db, snap, {.activities = {hds::activity_by_code(db, "backup")}})`. */
std::vector<company_info> companies(database& db, const snapshot_info& snapshot, const company_filter& filter = {});

/** The same companies, in the same order, handed to `on_company` one at a time, so that the output is never
 *  held whole (with `company_detail::certificates`, the snapshot's line index, 24 bytes a certificate, is).
 *  `company_detail::summary` leaves each company's `certificates` empty and reads neither their columns nor
 *  their lines: a third fewer instructions for a listing of names, activities and certifiers. */
void for_each_company(database& db, const snapshot_info& snapshot, const company_filter& filter,
                      const std::function<void(company_info&&)>& on_company,
                      company_detail detail = company_detail::certificates);

} // namespace hds
