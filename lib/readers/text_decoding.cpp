#include "readers/text_decoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

#include "hds/error.hpp"

namespace hds::readers {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view utf16le_bom = "\xFF\xFE";
constexpr std::string_view utf16be_bom = "\xFE\xFF";

[[noreturn]] void fail(const std::string& source, std::size_t line, const std::string& message)
{
    throw error(error_kind::input, location{source, line}, message);
}

std::string hex_byte(unsigned char b)
{
    constexpr std::string_view digits = "0123456789ABCDEF";
    return std::string("0x") + digits[b >> 4U] + digits[b & 0x0FU];
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
    iconv_handle(iconv_handle&&) = delete;
    iconv_handle& operator=(iconv_handle&&) = delete;
    ~iconv_handle()
    {
        if (cd_ != invalid()) iconv_close(cd_);
    }

    [[nodiscard]] iconv_t get() const noexcept { return cd_; }

private:
    // iconv_open reports failure as (iconv_t)-1, not as a null pointer.
    static iconv_t invalid() noexcept { return reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1)); }
    iconv_t cd_;
};

/// Converts as much of `input` as iconv can, appending UTF-8 to `out`. Returns the bytes consumed and,
/// when it stopped early, why: EINVAL (the input ends inside a character) or EILSEQ (a bad one).
std::pair<std::size_t, int> convert_some(const iconv_handle& cd, std::string_view input, std::string& out)
{
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
        return {static_cast<std::size_t>(in_ptr - input.data()), reason};
    }
    return {input.size(), 0};
}

/// UTF-16 → UTF-8 block by block: a character cut by a block's end waits for the next block.
class utf16_decoder {
public:
    utf16_decoder(const char* from, const std::string& source) : cd_("UTF-8", from), source_(source) {}

    /// The UTF-8 of one more block. Throws, as decode_text does, on a bad character; lines count in the
    /// text converted so far, where the user sees them.
    std::string feed(std::string_view block)
    {
        std::string input = std::exchange(carry_, std::string()) + std::string(block);
        std::string out;
        const auto [used, reason] = convert_some(cd_, input, out);
        count(out);
        if (reason == EINVAL) carry_ = input.substr(used);
        else if (reason != 0) fail(source_, lines_, "invalid UTF-16 (unpaired surrogate)");
        return out;
    }

    /// At the end of the text: a character left unfinished is an error.
    void finish() const
    {
        if (!carry_.empty()) fail(source_, lines_, "UTF-16 text ends in the middle of a character");
    }

    /// The line of the first NUL in the converted text, if any.
    [[nodiscard]] std::optional<std::size_t> nul_line() const { return nul_line_; }

private:
    void count(std::string_view out)
    {
        for (const char c : out) {
            if (c == '\0' && !nul_line_) nul_line_ = lines_;
            if (c == '\n') ++lines_;
        }
    }

    iconv_handle cd_;
    const std::string& source_;
    std::string carry_;
    std::size_t lines_ = 1;
    std::optional<std::size_t> nul_line_;
};

/// What the first pass finds in bytes that carry no UTF-16 mark: the first NUL byte, the first byte that
/// breaks UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) and the first byte
/// Windows-1252 does not define, each with its line. Sequences may be cut anywhere between blocks.
class byte_scan {
public:
    void feed(std::string_view block)
    {
        std::size_t i = 0;
        while (i < block.size()) {
            if (need_ == 0) i = skip_ascii(block, i);
            if (i == block.size()) break;
            const auto b = static_cast<unsigned char>(block[i++]);
            if (b == 0 && !nul_line) nul_line = line_;
            if (!undefined_1252 && (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D))
                undefined_1252 = {b, line_};
            if (!invalid_utf8_line) check_utf8(b);
            if (b == '\n') ++line_;
        }
    }

    /// At the end of the bytes: a sequence left unfinished breaks UTF-8.
    void finish()
    {
        if (need_ > 0 && !invalid_utf8_line) invalid_utf8_line = lead_line_;
    }

