#include "readers/ods_reader.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <utility>

#include "hds/error.hpp"
#include "readers/sheet_builder.hpp"
#include "readers/sheet_cells.hpp"
#include "readers/xml_events.hpp"
#include "readers/zip_archive.hpp"

namespace hds::readers {
namespace {

constexpr std::string_view spreadsheet_mimetype = "application/vnd.oasis.opendocument.spreadsheet";
constexpr std::size_t max_cell_bytes = 1U << 20U;

std::size_t repeat_of(std::optional<std::string_view> text)
{
    std::size_t value = 1;
    if (!text) return value;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value == 0) return 1;
    return std::min(value, max_sheet_rows + 1); // more is past the edge of any sheet already
}

/// A cell being read (outside content_reader, where clang could not default-construct it for std::optional).
struct ods_cell {
    std::size_t repeat = 1;
    std::size_t depth = 0;
    std::optional<std::string> value;
    bool from_text = true;
    std::string text;
    std::size_t paragraphs = 0;
    bool in_paragraph = false;
};

class content_reader final : public xml_handler {
public:
    explicit content_reader(const std::string& source) : source_(source) {}
    std::vector<table> sheets;

    void start(std::string_view name, const xml_attributes& a) override
    {
        ++depth_;
        if (skip_depth_ != 0) return;
        if (name == "table" && !sheet_) {
            sheet_.emplace(source_, std::string(a.get("name").value_or("")));
            name_ = std::string(a.get("name").value_or(""));
            row_ = 0;
        } else if (sheet_ && name == "table-row" && !in_row_) {
            in_row_ = true;
            row_repeat_ = repeat_of(a.get("number-rows-repeated"));
            cells_.clear();
            column_ = 0;
        } else if (in_row_ && (name == "table-cell" || name == "covered-table-cell") && !cell_) {
            cell_.emplace();
            cell_->repeat = repeat_of(a.get("number-columns-repeated"));
            cell_->depth = depth_;
            const std::string_view type = a.get("value-type").value_or("");
            if (type == "date") cell_->value = std::string(a.get("date-value").value_or(""));
            else if (type == "boolean") cell_->value = boolean_text(a.get("boolean-value") == std::optional<std::string_view>("true"));
            else if (type == "float" || type == "percentage" || type == "currency")
                cell_->value = std::string(a.get("value").value_or(""));
            else if (type == "string" && a.get("string-value")) cell_->value = std::string(*a.get("string-value"));
            // Otherwise (text, time, no type) the paragraphs are the value.
            cell_->from_text = !cell_->value;
        } else if (cell_) {
            // Comments and shapes anchored in a cell hold paragraphs too, which are not its value.
            if (name == "annotation" || name == "frame" || name == "custom-shape" || name == "note") {
                skip_depth_ = depth_;
            } else if (name == "p" && depth_ == cell_->depth + 1) {
                if (cell_->paragraphs++ > 0) cell_->text += '\n';
                cell_->in_paragraph = true;
            } else if (name == "s") {
                // A few bytes may ask for a million spaces, again and again: a cell stays under a row's CSV bound.
                const std::size_t spaces = repeat_of(a.get("c"));
                if (cell_->text.size() + spaces > max_cell_bytes)
                    throw error(error_kind::input, location{source_, row_ + 1, cell_reference(name_, column_, row_ + 1)},
                                "a cell of more than 1 MiB (a registry cell is a few words)");
                cell_->text.append(spaces, ' ');
            } else if (name == "tab") {
                cell_->text += '\t';
            } else if (name == "line-break") {
                cell_->text += '\n';
            }
        }
    }

    void end(std::string_view name) override
    {
        const std::size_t depth = depth_--;
        if (skip_depth_ != 0) {
            if (depth == skip_depth_) skip_depth_ = 0;
            return;
        }
        if (cell_ && depth == cell_->depth) {
            end_cell();
        } else if (cell_ && name == "p" && depth == cell_->depth + 1) {
            cell_->in_paragraph = false;
        } else if (in_row_ && name == "table-row") {
            end_row();
        } else if (sheet_ && name == "table" && !in_row_) {
            table t = std::move(*sheet_).finish();
            t.description = "ods sheet \"" + name_ + "\"";
            sheets.push_back(std::move(t));
            sheet_.reset();
        }
    }

    void text(std::string_view characters) override
    {
        if (skip_depth_ == 0 && cell_ && cell_->in_paragraph) cell_->text += characters;
    }

private:
    void end_cell()
    {
        std::string value = cell_->from_text ? std::move(cell_->text) : std::move(*cell_->value);
        const std::size_t repeat = cell_->repeat;
        cell_.reset();
        if (value.empty()) { // LibreOffice ends each row with empty cells repeated to the last column
            column_ += repeat;
            return;
        }
        if (column_ + repeat > max_sheet_columns) repeat_past_the_edge();
        for (std::size_t i = 0; i < repeat; ++i) cells_.emplace_back(column_ + i, value);
        column_ += repeat;
    }

    void end_row()
    {
        in_row_ = false;
        if (cells_.empty()) { // blank rows, however many, take no memory
            row_ += row_repeat_;
            return;
        }
        for (std::size_t r = 0; r < row_repeat_; ++r) {
            sheet_->begin_row(++row_);
            for (const auto& [column, value] : cells_) sheet_->set(column, value);
            sheet_->end_row();
        }
    }

    [[noreturn]] void repeat_past_the_edge() const
    {
        throw error(error_kind::input, location{source_, row_ + 1, row_reference(name_, row_ + 1)},
                    "a cell repeated past column XFD, the last of the largest sheet");
    }

    const std::string& source_;
    std::optional<sheet_builder> sheet_;
    std::string name_;
    std::size_t row_ = 0;
    std::size_t row_repeat_ = 1;
    bool in_row_ = false;
    std::vector<std::pair<std::size_t, std::string>> cells_; // the current row's non-empty cells
    std::size_t column_ = 0;
    std::optional<ods_cell> cell_;
    std::size_t depth_ = 0;
    std::size_t skip_depth_ = 0;
};

} // namespace

std::vector<table> read_ods(std::string_view bytes, const std::string& source)
{
    zip_archive zip(bytes, source);
    const auto mimetype = zip.read("mimetype");
    if (!mimetype || *mimetype != spreadsheet_mimetype) {
        if (zip.read("xl/workbook.xml"))
            throw error(error_kind::input, location{source, 0},
                        "an XLSX workbook, not an OpenDocument spreadsheet: name it .xlsx or use --format xlsx");
        throw error(error_kind::input, location{source, 0},
                    mimetype ? "an OpenDocument file of type " + *mimetype + ", not a spreadsheet"
                             : "a ZIP archive without a mimetype entry, not an OpenDocument spreadsheet; save it "
                               "from LibreOffice or Excel as .ods, .xlsx or .csv");
    }
    const auto content = zip.read("content.xml");
    if (!content) throw error(error_kind::input, location{source, 0}, "no content.xml in the spreadsheet");
    content_reader reader(source);
    parse_xml(*content, reader, source, "content.xml");
    return std::move(reader.sheets);
}

} // namespace hds::readers
