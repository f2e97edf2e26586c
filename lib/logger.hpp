// The library's spdlog logger, kept out of public headers (see include/hds/log.hpp).
#pragma once

#include <memory>

#include <spdlog/logger.h>

namespace hds {

/// The "hds" logger every part of the library logs through.
std::shared_ptr<spdlog::logger> logger();

} // namespace hds
