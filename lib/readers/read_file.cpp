#include "readers/read_file.hpp"

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include <nettle/sha2.h>

#include "hds/error.hpp"

namespace hds::readers {
namespace {

/// An ifstream on `path`, or an error that says why not ("No such file or directory"): a directory opens
/// as a stream on Linux and only fails on the first read, so it is refused by name first.
std::ifstream open_input(const std::filesystem::path& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw error(error_kind::io, location{path.string(), 0}, "is a directory, not a file");
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw error(error_kind::io, location{path.string(), 0},
                    std::string("cannot read the file: ") + (errno != 0 ? std::strerror(errno) : "unknown reason"));
    return in;
}

// Files are read a block at a time. 64 KiB stays in the heap and in the CPU's cache; a block of 1 MiB was a
// fresh mapping for each file read, zeroed page by page.
constexpr std::size_t block_bytes = 64 * 1024;

} // namespace

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in = open_input(path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) throw error(error_kind::io, location{path.string(), 0}, "read error");
    return std::move(bytes).str();
}

std::function<void(const std::function<void(std::string_view)>&)> file_blocks(const std::filesystem::path& path)
{
    return [path](const std::function<void(std::string_view)>& on_block) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw error(error_kind::io, path.string() + ": cannot read the file");
        std::vector<char> block(block_bytes);
        while (in) {
            in.read(block.data(), static_cast<std::streamsize>(block.size()));
            if (in.gcount() > 0) on_block(std::string_view(block.data(), static_cast<std::size_t>(in.gcount())));
        }
        if (in.bad()) throw error(error_kind::io, path.string() + ": read error");
    };
}

std::string read_head(const std::filesystem::path& path, std::size_t size)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(error_kind::io, path.string() + ": cannot read the file");
    std::string head(size, '\0');
    in.read(head.data(), static_cast<std::streamsize>(size));
    if (in.bad()) throw error(error_kind::io, path.string() + ": read error");
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

std::string sha256_of_file(const std::filesystem::path& path)
{
    std::ifstream in = open_input(path);
    sha256_ctx context{};
    sha256_init(&context);
    std::vector<char> chunk(block_bytes);
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        if (in.gcount() > 0)
            sha256_update(&context, static_cast<std::size_t>(in.gcount()), reinterpret_cast<const std::uint8_t*>(chunk.data()));
    }
    if (in.bad()) throw error(error_kind::io, location{path.string(), 0}, "read error");
    std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
    sha256_digest(&context, digest.size(), digest.data());
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (const std::uint8_t byte : digest) {
        out += hex[byte >> 4U];
        out += hex[byte & 0xFU];
    }
    return out;
}

} // namespace hds::readers
