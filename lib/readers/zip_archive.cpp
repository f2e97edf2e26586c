#include "readers/zip_archive.hpp"

#include <zip.h>

#include <vector>

#include "hds/error.hpp"

namespace hds::readers {
namespace {

std::string mebibytes(std::size_t bytes) { return std::to_string(bytes >> 20U) + " MiB"; }

struct zip_file_closer {
    void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
};

} // namespace

struct zip_archive::handle {
    zip_t* zip = nullptr;
    ~handle()
    {
        if (zip != nullptr) zip_discard(zip); // read only: nothing to write back
    }
};

zip_archive::zip_archive(std::string_view bytes, std::string source, zip_limits limits)
    : zip_(std::make_unique<handle>()), source_(std::move(source)), limits_(limits)
{
    zip_error_t error_state;
    zip_error_init(&error_state);
    zip_source_t* in = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error_state);
    if (in != nullptr) {
        zip_->zip = zip_open_from_source(in, ZIP_RDONLY, &error_state);
        if (zip_->zip == nullptr) zip_source_free(in); // on failure the source stays ours
    }
    if (zip_->zip == nullptr) {
        const std::string why = zip_error_strerror(&error_state);
        zip_error_fini(&error_state);
        throw error(error_kind::input, location{source_, 0}, "not a ZIP archive (" + why + ")");
    }
    zip_error_fini(&error_state);
    const zip_int64_t entries = zip_get_num_entries(zip_->zip, 0);
    if (entries < 0 || static_cast<std::size_t>(entries) > limits_.max_entries)
        throw error(error_kind::input, location{source_, 0},
                    std::to_string(entries) + " entries in the archive (more than " +
                        std::to_string(limits_.max_entries) + ": not a workbook)");
}

zip_archive::~zip_archive() = default;
zip_archive::zip_archive(zip_archive&&) noexcept = default;
zip_archive& zip_archive::operator=(zip_archive&&) noexcept = default;

std::optional<std::string> zip_archive::read(const std::string& name)
{
    const zip_int64_t index = zip_name_locate(zip_->zip, name.c_str(), 0);
    if (index < 0) return std::nullopt;
    const std::unique_ptr<zip_file_t, zip_file_closer> file(
        zip_fopen_index(zip_->zip, static_cast<zip_uint64_t>(index), 0));
    if (!file)
        throw error(error_kind::input, location{source_, 0},
                    name + ": damaged entry (" + zip_error_strerror(zip_get_error(zip_->zip)) + ")");
    // The sizes an archive declares may lie: count what inflates, and stop at the bound.
    std::string out;
    std::vector<char> block(1U << 16U);
    for (;;) {
        const zip_int64_t got = zip_fread(file.get(), block.data(), block.size());
        if (got < 0)
            throw error(error_kind::input, location{source_, 0},
                        name + ": damaged entry (" + zip_error_strerror(zip_file_get_error(file.get())) + ")");
        if (got == 0) break;
        const auto size = static_cast<std::size_t>(got);
        if (out.size() + size > limits_.max_entry_bytes)
            throw error(error_kind::input, location{source_, 0},
                        name + " inflates to more than " + mebibytes(limits_.max_entry_bytes) +
                            " (an archive bomb? a registry sheet is a few MiB)");
        if (total_read_ + size > limits_.max_total_bytes)
            throw error(error_kind::input, location{source_, 0},
                        "the archive inflates to more than " + mebibytes(limits_.max_total_bytes) +
                            " (an archive bomb? a registry workbook is a few MiB)");
        out.append(block.data(), size);
        total_read_ += size;
    }
    return out;
}

} // namespace hds::readers
