// "Did you mean ...?": the known word nearest a misspelt one, for messages about unknown commands, options
// and codes. Private to the library and the command line.
//
// Thread-safety: pure functions, callable from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hds::suggestion {

/// Edits from `a` to `b`: characters inserted, deleted, replaced, or two neighbours swapped (the optimal
/// string alignment form of the Damerau-Levenshtein distance), byte by byte. "brekdown" → "breakdown": 1.
std::size_t distance(std::string_view a, std::string_view b);

/// The candidate nearest `word` when it is near enough to be a slip of the keyboard: at most one edit for a
/// word of up to four characters (leading dashes not counted), two for a longer one; the first of equally
/// near candidates; nullopt when none is near or `word` is itself a candidate.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

} // namespace hds::suggestion
