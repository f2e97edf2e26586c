// What the tests of the `hds` command line share: a fresh directory per test, running hds in it, and two
// small registry snapshots whose answers are worked out by hand (docs: cli-contract.md).
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "process.hpp"

namespace hds::testing_cli {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace hds::testing_process;

inline std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

inline const std::string registry_header =
    "Raison sociale;Type de certificat;Activités;Organisme certificateur;Date de certification;Date d'expiration\n";

// Snapshot 1, 2020-01-31: 3 companies.
//   Alpha Cloud {3,4} AFNOR; Bêta Santé {5,6} Bureau Veritas; Gamma Hosting {1} AFNOR.
inline const std::string snapshot_1 = registry_header +
                               "Alpha Cloud;Hébergeur infogéreur;3, 4;AFNOR Certification;01/02/2019;31/01/2022\n"
                               "Bêta Santé;Hébergeur infogéreur;5, 6;Bureau Veritas Certification;15/03/2019;14/03/2022\n"
                               "Gamma Hosting;Hébergeur d'infrastructure physique;1;AFNOR Certification;01/06/2019;31/05/2022\n";

// Snapshot 2, 2020-07-31: 4 companies, 5 certificates.
//   Alpha Cloud: same activities, moved from AFNOR to LNE (certificate diff "certifier").
//   Bêta Santé: renewed by the same body with activity 4 added (changed: added [4]; certificate "renewed").
//   Gamma Hosting: left. Délta Médical {1,2} and Epsilon Data {1..6}: entered.
inline const std::string snapshot_2 =
    registry_header +
    "Alpha Cloud;Hébergeur infogéreur;3, 4;LNE;01/02/2020;31/01/2023\n"
    "Bêta Santé;Hébergeur infogéreur;4, 5, 6;Bureau Veritas Certification;15/03/2020;14/03/2023\n"
    "Délta Médical;Hébergeur d'infrastructure physique;1, 2;AFNOR Certification;01/05/2020;30/04/2023\n"
    "Epsilon Data;Hébergeur d'infrastructure physique;1, 2;AFNOR Certification;01/05/2020;30/04/2023\n"
    "Epsilon Data;Hébergeur infogéreur;3, 4, 5, 6;AFNOR Certification;01/05/2020;30/04/2023\n";

// Two nationalities among the listed companies (FR, US); Délta Médical stays unknown; Zeta is listed nowhere.
inline const std::string annotations = "company,nationality,positioning,group,source\n"
                                "Alpha Cloud,FR,hosting,,test\n"
                                "Bêta Santé,FR,end_user,,test\n"
                                "Epsilon Data,US,hosting,Epsilon Group,test\n"
                                "Zeta Unlisted,DE,software,,test\n";

/// A fresh directory under testing::TempDir() for each test, removed afterwards.
class cli : public testing::Test {
protected:
    cli()
    {
        const auto* info = testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::path(testing::TempDir()) /
               ("hds_cli_" + std::string(info->name()) + "_" + std::to_string(getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    ~cli() override
    {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    fs::path path(const std::string& name) const { return dir_ / name; }
    std::string file(const std::string& name, const std::string& bytes) const
    {
        write_file(path(name), bytes);
        return path(name).string();
    }
    run_result run(const std::vector<std::string>& args) const { return run_program(HDS_CLI, args, dir_); }
    /// Runs a read command with --format json, expecting exit 0.
    json run_json(std::vector<std::string> args) const
    {
        args.insert(args.end(), {"--format", "json"});
        const run_result r = run(args);
        EXPECT_EQ(r.code, 0) << describe(r);
        try {
            return json::parse(r.out);
        } catch (const json::exception& e) {
            ADD_FAILURE() << e.what() << "\n" << describe(r);
            return json();
        }
    }
    /// Expects exit 2 and one line on standard error, "hds: " then a message holding `part`.
    void expect_error(const run_result& r, const std::string& part) const
    {
        EXPECT_EQ(r.code, 2) << describe(r);
        EXPECT_EQ(r.err.rfind("hds: ", 0), 0U) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_TRUE(contains(r.err, part)) << "expected \"" << part << "\" in: " << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
    }

    std::string db() const { return path("hds.db").string(); }

    fs::path dir_;
};

/// The two snapshots above ingested and annotated.
class cli_registry : public cli {
protected:
    cli_registry()
    {
        s1_ = file("registry-2020-01.csv", snapshot_1);
        s2_ = file("registry-2020-07.csv", snapshot_2);
        r1_ = run({"ingest", db(), s1_, "--date", "2020-01-31", "--label", "relevé de janvier"});
        r2_ = run({"ingest", db(), s2_, "--date", "2020-07-31"});
        ra_ = run({"annotate", db(), file("annotations.csv", annotations)});
        EXPECT_EQ(r1_.code, 0) << describe(r1_);
        EXPECT_EQ(r2_.code, 0) << describe(r2_);
        EXPECT_EQ(ra_.code, 0) << describe(ra_);
    }

    std::string s1_, s2_;
    run_result r1_, r2_, ra_;
};

} // namespace hds::testing_cli
