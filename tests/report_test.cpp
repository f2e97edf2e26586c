#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "hds/annotate.hpp"
#include "hds/breakdown.hpp"
#include "hds/database.hpp"
#include "hds/diff.hpp"
#include "hds/error.hpp"
#include "hds/findings.hpp"
#include "hds/ingest.hpp"
#include "hds/report.hpp"
#include "hds/snapshots.hpp"
#include "test_support.hpp"
#include "xml_support.hpp"

namespace {

using hds::testing_support::parse_xml;
using hds::testing_support::read_bytes;
using hds::testing_support::temp_dir;
using hds::testing_support::xml_document;

/// The bars a chart of the report draws: data-key → data-count, and the value label shown at each bar.
struct drawn_bar {
    std::size_t count = 0;
    std::string value_text;
};

std::map<std::string, drawn_bar> bars_of(const xml_document& doc, const std::string& chart)
{
    std::map<std::string, drawn_bar> out;
    for (std::size_t i = 0; i < doc.elements.size(); ++i) {
        const auto& e = doc.elements[i];
        if (e.name != "g" || e.attributes.count("data-key") == 0) continue;
        const auto& svg = doc.elements[e.ancestors.back()];
        if (svg.name != "svg" || svg.attributes.at("data-chart") != chart) continue;
        drawn_bar bar;
        bar.count = std::stoul(e.attributes.at("data-count"));
        for (std::size_t j = i + 1; j < doc.elements.size() && !doc.elements[j].ancestors.empty() &&
                                    doc.elements[j].ancestors.back() == i;
             ++j)
            if (doc.elements[j].name == "text" && doc.elements[j].attributes.at("class") == "value")
                bar.value_text = doc.elements[j].text;
        out[e.attributes.at("data-key")] = bar;
    }
    return out;
}

/// The order the chart draws its bars in, as their counts.
std::vector<std::size_t> drawn_counts(const xml_document& doc, const std::string& chart)
{
    std::vector<std::size_t> out;
    for (const auto& e : doc.elements)
        if (e.name == "g" && e.attributes.count("data-key") == 1 &&
            doc.elements[e.ancestors.back()].attributes.at("data-chart") == chart)
            out.push_back(std::stoul(e.attributes.at("data-count")));
    return out;
}

/// Every <svg>...</svg> of a page, each on its own.
std::vector<std::string> svgs_in(const std::string& html)
{
    std::vector<std::string> out;
    for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
        out.push_back(html.substr(at, html.find("</svg>", at) + 6 - at));
    return out;
}

/// The article's database, built from the bundled lists through the library (as data/build-db does through the CLI).
class report_article : public ::testing::Test {
protected:
    report_article()
    {
        hds::ingest_snapshot(db_, {HDS_DATA_DIR "/registry-2019-06.csv"},
                             {.date = "2019-06-30", .label = "ANS list, June 2019 (reconstruction)"});
        hds::ingest_snapshot(db_, {HDS_DATA_DIR "/registry-2020-07.csv"},
                             {.date = "2020-07-31", .label = "ANS list, July 2020 (reconstruction)"});
        hds::annotate(db_, HDS_DATA_DIR "/annotations.csv");
        snapshot_ = hds::resolve_snapshot(db_, "2020-07");
    }
    temp_dir dir_;
    hds::database db_ = hds::database::open(dir_.path() / "hds.db");
    hds::snapshot_info snapshot_;
};

TEST_F(report_article, html_and_each_svg_are_well_formed_with_six_charts)
{
    const std::string html = hds::report_html(hds::gather_report(db_, snapshot_), hds::report_language::fr);
    const auto doc = parse_xml(html);
    ASSERT_FALSE(doc.error) << *doc.error;
    EXPECT_TRUE(doc.all("script").empty());
    const auto svgs = svgs_in(html);
    ASSERT_EQ(svgs.size(), 6U);
    ASSERT_EQ(doc.all("svg").size(), 6U);
    for (const auto& svg : svgs) {
        const auto one = parse_xml(svg);
        EXPECT_FALSE(one.error) << *one.error << "\n" << svg;
        // Every chart: a title, value labels, an axis with its unit, a caption naming snapshot and companies.
        std::map<std::string, std::size_t> classes;
        for (const auto* text : one.all("text")) ++classes[text->attributes.at("class")];
        EXPECT_EQ(classes["title"], 1U) << svg;
        EXPECT_GE(classes["value"], 1U) << svg;
        EXPECT_GE(classes["unit"], 1U) << svg;
        EXPECT_GE(classes["tick"], 2U) << svg;
        ASSERT_EQ(classes["caption"], 1U) << svg;
        for (const auto* text : one.all("text"))
            if (text->attributes.at("class") == "caption") {
                EXPECT_NE(text->text.find("2020-07-31"), std::string::npos) << text->text;
                EXPECT_NE(text->text.find("104 sociétés"), std::string::npos) << text->text;
            }
    }
}

TEST_F(report_article, charts_show_the_numbers_the_queries_return)
{
    const auto doc = parse_xml(hds::report_html(hds::gather_report(db_, snapshot_), hds::report_language::fr));
    ASSERT_FALSE(doc.error) << *doc.error;
    const std::pair<const char*, hds::dimension> charts[] = {
        {"positioning", hds::dimension::positioning},       {"activity", hds::dimension::activity},
        {"activity-count", hds::dimension::activity_count}, {"nationality", hds::dimension::nationality},
        {"certifier", hds::dimension::certifier}};
    for (const auto& [chart, dimension] : charts) {
        const auto expected = hds::breakdown(db_, snapshot_, dimension);
        const auto drawn = bars_of(doc, chart);
        ASSERT_EQ(drawn.size(), expected.rows.size()) << chart;
        for (const auto& row : expected.rows) {
            const auto found = drawn.find(row.key.value_or(""));
            ASSERT_NE(found, drawn.end()) << chart << " " << row.key.value_or("unknown");
            EXPECT_EQ(found->second.count, row.count) << chart << " " << row.key.value_or("unknown");
            if (dimension != hds::dimension::activity) {
                EXPECT_EQ(found->second.value_text, std::to_string(row.count)) << chart;
            }
        }
    }
    // The article's figure: 19 companies in June 2019, 104 in July 2020; 89.4 % virtual, 81.7 % hardware.
    const auto growth = bars_of(doc, "companies-by-snapshot");
    ASSERT_EQ(growth.size(), 2U);
    EXPECT_EQ(growth.at("2019-06-30").count, 19U);
    EXPECT_EQ(growth.at("2020-07-31").count, 104U);
    for (const auto& s : hds::snapshots(db_)) EXPECT_EQ(growth.at(s.date).count, s.companies);
    const auto activity = bars_of(doc, "activity");
    EXPECT_EQ(activity.at("4").value_text, "89,4\u202F% (93)");
    EXPECT_EQ(activity.at("2").value_text, "81,7\u202F% (85)");

    // Sorted bars, largest first, where the categories have no order of their own.
    for (const char* chart : {"positioning", "activity", "nationality", "certifier"}) {
        const auto counts = drawn_counts(doc, chart);
        EXPECT_TRUE(std::is_sorted(counts.rbegin(), counts.rend())) << chart;
    }
    // The number of activities keeps its own order, 1 to 6.
    std::vector<std::string> keys;
    for (const auto& e : doc.elements)
        if (e.name == "g" && e.attributes.count("data-key") == 1 &&
            doc.elements[e.ancestors.back()].attributes.at("data-chart") == "activity-count")
            keys.push_back(e.attributes.at("data-key"));
    EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
}

TEST_F(report_article, findings_and_changes_are_the_queries)
{
    const auto doc = parse_xml(hds::report_html(hds::gather_report(db_, snapshot_), hds::report_language::fr));
    ASSERT_FALSE(doc.error) << *doc.error;
    const auto findings = hds::check_findings(db_);
    std::map<std::string, std::string> shown; // finding id → its actual cell
    for (std::size_t i = 0; i < doc.elements.size(); ++i)
        if (doc.elements[i].attributes.count("data-finding") == 1) {
            std::vector<std::string> cells;
            for (std::size_t j = i + 1; j < doc.elements.size() && doc.elements[j].ancestors.back() == i; ++j)
                cells.push_back(doc.elements[j].text);
            ASSERT_EQ(cells.size(), 5U);
            shown[doc.elements[i].attributes.at("data-finding")] = cells[3];
            EXPECT_EQ(cells[4], "oui") << cells[0]; // every finding holds on the article's database
        }
    ASSERT_EQ(shown.size(), findings.findings.size());
    for (const auto& f : findings.findings) EXPECT_EQ(shown[f.id], f.actual) << f.id;

    const auto changes = hds::diff(db_, hds::resolve_snapshot(db_, "2019-06"), snapshot_);
    std::map<std::string, std::size_t> rows;
    for (std::size_t i = 0; i < doc.elements.size(); ++i)
        if (doc.elements[i].name == "tr" && doc.inside(i, "tbody"))
            for (std::size_t a : doc.elements[i].ancestors)
                if (doc.elements[a].attributes.count("data-changes") == 1) ++rows[doc.elements[a].attributes.at("data-changes")];
    EXPECT_EQ(rows["entered"], changes.entered.size());
    EXPECT_EQ(rows["left"], changes.left.size());
    EXPECT_EQ(rows["changed"], changes.changed.size());
    EXPECT_GT(changes.entered.size(), 0U);
}

TEST_F(report_article, markdown_has_the_same_tables)
{
    const auto data = hds::gather_report(db_, snapshot_);
    const std::string md = hds::report_markdown(data, hds::report_language::en);
    EXPECT_EQ(md.rfind("# HDS report — snapshot of 2020-07-31", 0), 0U) << md.substr(0, 80);
    for (const auto& row : hds::breakdown(db_, snapshot_, hds::dimension::nationality).rows)
        EXPECT_NE(md.find("| " + (row.key ? row.label : std::string("unknown")) + " | " + std::to_string(row.count) + " |"),
                  std::string::npos)
            << row.label;
    EXPECT_NE(md.find("| 4 · Virtual infrastructure | 89.4% (93) |"), std::string::npos);
    EXPECT_NE(md.find("| 2019-06-30 | 19 |"), std::string::npos);
    EXPECT_NE(md.find("| 2020-07-31 | 104 |"), std::string::npos);
    for (const auto& f : hds::check_findings(db_).findings) EXPECT_NE(md.find("| " + f.id + " |"), std::string::npos);
}

TEST_F(report_article, english_labels_come_from_the_reference_data)
{
    const std::string html = hds::report_html(hds::gather_report(db_, snapshot_), hds::report_language::en);
    EXPECT_NE(html.find("lang=\"en\""), std::string::npos);
    EXPECT_NE(html.find("4 · Virtual infrastructure"), std::string::npos);
    EXPECT_NE(html.find("Hosting, cloud and managed services"), std::string::npos);
    EXPECT_NE(html.find("89.4% (93)"), std::string::npos);
    EXPECT_EQ(html.find("Infrastructure virtuelle"), std::string::npos);
}

TEST(report, hostile_names_show_as_text)
{
    temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    const std::string header = "Raison sociale;Type de certificat;Activités;Organisme certificateur\n";
    hds::ingest_snapshot(db, {dir.write("a.csv", header + "Plain SA;Hébergeur infogéreur;3;Body\n")},
                         {.date = "2020-01-31"});
    const auto hostile = dir.write("b.csv", header +
                                                "<script>alert(1)</script>;Hébergeur infogéreur;3, 4;<img src=x onerror=alert(2)>\n"
                                                "Tom & Jerry | [x](http://e) *b*;Hébergeur infogéreur;5;Body\n");
    hds::ingest_snapshot(db, {hostile},
                         {.date = "2020-07-31", .label = "</title><script>alert(3)</script>"});
    const auto data = hds::gather_report(db, hds::resolve_snapshot(db, "latest"));

    const auto doc = parse_xml(hds::report_html(data, hds::report_language::fr));
    ASSERT_FALSE(doc.error) << *doc.error;
    EXPECT_TRUE(doc.all("script").empty());
    EXPECT_TRUE(doc.all("img").empty());
    bool name_shown = false, certifier_shown = false;
    for (const auto& e : doc.elements) {
        name_shown = name_shown || (e.name == "td" && e.text == "<script>alert(1)</script>");
        certifier_shown = certifier_shown || (e.name == "text" && e.text == "<img src=x onerror=alert(2)>");
    }
    EXPECT_TRUE(name_shown);
    EXPECT_TRUE(certifier_shown);

    const std::string md = hds::report_markdown(data, hds::report_language::fr);
    EXPECT_EQ(md.find("<script"), std::string::npos);
    EXPECT_EQ(md.find("<img"), std::string::npos);
    EXPECT_NE(md.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << md;
    EXPECT_NE(md.find("Tom &amp; Jerry \\| \\[x\\](http://e) \\*b\\*"), std::string::npos) << md;
}

TEST(report, write_report_picks_the_format_by_extension_and_writes_whole)
{
    temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    const auto csv = dir.write("a.csv", "Raison sociale;Type de certificat;Activités\n"
                                        "Alpha;Hébergeur d'infrastructure physique;1\n");
    hds::ingest_snapshot(db, {csv}, {.date = "2020-01-31"});
    const auto snapshot = hds::resolve_snapshot(db, "latest");
    hds::write_report(db, dir.path() / "r.md", snapshot);
    hds::write_report(db, dir.path() / "r.html", snapshot, hds::report_language::en);
    EXPECT_EQ(read_bytes(dir.path() / "r.md").rfind("# Rapport HDS", 0), 0U);
    EXPECT_EQ(read_bytes(dir.path() / "r.html").rfind("<!DOCTYPE html>", 0), 0U);
    EXPECT_NE(read_bytes(dir.path() / "r.html").find("First snapshot: nothing to compare."), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "r.html.tmp"));

    try {
        hds::write_report(db, dir.path() / "missing" / "r.html", snapshot);
        FAIL() << "wrote into a missing directory";
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::usage);
        EXPECT_EQ(e.message(), (dir.path() / "missing" / "r.html").string() + ": no such directory " +
                                   (dir.path() / "missing").string());
    }
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "missing"));
}

TEST(report, language_is_fr_or_en)
{
    EXPECT_EQ(hds::parse_report_language("en"), hds::report_language::en);
    try {
        (void)hds::parse_report_language("de");
        FAIL();
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::usage);
        EXPECT_EQ(e.message(), "unknown language \"de\" (valid: fr, en)");
    }
}

} // namespace
