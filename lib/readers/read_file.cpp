#include "readers/read_file.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include <openssl/evp.h>

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
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1)
        throw error(error_kind::io, "sha256 failed");
    std::vector<char> chunk(block_bytes);
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        if (in.gcount() > 0) EVP_DigestUpdate(context.get(), chunk.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) throw error(error_kind::io, location{path.string(), 0}, "read error");
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_DigestFinal_ex(context.get(), digest.data(), &size);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += hex[digest[i] >> 4U];
        out += hex[digest[i] & 0xFU];
    }
    return out;
}

} // namespace hds::readers
