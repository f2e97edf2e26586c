// The store's storage: presence in spans, line provenance against a base, no row that no snapshot lists,
// and merges by alias that give what ingesting under the alias gives.
#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "hds/alias.hpp"
#include "hds/as_of.hpp"
#include "hds/companies.hpp"
#include "hds/error.hpp"
#include "hds/ingest.hpp"
#include "hds/log.hpp"
#include "hds/snapshots.hpp"
#include "store/connection.hpp"
#include "store/first_snapshot.hpp"
#include "store/migrations.hpp"
#include "test_support.hpp"

namespace {

using hds::testing_support::temp_dir;

const std::string header = "Raison sociale;Type de certificat;Activités;Organisme certificateur;"
                           "Date de certification;Date d'expiration\n";

std::string name_of(int company)
{
    char text[32];
    std::snprintf(text, sizeof text, "Hébergeur %05d", company);
    return text;
}

/// A sorted registry: one row per company (some with a second row for the other certificate type), lines
/// from 2 on. Returns the file and, per company name, the lines that list it.
std::string registry(const std::set<int>& companies, std::map<std::string, std::vector<std::size_t>>& lines)
{
    std::string out = header;
    std::size_t line = 1;
    for (int c : companies) {
        out += name_of(c) + ";Hébergeur infogéreur;3, 4;Organisme " + std::to_string(c % 3) + ";01/01/2020;31/12/2022\n";
        lines[name_of(c)].push_back(++line);
        if (c % 4 == 0) {
            out += name_of(c) + ";Hébergeur d'infrastructure physique;1, 2;;;\n";
            lines[name_of(c)].push_back(++line);
        }
    }
    return out;
}

class store_fixture : public ::testing::Test {
protected:
    store_fixture() : db_path_(dir_.path() / "hds.db"), db_(hds::database::open(db_path_))
    {
        hds::set_log_level(hds::log_level::off);
    }

    hds::ingest_summary ingest(const std::string& bytes, const std::string& date, bool replace = false)
    {
        hds::ingest_options options;
        options.date = date;
        options.replace = replace;
        return hds::ingest_snapshot(db_, {dir_.write("registry-" + date + ".csv", bytes)}, options);
    }

    std::int64_t count(const std::string& sql)
    {
        SQLite::Database db(db_path_.string());
        return db.execAndGet(sql).getInt64();
    }

    /// Per company, the lines at which `date` listed its certificates, as the library answers.
    std::map<std::string, std::vector<std::size_t>> listed_lines(const std::string& date)
    {
        std::map<std::string, std::vector<std::size_t>> out;
        for (const auto& c : hds::companies(db_, hds::resolve_snapshot(db_, date))) {
            for (const auto& cert : c.certificates) out[c.name].push_back(cert.line);
            std::sort(out[c.name].begin(), out[c.name].end());
        }
        return out;
    }

    /// Rows that no snapshot lists: certificates without a span, certifiers without a certificate,
    /// companies with nothing at all (no span, alias or annotation).
    std::int64_t unlisted_rows()
    {
        return count("SELECT (SELECT count(*) FROM certificate c WHERE NOT EXISTS "
                     "(SELECT 1 FROM certificate_span s WHERE s.certificate_id = c.id)) + "
                     "(SELECT count(*) FROM certifier f WHERE NOT EXISTS "
                     "(SELECT 1 FROM certificate c WHERE c.certifier_id = f.id)) + "
                     "(SELECT count(*) FROM company co WHERE NOT EXISTS (SELECT 1 FROM company_span s "
                     "WHERE s.company_id = co.id) AND NOT EXISTS (SELECT 1 FROM company_alias a WHERE "
                     "a.company_id = co.id) AND co.nationality IS NULL AND co.positioning IS NULL)");
    }

    void expect_no_orphans()
    {
        SQLite::Database db(db_path_.string());
        SQLite::Statement check(db, "PRAGMA foreign_key_check");
        EXPECT_FALSE(check.executeStep()) << "foreign key broken in " << check.getColumn(0).getString();
        EXPECT_EQ(unlisted_rows(), 0);
        // The totals the store keeps are those its spans give.
        EXPECT_EQ(count("SELECT count(*) FROM (SELECT snapshot_id, companies, certificates FROM snapshot_total "
                        "EXCEPT SELECT snapshot_id, total, certificates FROM v_snapshot_total_from_spans)"), 0);
        EXPECT_EQ(count("SELECT count(*) FROM snapshot_total"), count("SELECT count(*) FROM snapshot"));
        // A span that reaches the latest snapshot is open: `hds companies` reads the latest one's from the
        // indexes of open spans alone.
        for (const char* table : {"company_span", "certificate_span"})
            EXPECT_EQ(count(std::string("SELECT count(*) FROM ") + table +
                            " WHERE last_date >= (SELECT max(date) FROM snapshot)"), 0) << table;
    }

