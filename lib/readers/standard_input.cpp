#include "readers/standard_input.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "hds/error.hpp"

namespace hds::readers {
namespace {

// Reading standard input failed: the input's fault (io); writing the copy failed: the machine's (a full
// disk, exit 3).
[[noreturn]] void fail(error_kind kind, const std::string& what, int number)
{
    throw error(kind, location{"-", 0}, what + ": " + std::strerror(number));
}

/// Closes the descriptor on every way out.
struct descriptor {
    int fd;
    ~descriptor()
    {
        if (fd >= 0) ::close(fd);
    }
};

} // namespace

standard_input_copy::standard_input_copy()
{
    std::string name = (std::filesystem::temp_directory_path() / "hds-stdin-XXXXXX").string();
    const descriptor out{::mkstemp(name.data())};
    if (out.fd < 0) fail(error_kind::operational, "cannot copy standard input to a temporary file", errno);
    path_ = name;
    try {
        std::vector<char> block(1U << 20U);
        for (;;) {
            const ssize_t got = ::read(STDIN_FILENO, block.data(), block.size());
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) fail(error_kind::io, "read error", errno);
            if (got == 0) break;
            for (ssize_t written = 0; written < got;) {
                const ssize_t n = ::write(out.fd, block.data() + written, static_cast<std::size_t>(got - written));
                if (n < 0 && errno == EINTR) continue;
                if (n < 0) fail(error_kind::operational, "cannot copy standard input to a temporary file", errno);
                written += n;
            }
        }
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
        throw;
    }
}

standard_input_copy::~standard_input_copy()
{
    std::error_code ignored; // a destructor does not throw; a leftover temporary file is all that can go wrong
    std::filesystem::remove(path_, ignored);
}

} // namespace hds::readers
