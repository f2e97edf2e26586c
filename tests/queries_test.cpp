// The typed queries on a small registry whose answers are worked out by hand below.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "hds/annotate.hpp"
#include "hds/as_of.hpp"
#include "hds/breakdown.hpp"
#include "hds/companies.hpp"
#include "hds/diff.hpp"
#include "hds/error.hpp"
#include "hds/ingest.hpp"
#include "hds/reference_data.hpp"
#include "hds/log.hpp"
#include "hds/snapshots.hpp"
#include "test_support.hpp"

namespace {

using hds::testing_support::temp_dir;

const std::string header = "Raison sociale;Type de certificat;Activités;Organisme certificateur;"
                           "Date de certification;Date d'expiration\n";

// 2019-06-30: Alpha {1-6}, Beta {3,4,5} (Bureau Veritas), Gamma {5}.
const std::string list_2019 = header +
                              "Alpha Hosting;physique;1, 2;AFNOR;01/01/2019;31/12/2021\n"
                              "Alpha Hosting;infogéreur;3, 4, 5, 6;AFNOR;01/01/2019;31/12/2021\n"
                              "Beta ESN;infogéreur;3, 4, 5;Bureau Veritas;01/03/2019;28/02/2022\n"
                              "Gamma Santé;infogéreur;5;AFNOR;01/05/2019;30/04/2022\n";
// 2020-07-31: Gamma left; Delta {1} and Epsilon {4} entered; Beta added 6 and moved to LNE.
const std::string list_2020 = header +
                              "Alpha Hosting;physique;1, 2;AFNOR;01/01/2019;31/12/2021\n"
                              "Alpha Hosting;infogéreur;3, 4, 5, 6;AFNOR;01/01/2019;31/12/2021\n"
                              "Beta ESN;infogéreur;3, 4, 5, 6;LNE;01/03/2020;28/02/2023\n"
                              "Delta Cloud;physique;1;AFNOR;01/06/2020;31/05/2023\n"
                              "Epsilon;infogéreur;4;Bureau Veritas;01/06/2020;31/05/2023\n";
const std::string annotations = "company,nationality,positioning\n"
                                "Alpha Hosting,FR,hosting\nBeta ESN,FR,esn\nDelta Cloud,US,hosting\n"
                                "Epsilon,,other\nGamma Santé,FR,end_user\n";

class queries : public ::testing::Test {
protected:
    queries() : db_(hds::database::open(dir_.path() / "hds.db"))
    {
        hds::set_log_level(hds::log_level::off);
        hds::ingest_snapshot(db_, {dir_.write("2019.csv", list_2019)}, {.date = "2019-06-30"});
        hds::ingest_snapshot(db_, {dir_.write("2020.csv", list_2020)}, {.date = "2020-07-31"});
        hds::annotate(db_, dir_.write("annotations.csv", annotations));
    }

    struct expected_row {
        std::optional<std::string> key;
        std::size_t count;
        double share;
    };
    void expect_breakdown(hds::dimension by, const std::vector<expected_row>& expected)
    {
        const auto result = hds::breakdown(db_, hds::resolve_snapshot(db_, "latest"), by);
        EXPECT_EQ(result.total, 4U);
        ASSERT_EQ(result.rows.size(), expected.size()) << hds::to_string(by);
        for (std::size_t i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(result.rows[i].key, expected[i].key) << hds::to_string(by) << " row " << i;
            EXPECT_EQ(result.rows[i].count, expected[i].count) << hds::to_string(by) << " row " << i;
            EXPECT_DOUBLE_EQ(result.rows[i].share, expected[i].share) << hds::to_string(by) << " row " << i;
        }
    }
    std::vector<std::string> names(const hds::company_filter& filter)
    {
        std::vector<std::string> out;
        for (const auto& c : hds::companies(db_, hds::resolve_snapshot(db_, "2020-07-31"), filter)) out.push_back(c.name);
        return out;
    }
    std::vector<std::string> certified(const std::string& date, std::optional<hds::activity> only = std::nullopt)
    {
        std::vector<std::string> out;
        for (const auto& c : hds::certified_as_of(db_, date, only)) out.push_back(c.name);
        return out;
    }

