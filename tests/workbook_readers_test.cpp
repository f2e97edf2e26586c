// The .xlsx and .ods readers on workbooks LibreOffice saved (tests/data/spreadsheets, made by
// make-spreadsheets from the CSV files there), and on parts written here for what LibreOffice never writes.
#include "readers/ods_reader.hpp"
#include "readers/read_file.hpp"
#include "readers/xlsx_reader.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "hds/database.hpp"
#include "hds/error.hpp"
#include "hds/ingest.hpp"
#include "test_support.hpp"
#include "zip_support.hpp"

namespace {

using namespace hds::readers;
using hds::testing_zip::zip_of;

const std::string spreadsheets = std::string(HDS_TEST_DATA) + "/spreadsheets/";

struct workbook_case {
    const char* file;
    std::function<std::vector<table>(std::string_view, const std::string&)> read;
    const char* format;
};

class saved_workbook : public testing::TestWithParam<workbook_case> {
protected:
    std::vector<table> read() const
    {
        const std::string bytes = read_file(spreadsheets + GetParam().file);
        return GetParam().read(bytes, GetParam().file);
    }
};

const table& sheet_named(const std::vector<table>& sheets, const std::string& name)
{
    for (const auto& t : sheets)
        if (t.sheet == name) return t;
    throw std::runtime_error("no sheet " + name);
}

TEST_P(saved_workbook, lists_every_sheet_in_order)
{
    const auto sheets = read();
    ASSERT_EQ(sheets.size(), 3U);
    EXPECT_EQ(sheets[0].sheet, "Lisez-moi");
    EXPECT_EQ(sheets[1].sheet, "Liste");
    EXPECT_EQ(sheets[2].sheet, "Archive");
    EXPECT_EQ(sheets[1].description, std::string(GetParam().format) + " sheet \"Liste\"");
    EXPECT_EQ(sheets[1].source, GetParam().file);
}

TEST_P(saved_workbook, rows_keep_their_sheet_row_numbers_and_blank_rows_are_left_out)
{
    const auto sheets = read();
    const auto& liste = sheet_named(sheets, "Liste");
    std::vector<std::size_t> lines;
    for (const auto& r : liste.rows) lines.push_back(r.line);
    // 1: the merged title; 2: blank; 3-4: the header, merged down (4 is covered cells only); 5-7 and 9-11: the
    // six registry rows, around the blank row 8.
    EXPECT_EQ(lines, (std::vector<std::size_t>{1, 3, 5, 6, 7, 9, 10, 11}));
}

TEST_P(saved_workbook, merged_and_styled_cells_read_as_shown)
{
    const auto sheets = read();
    const auto& liste = sheet_named(sheets, "Liste");
    EXPECT_EQ(liste.rows[0].cells, (std::vector<std::string>{"Liste des hébergeurs certifiés"}));
    // "Raison sociale" is two runs, one red; the header's cells are merged down over row 4.
    EXPECT_EQ(liste.rows[1].cells,
              (std::vector<std::string>{"Raison sociale", "Type de certificat", "Activités", "Organisme certificateur",
                                        "Date de certification", "Date d'expiration", "N° de certificat"}));
}

TEST_P(saved_workbook, dates_numbers_and_strings_read_as_the_csv_path_parses_them)
{
    const auto sheets = read();
    const auto& liste = sheet_named(sheets, "Liste");
    EXPECT_EQ(liste.rows[2].cells, (std::vector<std::string>{"Alpha Cloud", "Hébergeur infogéreur", "3, 4", "Certificateur Un",
                                                            "2020-02-01", "2023-01-31", "1001"}));
    // A leap day, and a single activity typed as a number.
    EXPECT_EQ(liste.rows[4].cells,
              (std::vector<std::string>{"Délta Médical", "Hébergeur d'infrastructure physique", "1",
                                        "Certificateur Un", "2020-02-29", "2023-02-28", "1003"}));
    // Empty cells at the end of a row are not there at all.
    EXPECT_EQ(liste.rows[7].cells, (std::vector<std::string>{"Zêta Infogérance", "Hébergeur infogéreur", "5"}));
}

TEST_P(saved_workbook, booleans_read_as_marks)
{
    const auto sheets = read();
    const auto& archive = sheet_named(sheets, "Archive");
    ASSERT_EQ(archive.rows.size(), 5U);
    EXPECT_EQ(archive.rows[2].cells, (std::vector<std::string>{"Alpha Cloud", "", "", "Oui", "Oui", "", "", "2022-01-31"}));
}

TEST_P(saved_workbook, a_sheet_without_a_registry_is_read_like_the_others)
{
    const auto sheets = read();
    const auto& readme = sheet_named(sheets, "Lisez-moi");
    ASSERT_EQ(readme.rows.size(), 2U);
    EXPECT_EQ(readme.rows[0].cells, (std::vector<std::string>{"Registre des hébergeurs de données de santé"}));
}

INSTANTIATE_TEST_SUITE_P(workbook_readers, saved_workbook,
                         testing::Values(workbook_case{"registry.xlsx", read_xlsx, "xlsx"},
                                         workbook_case{"registry-1904.xlsx", read_xlsx, "xlsx"},
                                         workbook_case{"registry.ods", read_ods, "ods"}),
                         [](const auto& param_info) {
                             std::string name = param_info.param.file;
                             for (char& c : name)
                                 if (c == '.' || c == '-') c = '_';
                             return name;
                         });

/// The message of the hds::error(input) that reading `bytes` throws, or "" when nothing is thrown.
std::string refusal(const std::function<std::vector<table>(std::string_view, const std::string&)>& reader,
                    const std::string& bytes)
{
    try {
        reader(bytes, "w");
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::input);
        return e.what();
    }
    return "";
}

