#include "certificate_types.hpp"

#include <vector>

namespace hds {
namespace {

// "3-6" for a run, "1,3" otherwise: how the decree's readers write activity numbers.
std::string numbers_shown(activity_set set)
{
    const std::vector<int> numbers = set.numbers();
    const bool run = numbers.size() >= 2 && numbers.back() - numbers.front() + 1 == static_cast<int>(numbers.size());
    return run ? std::to_string(numbers.front()) + "-" + std::to_string(numbers.back()) : set.to_string();
}

} // namespace

std::string certificate_types::describe(certificate_type type) const
{
    const entry& e = at(type);
    return "\"" + e.label_fr + "\" certificate (activities " + numbers_shown(e.activities) + ")";
}

} // namespace hds
