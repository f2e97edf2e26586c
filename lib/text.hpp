// Unicode text helpers on UTF-8 strings, with utf8proc.
// Thread-safety: pure functions, callable from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hds::text {

/// Case- and accent-insensitive form: NFKD, combining marks stripped, case folded.
/// "Hébergeur" → "hebergeur", "ÉTÉ" → "ete", "ﬁ" → "fi", "Straße" → "strasse", and "œ" / "æ" (which Unicode
/// does not decompose) → "oe" / "ae". Punctuation is kept. Invalid UTF-8 throws hds::error(input)
/// "invalid UTF-8 text: ...".
std::string fold(std::string_view utf8);

/// fold(), then every run of characters that are not letters or digits becomes one space, trimmed.
/// "Date d'expiration :" → "date d expiration", "N° de certificat" → "n de certificat".
std::string fold_words(std::string_view utf8);

/// The words of fold_words() output (single spaces, no leading or trailing one): "date d expiration" →
/// {"date", "d", "expiration"}; "" → {}. Views into `folded_words`, which must outlive them.
std::vector<std::string_view> split_words(std::string_view folded_words);

/// Columns a terminal gives the text (accents count 1, CJK wide characters 2, combining marks 0).
/// Never throws: an invalid byte counts 1, as the replacement character a terminal shows for it.
std::size_t display_width(std::string_view utf8);

/// Leading and trailing ASCII and Unicode white space (incl. no-break space), zero-width space and byte-order
/// mark removed. Never throws: an invalid byte is not white space and stays.
std::string trim(std::string_view utf8);
/// The same, as a view into `utf8`: the parser trims every cell of every row, most of them only to look
/// them up.
std::string_view trimmed(std::string_view utf8);

} // namespace hds::text
