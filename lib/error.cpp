#include "hds/error.hpp"

namespace hds {
namespace {

std::string with_location(const location& where, const std::string& message)
{
    if (where.file.empty()) return message;
    if (where.cell) return where.file + ":" + *where.cell + ": " + message;
    if (where.line == 0) return where.file + ": " + message;
    return where.file + ":" + std::to_string(where.line) + ": " + message;
}

} // namespace

error::error(error_kind kind, const std::string& message)
    : std::runtime_error(message), kind_(kind), message_(message)
{
}

error::error(error_kind kind, location where, const std::string& message)
    : std::runtime_error(with_location(where, message)), kind_(kind), message_(message),
      where_(std::move(where))
{
}

} // namespace hds
