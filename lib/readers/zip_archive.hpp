// A ZIP container held in memory (an .xlsx or .ods workbook), read through minizip with bounds that make an
// archive bomb a clear refusal instead of gigabytes of memory: the number of entries, the size of each entry
// read and the total read are all capped, on the bytes actually inflated, not on the sizes the archive claims.
//
// Thread-safety: one thread per zip_archive; it is movable, not copyable.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace hds::readers {

struct zip_limits {
    std::size_t max_entries = 10'000;           ///< a workbook has tens of entries
    std::size_t max_entry_bytes = 64U << 20U;  ///< one part inflated (a sheet of 100,000 rows is ~30 MiB)
    std::size_t max_total_bytes = 128U << 20U; ///< all parts read from one archive, together
};

class zip_archive {
public:
    /// Opens the archive in `bytes`, which must outlive it. Throws hds::error(input) "SOURCE: not a ZIP
    /// archive (...)" or "SOURCE: N entries in the archive (more than 10000: not a workbook)".
    zip_archive(std::string_view bytes, std::string source, zip_limits limits = {});
    ~zip_archive();
    zip_archive(zip_archive&&) noexcept;
    zip_archive& operator=(zip_archive&&) noexcept;
    zip_archive(const zip_archive&) = delete;
    zip_archive& operator=(const zip_archive&) = delete;

    /// The inflated bytes of the entry `name`, nullopt when there is none. Throws hds::error(input)
    /// "SOURCE: NAME inflates to more than 64 MiB (an archive bomb?)", the same for the total read, or
    /// "SOURCE: NAME: damaged entry (...)" for a corrupt entry.
    std::optional<std::string> read(const std::string& name);

    [[nodiscard]] const std::string& source() const noexcept { return source_; }

private:
    struct handle;
    std::unique_ptr<handle> zip_;
    std::string source_;
    zip_limits limits_;
    std::size_t total_read_ = 0;
};

} // namespace hds::readers
