#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "hds/alias.hpp"
#include "hds/annotate.hpp"
#include "hds/companies.hpp"
#include "hds/error.hpp"
#include "hds/ingest.hpp"
#include "hds/log.hpp"
#include "test_support.hpp"

namespace {

using hds::testing_support::read_bytes;
using hds::testing_support::temp_dir;

class annotations : public ::testing::Test {
protected:
    annotations() : db_(hds::database::open(dir_.path() / "hds.db"))
    {
        hds::set_log_level(hds::log_level::off);
        hds::ingest_snapshot(db_, {dir_.write("list.csv", "Raison sociale;Activités\nOVHcloud SAS;1, 2\nIvbar AB;5\n")},
                             {.date = "2020-07-31"});
    }
    hds::company_info company(const std::string& name)
    {
        for (auto& c : hds::companies(db_, hds::resolve_snapshot(db_, "latest")))
            if (c.name == name) return c;
        ADD_FAILURE() << name << " not listed";
        return {};
    }
    temp_dir dir_;
    hds::database db_;
};

TEST_F(annotations, set_nationality_positioning_and_group_by_normalised_name)
{
    const auto summary = hds::annotate(db_, dir_.write("a.csv", "company,nationality,positioning,group,source\n"
                                                                "ovhcloud,fr,hosting,OVH Groupe,article\n"
                                                                "IVBAR,SE,software,,\n"));
    EXPECT_EQ(summary.rows, 2U);
    EXPECT_TRUE(summary.not_listed.empty());
    const auto ovh = company("OVHcloud SAS");
    EXPECT_EQ(ovh.nationality, "FR");
    EXPECT_EQ(ovh.positioning, "hosting");
    EXPECT_EQ(ovh.group, "OVH Groupe");
    EXPECT_EQ(company("Ivbar AB").group, std::nullopt);
}

TEST_F(annotations, keep_and_report_a_company_no_snapshot_lists_yet)
{
    const auto summary = hds::annotate(db_, dir_.write("a.csv", "company,nationality,positioning\nWithings,FR,medtech\n"));
    EXPECT_EQ(summary.not_listed, (std::vector<std::string>{"Withings"}));
    hds::ingest_snapshot(db_, {dir_.write("later.csv", "Raison sociale;Activités\nWITHINGS SA;3\n")},
                         {.date = "2021-01-01"});
    EXPECT_EQ(company("WITHINGS SA").positioning, "medtech");
}

struct bad_annotation {
    std::string name;
    std::string bytes;
    std::string message; // after the file's path
};

class annotate_rejects : public annotations, public ::testing::WithParamInterface<bad_annotation> {};

TEST_P(annotate_rejects, with_file_line_and_leaves_the_database_unchanged)
{
    const auto& param = GetParam();
    const auto file = dir_.write(param.name, param.bytes);
    const std::string before = read_bytes(dir_.path() / "hds.db");
    try {
        hds::annotate(db_, file);
        FAIL() << "no error";
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::input);
        EXPECT_EQ(std::string(e.what()), file.string() + param.message);
    }
    EXPECT_EQ(read_bytes(dir_.path() / "hds.db"), before);
}

INSTANTIATE_TEST_SUITE_P(
    each_class_of_bad_annotation, annotate_rejects,
    ::testing::Values(
        bad_annotation{"country.csv", "company,nationality,positioning\nOVHcloud,FR,hosting\nIvbar,XX,software\n",
                       ":3: unknown nationality \"XX\" (an ISO 3166-1 alpha-2 code, e.g. FR)"},
        bad_annotation{"positioning.csv", "company,nationality,positioning\nIvbar,SE,editor\n",
                       ":2: unknown positioning \"editor\" (valid: end_user, esn, hosting, insurer, medtech, other, "
                       "software)"},
        bad_annotation{"column.csv", "company,nationality\nIvbar,SE\n", ":1: missing column \"positioning\""},
        bad_annotation{"extra.csv", "company,nationality,positioning,size\nIvbar,SE,software,12\n",
                       ":1: unknown column \"size\" (expected company, nationality, positioning, group, source)"},
        bad_annotation{"twice.csv", "company,nationality,positioning\nIvbar,SE,software\nIVBAR AB,SE,software\n",
                       ":3: \"IVBAR AB\" is annotated twice (first at line 2)"},
        bad_annotation{"nameless.csv", "company,nationality,positioning\n,SE,software\n", ":2: no company name"}),
    [](const auto& test) { return test.param.name.substr(0, test.param.name.find('.')); });