const std::string xlsx_workbook = R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const std::string xlsx_rels = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/s.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>)";

std::string xlsx_with_sheet(const std::string& sheet_data, const std::string& shared = "<sst/>")
{
    return zip_of({{"xl/workbook.xml", xlsx_workbook},
                   {"xl/_rels/workbook.xml.rels", xlsx_rels},
                   {"xl/sharedStrings.xml", shared},
                   {"xl/worksheets/s.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                                               sheet_data + "</sheetData></worksheet>"}});
}

TEST(xlsx_reader, reads_inline_and_rich_strings_and_leaves_out_phonetic_readings)
{
    const auto sheets = read_xlsx(
        xlsx_with_sheet(R"(<row r="2"><c r="B2" t="inlineStr"><is><t>Alpha</t></is></c><c r="D2" t="s"><v>0</v></c>)"
                        R"(<c r="E2" t="str"><v>formula text</v></c><c r="F2" t="e"><v>#N/A</v></c></row>)",
                        R"(<sst><si><r><t>Bêta </t></r><r><rPr><b/></rPr><t>Santé</t></r><rPh><t>ベータ</t></rPh></si></sst>)"),
        "w.xlsx");
    ASSERT_EQ(sheets.size(), 1U);
    ASSERT_EQ(sheets[0].rows.size(), 1U);
    EXPECT_EQ(sheets[0].rows[0].line, 2U);
    EXPECT_EQ(sheets[0].rows[0].cells, (std::vector<std::string>{"", "Alpha", "", "Bêta Santé", "formula text", "#N/A"}));
}

// A duplicate is found by the store, not the sheet's reader: its error names the sheet's row all the same.
TEST(xlsx_reader, a_duplicate_row_is_named_by_its_sheet_and_row)
{
    const hds::testing_support::temp_dir dir;
    const auto file = dir.write("dup.xlsx", xlsx_with_sheet(
        R"(<row r="1"><c r="A1" t="inlineStr"><is><t>Raison sociale</t></is></c><c r="B1" t="inlineStr"><is><t>Activités</t></is></c></row>)"
        R"(<row r="2"><c r="A2" t="inlineStr"><is><t>EBRC</t></is></c><c r="B2"><v>1</v></c></row>)"
        R"(<row r="4"><c r="A4" t="inlineStr"><is><t>EBRC SA</t></is></c><c r="B4"><v>1</v></c></row>)"));
    auto db = hds::database::open(dir.path() / "t.db", hds::open_mode::create);
    try {
        hds::ingest_snapshot(db, {file}, {.date = "2020-07-31"});
        ADD_FAILURE() << "a duplicate row was taken";
    } catch (const hds::error& e) {
        EXPECT_EQ(std::string(e.what()), file.string() + ":S!4:4: duplicate row: the same certificate as row 2");
    }
}

TEST(xlsx_reader, refuses_what_no_workbook_holds_with_one_clear_line)
{
    struct refusal_case {
        std::string bytes;
        std::string says;
    };
    const std::vector<refusal_case> cases = {
        {"not a zip at all", "w: not a ZIP archive (no central directory)"},
        {zip_of({{"hello.txt", "hi"}}),
         "w: a ZIP archive without xl/workbook.xml, not an XLSX workbook; save it from Excel or LibreOffice as .xlsx, .ods or .csv"},
        {zip_of({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}}),
         "w: an OpenDocument spreadsheet, not an XLSX workbook: name it .ods or use --format ods"},
        {zip_of({{"xl/workbook.xml", "<workbook><sheets>"}}), "w: xl/workbook.xml:1: malformed XML (no element found)"},
        {zip_of({{"xl/workbook.xml", "<!DOCTYPE w [<!ENTITY a \"aaaa\">]><workbook/>"}}),
         "w: xl/workbook.xml: a DOCTYPE, which no spreadsheet program writes"},
        {xlsx_with_sheet(R"(<row r="3"><c r="C3" t="s"><v>4</v></c></row>)"),
         "w:S!C3: shared string 4 does not exist (0 in the workbook)"},
        {xlsx_with_sheet(R"(<row r="3"><c r="XFE3"><v>1</v></c></row>)"),
         "w:S!XFE3: not a cell reference inside the largest sheet (A1 to XFD1048576)"},
        {xlsx_with_sheet(R"(<row r="1048577"><c><v>1</v></c></row>)"),
         "w:S!1048577:1048577: row beyond the largest sheet (1048576 rows)"},
        {zip_of({{"xl/workbook.xml", xlsx_workbook}, {"xl/_rels/workbook.xml.rels", xlsx_rels}}),
         "w: sheet \"S\" has no part xl/worksheets/s.xml in the archive"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.says);
        EXPECT_EQ(refusal(read_xlsx, c.bytes), c.says);
    }
}

std::string ods_with_content(const std::string& table_body)
{
    return zip_of({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                   {"content.xml",
                    R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
                    R"( xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0")"
                    R"( xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>)"
                    R"(<table:table table:name="F">)" +
                        table_body + "</table:table></office:spreadsheet></office:body></office:document-content>"}});
}

TEST(ods_reader, repeats_cells_and_rows_up_to_the_last_value_only)
{
    const auto sheets = read_ods(
        ods_with_content(
            R"(<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>)"
            R"(<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2"/>)"
            R"(<table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell>)"
            R"(<table:table-cell table:number-columns-repeated="16000"/></table:table-row>)"
            R"(<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>)"),
        "w.ods");
    ASSERT_EQ(sheets.size(), 1U);
    ASSERT_EQ(sheets[0].rows.size(), 2U);
    EXPECT_EQ(sheets[0].rows[0].line, 4U);
    EXPECT_EQ(sheets[0].rows[1].line, 5U);
    EXPECT_EQ(sheets[0].rows[1].cells, (std::vector<std::string>{"", "", "x", "x"}));
}

