// Bytes of a text file → UTF-8. Encoding detection lives here and nowhere else.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace hds::readers {

struct decoded_text {
    std::string utf8;     ///< the text, UTF-8 without byte-order mark, line ends untouched
    std::string encoding; ///< "utf-8", "utf-8 (bom)", "windows-1252", "utf-16le", "utf-16be"
};

/// Decodes a text file: a UTF-8/UTF-16 byte-order mark decides; otherwise valid UTF-8 is UTF-8, and
/// anything else is read as Windows-1252 (the superset of Latin-1 that spreadsheets write).
/// Throws hds::error(input) with `source` and the line for: a NUL byte (not a text file), invalid UTF-8
/// after a UTF-8 byte-order mark, a byte Windows-1252 does not define.
decoded_text decode_text(std::string_view bytes, const std::string& source);

/// Receives text or bytes a piece at a time, in order.
using text_handler = std::function<void(std::string_view)>;

/// Bytes handed over in blocks, in order, to the handler given; called once per pass over them.
using byte_blocks = std::function<void(const text_handler&)>;

/// decode_text for a text of any size, held one block at a time: reads `bytes` twice, once to choose the
/// encoding and check all of it (so an error anywhere is thrown, as decode_text throws it, before any text
/// is handed on), then to hand the UTF-8 text to `on_text` in pieces cut anywhere. Returns the encoding.
std::string decode_text_blocks(const byte_blocks& bytes, const std::string& source, const text_handler& on_text);

} // namespace hds::readers
