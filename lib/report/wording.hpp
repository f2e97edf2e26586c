// The report's words in French and English, and its numbers as each language writes them.
//
// Thread-safety: constant data and plain functions.
#pragma once

#include <cstddef>
#include <string>

#include "hds/report.hpp"

namespace hds::report {

/// Every field is a phrase (const char*), in the order of the table in wording.cpp.
struct wording {
    const char* lang;  ///< the HTML lang attribute
    const char* title; ///< "HDS report"
    const char* snapshot_of;   ///< "snapshot of" + date, in the heading
    const char* caption;       ///< "Snapshot of" + date, opening each chart's caption
    const char* companies;     ///< "companies" (unit and count)
    const char* share_unit;    ///< "% of companies"
    const char* snapshot_date; ///< the time axis
    const char* growth_title, *positioning_title, *activity_title, *activity_count_title, *nationality_title,
        *certifier_title;
    const char* findings_title, *changes_title, *no_previous;
    const char* id, *statement, *expected, *actual, *holds, *yes, *no, *no_snapshot;
    const char* entered, *left, *changed, *company, *activities, *added, *removed, *none;
    const char* unknown;          ///< a key the data does not give (no annotation, no certifier)
    const char* provenance_note;  ///< "companies carry a provenance note..." after "K of N"
    const char* of;               ///< "K of N"
    const char* generated_by;     ///< the footer, before "hds VERSION"
    const char* activity_one, *activity_many; ///< "1 activity", "2 activities"
    /// What the bar charts' categories are (the Markdown tables' first column).
    const char* positioning, *activity, *activity_count, *nationality, *certifier;
};

const wording& words_for(report_language language);

/// "104 companies" / "104 sociétés".
std::string count_text(std::size_t n, const wording& w);

/// count / total as a percentage with one decimal, the decimal mark of the language: "89,4 %", "89.4%".
std::string percent_text(std::size_t count, std::size_t total, report_language language);

/// The caption every chart carries: "Snapshot of 2020-07-31 · 104 companies".
std::string caption_of(const snapshot_info& snapshot, const wording& w);

} // namespace hds::report