    temp_dir dir_;
    hds::database db_;
};

TEST_F(queries, snapshots_list_each_with_its_counts_and_files)
{
    const auto all = hds::snapshots(db_);
    ASSERT_EQ(all.size(), 2U);
    EXPECT_EQ(all[0].date, "2019-06-30");
    EXPECT_EQ(all[0].companies, 3U);
    EXPECT_EQ(all[0].certificates, 4U);
    EXPECT_EQ(all[1].companies, 4U);
    ASSERT_EQ(all[1].files.size(), 1U);
    EXPECT_EQ(all[1].files[0].sha256.size(), 64U);
    EXPECT_EQ(all[1].files[0].format, "csv ';' utf-8");
}

TEST_F(queries, resolve_snapshot_by_date_month_or_latest)
{
    EXPECT_EQ(hds::resolve_snapshot(db_, "latest").date, "2020-07-31");
    EXPECT_EQ(hds::resolve_snapshot(db_, "2019-06").date, "2019-06-30");
    EXPECT_EQ(hds::resolve_snapshot(db_, "2019-06-30").date, "2019-06-30");
    hds::ingest_snapshot(db_, {dir_.write("b.csv", list_2019 + "\n")}, {.date = "2019-06-01"});
    const std::vector<std::pair<std::string, std::string>> errors = {
        {"2020-08", "no snapshot in 2020-08"},
        {"2020-08-01", "no snapshot dated 2020-08-01"},
        {"2019-06", "2019-06 holds 2 snapshots (2019-06-01, 2019-06-30): name one by its date"},
        {"July", "snapshot \"July\" is not a date YYYY-MM-DD, a month YYYY-MM or \"latest\""},
    };
    for (const auto& [spec, message] : errors) {
        try {
            hds::resolve_snapshot(db_, spec);
            ADD_FAILURE() << spec;
        } catch (const hds::error& e) {
            EXPECT_EQ(std::string(e.what()), message);
        }
    }
}

TEST_F(queries, breakdown_by_activity_has_all_six_in_order)
{
    expect_breakdown(hds::dimension::activity, {{"1", 2, 0.5}, {"2", 1, 0.25}, {"3", 2, 0.5}, {"4", 3, 0.75},
                                                {"5", 2, 0.5}, {"6", 2, 0.5}});
}

TEST_F(queries, breakdown_by_nationality_keeps_unknown_as_null)
{
    expect_breakdown(hds::dimension::nationality, {{"FR", 2, 0.5}, {"US", 1, 0.25}, {std::nullopt, 1, 0.25}});
}

TEST_F(queries, breakdown_by_positioning)
{
    expect_breakdown(hds::dimension::positioning, {{"hosting", 2, 0.5}, {"esn", 1, 0.25}, {"other", 1, 0.25}});
}

TEST_F(queries, breakdown_by_certifier_counts_companies_per_body)
{
    expect_breakdown(hds::dimension::certifier, {{"afnor", 2, 0.5}, {"bureauveritas", 1, 0.25}, {"lne", 1, 0.25}});
}

TEST_F(queries, breakdown_by_certificate_type)
{
    expect_breakdown(hds::dimension::certificate_type,
                     {{"physical_infrastructure", 2, 0.5}, {"managed_hosting", 3, 0.75}});
}

// Each snapshot is counted from its own spans: 2019 has Gamma, which 2020 dropped, and not Delta or Epsilon.
TEST_F(queries, breakdown_of_an_earlier_snapshot_counts_that_snapshot)
{
    const auto result = hds::breakdown(db_, hds::resolve_snapshot(db_, "2019-06-30"), hds::dimension::activity);
    EXPECT_EQ(result.total, 3U);
    std::vector<std::size_t> counts;
    for (const auto& row : result.rows) counts.push_back(row.count);
    EXPECT_EQ(counts, (std::vector<std::size_t>{1, 1, 2, 2, 3, 1}));
}

// A snapshot whose every row was rejected lists no company: every activity still has its row, at 0.
TEST_F(queries, breakdown_of_a_snapshot_without_companies_has_every_activity_at_zero)
{
    hds::ingest_snapshot(db_, {dir_.write("rejected.csv", header + "Zeta;unknown type;1;AFNOR;;\n")},
                         {.date = "2021-01-31", .skip_bad_rows = true});
    const auto snapshot = hds::resolve_snapshot(db_, "2021-01-31");
    const auto result = hds::breakdown(db_, snapshot, hds::dimension::activity);
    EXPECT_EQ(result.total, 0U);
    ASSERT_EQ(result.rows.size(), 6U);
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_EQ(result.rows[i].key, std::to_string(i + 1));
        EXPECT_EQ(result.rows[i].count, 0U);
    }
    EXPECT_TRUE(hds::breakdown(db_, snapshot, hds::dimension::nationality).rows.empty());
}