TEST(ods_reader, reads_paragraphs_spans_and_spaces_and_leaves_out_comments)
{
    const auto sheets = read_ods(
        ods_with_content(
            R"(<table:table-row><table:table-cell office:value-type="string">)"
            R"(<office:annotation><text:p>a comment</text:p></office:annotation>)"
            R"(<text:p><text:span>Bêta</text:span><text:s text:c="2"/>Santé</text:p><text:p>second line</text:p></table:table-cell>)"
            R"(<table:covered-table-cell/>)"
            R"(<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>VRAI</text:p></table:table-cell>)"
            R"(<table:table-cell office:value-type="float" office:value="12.5"><text:p>12,50</text:p></table:table-cell>)"
            R"(<table:table-cell office:value-type="date" office:date-value="2020-07-31T00:00:00"><text:p>31/07/20</text:p></table:table-cell>)"
            R"(</table:table-row>)"),
        "w.ods");
    ASSERT_EQ(sheets.size(), 1U);
    ASSERT_EQ(sheets[0].rows.size(), 1U);
    EXPECT_EQ(sheets[0].rows[0].cells,
              (std::vector<std::string>{"Bêta  Santé\nsecond line", "", "Oui", "12.5", "2020-07-31T00:00:00"}));
}

TEST(ods_reader, refuses_what_no_spreadsheet_holds_with_one_clear_line)
{
    struct refusal_case {
        std::string bytes;
        std::string says;
    };
    const std::vector<refusal_case> cases = {
        {zip_of({{"mimetype", "application/vnd.oasis.opendocument.text"}}),
         "w: an OpenDocument file of type application/vnd.oasis.opendocument.text, not a spreadsheet"},
        {zip_of({{"xl/workbook.xml", "<workbook/>"}}),
         "w: an XLSX workbook, not an OpenDocument spreadsheet: name it .xlsx or use --format xlsx"},
        {zip_of({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}}), "w: no content.xml in the spreadsheet"},
        {ods_with_content("<table:table-row>"), "w: content.xml:1: malformed XML (mismatched tag)"},
        {ods_with_content(R"(<table:table-row><table:table-cell office:value-type="float" office:value="1")"
                          R"( table:number-columns-repeated="16385"/></table:table-row>)"),
         "w:F!1:1: a cell repeated past column XFD, the last of the largest sheet"},
        // 1,000 cells a row, a million rows: the bound stops it after 5,000 rows, not after a gigabyte.
        {ods_with_content(R"(<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float")"
                          R"( office:value="1" table:number-columns-repeated="1000"/></table:table-row>)"),
         "w:F!A5001: more than 5000000 cells in the sheet (a registry has thousands)"},
        {ods_with_content(R"(<table:table-row><table:table-cell><text:p><text:s text:c="2000000"/></text:p></table:table-cell></table:table-row>)"),
         "w:F!A1: a cell of more than 1 MiB (a registry cell is a few words)"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.says);
        EXPECT_EQ(refusal(read_ods, c.bytes), c.says);
    }
}

} // namespace
