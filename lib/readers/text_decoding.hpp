// Bytes of a text file → UTF-8. Encoding detection lives here and nowhere else.
#pragma once

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

/// The same, taking over `bytes` where they are already UTF-8, so that the text is not held twice.
decoded_text decode_owned_text(std::string&& bytes, const std::string& source);

} // namespace hds::readers
