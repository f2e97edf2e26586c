#include "hds/findings.hpp"

#include "queries/row_mapping.hpp"
#include "store/connection.hpp"

namespace hds {

findings_report check_findings(database& db)
{
    return queries::guarded([&] {
        findings_report report;
        report.holds = true;
        SQLite::Statement query(connection(db), "SELECT id, kind, statement, from_snapshot, snapshot, view, expected, "
                                                "actual, comparison, status, holds FROM v_findings ORDER BY id");
        while (query.executeStep()) {
            finding f;
            f.id = query.getColumn(0).getString();
            f.kind = query.getColumn(1).getString();
            f.statement = query.getColumn(2).getString();
            f.from_snapshot = queries::optional_text(query.getColumn(3));
            f.snapshot = queries::optional_text(query.getColumn(4));
            f.view = query.getColumn(5).getString();
            f.expected = query.getColumn(6).getString();
            f.actual = query.getColumn(7).getString();
            f.comparison = query.getColumn(8).getString();
            f.status = query.getColumn(9).getString();
            f.holds = !query.getColumn(10).isNull() && query.getColumn(10).getInt() != 0;
            // A finding whose month has no snapshot neither holds nor fails (docs: cli-contract.md).
            if (!f.holds && !f.no_snapshot()) report.holds = false;
            report.findings.push_back(std::move(f));
        }
        return report;
    });
}

} // namespace hds
