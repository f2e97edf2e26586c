// Standard input as a file: `hds ingest DB -` reads it. The readers read a file more than once (its hash, its
// head for the format, the CSV's two passes), so standard input is copied once, a block at a time, to a
// temporary file of this process that is removed when the copy goes out of scope.
//
// Thread-safety: one thread; standard input is read once per process.
#pragma once

#include <filesystem>

namespace hds::readers {

class standard_input_copy {
public:
    /// Copies all of standard input in blocks of 1 MiB (memory does not grow with it). Throws
    /// hds::error(io) "-: read error: REASON" or "-: cannot copy standard input to a temporary file: REASON".
    standard_input_copy();
    ~standard_input_copy();
    standard_input_copy(const standard_input_copy&) = delete;
    standard_input_copy& operator=(const standard_input_copy&) = delete;

    /// The temporary file holding the bytes read.
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

private:
    std::filesystem::path path_;
};

} // namespace hds::readers