TEST_F(queries, breakdown_by_activity_count_lists_only_counts_present)
{
    expect_breakdown(hds::dimension::activity_count, {{"1", 2, 0.5}, {"4", 1, 0.25}, {"6", 1, 0.25}});
}

TEST_F(queries, companies_filter_by_all_activities_nationality_and_positioning)
{
    using hds::activity;
    EXPECT_EQ(names({}), (std::vector<std::string>{"Alpha Hosting", "Beta ESN", "Delta Cloud", "Epsilon"}));
    EXPECT_EQ(names({.activities = {activity{4}, activity{5}}}),
              (std::vector<std::string>{"Alpha Hosting", "Beta ESN"}));
    EXPECT_EQ(names({.nationality = "FR"}), (std::vector<std::string>{"Alpha Hosting", "Beta ESN"}));
    EXPECT_EQ(names({.positioning = "hosting"}), (std::vector<std::string>{"Alpha Hosting", "Delta Cloud"}));
    EXPECT_EQ(names({.activities = {activity{1}}, .nationality = "US"}),
              (std::vector<std::string>{"Delta Cloud"}));
    EXPECT_THROW(names({.positioning = "cloud"}), hds::error);
}

TEST_F(queries, companies_carry_certificates_with_dates_and_certifiers)
{
    const auto all = hds::companies(db_, hds::resolve_snapshot(db_, "2020-07"));
    const auto& beta = all.at(1);
    EXPECT_EQ(beta.name, "Beta ESN");
    EXPECT_EQ(beta.nationality, "FR");
    EXPECT_EQ(beta.activities.numbers(), (std::vector<int>{3, 4, 5, 6}));
    EXPECT_EQ(beta.certifiers, (std::vector<std::string>{"LNE"}));
    ASSERT_EQ(beta.certificates.size(), 1U);
    EXPECT_EQ(beta.certificates[0].type, hds::certificate_type::managed_hosting);
    EXPECT_EQ(beta.certificates[0].valid_from, "2020-03-01");
    EXPECT_EQ(beta.certificates[0].valid_to, "2023-02-28");
    EXPECT_EQ(beta.certificates[0].number, std::nullopt);
    EXPECT_EQ(beta.certificates[0].line, 4U);
}