TEST_F(annotations, an_alias_joins_a_renamed_company_to_its_history)
{
    hds::add_alias(db_, "OVH", "OVHcloud");
    hds::ingest_snapshot(db_, {dir_.write("later.csv", "Raison sociale;Activités\nOVH;1, 2, 3\n")},
                         {.date = "2021-01-01"});
    const auto listed = hds::companies(db_, hds::resolve_snapshot(db_, "latest"));
    ASSERT_EQ(listed.size(), 1U);
    EXPECT_EQ(listed[0].name, "OVH"); // the most recent spelling
    EXPECT_EQ(listed[0].activities.numbers(), (std::vector<int>{1, 2, 3}));
    SQLite::Database sql((dir_.path() / "hds.db").string());
    EXPECT_EQ(sql.execAndGet("SELECT count(*) FROM company").getInt(), 2); // OVH(cloud) and Ivbar
}

TEST_F(annotations, an_alias_merges_a_company_already_listed_under_the_other_name)
{
    hds::annotate(db_, dir_.write("a.csv", "company,nationality,positioning\nIvbar,SE,software\n"));
    hds::ingest_snapshot(db_, {dir_.write("later.csv", "Raison sociale;Activités\nIvbar Sweden;5, 6\n")},
                         {.date = "2021-01-01"});
    hds::add_alias(db_, "Ivbar", "Ivbar Sweden");
    const auto listed = hds::companies(db_, hds::resolve_snapshot(db_, "2020-07-31"));
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].name, "Ivbar Sweden"); // one company in both snapshots, named as in the latest
    EXPECT_EQ(listed[0].nationality, "SE");    // its annotation came along
}

// The other way round: the merged name is the one the most recent snapshot lists, so its spelling stays.
TEST_F(annotations, an_alias_merge_keeps_the_spelling_of_the_most_recent_snapshot)
{
    hds::ingest_snapshot(db_, {dir_.write("later.csv", "Raison sociale;Activités\nIvbar Sweden;5, 6\n")},
                         {.date = "2021-01-01"});
    hds::add_alias(db_, "Ivbar Sweden", "Ivbar");
    const auto listed = hds::companies(db_, hds::resolve_snapshot(db_, "2020-07-31"));
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].name, "Ivbar Sweden"); // not "Ivbar AB", as 2020-07-31 spelt it
}

// Two names listed side by side in one snapshot, then declared one company: that snapshot lists one company
// with the union of their activities.
TEST_F(annotations, an_alias_merging_two_listed_names_unites_their_activities)
{
    hds::ingest_snapshot(db_, {dir_.write("both.csv", "Raison sociale;Activités\nOVH;1, 2\nOVHcloud;3, 4\n")},
                         {.date = "2021-01-01"});
    ASSERT_EQ(hds::companies(db_, hds::resolve_snapshot(db_, "latest")).size(), 2U);
    hds::add_alias(db_, "OVH", "OVHcloud");
    const auto listed = hds::companies(db_, hds::resolve_snapshot(db_, "latest"));
    ASSERT_EQ(listed.size(), 1U);
    EXPECT_EQ(listed[0].activities.numbers(), (std::vector<int>{1, 2, 3, 4}));
    EXPECT_EQ(hds::companies(db_, hds::resolve_snapshot(db_, "2020-07-31")).size(), 2U); // with Ivbar
}

TEST_F(annotations, an_alias_needs_an_existing_canonical_company)
{
    try {
        hds::add_alias(db_, "OVH", "Octave Klaba Hosting");
        FAIL() << "no error";
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::not_found);
        EXPECT_EQ(std::string(e.what()), "no company named \"Octave Klaba Hosting\"");
    }
}

} // namespace
