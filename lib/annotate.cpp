#include "hds/annotate.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "company_key.hpp"
#include "hds/error.hpp"
#include "logger.hpp"
#include "readers/csv_reader.hpp"
#include "readers/read_file.hpp"
#include "readers/text_decoding.hpp"
#include "reference_codes.hpp"
#include "sqlite_error.hpp"
#include "store/companies.hpp"
#include "store/connection.hpp"
#include "text.hpp"

namespace hds {
namespace {

constexpr std::array<const char*, 5> known_columns = {"company", "nationality", "positioning", "group", "source"};

bool exists(SQLite::Database& db, const char* sql, const std::string& value)
{
    SQLite::Statement query(db, sql);
    query.bind(1, value);
    return query.executeStep();
}

std::optional<std::string> cell(const readers::row& row, const std::map<std::string, std::size_t>& columns,
                                const std::string& name)
{
    const auto column = columns.find(name);
    if (column == columns.end() || column->second >= row.cells.size()) return std::nullopt;
    std::string value = text::trim(row.cells[column->second]);
    if (value.empty()) return std::nullopt;
    return value;
}

} // namespace

annotate_summary annotate(database& db, const std::filesystem::path& csv)
{
    const std::string source = csv.string();
    const readers::decoded_text text = readers::decode_text(readers::read_file(csv), source);
    const readers::table table = readers::read_csv(text.utf8, source, readers::detect_delimiter(text.utf8));
    if (table.rows.empty()) throw error(error_kind::input, location{source, 0}, "empty file");

    std::map<std::string, std::size_t> columns;
    const readers::row& header = table.rows.front();
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        const std::string name = text::fold_words(header.cells[i]);
        if (name.empty()) continue;
        if (std::find(known_columns.begin(), known_columns.end(), name) == known_columns.end())
            throw error(error_kind::input, location{source, header.line},
                        "unknown column \"" + header.cells[i] +
                            "\" (expected company, nationality, positioning, group, source)");
        columns[name] = i;
    }
    for (const char* required : {"company", "nationality", "positioning"})
        if (!columns.count(required))
            throw error(error_kind::input, location{source, header.line},
                        std::string("missing column \"") + required + "\"");

    SQLite::Database& sql = connection(db);
    annotate_summary summary;
    try {
        SQLite::Transaction transaction(sql, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement update(sql, "UPDATE company SET nationality = ?, positioning = ?, group_name = ?, "
                                      "annotation_source = ? WHERE id = ?");
        std::map<std::int64_t, std::size_t> annotated_at;
        for (std::size_t i = 1; i < table.rows.size(); ++i) {
            const readers::row& row = table.rows[i];
            const location where{source, row.line};
            const auto name = cell(row, columns, "company");
            if (!name || company_key(*name).empty()) throw error(error_kind::input, where, "no company name");
            auto nationality = cell(row, columns, "nationality");
            if (nationality) {
                for (char& c : *nationality)
                    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
                if (auto problem = nationality_problem(sql, *nationality))
                    throw error(error_kind::input, where, *problem);
            }
            const auto positioning = cell(row, columns, "positioning");
            if (positioning)
                if (auto problem = positioning_problem(sql, *positioning))
                    throw error(error_kind::input, where, *problem);

            bool created = false;
            const std::int64_t company = store::find_or_create_company(sql, *name, created);
            if (auto [at, fresh] = annotated_at.emplace(company, row.line); !fresh)
                throw error(error_kind::input, where,
                            "\"" + *name + "\" is annotated twice (first at line " + std::to_string(at->second) + ")");
            if (!exists(sql, "SELECT 1 FROM company_span WHERE company_id = ?",
                        std::to_string(company)))
                summary.not_listed.push_back(*name);
            bind_optional(update, 1, nationality);
            bind_optional(update, 2, positioning);
            bind_optional(update, 3, cell(row, columns, "group"));
            bind_optional(update, 4, cell(row, columns, "source"));
            update.bind(5, company);
            update.exec();
            update.reset();
            ++summary.rows;
        }
        transaction.commit();
    } catch (const SQLite::Exception& e) {
        throw sqlite_error(e, db.path().string());
    }

    auto log = logger();
    log->info("{}: {} companies annotated", source, summary.rows);
    for (const auto& name : summary.not_listed)
        log->warn("{}: \"{}\" is listed by no snapshot yet; its annotation is kept for when it is", source, name);
    return summary;
}

} // namespace hds
