// A file's bytes, as every reader and loader takes them.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace hds::readers {

/// The whole file. Throws hds::error(io) "PATH: cannot read the file" or "PATH: read error".
std::string read_file(const std::filesystem::path& path);

/// The file's bytes in blocks of 1 MiB, read again at each call: for readers that stream a file of any size.
/// Throws as read_file.
std::function<void(const std::function<void(std::string_view)>&)> file_blocks(const std::filesystem::path& path);

/// The first `size` bytes of the file, or all of it when shorter. Throws as read_file.
std::string read_head(const std::filesystem::path& path, std::size_t size);

/// The SHA-256 of the file's bytes in hex, read in chunks. Throws as read_file.
std::string sha256_of_file(const std::filesystem::path& path);

} // namespace hds::readers
