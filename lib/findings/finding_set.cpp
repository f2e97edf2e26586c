// Reading a findings set: a built-in one (sql/findings/SET/, embedded) or a directory of .sql files.
#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include "findings/finding_file.hpp"
#include "hds/error.hpp"
#include "hds/findings.hpp"
#include "readers/read_file.hpp"
#include "sql_scripts.hpp"

namespace hds {
namespace {

// One set's files in the order of their ids; an id a set holds twice is refused where it comes again.
finding_set ordered(std::string name, std::vector<findings::parsed_finding> files)
{
    std::map<std::string, const findings::parsed_finding*> by_id;
    for (const auto& f : files) {
        const auto [first, added] = by_id.emplace(f.definition.id, &f);
        if (!added)
            throw error(error_kind::input, location{f.definition.file, f.id_line},
                        "id " + f.definition.id + " again: " + first->second->definition.file + " has it");
    }
    finding_set set{std::move(name), {}};
    for (const auto& [id, f] : by_id) set.findings.push_back(f->definition);
    return set;
}

std::string builtin_names()
{
    std::string names;
    for (const auto& name : builtin_finding_sets()) names += (names.empty() ? "" : ", ") + name;
    return names;
}

} // namespace

std::vector<std::string> builtin_finding_sets()
{
    std::vector<std::string> names;
    for (const auto& f : sql::finding_files)
        if (std::find(names.begin(), names.end(), f.set) == names.end()) names.emplace_back(f.set);
    return names;
}

finding_set load_finding_set(const std::string& name_or_directory)
{
    std::vector<findings::parsed_finding> files;
    for (const auto& f : sql::finding_files)
        if (f.set == name_or_directory)
            files.push_back(findings::parse_finding_file(std::string(f.set) + "/" + std::string(f.name), f.text));
    if (!files.empty()) return ordered(name_or_directory, std::move(files));

    const std::filesystem::path directory(name_or_directory);
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec))
        throw error(error_kind::usage, "findings set " + name_or_directory +
                                           ": neither a directory nor a built-in set (" + builtin_names() + ")");
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(directory, ec))
        if (entry.path().extension() == ".sql" && entry.is_regular_file(ec)) paths.push_back(entry.path());
    if (ec) throw error(error_kind::io, name_or_directory + ": cannot list the directory: " + ec.message());
    if (paths.empty())
        throw error(error_kind::input, location{name_or_directory, 0},
                    "no .sql file: a findings set is a directory of .sql files, one finding a file");
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths)
        files.push_back(findings::parse_finding_file(path.string(), readers::read_file(path)));
    return ordered(name_or_directory, std::move(files));
}

} // namespace hds
