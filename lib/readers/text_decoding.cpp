#include "readers/text_decoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>

#include "hds/error.hpp"

namespace hds::readers {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view utf16le_bom = "\xFF\xFE";
constexpr std::string_view utf16be_bom = "\xFE\xFF";

/// 1-based line of `offset` in `text`.
std::size_t line_at(std::string_view text, std::size_t offset)
{
    const auto before = text.substr(0, std::min(offset, text.size()));
    return 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
}

[[noreturn]] void fail(const std::string& source, std::size_t line, const std::string& message)
{
    throw error(error_kind::input, location{source, line}, message);
}

void reject_nul(std::string_view text, const std::string& source)
{
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        fail(source, line_at(text, nul), "binary data (NUL byte), not a text file");
}

/// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629: no overlong
/// forms, no surrogates, nothing above U+10FFFF), or nothing when all of `text` is UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text)
{
    std::size_t i = 0;
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    while (i < text.size()) {
        const unsigned char lead = byte(i);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned char low = 0x80; // range of the second byte, narrowed to exclude overlongs and surrogates
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;
            if (lead == 0xED) high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) low = 0x90;
            if (lead == 0xF4) high = 0x8F;
        } else {
            return i;
        }
        if (i + length > text.size()) return i;
        if (byte(i + 1) < low || byte(i + 1) > high) return i;
        for (std::size_t k = 2; k < length; ++k)
            if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return i;
        i += length;
    }
    return std::nullopt;
}

/// An iconv conversion descriptor, closed on destruction.
class iconv_handle {
public:
    iconv_handle(const char* to, const char* from) : cd_(iconv_open(to, from))
    {
        if (cd_ == invalid())
            throw error(error_kind::io, std::string("iconv cannot convert from ") + from + " to " + to);
    }
    iconv_handle(const iconv_handle&) = delete;
    iconv_handle& operator=(const iconv_handle&) = delete;
    iconv_handle(iconv_handle&& other) noexcept : cd_(std::exchange(other.cd_, invalid())) {}
    iconv_handle& operator=(iconv_handle&& other) noexcept
    {
        if (this != &other) {
            close();
            cd_ = std::exchange(other.cd_, invalid());
        }
        return *this;
    }
    ~iconv_handle() { close(); }

    [[nodiscard]] iconv_t get() const noexcept { return cd_; }

private:
    // iconv_open reports failure as (iconv_t)-1, not as a null pointer.
    static iconv_t invalid() noexcept { return reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1)); }
    void close() noexcept
    {
        if (cd_ != invalid()) iconv_close(cd_);
        cd_ = invalid();
    }

    iconv_t cd_;
};

/// Why a conversion stopped early, and where: `offset` is in the input, `utf8` is what was converted so far
/// (its line count locates the problem in terms the user sees).
struct conversion_failure {
    std::size_t offset;
    bool truncated; ///< the input ends in the middle of a character (EINVAL) rather than holding a bad one
    std::string utf8;
};

/// Converts `input` from `from` to UTF-8; returns the text, or where the conversion failed.
std::pair<std::string, std::optional<conversion_failure>> convert(std::string_view input, const char* from)
{
    const iconv_handle cd("UTF-8", from);
    std::string out;
    // iconv's interface takes char** even for the input it only reads.
    char* in_ptr = const_cast<char*>(input.data());
    std::size_t in_left = input.size();
    char buffer[4096];
    while (in_left > 0) {
        char* out_ptr = buffer;
        std::size_t out_left = sizeof buffer;
        const std::size_t result = iconv(cd.get(), &in_ptr, &in_left, &out_ptr, &out_left);
        const int reason = errno; // read before append, which may allocate and touch errno
        out.append(buffer, sizeof buffer - out_left);
        if (result != static_cast<std::size_t>(-1) || reason == E2BIG) continue;
        const auto offset = static_cast<std::size_t>(in_ptr - input.data());
        return {std::string(), conversion_failure{offset, reason == EINVAL, std::move(out)}};
    }
    return {std::move(out), std::nullopt};
}

decoded_text decode_utf16(std::string_view bytes, const char* from, const char* name, const std::string& source)
{
    auto [utf8, failure] = convert(bytes, from);
    if (failure) {
        fail(source, line_at(failure->utf8, failure->utf8.size()),
             failure->truncated ? "UTF-16 text ends in the middle of a character"
                                : "invalid UTF-16 (unpaired surrogate)");
    }
    // A NUL code unit is as binary in UTF-16 as a NUL byte is elsewhere; it can only be seen once converted.
    reject_nul(utf8, source);
    return {std::move(utf8), name};
}

std::string hex_byte(unsigned char b)
{
    constexpr std::string_view digits = "0123456789ABCDEF";
    return std::string("0x") + digits[b >> 4U] + digits[b & 0x0FU];
}

} // namespace

decoded_text decode_text(std::string_view bytes, const std::string& source)
{
    // The UTF-16 marks come first: UTF-16 text is full of NUL bytes.
    if (bytes.starts_with(utf16le_bom)) return decode_utf16(bytes.substr(2), "UTF-16LE", "utf-16le", source);
    if (bytes.starts_with(utf16be_bom)) return decode_utf16(bytes.substr(2), "UTF-16BE", "utf-16be", source);

    if (bytes.starts_with(utf8_bom)) {
        const auto text = bytes.substr(utf8_bom.size());
        reject_nul(text, source);
        // The mark is a promise: a bad byte after it is an error, not a hint to try another encoding.
        if (const auto bad = first_invalid_utf8(text))
            fail(source, line_at(text, *bad), "invalid UTF-8 byte sequence");
        return {std::string(text), "utf-8 (bom)"};
    }

    reject_nul(bytes, source);
    if (!first_invalid_utf8(bytes)) return {std::string(bytes), "utf-8"};

    auto [utf8, failure] = convert(bytes, "WINDOWS-1252");
    if (failure) {
        // Windows-1252 is a single-byte encoding, so iconv can only stop on one of its five undefined bytes.
        const auto b = static_cast<unsigned char>(bytes[failure->offset]);
        fail(source, line_at(bytes, failure->offset), "byte " + hex_byte(b) + " is neither UTF-8 nor Windows-1252");
    }
    return {std::move(utf8), "windows-1252"};
}

decoded_text decode_owned_text(std::string&& bytes, const std::string& source)
{
    // Text that is already UTF-8 is taken over, not copied: a large export is held once.
    const std::string_view view = bytes;
    if (!view.starts_with(utf16le_bom) && !view.starts_with(utf16be_bom) && view.find('\0') == std::string_view::npos) {
        const bool bom = view.starts_with(utf8_bom);
        const auto text = bom ? view.substr(utf8_bom.size()) : view;
        if (!first_invalid_utf8(text)) {
            if (bom) bytes.erase(0, utf8_bom.size());
            return {std::move(bytes), bom ? "utf-8 (bom)" : "utf-8"};
        }
    }
    return decode_text(std::string_view(bytes), source);
}

} // namespace hds::readers
