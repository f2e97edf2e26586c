#include "suggestion.hpp"

#include <algorithm>

namespace hds::suggestion {

std::size_t distance(std::string_view a, std::string_view b)
{
    // Three rows of the classic table: the one before the previous is needed for a swap.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t replace = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + replace});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates)
{
    const std::size_t length = word.size() - std::min(word.find_first_not_of('-'), word.size());
    const std::size_t allowed = length <= 4 ? 1 : 2;
    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    for (const auto& candidate : candidates) {
        const std::size_t d = distance(word, candidate);
        if (d == 0) return std::nullopt;
        if (d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    }
    return best;
}

} // namespace hds::suggestion