// companies() reads a snapshot listing most of the companies ever listed in key order from the key's index,
// and one listing few of them from its spans, sorted: both give that snapshot's companies alone, by name,
// with their certificates and lines, whatever order the file lists them in.
TEST(companies, a_snapshot_of_most_or_few_companies_lists_its_own_by_name)
{
    temp_dir dir;
    hds::database db = hds::database::open(dir.path() / "hds.db");
    hds::set_log_level(hds::log_level::off);
    const auto row = [](const std::string& name, int activity) {
        return name + ";infogéreur;" + std::to_string(activity) + ";AFNOR;01/01/2020;31/12/2022\n";
    };
    // Six companies; then four of them (most: 4 × 2 >= 6); then two (few), in reverse name order.
    hds::ingest_snapshot(db, {dir.write("1.csv", header + row("Zeta", 5) + row("Alpha", 5) + row("Eta", 4) + row("Beta", 5) +
                                                     row("Theta", 5) + row("Gamma", 5))},
                         {.date = "2020-01-31"});
    hds::ingest_snapshot(db, {dir.write("2.csv", header + row("Zeta", 5) + row("Eta", 5) + row("Beta", 4) + row("Gamma", 5))},
                         {.date = "2020-02-29"});
    hds::ingest_snapshot(db, {dir.write("3.csv", header + row("Zeta", 5) + row("Beta", 5))}, {.date = "2020-03-31"});
    const auto listed = [&](const std::string& date, const hds::company_filter& filter = {}) {
        std::vector<std::string> out;
        for (const auto& c : hds::companies(db, hds::resolve_snapshot(db, date), filter))
            out.push_back(c.name + " " + std::to_string(c.activities.numbers().front()) + " line " +
                          std::to_string(c.certificates.at(0).line));
        return out;
    };
    EXPECT_EQ(listed("2020-01-31"), (std::vector<std::string>{"Alpha 5 line 3", "Beta 5 line 5", "Eta 4 line 4",
                                                              "Gamma 5 line 7", "Theta 5 line 6", "Zeta 5 line 2"}));
    EXPECT_EQ(listed("2020-02-29"),
              (std::vector<std::string>{"Beta 4 line 4", "Eta 5 line 3", "Gamma 5 line 5", "Zeta 5 line 2"}));
    EXPECT_EQ(listed("2020-02-29", {.activities = {hds::activity{5}}}),
              (std::vector<std::string>{"Eta 5 line 3", "Gamma 5 line 5", "Zeta 5 line 2"}));
    EXPECT_EQ(listed("2020-03-31"), (std::vector<std::string>{"Beta 5 line 3", "Zeta 5 line 2"}));
}

// A summary is the full answer without its certificates: the same companies, in the same order, with the same
// activities and certifiers (each once, sorted), on the latest snapshot (open spans) and an earlier one.
TEST(companies, a_summary_is_the_full_answer_without_certificates)
{
    temp_dir dir;
    hds::database db = hds::database::open(dir.path() / "hds.db");
    hds::set_log_level(hds::log_level::off);
    const auto row = [](const std::string& name, const std::string& type, int activity, const std::string& certifier) {
        return name + ";" + type + ";" + std::to_string(activity) + ";" + certifier + ";01/01/2020;31/12/2022\n";
    };
    hds::ingest_snapshot(db, {dir.write("1.csv", header + row("Beta", "infogéreur", 5, "") + row("Alpha", "infogéreur", 5, "LNE") +
                                                     row("Alpha", "physique", 1, "AFNOR") + row("Alpha", "infogéreur", 4, "AFNOR"))},
                         {.date = "2020-01-31"});
    hds::ingest_snapshot(db, {dir.write("2.csv", header + row("Alpha", "physique", 1, "AFNOR") + row("Gamma", "infogéreur", 5, "LNE"))},
                         {.date = "2020-02-29"});
    const auto summary = [&](const std::string& date, const hds::company_filter& filter) {
        std::vector<hds::company_info> out;
        hds::for_each_company(db, hds::resolve_snapshot(db, date), filter,
                              [&](hds::company_info&& c) { out.push_back(std::move(c)); }, hds::company_detail::summary);
        return out;
    };
    for (const std::string date : {"2020-01-31", "2020-02-29"})
        for (const hds::company_filter& filter : {hds::company_filter{}, hds::company_filter{.activities = {hds::activity{5}}}}) {
            const auto full = hds::companies(db, hds::resolve_snapshot(db, date), filter);
            const auto brief = summary(date, filter);
            ASSERT_EQ(brief.size(), full.size()) << date;
            for (std::size_t i = 0; i < full.size(); ++i) {
                EXPECT_EQ(brief[i].name, full[i].name) << date;
                EXPECT_EQ(brief[i].activities.numbers(), full[i].activities.numbers()) << date << " " << full[i].name;
                EXPECT_EQ(brief[i].certifiers, full[i].certifiers) << date << " " << full[i].name;
                EXPECT_EQ(brief[i].provenance, full[i].provenance) << date << " " << full[i].name;
                EXPECT_FALSE(full[i].certificates.empty());
                EXPECT_TRUE(brief[i].certificates.empty());
            }
        }
    const auto first = summary("2020-01-31", {});
    ASSERT_EQ(first.size(), 2U);
    EXPECT_EQ(first[0].certifiers, (std::vector<std::string>{"AFNOR", "LNE"}));
    EXPECT_TRUE(first[1].certifiers.empty()); // Beta names no certifier
    const auto second = summary("2020-02-29", {});
    ASSERT_EQ(second.size(), 2U);
    EXPECT_EQ(second[0].certifiers, (std::vector<std::string>{"AFNOR"})); // Alpha's LNE certificate is gone
}

