#include "readers/zip_archive.hpp"

#include <unzip.h>

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include "hds/error.hpp"

namespace hds::readers {
namespace {

std::string mebibytes(std::size_t bytes) { return std::to_string(bytes >> 20U) + " MiB"; }

// minizip reads through these callbacks: the archive is `bytes`, already in memory.
struct memory_file {
    std::string_view bytes;
    std::size_t position = 0;
};

voidpf ZCALLBACK open_memory(voidpf opaque, const void*, int) { return opaque; }

uLong ZCALLBACK read_memory(voidpf, voidpf stream, void* buffer, uLong size)
{
    auto& file = *static_cast<memory_file*>(stream);
    const std::size_t count = std::min<std::size_t>(size, file.bytes.size() - file.position);
    std::memcpy(buffer, file.bytes.data() + file.position, count);
    file.position += count;
    return static_cast<uLong>(count);
}

uLong ZCALLBACK write_memory(voidpf, voidpf, const void*, uLong) { return 0; } // read only

ZPOS64_T ZCALLBACK tell_memory(voidpf, voidpf stream) { return static_cast<memory_file*>(stream)->position; }

long ZCALLBACK seek_memory(voidpf, voidpf stream, ZPOS64_T offset, int origin)
{
    auto& file = *static_cast<memory_file*>(stream);
    const ZPOS64_T from = origin == ZLIB_FILEFUNC_SEEK_SET ? 0
                          : origin == ZLIB_FILEFUNC_SEEK_CUR ? file.position
                                                             : file.bytes.size();
    if (offset > file.bytes.size() - from) return -1;
    file.position = static_cast<std::size_t>(from + offset);
    return 0;
}

int ZCALLBACK close_memory(voidpf, voidpf) { return 0; }
int ZCALLBACK error_memory(voidpf, voidpf) { return 0; }

/// What a negative minizip or zlib code means, for the message.
std::string reason(int code)
{
    switch (code) {
    case UNZ_BADZIPFILE: return "bad ZIP structure";
    case UNZ_CRCERROR: return "CRC error";
    case Z_DATA_ERROR: return "invalid compressed data";
    case Z_MEM_ERROR: return "out of memory";
    default: return "error " + std::to_string(code);
    }
}

/// The entry open for reading: closed when left by an exception too. close() is where minizip checks the CRC
/// of what inflated.
class open_entry {
public:
    explicit open_entry(unzFile zip) : zip_(zip) {}
    ~open_entry()
    {
        if (zip_ != nullptr) unzCloseCurrentFile(zip_);
    }
    open_entry(const open_entry&) = delete;
    open_entry& operator=(const open_entry&) = delete;
    int close() { return unzCloseCurrentFile(std::exchange(zip_, nullptr)); }

private:
    unzFile zip_;
};

} // namespace

struct zip_archive::handle {
    memory_file file;
    unzFile zip = nullptr;
    ~handle()
    {
        if (zip != nullptr) unzClose(zip);
    }
};

zip_archive::zip_archive(std::string_view bytes, std::string source, zip_limits limits)
    : zip_(std::make_unique<handle>()), source_(std::move(source)), limits_(limits)
{
    zip_->file.bytes = bytes;
    zlib_filefunc64_def functions{open_memory, read_memory, write_memory, tell_memory,
                                  seek_memory, close_memory, error_memory, &zip_->file};
    zip_->zip = unzOpen2_64(source_.c_str(), &functions);
    // minizip says no more than that it found no ZIP directory at the end of the bytes.
    unz_global_info64 info{};
    if (zip_->zip == nullptr || unzGetGlobalInfo64(zip_->zip, &info) != UNZ_OK)
        throw error(error_kind::input, location{source_, 0}, "not a ZIP archive (no central directory)");
    if (info.number_entry > limits_.max_entries)
        throw error(error_kind::input, location{source_, 0},
                    std::to_string(info.number_entry) + " entries in the archive (more than " +
                        std::to_string(limits_.max_entries) + ": not a workbook)");
}

zip_archive::~zip_archive() = default;
zip_archive::zip_archive(zip_archive&&) noexcept = default;
zip_archive& zip_archive::operator=(zip_archive&&) noexcept = default;

std::optional<std::string> zip_archive::read(const std::string& name)
{
    // 1: names compare exactly, as a workbook's parts are named.
    if (unzLocateFile(zip_->zip, name.c_str(), 1) != UNZ_OK) return std::nullopt;
    const auto damaged = [&](const std::string& why) {
        return error(error_kind::input, location{source_, 0}, name + ": damaged entry (" + why + ")");
    };
    unz_file_info64 info{};
    if (const int rc = unzGetCurrentFileInfo64(zip_->zip, &info, nullptr, 0, nullptr, 0, nullptr, 0); rc != UNZ_OK)
        throw damaged(reason(rc));
    if ((info.flag & 1U) != 0) throw damaged("encrypted");
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
        throw damaged("compression method " + std::to_string(info.compression_method) + ", not deflate");
    if (const int rc = unzOpenCurrentFile(zip_->zip); rc != UNZ_OK) throw damaged(reason(rc));
    open_entry entry(zip_->zip);
    // The sizes an archive declares may lie: count what inflates, and stop at the bound.
    std::string out;
    std::vector<char> block(1U << 16U);
    for (;;) {
        const int got = unzReadCurrentFile(zip_->zip, block.data(), static_cast<unsigned>(block.size()));
        if (got < 0) throw damaged(reason(got));
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
    if (const int rc = entry.close(); rc != UNZ_OK) throw damaged(reason(rc));
    return out;
}

} // namespace hds::readers
