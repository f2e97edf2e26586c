// A file's bytes, as every reader and loader takes them.
#pragma once

#include <filesystem>
#include <string>

namespace hds::readers {

/// The whole file. Throws hds::error(io) "PATH: cannot read the file" or "PATH: read error".
std::string read_file(const std::filesystem::path& path);

/// The SHA-256 of the file's bytes in hex, read in chunks. Throws as read_file.
std::string sha256_of_file(const std::filesystem::path& path);

} // namespace hds::readers
