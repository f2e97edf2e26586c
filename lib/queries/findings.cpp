#include "hds/findings.hpp"

#include "queries/row_mapping.hpp"
#include "store/connection.hpp"

namespace hds {

findings_report check_findings(database& db)
{
    return queries::guarded([&] {
        findings_report report;
        report.holds = true;
        SQLite::Statement query(connection(db), "SELECT id, statement, snapshot, view, expected, actual, comparison, "
                                                "holds FROM v_findings ORDER BY id");
        while (query.executeStep()) {
            finding f;
            f.id = query.getColumn(0).getString();
            f.statement = query.getColumn(1).getString();
            f.snapshot = queries::optional_text(query.getColumn(2));
            f.view = query.getColumn(3).getString();
            f.expected = query.getColumn(4).getString();
            f.actual = query.getColumn(5).getString();
            f.comparison = query.getColumn(6).getString();
            f.holds = query.getColumn(7).getInt() != 0;
            report.holds = report.holds && f.holds;
            report.findings.push_back(std::move(f));
        }
        return report;
    });
}

} // namespace hds