    std::optional<std::size_t> nul_line;
    std::optional<std::size_t> invalid_utf8_line; ///< the line of the sequence's first byte
    std::optional<std::pair<unsigned char, std::size_t>> undefined_1252;

private:
    /// Past the bytes 1-127 from `i` on, eight at a time, counting their line ends: such bytes are valid in
    /// UTF-8 and Windows-1252 alike and are not NUL, so a file's plain text costs a few operations a word
    /// instead of the checks above for each byte. Returns where the next byte to check is.
    std::size_t skip_ascii(std::string_view block, std::size_t i)
    {
        constexpr std::uint64_t ones = 0x0101010101010101U;
        constexpr std::uint64_t high_bits = 0x8080808080808080U;
        constexpr std::uint64_t low_bits = 0x7F7F7F7F7F7F7F7FU;
        for (; i + 8 <= block.size(); i += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, block.data() + i, 8);
            const bool has_nul = ((word - ones) & ~word & high_bits) != 0;
            if ((word & high_bits) != 0 || has_nul) break;
            // A byte of word ^ "\n\n..." is 0 where a line ends: its high bit after adding 0x7F stays clear.
            const std::uint64_t x = word ^ (ones * '\n');
            line_ += static_cast<std::size_t>(std::popcount(~(((x & low_bits) + low_bits) | x) & high_bits));
        }
        return i;
    }

    void check_utf8(unsigned char b)
    {
        if (need_ > 0) {
            if (b < low_ || b > high_) {
                invalid_utf8_line = lead_line_;
                return;
            }
            --need_;
            low_ = 0x80;
            high_ = 0xBF;
            return;
        }
        if (b < 0x80) return;
        lead_line_ = line_;
        low_ = 0x80; // the second byte's range, narrowed to exclude overlongs and surrogates
        high_ = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            need_ = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need_ = 2;
            if (b == 0xE0) low_ = 0xA0;
            if (b == 0xED) high_ = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need_ = 3;
            if (b == 0xF0) low_ = 0x90;
            if (b == 0xF4) high_ = 0x8F;
        } else {
            invalid_utf8_line = line_;
        }
    }

    std::size_t line_ = 1;
    int need_ = 0;
    unsigned char low_ = 0x80;
    unsigned char high_ = 0xBF;
    std::size_t lead_line_ = 1;
};

/// The same bytes less the first `count` (a byte-order mark), however the blocks cut them.
byte_blocks after(const byte_blocks& bytes, std::size_t count)
{
    return [&bytes, count](const text_handler& on_block) {
        std::size_t skip = count;
        bytes([&](std::string_view block) {
            const std::size_t cut = std::min(skip, block.size());
            skip -= cut;
            if (cut < block.size()) on_block(block.substr(cut));
        });
    };
}

const text_handler ignore_text = [](std::string_view) {};

std::string decode_utf16(const byte_blocks& bytes, const char* from, const char* name, const std::string& source,
                         const text_handler& on_text)
{
    // Checked whole first, so that an error anywhere is reported before any text is handed on.
    for (const text_handler* handler : {&ignore_text, &on_text}) {
        utf16_decoder decoder(from, source);
        after(bytes, utf16le_bom.size())([&](std::string_view block) {
            const std::string text = decoder.feed(block);
            if (!text.empty()) (*handler)(text);
        });
        decoder.finish();
        // A NUL code unit is as binary in UTF-16 as a NUL byte is elsewhere; it can only be seen once converted.
        if (const auto nul = decoder.nul_line()) fail(source, *nul, "binary data (NUL byte), not a text file");
    }
    return name;
}

} // namespace

std::string decode_text_blocks(const byte_blocks& bytes, const std::string& source, const text_handler& on_text)
{
    // One pass finds the byte-order mark and scans every byte. The UTF-8 mark needs no skipping there: its
    // bytes are valid UTF-8, defined in Windows-1252, and neither NUL nor a line end.
    std::string head;
    byte_scan scan;
    bytes([&](std::string_view block) {
        if (head.size() < 3) head += block.substr(0, 3 - head.size());
        scan.feed(block);
    });
    scan.finish();
    // The UTF-16 marks come first: UTF-16 text is full of NUL bytes.
    if (std::string_view(head).starts_with(utf16le_bom)) return decode_utf16(bytes, "UTF-16LE", "utf-16le", source, on_text);
    if (std::string_view(head).starts_with(utf16be_bom)) return decode_utf16(bytes, "UTF-16BE", "utf-16be", source, on_text);
    const bool bom = std::string_view(head).starts_with(utf8_bom);

    if (scan.nul_line) fail(source, *scan.nul_line, "binary data (NUL byte), not a text file");
    // The mark is a promise: a bad byte after it is an error, not a hint to try another encoding.
    if (bom && scan.invalid_utf8_line) fail(source, *scan.invalid_utf8_line, "invalid UTF-8 byte sequence");
    if (scan.invalid_utf8_line && scan.undefined_1252)
        fail(source, scan.undefined_1252->second,
             "byte " + hex_byte(scan.undefined_1252->first) + " is neither UTF-8 nor Windows-1252");

    if (!scan.invalid_utf8_line) {
        after(bytes, bom ? utf8_bom.size() : 0)(on_text);
        return bom ? "utf-8 (bom)" : "utf-8";
    }
    // Windows-1252 is a single-byte encoding: each block converts on its own, and the scan found no byte
    // it leaves undefined.
    const iconv_handle cd("UTF-8", "WINDOWS-1252");
    bytes([&](std::string_view block) {
        std::string text;
        if (convert_some(cd, block, text).second != 0) throw error(error_kind::io, source + ": cannot decode Windows-1252");
        on_text(text);
    });
    return "windows-1252";
}

decoded_text decode_text(std::string_view bytes, const std::string& source)
{
    decoded_text out;
    out.encoding = decode_text_blocks([bytes](const text_handler& on_block) { on_block(bytes); }, source,
                                      [&](std::string_view text) { out.utf8 += text; });
    return out;
}

} // namespace hds::readers
