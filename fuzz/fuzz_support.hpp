// What every libFuzzer target shares: the input as text, and the rule that hds::error (a clear refusal) is the
// only way out besides success; any other exception, a crash, a leak or a sanitizer report is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

#include "hds/error.hpp"

namespace hds::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

/// Runs `body`, letting only hds::error through as an accepted outcome.
template <typename Body>
void refusals_allowed(Body&& body)
{
    try {
        body();
    } catch (const hds::error&) {
    }
}

/// The input written to a file of this process's own, for the readers that take a path.
inline std::filesystem::path as_file(std::string_view bytes, const char* name)
{
    const auto path = std::filesystem::temp_directory_path() /
                      ("hds-fuzz-" + std::to_string(getpid()) + "-" + name);
    std::FILE* out = std::fopen(path.c_str(), "wb");
    if (out == nullptr) std::abort();
    std::fwrite(bytes.data(), 1, bytes.size(), out);
    std::fclose(out);
    return path;
}

} // namespace hds::fuzz
