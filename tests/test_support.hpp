// What the library's tests share: a temporary directory per test and file helpers.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace hds::testing_support {

/// A fresh directory under testing::TempDir(), removed with everything in it when the test ends.
class temp_dir {
public:
    temp_dir()
    {
        std::random_device random;
        path_ = std::filesystem::path(::testing::TempDir()) / ("hds-" + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~temp_dir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

    /// Writes `bytes` to a file in the directory and returns its path.
    std::filesystem::path write(const std::string& name, const std::string& bytes) const
    {
        const auto file = path_ / name;
        std::ofstream(file, std::ios::binary) << bytes;
        return file;
    }

private:
    std::filesystem::path path_;
};

/// The line each row of a table starts on, and its cells: what reader tests compare.
template <typename Table>
std::vector<std::size_t> lines_of(const Table& table)
{
    std::vector<std::size_t> lines;
    for (const auto& row : table.rows) lines.push_back(row.line);
    return lines;
}

template <typename Table>
std::vector<std::vector<std::string>> cells_of(const Table& table)
{
    std::vector<std::vector<std::string>> all;
    for (const auto& row : table.rows) all.push_back(row.cells);
    return all;
}

inline std::string read_bytes(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace hds::testing_support
