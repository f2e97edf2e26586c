#include "readers/read_file.hpp"

#include <fstream>
#include <sstream>

#include "hds/error.hpp"

namespace hds::readers {

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(error_kind::io, path.string() + ": cannot read the file");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) throw error(error_kind::io, path.string() + ": read error");
    return std::move(bytes).str();
}

} // namespace hds::readers
