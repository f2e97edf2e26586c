#include "readers/xlsx_reader.hpp"

#include <charconv>
#include <map>
#include <optional>
#include <utility>

#include "hds/error.hpp"
#include "readers/sheet_builder.hpp"
#include "readers/sheet_cells.hpp"
#include "readers/xml_events.hpp"
#include "readers/zip_archive.hpp"

namespace hds::readers {
namespace {

const std::string not_a_workbook_hint = "save it from Excel or LibreOffice as .xlsx, .ods or .csv";

std::optional<unsigned> number_of(std::optional<std::string_view> text)
{
    if (!text) return std::nullopt;
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size()) return std::nullopt;
    return value;
}

bool is_true(std::optional<std::string_view> text) { return text && (*text == "1" || *text == "true"); }

/// A part's relationships (_rels/*.rels): id → target part, resolved against the part's folder.
struct relationship {
    std::string type; ///< the URI; its last segment says what it is ("worksheet", "sharedStrings")
    std::string target;
};

class relationships_reader final : public xml_handler {
public:
    explicit relationships_reader(std::string folder) : folder_(std::move(folder)) {}
    std::map<std::string, relationship> found;

    void start(std::string_view name, const xml_attributes& a) override
    {
        if (name != "Relationship") return;
        const auto id = a.get("Id");
        const auto target = a.get("Target");
        if (!id || !target || a.get("TargetMode") == std::optional<std::string_view>("External")) return;
        found[std::string(*id)] = {std::string(a.get("Type").value_or("")), resolve(*target)};
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}

private:
    // "worksheets/sheet1.xml" from "xl/" → "xl/worksheets/sheet1.xml"; "/xl/..." is from the root.
    std::string resolve(std::string_view target) const
    {
        if (target.starts_with('/')) return std::string(target.substr(1));
        std::string base = folder_;
        while (target.starts_with("../")) {
            target.remove_prefix(3);
            const auto slash = base.find_last_of('/', base.size() >= 2 ? base.size() - 2 : 0);
            base = slash == std::string::npos ? "" : base.substr(0, slash + 1);
        }
        return base + std::string(target);
    }