TEST_F(queries, diff_reports_entered_left_changed_and_certificate_moves)
{
    const auto d = hds::diff(db_, hds::resolve_snapshot(db_, "2019-06"), hds::resolve_snapshot(db_, "2020-07"));
    ASSERT_EQ(d.entered.size(), 2U);
    EXPECT_EQ(d.entered[0].name, "Delta Cloud");
    EXPECT_EQ(d.entered[1].activities.numbers(), (std::vector<int>{4}));
    ASSERT_EQ(d.left.size(), 1U);
    EXPECT_EQ(d.left[0].name, "Gamma Santé");
    ASSERT_EQ(d.changed.size(), 1U);
    EXPECT_EQ(d.changed[0].name, "Beta ESN");
    EXPECT_EQ(d.changed[0].added.numbers(), (std::vector<int>{6}));
    EXPECT_TRUE(d.changed[0].removed.empty());
    ASSERT_EQ(d.certificates.size(), 1U);
    EXPECT_EQ(d.certificates[0].change, hds::certificate_change::kind::certifier);
    EXPECT_EQ(d.certificates[0].from_certifiers, "Bureau Veritas");
    EXPECT_EQ(d.certificates[0].to_certifiers, "LNE");
    EXPECT_EQ(d.certificates[0].to_valid_to, "2023-02-28");
}

TEST_F(queries, diff_backwards_in_time_swaps_entered_and_left)
{
    const auto d = hds::diff(db_, hds::resolve_snapshot(db_, "latest"), hds::resolve_snapshot(db_, "2019-06"));
    ASSERT_EQ(d.entered.size(), 1U);
    EXPECT_EQ(d.entered[0].name, "Gamma Santé");
    EXPECT_EQ(d.left.size(), 2U);
    ASSERT_EQ(d.changed.size(), 1U);
    EXPECT_EQ(d.changed[0].removed.numbers(), (std::vector<int>{6}));
}

TEST_F(queries, diff_sees_a_renewal_with_the_same_certifier)
{
    hds::ingest_snapshot(db_, {dir_.write("2021.csv", header +
                                                          "Alpha Hosting;physique;1, 2;AFNOR;01/01/2022;31/12/2024\n"
                                                          "Alpha Hosting;infogéreur;3, 4, 5, 6;AFNOR;01/01/2019;31/12/2021\n")},
                         {.date = "2022-01-15"});
    const auto d = hds::diff(db_, hds::resolve_snapshot(db_, "2020-07"), hds::resolve_snapshot(db_, "latest"));
    ASSERT_EQ(d.certificates.size(), 1U);
    EXPECT_EQ(d.certificates[0].name, "Alpha Hosting");
    EXPECT_EQ(d.certificates[0].type, hds::certificate_type::physical_infrastructure);
    EXPECT_EQ(d.certificates[0].change, hds::certificate_change::kind::renewed);
    EXPECT_EQ(d.certificates[0].from_valid_to, "2021-12-31");
    EXPECT_EQ(d.certificates[0].to_valid_to, "2024-12-31");
}

