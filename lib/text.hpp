// Unicode text helpers on UTF-8 strings, with utf8proc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hds::text {

/// Case- and accent-insensitive form: NFKD, combining marks stripped, case folded.
/// "Hébergeur" → "hebergeur", "ÉTÉ" → "ete", "ﬁ" → "fi". Invalid UTF-8 throws hds::error(input).
std::string fold(std::string_view utf8);

/// fold(), then every run of characters that are not letters or digits becomes one space, trimmed.
/// "Date d'expiration :" → "date d expiration", "N° de certificat" → "n de certificat".
std::string fold_words(std::string_view utf8);

/// Columns a terminal gives the text (accents count 1, CJK wide characters 2, combining marks 0).
std::size_t display_width(std::string_view utf8);

/// Leading and trailing ASCII and Unicode white space (incl. no-break space) removed.
std::string trim(std::string_view utf8);

} // namespace hds::text