    /// Everything a snapshot's answers come from, as text, with keys for ids: two databases that hold the same
    /// history dump the same.
    static std::vector<std::string> dump(const std::filesystem::path& path)
    {
        SQLite::Database db(path.string());
        std::vector<std::string> out;
        SQLite::Statement q(db, "SELECT 'company ' || key || ' ' || display_name FROM company UNION ALL "
                                "SELECT 'certificate ' || co.key || ' ' || c.certificate_type || ' ' || c.activities || ' ' || "
                                "ifnull(f.key, '-') || ' ' || ifnull(c.valid_from, '-') || ' ' || ifnull(c.valid_to, '-') "
                                "FROM certificate c JOIN company co ON co.id = c.company_id "
                                "LEFT JOIN certifier f ON f.id = c.certifier_id UNION ALL "
                                "SELECT 'certifier ' || key || ' ' || name FROM certifier UNION ALL "
                                "SELECT 'span ' || co.key || ' ' || s.activities || ' ' || ifnull(s.provenance, '-') || ' ' || "
                                "s.first_date || ' ' || ifnull(s.last_date, 'open') "
                                "FROM company_span s JOIN company co ON co.id = s.company_id UNION ALL "
                                "SELECT 'certificate span ' || co.key || ' ' || c.certificate_type || ' ' || c.activities || ' ' || "
                                "ifnull(c.valid_to, '-') || ' ' || s.first_date || ' ' || ifnull(s.last_date, 'open') "
                                "FROM certificate_span s JOIN certificate c ON c.id = s.certificate_id "
                                "JOIN company co ON co.id = c.company_id UNION ALL "
                                "SELECT 'line ' || l.snapshot_date || ' ' || l.line || ' ' || co.key || ' ' || c.activities "
                                "FROM v_listing_line l JOIN certificate c ON c.id = l.certificate_id "
                                "JOIN company co ON co.id = c.company_id UNION ALL SELECT 'alias ' || key FROM company_alias "
                                "UNION ALL SELECT 'total ' || s.date || ' ' || t.companies || ' ' || t.certificates "
                                "FROM snapshot_total t JOIN snapshot s ON s.id = t.snapshot_id ORDER BY 1");
        while (q.executeStep()) out.push_back(q.getColumn(0).getString());
        return out;
    }