// hds::diff compares in C++ what views v_company_diff and v_certificate_diff define: both give the same
// answer for every pair of snapshots, here with renewals, several bodies for one type, a certificate without
// body or dates, a new body or a new start alone (Epsilon, Delta Cloud), activities gained and lost, companies
// entering and leaving.
TEST_F(queries, diff_equals_the_views)
{
    hds::ingest_snapshot(db_, {dir_.write("2022.csv", header +
                                                          "Alpha Hosting;physique;1, 2;LNE;01/01/2022;31/12/2024\n"
                                                          "Alpha Hosting;physique;1;AFNOR;01/01/2020;31/12/2022\n"
                                                          "Alpha Hosting;infogéreur;3, 4, 5, 6;AFNOR;01/01/2019;31/12/2021\n"
                                                          "Beta ESN;infogéreur;3, 4;;;\n"
                                                          "Delta Cloud;physique;1, 2;AFNOR;01/01/2020;31/05/2023\n"
                                                          "Epsilon;infogéreur;4;LNE;01/06/2020;31/05/2023\n"
                                                          "Gamma Santé;infogéreur;5;AFNOR;01/05/2022;30/04/2025\n")},
                         {.date = "2022-01-15"});
    const auto text = [](const std::optional<std::string>& value) { return value.value_or("NULL"); };
    const auto from_api = [&](const hds::diff_result& d) {
        std::vector<std::string> out;
        for (const auto* list : {&d.entered, &d.left, &d.changed})
            for (const auto& c : *list)
                out.push_back(c.name + " " + c.activities.to_string() + " +" + c.added.to_string() + " -" +
                              c.removed.to_string());
        for (const auto& c : d.certificates)
            out.push_back(c.name + " " + hds::code_of(c.type) +
                          (c.change == hds::certificate_change::kind::certifier ? " certifier " : " renewed ") +
                          text(c.from_certifiers) + " > " + text(c.to_certifiers) + " " + text(c.from_valid_to) +
                          " > " + text(c.to_valid_to));
        return out;
    };
    const auto from_views = [&](std::int64_t from, std::int64_t to) {
        SQLite::Database sql((dir_.path() / "hds.db").string());
        std::vector<std::string> out;
        for (const char* change : {"entered", "left", "changed"}) {
            SQLite::Statement q(sql, "SELECT company, activities, added, removed FROM v_company_diff WHERE "
                                     "from_snapshot_id = ? AND to_snapshot_id = ? AND change = ? ORDER BY company_key");
            q.bind(1, from);
            q.bind(2, to);
            q.bind(3, change);
            const auto bits = [&](int column) {
                return hds::activity_set::from_bits(static_cast<std::uint8_t>(q.getColumn(column).getInt())).to_string();
            };
            while (q.executeStep()) out.push_back(q.getColumn(0).getString() + " " + bits(1) + " +" + bits(2) + " -" + bits(3));
        }
        SQLite::Statement q(sql, "SELECT company, certificate_type, change, ifnull(from_certifiers, 'NULL'), "
                                 "ifnull(to_certifiers, 'NULL'), ifnull(from_valid_to, 'NULL'), ifnull(to_valid_to, 'NULL') "
                                 "FROM v_certificate_diff WHERE from_snapshot_id = ? AND to_snapshot_id = ? "
                                 "ORDER BY company_key, certificate_type");
        q.bind(1, from);
        q.bind(2, to);
        while (q.executeStep())
            out.push_back(q.getColumn(0).getString() + " " + q.getColumn(1).getString() + " " + q.getColumn(2).getString() +
                          " " + q.getColumn(3).getString() + " > " + q.getColumn(4).getString() + " " +
                          q.getColumn(5).getString() + " > " + q.getColumn(6).getString());
        return out;
    };
    const auto snapshots = hds::snapshots(db_);
    ASSERT_EQ(snapshots.size(), 3U);
    std::size_t certificate_changes = 0;
    for (const auto& from : snapshots)
        for (const auto& to : snapshots) {
            SCOPED_TRACE(from.date + " to " + to.date);
            const auto d = hds::diff(db_, from, to);
            certificate_changes += d.certificates.size();
            EXPECT_EQ(from_api(d), from_views(from.id, to.id));
        }
    EXPECT_GE(certificate_changes, 8U); // the pairs hold certificate changes to compare
}

