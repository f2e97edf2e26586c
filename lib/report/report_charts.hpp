// The report's six charts built from report_data: what each shows and in which order. The HTML draws them as
// SVG and the Markdown prints them as tables, so both show the same rows.
//
// Thread-safety: plain functions over values.
#pragma once

#include <vector>

#include "hds/report.hpp"
#include "report/charts.hpp"

namespace hds::report {

/** Companies across snapshots (in time), by positioning, share per activity, activities per company (by
 *  number), by nationality and by certifying body. Categories are sorted by count, largest first, ties by
 *  label; the time series and the number of activities keep their own order, which is what they show. */
std::vector<chart> charts_of(const report_data& data, report_language language);

} // namespace hds::report
