// The .xlsx and .ods readers on any bytes, two ways: the bytes as a whole workbook (the ZIP container, its
// bounds), and the bytes as the XML of a sheet inside a well-formed one (the XML handlers, which mutated ZIP
// bytes would rarely reach past the CRC check). Then the header search on every sheet.
#include "fuzz_support.hpp"
#include "mapping.hpp"
#include "readers/ods_reader.hpp"
#include "readers/xlsx_reader.hpp"
#include "zip_support.hpp"

namespace {

const std::string xlsx_workbook =
    R"(<workbook xmlns:r="urn:r"><workbookPr date1904="1"/><sheets><sheet name="S" r:id="r1"/></sheets></workbook>)";
const std::string xlsx_rels = R"(<Relationships><Relationship Id="r1" Type="/worksheet" Target="s.xml"/>)"
                              R"(<Relationship Id="r2" Type="/styles" Target="styles.xml"/></Relationships>)";
const std::string xlsx_styles = R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>)"
                                R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>)";

void headers(const std::vector<hds::readers::table>& sheets)
{
    for (const auto& sheet : sheets) (void)hds::find_header(sheet);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(hds::fuzz::text_of(data, size));
    hds::fuzz::refusals_allowed([&] { headers(hds::readers::read_xlsx(bytes, "fuzz.xlsx")); });
    hds::fuzz::refusals_allowed([&] { headers(hds::readers::read_ods(bytes, "fuzz.ods")); });
    using hds::testing_zip::zip_of;
    hds::fuzz::refusals_allowed([&] {
        headers(hds::readers::read_xlsx(zip_of({{"xl/workbook.xml", xlsx_workbook},
                                                {"xl/_rels/workbook.xml.rels", xlsx_rels},
                                                {"xl/styles.xml", xlsx_styles},
                                                {"xl/s.xml", bytes}}),
                                        "fuzz.xlsx"));
    });
    hds::fuzz::refusals_allowed([&] {
        headers(hds::readers::read_ods(
            zip_of({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", bytes}}), "fuzz.ods"));
    });
    return 0;
}