    temp_dir dir_;
    std::filesystem::path db_path_;
    hds::database db_;
};

using store = store_fixture;

std::string day(int n)
{
    // Consecutive days from 2020-01-01 (n < 300 stays in 2020).
    static const int lengths[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int month = 0;
    while (n >= lengths[month]) n -= lengths[month++];
    char text[32];
    std::snprintf(text, sizeof text, "2020-%02d-%02d", month + 1, n + 1);
    return text;
}

// A daily series in which companies enter at their sorted place and leave, so that most rows move to
// another line every day: on every day, every certificate is found at the line its file gave it, also past
// the point where the store stores a whole file again (every 64 bases).
TEST_F(store, provenance_follows_rows_that_move_on_every_day_of_a_long_series)
{
    std::mt19937 random(7);
    std::set<int> listed;
    for (int c = 0; c < 120; c += 2) listed.insert(c * 10);
    std::map<std::string, std::map<std::string, std::vector<std::size_t>>> expected;
    const int days = 150;
    for (int d = 0; d < days; ++d) {
        for (int k = 0; k < 2; ++k) listed.insert(static_cast<int>(random() % 1500));
        if (listed.size() > 40) listed.erase(std::next(listed.begin(), static_cast<long>(random() % listed.size())));
        std::map<std::string, std::vector<std::size_t>> lines;
        ingest(registry(listed, lines), day(d));
        expected[day(d)] = lines;
    }
    for (const auto& [date, lines] : expected) EXPECT_EQ(listed_lines(date), lines) << date;

    // The SQL view answers the same, for the last day.
    SQLite::Database db(db_path_.string());
    SQLite::Statement view(db, "SELECT co.display_name, l.line FROM v_listing_line l "
                               "JOIN certificate c ON c.id = l.certificate_id JOIN company co ON co.id = c.company_id "
                               "WHERE l.snapshot_date = ? ORDER BY 1, 2");
    view.bind(1, day(days - 1));
    std::map<std::string, std::vector<std::size_t>> from_view;
    while (view.executeStep())
        from_view[view.getColumn(0).getString()].push_back(static_cast<std::size_t>(view.getColumn(1).getInt64()));
    EXPECT_EQ(from_view, expected[day(days - 1)]);
}

// Storage grows with change: a row inserted at the top of an unchanged list adds a handful of line rows and
// touches no span of the rows below it.
TEST_F(store, a_row_inserted_at_the_top_costs_a_few_rows_not_one_per_line_below)
{
    std::set<int> listed;
    for (int c = 10; c < 410; ++c) listed.insert(c);
    std::map<std::string, std::vector<std::size_t>> lines;
    ingest(registry(listed, lines), "2020-01-01");
    const auto rows = [&] {
        return count("SELECT (SELECT count(*) FROM line_entry) + (SELECT count(*) FROM line_run) + "
                     "(SELECT count(*) FROM certificate_span) + (SELECT count(*) FROM company_span)");
    };
    const std::int64_t before = rows();
    listed.insert(1);
    ingest(registry(listed, lines), "2020-01-02");
    EXPECT_LE(rows() - before, 4); // the new row's entry, span and company span, and one run for the rest
    EXPECT_EQ(count("SELECT count(*) FROM certificate_span WHERE last_date IS NOT NULL"), 0);
}

// Snapshots ingested out of date order, and replaced, give each day exactly what its file said, and the
// same spans as in date order.
TEST_F(store, out_of_order_and_replaced_snapshots_give_each_day_its_own_file)
{
    std::vector<std::set<int>> days(12);
    std::mt19937 random(11);
    std::set<int> listed = {5, 10, 15, 20, 25, 30};
    for (auto& d : days) {
        listed.insert(static_cast<int>(random() % 40));
        if (random() % 2 == 0) listed.erase(std::next(listed.begin(), static_cast<long>(random() % listed.size())));
        d = listed;
    }
    std::vector<int> order(days.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::shuffle(order.begin(), order.end(), random);
    std::map<std::string, std::map<std::string, std::vector<std::size_t>>> expected;
    for (int i : order) {
        std::map<std::string, std::vector<std::size_t>> lines;
        ingest(registry(days[static_cast<std::size_t>(i)], lines), day(i));
        expected[day(i)] = lines;
    }
    // Replace three days, one of them the base of the next, with other lists.
    for (int i : {0, 5, 11}) {
        std::set<int> other = days[static_cast<std::size_t>(i)];
        other.insert(99);
        other.erase(other.begin());
        std::map<std::string, std::vector<std::size_t>> lines;
        ingest(registry(other, lines), day(i), true);
        expected[day(i)] = lines;
    }
    for (const auto& [date, lines] : expected) EXPECT_EQ(listed_lines(date), lines) << date;
    expect_no_orphans();

    // The same lists in date order make the same spans.
    const auto spans = [](SQLite::Database& db) {
        std::vector<std::string> out;
        SQLite::Statement q(db, "SELECT co.key || ' ' || cs.activities || ' ' || cs.first_date || ' ' || "
                                "ifnull(cs.last_date, 'open') FROM company_span cs JOIN company co ON co.id = cs.company_id "
                                "ORDER BY 1");
        while (q.executeStep()) out.push_back(q.getColumn(0).getString());
        return out;
    };
    temp_dir other_dir;
    {
        auto in_order = hds::database::open(other_dir.path() / "hds.db");
        for (const auto& [date, lines] : expected) {
            (void)lines;
            const int i = static_cast<int>(std::distance(expected.begin(), expected.find(date)));
            std::set<int> list = days[static_cast<std::size_t>(i)];
            if (i == 0 || i == 5 || i == 11) {
                list.insert(99);
                list.erase(list.begin());
            }
            std::map<std::string, std::vector<std::size_t>> ignored;
            hds::ingest_options options;
            options.date = date;
            hds::ingest_snapshot(in_order, {other_dir.write(date + ".csv", registry(list, ignored))}, options);
        }
    }
    SQLite::Database a(db_path_.string());
    SQLite::Database b((other_dir.path() / "hds.db").string());
    EXPECT_EQ(spans(a), spans(b));
    expect_no_orphans();
}

// Replacing a snapshot with the same list less one company leaves nothing of it to answer from.
TEST_F(store, replace_leaves_no_row_that_no_snapshot_lists)
{
    const std::string rest = "EBRC;Hébergeur d'infrastructure physique;1;Organisme A;01/02/2020;31/01/2023\n";
    const std::string ivbar = "Ivbar;Hébergeur infogéreur;5;Organisme B;01/03/2020;28/02/2023\n";
    ingest(header + rest + ivbar, "2020-07-31");
    ASSERT_EQ(hds::certified_as_of(db_, "2020-07-31").size(), 2U);
    ingest(header + rest, "2020-07-31", true);
    const auto certified = hds::certified_as_of(db_, "2020-07-31");
    ASSERT_EQ(certified.size(), 1U);
    EXPECT_EQ(certified[0].name, "EBRC");
    EXPECT_EQ(count("SELECT count(*) FROM company WHERE key = 'ivbar'"), 0);
    expect_no_orphans();
}

// `alias` then ingest, and ingest then `alias`, give the same database and answers, also when two rows of
// one snapshot list the same certificate under the two names.
TEST_F(store, alias_gives_the_same_database_before_or_after_ingest)
{
    const std::string list = header +
                             "Cheops Technology;Hébergeur infogéreur;3, 4;Organisme A;01/02/2020;31/01/2023\n"
                             "Cheops;Hébergeur infogéreur;3, 4;Organisme A;01/02/2020;31/01/2023\n"
                             "Cheops;Hébergeur d'infrastructure physique;1;;;\n"
                             "EBRC;Hébergeur d'infrastructure physique;1;;;\n";
    const std::string seed = header + "Cheops Technology;Hébergeur d'infrastructure physique;2;;;\n";
    ingest(seed, "2020-01-01");
    hds::add_alias(db_, "Cheops", "Cheops Technology");
    ingest(list, "2020-07-31");

    temp_dir other_dir;
    {
        auto other = hds::database::open(other_dir.path() / "hds.db");
        for (const auto& [bytes, date] : {std::pair{seed, "2020-01-01"}, std::pair{list, "2020-07-31"}}) {
            hds::ingest_options options;
            options.date = date;
            hds::ingest_snapshot(other, {other_dir.write(std::string(date) + ".csv", bytes)}, options);
        }
        hds::add_alias(other, "Cheops", "Cheops Technology");
    }
    EXPECT_EQ(dump(db_path_), dump(other_dir.path() / "hds.db"));
    // Cheops Technology's {2} in January, {1} and {3,4} in July (listed at two lines), EBRC's {1}.
    EXPECT_EQ(count("SELECT count(*) FROM certificate"), 4);
    const auto listed = hds::companies(db_, hds::resolve_snapshot(db_, "latest"));
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].activities, (hds::activity_set::from_bits(0x0D)));
    expect_no_orphans();
}

/// Day `d` of a short daily list with a note column, in which, from one day to the next, most rows stay as
/// they were and a few change in every way a row can.
std::string carried_series_day(int d)
{
    std::string out = header.substr(0, header.size() - 1) + ";provenance\n";
    const auto row = [&](const std::string& name, const std::string& type, const std::string& activities,
                         const std::string& certifier, const std::string& to, const std::string& note) {
        out += name + ";" + type + ";" + activities + ";" + certifier + ";01/01/2020;" + to + ";" + note + "\n";
    };
    const std::string physical = "Hébergeur d'infrastructure physique", managed = "Hébergeur infogéreur";
    if (d >= 3) row("Aaa Nouveau", managed, "5", "Organisme A", "31/12/2022", ""); // enters at the top
    // Two notes, in an order that changes on day 6 (the company's note is its rows' notes, in row order).
    row("Alpha Santé", physical, "1, 2", "Organisme A", "31/12/2022", d == 6 ? "note b" : "note a");
    row("Alpha Santé", managed, "3, 4", "Organisme A", "31/12/2022", d == 6 ? "note a" : "note b");
    // A renewal on day 2: a new certificate.
    row("Bravo", managed, "3, 4, 5", "Organisme B", d >= 2 ? "31/12/2025" : "31/12/2022", "");
    // Spelt otherwise by its first row on day 4 and from day 8 (a new display name), by its second row only
    // on day 5 (none).
    row(d == 4 || d >= 8 ? "CHARLIE SAS" : "Charlie SAS", physical, "1", "Organisme B", "31/12/2022", "");
    row(d == 5 ? "CHARLIE" : "Charlie SAS", managed, "6", "Organisme B", "31/12/2022", "");
    // A certifier no snapshot had, from day 5.
    row("Delta", managed, "5", d >= 5 ? "Organisme Z" : "Organisme A", "31/12/2022", "");
    // One row for two certificates, one of which changes its activities on day 7.
    row("Echo", "les deux", d == 7 ? "1, 3" : "1, 3, 4", "Organisme A", "31/12/2022", "");
    // Leaves on day 2, back on day 5: not in the snapshot before.
    if (d < 2 || d >= 5) row("Foxtrot", managed, "5", "Organisme A", "31/12/2022", "");
    // Listed under an alias too from day 3 (a row that sorts first, with a certificate of the other type).
    if (d >= 3) row("Hotel", physical, "1", "Organisme A", "31/12/2022", "");
    row("Hotel Group", managed, "5", "Organisme A", "31/12/2022", "");
    // A note that appears on day 3 and goes on day 8.
    row("Golf", managed, "5", "Organisme C", "31/12/2022", d >= 3 && d < 8 ? "reconstructed: activities" : "");
    for (int c = 0; c < 20; ++c)
        if (c % 7 != d % 7) row(name_of(c), managed, "3, 4", "Organisme C", "31/12/2022", "");
    return out;
}

// A snapshot newer than every other carries the rows the latest one lists unchanged, without staging them;
// ingested in the reverse order, every row is staged (and the alias merges two companies). Both must give
// the same database.
TEST_F(store, rows_carried_from_the_latest_snapshot_give_what_staging_them_gives)
{
    const int days = 10;
    for (int d = 0; d < days; ++d) {
        ingest(carried_series_day(d), day(d));
        if (d == 0) hds::add_alias(db_, "Hotel", "Hotel Group");
    }
    expect_no_orphans();
    SQLite::Database a(db_path_.string());
    EXPECT_EQ(a.execAndGet("SELECT display_name FROM company WHERE key LIKE 'charlie%'").getString(), "CHARLIE SAS");

    temp_dir other_dir;
    {
        auto reverse = hds::database::open(other_dir.path() / "hds.db");
        for (int d = days - 1; d >= 0; --d) {
            hds::ingest_options options;
            options.date = day(d);
            hds::ingest_snapshot(reverse, {other_dir.write(day(d) + ".csv", carried_series_day(d))}, options);
            if (d == days - 1) hds::add_alias(reverse, "Hotel", "Hotel Group");
        }
    }
    const auto carried = dump(db_path_);
    EXPECT_EQ(carried, dump(other_dir.path() / "hds.db"));
    // The dump holds what the series changes: the day-6 note order, the day-4 spelling, the new certifier.
    EXPECT_NE(std::find(carried.begin(), carried.end(), "span alphasante 15 note b; note a 2020-01-07 2020-01-07"),
              carried.end());
    EXPECT_NE(std::find(carried.begin(), carried.end(), "certifier organismez Organisme Z"), carried.end());
}

// A company's display name is the spelling of its first row in the latest snapshot, whether that row names
// it by its key or by an alias, and whether its certificates are the latest snapshot's or new.
TEST_F(store, the_first_row_spells_a_company_also_beside_an_alias)
{
    const std::string first = "Raison sociale;Type de certificat;Activités\nCheops Technology;infogéreur;3, 4\n";
    ingest(first, "2020-01-01");
    hds::add_alias(db_, "Cheops", "Cheops Technology");
    const auto display_name = [&] {
        SQLite::Database db(db_path_.string());
        return db.execAndGet("SELECT display_name FROM company").getString();
    };
    // The row under its key lists what the day before listed; the row under the alias lists a new certificate.
    ingest("Raison sociale;Type de certificat;Activités\nCheops Technology;infogéreur;3, 4\nCHEOPS;physique;1\n", "2020-01-02");
    EXPECT_EQ(display_name(), "Cheops Technology");
    ingest("Raison sociale;Type de certificat;Activités\nCHEOPS;physique;1\nCheops Technology;infogéreur;3, 4\n", "2020-01-03");
    EXPECT_EQ(display_name(), "CHEOPS");
    ingest("Raison sociale;Type de certificat;Activités\nCheops Technology;infogéreur;3, 4\nCheops;physique;1\n", "2020-01-04");
    EXPECT_EQ(display_name(), "Cheops Technology");
    expect_no_orphans();
}

// A row that repeats a certificate is refused as on an empty database, when the latest snapshot lists that
// certificate too: whether the first row was carried or staged (it changes another certificate), and
// whichever way the second goes.
TEST_F(store, a_repeated_certificate_the_latest_snapshot_lists_is_a_duplicate_row)
{
    const std::string before = "Raison sociale;Type de certificat;Activités\nEBRC;infogéreur;5\nIvbar;physique;1\n";
    ingest(before, "2020-01-01");
    const auto refused = [&](const std::string& list) -> std::string {
        try {
            ingest(list, "2020-01-02");
        } catch (const hds::error& e) {
            return e.what();
        }
        return "taken";
    };
    const std::string file = (dir_.path() / "registry-2020-01-02.csv").string();
    // Carried, then carried.
    EXPECT_EQ(refused("Raison sociale;Type de certificat;Activités\nEBRC;infogéreur;5\nIvbar;physique;1\nEBRC SA;infogéreur;5\n"),
              file + ":4: duplicate row: the same certificate as line 2");
    // Staged (its other certificate is new), then carried.
    EXPECT_EQ(refused("Raison sociale;Type de certificat;Activités\nEBRC;les deux;1, 5\nEBRC;infogéreur;5\n"),
              file + ":3: duplicate row: the same certificate as line 2");
    // Carried, then staged.
    EXPECT_EQ(refused("Raison sociale;Type de certificat;Activités\nEBRC;infogéreur;5\nEBRC;les deux;1, 5\n"),
              file + ":3: duplicate row: the same certificate as line 2");
    EXPECT_EQ(count("SELECT count(*) FROM snapshot"), 1);

    // Under --skip-bad-rows the second row goes whole, and what the first listed stays.
    hds::ingest_options options;
    options.date = "2020-01-02";
    options.skip_bad_rows = true;
    const auto summary = hds::ingest_snapshot(
        db_, {dir_.write("skip.csv", "Raison sociale;Type de certificat;Activités\nEBRC;infogéreur;5\nEBRC;les deux;1, 5\n"
                                     "Ivbar;physique;1\nIvbar;physique;1\n")},
        options);
    EXPECT_EQ(summary.rows_rejected, 2U);
    EXPECT_EQ(summary.certificates, 2U);
    EXPECT_EQ(count("SELECT count(*) FROM rejected_row WHERE reason = 'duplicate row: the same certificate as line 2'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM rejected_row WHERE reason = 'duplicate row: the same certificate as line 4'"), 1);
    expect_no_orphans();
}

// Two companies that the latest snapshot both lists merge under the spelling of the first row there, as
// when the alias exists before the ingest.
TEST_F(store, an_alias_merge_keeps_the_first_row_s_spelling)
{
    for (const bool alias_first : {true, false}) {
        const std::string hotel = "Hotel;physique;1\n", group = "Hotel Group;infogéreur;5\n";
        temp_dir other;
        auto db = hds::database::open(other.path() / "hds.db");
        hds::ingest_options options;
        options.date = "2020-01-01";
        const std::string list = "Raison sociale;Type de certificat;Activités\n" + (alias_first ? hotel + group : group + hotel);
        hds::ingest_snapshot(db, {other.write("list.csv", list)}, options);
        hds::add_alias(db, "Hotel", "Hotel Group");
        SQLite::Database sql((other.path() / "hds.db").string());
        EXPECT_EQ(sql.execAndGet("SELECT display_name FROM company").getString(), alias_first ? "Hotel" : "Hotel Group");
    }
}

// The first snapshot of an empty store is written straight from its staged rows (first_snapshot.hpp). It
// must give what the set statements give when the store already holds something: here a company of another
// date, left out of the comparison. The list has two notes in an order that is not sorted, a row for two
// certificates, a company on rows apart, rows without a certifier, and duplicate rows refused under
// --skip-bad-rows (which leave gaps in the staged rows).
TEST_F(store, a_first_snapshot_gives_what_the_set_statements_give)
{
    std::string list = carried_series_day(6);
    list += "Alpha Santé;Hébergeur d'infrastructure physique;1, 2;Organisme A;01/01/2020;31/12/2022;note b\n"; // a duplicate
    list += "Bravo;Hébergeur infogéreur;5;;;;\n" + name_of(3) + ";Hébergeur infogéreur;3, 4;Organisme C;01/01/2020;31/12/2022;\n";
    const auto write = [&](const std::filesystem::path& folder, bool after_another) {
        auto db = hds::database::open(folder / "hds.db");
        hds::ingest_options options;
        if (after_another) {
            options.date = "2019-12-01";
            hds::ingest_snapshot(db, {dir_.write("other.csv", "Raison sociale;Type de certificat;Activités\nZulu Autre;physique;1\n")},
                                 options);
        }
        options.date = day(6);
        options.skip_bad_rows = true;
        const auto summary = hds::ingest_snapshot(db, {dir_.write("list.csv", list)}, options);
        // Foreign keys are on again for what the connection does next.
        EXPECT_EQ(hds::connection(db).execAndGet("PRAGMA foreign_keys").getInt(), 1);
        return summary;
    };
    temp_dir first, second;
    const auto summary = write(first.path(), false);
    const auto other = write(second.path(), true);
    EXPECT_EQ(summary.rows_rejected, 2U);
    EXPECT_EQ(std::tie(summary.companies, summary.certificates, summary.new_companies),
              std::tie(other.companies, other.certificates, other.new_companies));

    std::vector<std::string> wanted;
    for (auto& line : dump(second.path() / "hds.db"))
        if (line.find("zulu") == std::string::npos && line.find("2019-12-01") == std::string::npos) wanted.push_back(line);
    const auto got = dump(first.path() / "hds.db");
    EXPECT_EQ(got, wanted);
    EXPECT_NE(std::find(got.begin(), got.end(), "span alphasante 15 note b; note a " + day(6) + " open"), got.end());
    SQLite::Database db((first.path() / "hds.db").string());
    EXPECT_FALSE(SQLite::Statement(db, "PRAGMA foreign_key_check").executeStep());
}

// A first snapshot that fails leaves the store empty, with foreign keys on.
TEST_F(store, a_failed_first_snapshot_leaves_an_empty_store_with_foreign_keys_on)
{
    EXPECT_THROW(ingest(header + "Alpha;Hébergeur infogéreur;3;;;\nAlpha;Hébergeur infogéreur;3;;;\n", "2020-01-01"), hds::error);
    EXPECT_EQ(hds::connection(db_).execAndGet("PRAGMA foreign_keys").getInt(), 1);
    EXPECT_EQ(count("SELECT (SELECT count(*) FROM company) + (SELECT count(*) FROM certificate) + (SELECT count(*) FROM snapshot)"), 0);
    // The next one is a first snapshot again.
    std::map<std::string, std::vector<std::size_t>> lines;
    ingest(registry({1, 2}, lines), "2020-01-01");
    EXPECT_EQ(count("SELECT count(*) FROM company"), 2);
    expect_no_orphans();
}

// A first snapshot writes its certificates without CHECKs, which hold by construction; the connection applies
// them again afterwards, to the next statements and to those it had prepared before.
TEST_F(store, after_a_first_snapshot_the_connection_checks_again)
{
    auto& sql = hds::connection(db_);
    SQLite::Statement prepared_before(sql, "INSERT INTO certificate (company_id, certificate_type, valid_from, activities) "
                                           "VALUES (1, 1, '2020-01-01T00:00', 1)");
    ingest(header + "Alpha;Hébergeur infogéreur;3;;;\n", "2020-01-01");
    EXPECT_THROW(sql.exec("INSERT INTO certificate (company_id, certificate_type, activities) VALUES (1, 1, 64)"), SQLite::Exception);
    EXPECT_THROW(prepared_before.exec(), SQLite::Exception);
    EXPECT_EQ(count("SELECT count(*) FROM certificate"), 1);
}

// A first snapshot discards its staged rows with the connection's temporary database (snapshot_writer.cpp); the
// connection's temp_store setting stays as it was, and the next ingest on it stages its rows again.
TEST_F(store, a_first_snapshot_leaves_no_staged_rows_on_the_connection)
{
    auto& sql = hds::connection(db_);
    sql.exec("PRAGMA temp_store = MEMORY");
    ingest(header + "Alpha;Hébergeur infogéreur;3;;;\nBeta;Hébergeur infogéreur;4;;;\n", "2020-01-01");
    const auto on_the_connection = [&](const char* query) { return sql.execAndGet(query).getInt(); };
    EXPECT_EQ(on_the_connection("SELECT count(*) FROM temp.sqlite_schema"), 0);
    EXPECT_EQ(on_the_connection("PRAGMA temp_store"), 2);
    ingest(header + "Alpha;Hébergeur infogéreur;3;;;\nGamma;Hébergeur infogéreur;5;;;\n", "2020-01-02");
    EXPECT_EQ(on_the_connection("SELECT count(*) FROM temp.sqlite_schema"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM company"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM v_listing WHERE snapshot_date = '2020-01-02'"), 2);
}

// The foreign keys a first snapshot's writing leaves unchecked are checked once before its commit: a row that
// breaks one is named.
TEST(first_snapshot, a_broken_foreign_key_is_named)
{
    temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    auto& sql = hds::connection(db);
    hds::store::check_foreign_keys(sql, "certificate");
    sql.exec("PRAGMA foreign_keys = OFF; INSERT INTO certificate (id, company_id, certificate_type, activities) VALUES (7, 99, 2, 16)");
    try {
        hds::store::check_foreign_keys(sql, "certificate");
        ADD_FAILURE() << "no error";
    } catch (const hds::error& e) {
        EXPECT_EQ(e.kind(), hds::error_kind::database);
        EXPECT_NE(std::string(e.what()).find("row 7 of table certificate refers to a missing row of table company"), std::string::npos)
            << e.what();
    }
}

// activity_union ORs a group's activity sets: a repeated activity counts once (a sum would not), a NULL adds
// nothing, and a union over no row is NULL.
TEST(activity_union, is_the_union_of_a_group_s_activities)
{
    temp_dir dir;
    auto db = hds::database::open(dir.path() / "hds.db");
    auto& sql = hds::connection(db);
    EXPECT_EQ(sql.execAndGet("SELECT group_concat(u, ' ') FROM (SELECT column1, activity_union(column2) AS u FROM (VALUES "
                             "(1, 1), (1, 4), (1, NULL), (1, 4), (1, 32), (2, 12), (2, 6)) GROUP BY column1 ORDER BY column1)")
                  .getString(),
              "37 14");
    EXPECT_TRUE(sql.execAndGet("SELECT activity_union(1) WHERE 0").isNull());
}

// A database of the previous schema (listing_span with the line in the key) carries over: presence, lines
// and open spans.
TEST(store_migration, a_database_of_the_previous_schema_keeps_presence_and_lines)
{
    temp_dir dir;
    const auto path = dir.path() / "hds.db";
    {
        SQLite::Database old(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        hds::store::migrate(old, 5);
        old.exec(R"(
            INSERT INTO company (id, key, display_name) VALUES (1, 'ebrc', 'EBRC'), (2, 'ivbar', 'Ivbar');
            INSERT INTO snapshot (id, date, parser_version, ingested_at) VALUES
                (1, '2019-01-01', '0', 'x'), (2, '2020-01-01', '0', 'x'), (3, '2021-01-01', '0', 'x');
            INSERT INTO source_file VALUES (1, 1, 'a.csv', printf('%064d', 1), 'csv', 1, 2),
                (2, 1, 'b.csv', printf('%064d', 2), 'csv', 1, 2), (3, 1, 'c.csv', printf('%064d', 3), 'csv', 1, 2);
            INSERT INTO certificate (id, company_id, certificate_type, activities) VALUES (10, 1, 1, 1), (20, 2, 2, 16);
            -- EBRC at line 2 then line 3 (a row moved): two listing spans, one presence.
            INSERT INTO listing_span (certificate_id, file_ordinal, line, first_date, last_date) VALUES
                (10, 1, 2, '2019-01-01', '2019-01-01'), (10, 1, 3, '2020-01-01', '2021-01-01'),
                (20, 1, 2, '2020-01-01', '2021-01-01');
            INSERT INTO company_span (company_id, activities, first_date, last_date) VALUES
                (1, 1, '2019-01-01', '2021-01-01'), (2, 16, '2020-01-01', '2021-01-01');)");
    }
    auto db = hds::database::open(path, hds::open_mode::existing);
    SQLite::Database check(path.string());
    EXPECT_EQ(check.execAndGet("SELECT group_concat(first_date || '..' || ifnull(last_date, 'open'), ' ') "
                               "FROM certificate_span WHERE certificate_id = 10").getString(), "2019-01-01..open");
    EXPECT_EQ(check.execAndGet("SELECT group_concat(line, ' ') FROM (SELECT line FROM v_listing_line "
                               "WHERE certificate_id = 10 ORDER BY snapshot_date)").getString(), "2 3 3");
    EXPECT_EQ(check.execAndGet("SELECT count(*) FROM company_span WHERE last_date IS NULL").getInt(), 2);
    const auto listed = hds::companies(db, hds::resolve_snapshot(db, "2020-01-01"));
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].certificates.at(0).line, 3U);
    EXPECT_EQ(listed[0].certificates.at(0).file, "b.csv");
}

} // namespace