// Two certificates of one type from two bodies: the certifiers are listed once each, in order.
TEST_F(queries, diff_lists_every_certifier_of_a_type_once_in_order)
{
    hds::ingest_snapshot(db_, {dir_.write("2021.csv", header +
                                                          "Alpha Hosting;physique;1, 2;LNE;01/01/2022;31/12/2024\n"
                                                          "Alpha Hosting;physique;1;AFNOR;01/01/2020;31/12/2022\n"
                                                          "Alpha Hosting;physique;2;LNE;01/01/2021;31/12/2023\n"
                                                          "Alpha Hosting;infogéreur;3, 4, 5, 6;AFNOR;01/01/2019;31/12/2021\n")},
                         {.date = "2022-01-15"});
    const auto d = hds::diff(db_, hds::resolve_snapshot(db_, "2020-07"), hds::resolve_snapshot(db_, "latest"));
    ASSERT_EQ(d.certificates.size(), 1U);
    EXPECT_EQ(d.certificates[0].change, hds::certificate_change::kind::certifier);
    EXPECT_EQ(d.certificates[0].from_certifiers, "AFNOR");
    EXPECT_EQ(d.certificates[0].to_certifiers, "AFNOR, LNE");
    EXPECT_EQ(d.certificates[0].to_valid_to, "2024-12-31");
}

// By the certificates' own dates: Gamma is no longer listed in 2020 but its certificate still runs.
TEST_F(queries, certified_as_of_reads_certificate_dates_not_snapshots)
{
    EXPECT_EQ(certified("2019-02-01"), (std::vector<std::string>{"Alpha Hosting"}));
    EXPECT_EQ(certified("2020-07-01"),
              (std::vector<std::string>{"Alpha Hosting", "Beta ESN", "Delta Cloud", "Epsilon", "Gamma Santé"}));
    EXPECT_EQ(certified("2020-07-01", hds::activity_by_code(db_, "backup")), (std::vector<std::string>{"Alpha Hosting", "Beta ESN"}));
    EXPECT_EQ(certified("2023-01-01"), (std::vector<std::string>{"Beta ESN", "Delta Cloud", "Epsilon"}));
    const auto beta = hds::certified_as_of(db_, "2020-07-01").at(1);
    EXPECT_EQ(beta.activities.numbers(), (std::vector<int>{3, 4, 5, 6}));
    EXPECT_EQ(beta.valid_to, "2023-02-28");
    // The union of two certificates' activities, not the larger of the two.
    EXPECT_EQ(hds::certified_as_of(db_, "2020-07-01").at(0).activities.numbers(), (std::vector<int>{1, 2, 3, 4, 5, 6}));
    EXPECT_THROW(hds::certified_as_of(db_, "01/07/2020"), hds::error);
}

// In the order of the companies' keys, as `companies` lists them: "Été" between "Epsilon" and "Gamma", not
// after every ASCII name as its bytes would put it.
TEST_F(queries, certified_as_of_orders_companies_by_key)
{
    hds::ingest_snapshot(db_, {dir_.write("2021.csv", header + "Été Santé;infogéreur;5;AFNOR;01/01/2021;31/12/2023\n")},
                         {.date = "2021-01-31"});
    EXPECT_EQ(certified("2021-06-01"), (std::vector<std::string>{"Alpha Hosting", "Beta ESN", "Delta Cloud", "Epsilon",
                                                                 "Été Santé", "Gamma Santé"}));
}

} // namespace