    std::string folder_;
};

std::string type_of(const relationship& r)
{
    const auto slash = r.type.find_last_of('/');
    return slash == std::string::npos ? r.type : r.type.substr(slash + 1);
}

std::string folder_of(const std::string& part)
{
    const auto slash = part.find_last_of('/');
    return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

std::string rels_of(const std::string& part)
{
    const auto slash = part.find_last_of('/');
    if (slash == std::string::npos) return "_rels/" + part + ".rels";
    return part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

struct sheet_entry {
    std::string name;
    std::string relationship_id;
};

class workbook_reader final : public xml_handler {
public:
    std::vector<sheet_entry> sheets;
    date_system dates = date_system::from_1900;

    void start(std::string_view name, const xml_attributes& a) override
    {
        if (name == "workbookPr" && is_true(a.get("date1904"))) dates = date_system::from_1904;
        if (name == "sheet") sheets.push_back({std::string(a.get("name").value_or("")), std::string(a.get("id").value_or(""))});
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
};

/// For each cell style (the `s` of a cell, an index into cellXfs), whether it shows a date.
class styles_reader final : public xml_handler {
public:
    std::vector<bool> date_styles;

    void start(std::string_view name, const xml_attributes& a) override
    {
        if (name == "numFmt") {
            if (const auto id = number_of(a.get("numFmtId")))
                custom_[*id] = is_date_format_code(a.get("formatCode").value_or(""));
        } else if (name == "cellXfs") {
            in_cell_xfs_ = true;
        } else if (name == "xf" && in_cell_xfs_) {
            const unsigned id = number_of(a.get("numFmtId")).value_or(0);
            const auto custom = custom_.find(id);
            date_styles.push_back(custom != custom_.end() ? custom->second : is_builtin_date_format(id));
        }
    }
    void end(std::string_view name) override
    {
        if (name == "cellXfs") in_cell_xfs_ = false;
    }
    void text(std::string_view) override {}

private:
    std::map<unsigned, bool> custom_; // custom formats come before cellXfs in styles.xml
    bool in_cell_xfs_ = false;
};

/// The text of <t> elements inside `item` elements, leaving out phonetic readings (<rPh>): shared strings
/// (<si>) and inline strings (<is>) alike, plain or rich (runs <r><t>).
class string_text {
public:
    void start(std::string_view name)
    {
        if (name == "rPh") ++phonetic_;
        if (name == "t" && phonetic_ == 0) in_t_ = true;
    }
    void end(std::string_view name)
    {
        if (name == "rPh") --phonetic_;
        if (name == "t") in_t_ = false;
    }
    void text(std::string_view characters)
    {
        if (in_t_) value += characters;
    }
    std::string value;

private:
    int phonetic_ = 0;
    bool in_t_ = false;
};

class shared_strings_reader final : public xml_handler {
public:
    std::vector<std::string> strings;

    void start(std::string_view name, const xml_attributes&) override
    {
        if (name == "si") {
            item_.emplace();
            return;
        }
        if (item_) item_->start(name);
    }
    void end(std::string_view name) override
    {
        if (!item_) return;
        if (name == "si") {
            strings.push_back(std::move(item_->value));
            item_.reset();
            return;
        }
        item_->end(name);
    }
    void text(std::string_view characters) override
    {
        if (item_) item_->text(characters);
    }

private:
    std::optional<string_text> item_;
};

struct workbook_context {
    const std::vector<std::string>& shared_strings;
    const std::vector<bool>& date_styles;
    date_system dates;
};

/// A cell being read (outside worksheet_reader, where clang could not default-construct it for std::optional).
struct xlsx_cell {
    std::size_t column = 0;
    std::string type;
    bool date_style = false;
    std::string value;
};

class worksheet_reader final : public xml_handler {
public:
    worksheet_reader(sheet_builder& out, const workbook_context& workbook, const std::string& source,
                     const std::string& sheet)
        : out_(out), workbook_(workbook), source_(source), sheet_(sheet)
    {
    }

    void start(std::string_view name, const xml_attributes& a) override
    {
        if (name == "row") {
            const auto r = number_of(a.get("r"));
            row_ = r && *r > row_ ? *r : row_ + 1; // r is optional: then the row after the last
            out_.begin_row(row_);
            next_column_ = 0;
        } else if (name == "c") {
            cell_.emplace();
            const auto reference = a.get("r");
            const auto position = reference ? parse_cell_reference(*reference) : std::nullopt;
            if (reference && !position)
                throw error(error_kind::input, location{source_, row_, sheet_ + "!" + std::string(*reference)},
                            "not a cell reference inside the largest sheet (A1 to XFD1048576)");
            cell_->column = position ? position->column : next_column_;
            cell_->type = std::string(a.get("t").value_or("n"));
            const auto style = number_of(a.get("s")).value_or(0);
            cell_->date_style = style < workbook_.date_styles.size() && workbook_.date_styles[style];
        } else if (cell_) {
            if (name == "v") in_value_ = true;
            else if (name == "is") inline_.emplace();
            else if (inline_) inline_->start(name);
        }
    }

    void end(std::string_view name) override
    {
        if (name == "row") {
            out_.end_row();
        } else if (name == "c" && cell_) {
            out_.set(cell_->column, text_of(*cell_));
            next_column_ = cell_->column + 1;
            cell_.reset();
            inline_.reset();
        } else if (name == "v") {
            in_value_ = false;
        } else if (name == "is" && inline_) {
            cell_->value = std::move(inline_->value);
            inline_.reset();
        } else if (inline_) {
            inline_->end(name);
        }
    }

    void text(std::string_view characters) override
    {
        if (in_value_ && cell_) cell_->value += characters;
        else if (inline_) inline_->text(characters);
    }

private:
    std::string text_of(const xlsx_cell& c) const
    {
        const location at{source_, row_, cell_reference(sheet_, c.column, row_)};
        if (c.type == "s") {
            const auto index = number_of(c.value);
            if (!index || *index >= workbook_.shared_strings.size())
                throw error(error_kind::input, at, "shared string " + c.value + " does not exist (" +
                                                       std::to_string(workbook_.shared_strings.size()) + " in the workbook)");
            return workbook_.shared_strings[*index];
        }
        if (c.type == "b") return boolean_text(c.value == "1" || c.value == "true");
        if (c.type == "n" && c.date_style && !c.value.empty()) {
            if (auto date = date_of_serial(c.value, workbook_.dates)) return *date;
            throw error(error_kind::input, at, "date cell holds \"" + c.value + "\", not a day number");
        }
        return c.value; // numbers as written, "str" (a formula's text), "inlineStr", "e" (#N/A), "d" (ISO)
    }

    sheet_builder& out_;
    const workbook_context& workbook_;
    const std::string& source_;
    const std::string& sheet_;
    std::size_t row_ = 0;
    std::size_t next_column_ = 0;
    std::optional<xlsx_cell> cell_;
    std::optional<string_text> inline_;
    bool in_value_ = false;
};

std::map<std::string, relationship> relationships(zip_archive& zip, const std::string& part, const std::string& source)
{
    relationships_reader reader(folder_of(part));
    const std::string rels = rels_of(part);
    if (auto xml = zip.read(rels)) parse_xml(*xml, reader, source, rels);
    return std::move(reader.found);
}

} // namespace

std::vector<table> read_xlsx(std::string_view bytes, const std::string& source)
{
    zip_archive zip(bytes, source);

    // The package's relationships name the workbook part; Excel and LibreOffice call it xl/workbook.xml.
    std::string workbook_part = "xl/workbook.xml";
    for (const auto& [id, r] : relationships(zip, "", source))
        if (type_of(r) == "officeDocument") workbook_part = r.target;
    const auto workbook_xml = zip.read(workbook_part);
    if (!workbook_xml) {
        if (zip.read("mimetype") == std::optional<std::string>("application/vnd.oasis.opendocument.spreadsheet"))
            throw error(error_kind::input, location{source, 0},
                        "an OpenDocument spreadsheet, not an XLSX workbook: name it .ods or use --format ods");
        throw error(error_kind::input, location{source, 0},
                    "a ZIP archive without " + workbook_part + ", not an XLSX workbook; " + not_a_workbook_hint);
    }
    workbook_reader workbook;
    parse_xml(*workbook_xml, workbook, source, workbook_part);
    const auto parts = relationships(zip, workbook_part, source);

    shared_strings_reader strings;
    styles_reader styles;
    for (const auto& [id, r] : parts) {
        const std::string type = type_of(r);
        if (type != "sharedStrings" && type != "styles") continue;
        const auto xml = zip.read(r.target);
        if (!xml) continue; // a dangling reference: cells that need the part will say so
        if (type == "sharedStrings") parse_xml(*xml, strings, source, r.target);
        else parse_xml(*xml, styles, source, r.target);
    }
    const workbook_context context{strings.strings, styles.date_styles, workbook.dates};

    std::vector<table> sheets;
    for (const auto& entry : workbook.sheets) {
        sheet_builder builder(source, entry.name);
        const auto part = parts.find(entry.relationship_id);
        if (part != parts.end() && type_of(part->second) == "worksheet") {
            const auto xml = zip.read(part->second.target);
            if (!xml)
                throw error(error_kind::input, location{source, 0},
                            "sheet \"" + entry.name + "\" has no part " + part->second.target + " in the archive");
            worksheet_reader reader(builder, context, source, entry.name);
            parse_xml(*xml, reader, source, part->second.target);
        }
        table t = std::move(builder).finish();
        t.description = "xlsx sheet \"" + entry.name + "\"";
        sheets.push_back(std::move(t));
    }
    return sheets;
}

} // namespace hds::readers
