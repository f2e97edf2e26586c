// What each `hds` command does once its arguments are parsed: open the database, call the library, print.
// main.cpp wires these to CLI11; each returns the process's exit code and throws hds::error on failure.
//
// Thread-safety: call from one thread (they print to the given streams).
#pragma once

#include <chrono>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace hds::cli {

/// What every read command shares.
struct read_options {
    std::filesystem::path db;
    std::string format = "table"; ///< table, csv, json or ndjson
};

struct ingest_command {
    std::filesystem::path db;
    std::vector<std::filesystem::path> files;
    std::string date;
    std::optional<std::string> label;
    std::string format = "auto"; ///< of the input files: auto, csv, html, json, xlsx or ods
    std::optional<std::string> sheet; ///< of a workbook; default: the first whose header names a company
    std::optional<std::filesystem::path> mapping;
    bool replace = false;
    bool skip_bad_rows = false;
    bool verbose = false; ///< the library then logs its own summary and warnings too, and each stage's time
    bool quiet = false;   ///< no progress line on the terminal
};

struct annotate_command {
    std::filesystem::path db;
    std::filesystem::path file;
    bool verbose = false; ///< the library then logs its own summary and warnings too
};

struct alias_command {
    std::filesystem::path db;
    std::string name;
    std::string canonical;
};

struct breakdown_command : read_options {
    std::string by;
    std::string snapshot = "latest";
};

struct companies_command : read_options {
    std::string snapshot = "latest";
    std::vector<int> activities; ///< 1..6, checked by the parser
    std::optional<std::string> nationality;
    std::optional<std::string> positioning;
};

struct diff_command : read_options {
    std::string from;
    std::string to;
};

struct as_of_command : read_options {
    std::string date;
    std::optional<int> activity; ///< 1..6, checked by the parser
};

struct findings_command : read_options {
    /// Each a built-in set's name or a directory of .sql files; none: the article's set.
    std::vector<std::string> sets;
};

/// How long every command's database waits for another program's lock (`hds --busy-timeout MS`); the
/// library's default (5 s) until set. One command runs per process, so this is the process's setting.
void set_busy_timeout(std::chrono::milliseconds timeout);

int run_init(const std::filesystem::path& db, std::ostream& out);
int run_ingest(const ingest_command& c, std::ostream& out);
int run_annotate(const annotate_command& c, std::ostream& out);
int run_alias(const alias_command& c, std::ostream& out);
int run_snapshots(const read_options& c, std::ostream& out);
int run_breakdown(const breakdown_command& c, std::ostream& out);
int run_companies(const companies_command& c, std::ostream& out);
int run_diff(const diff_command& c, std::ostream& out);
int run_as_of(const as_of_command& c, std::ostream& out);
/// 0 when no finding fails, 1 otherwise.
int run_findings(const findings_command& c, std::ostream& out);

} // namespace hds::cli
