// ZIP archives made in a test with libzip, for workbooks no spreadsheet program would write: bombs, too many
// entries, broken XML.
#pragma once

#include <zip.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace hds::testing_zip {

/// The bytes of a ZIP archive holding `entries` (name, content), deflated, in order.
inline std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries)
{
    static int made = 0;
    const auto path = std::filesystem::temp_directory_path() /
                      ("hds-test-" + std::to_string(getpid()) + "-" + std::to_string(made++) + ".zip");
    int error_code = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error_code);
    if (zip == nullptr) throw std::runtime_error("zip_open failed");
    for (const auto& [name, content] : entries) {
        zip_source_t* source = zip_source_buffer(zip, content.data(), content.size(), 0);
        if (source == nullptr || zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(source);
            zip_discard(zip);
            throw std::runtime_error("zip_file_add failed");
        }
    }
    if (zip_close(zip) != 0) throw std::runtime_error("zip_close failed");
    std::ifstream in(path, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::filesystem::remove(path);
    return bytes;
}

} // namespace hds::testing_zip
