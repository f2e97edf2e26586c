#include "hds/activity.hpp"

namespace hds {

const char* code_of(certificate_type type) noexcept
{
    return type == certificate_type::physical_infrastructure ? "physical_infrastructure" : "managed_hosting";
}

activity_set::activity_set(std::initializer_list<activity> activities)
{
    for (activity a : activities) insert(a);
}

activity_set activity_set::all() { return from_bits(0x3F); }

activity_set activity_set::from_bits(std::uint8_t bits) noexcept
{
    activity_set set;
    set.bits_ = static_cast<std::uint8_t>(bits & 0x3F);
    return set;
}

std::size_t activity_set::size() const noexcept
{
    std::size_t n = 0;
    for (unsigned b = bits_; b != 0; b >>= 1U) n += b & 1U;
    return n;
}

std::vector<activity> activity_set::list() const
{
    std::vector<activity> out;
    for (int n = 1; n <= 6; ++n)
        if (contains(static_cast<activity>(n))) out.push_back(static_cast<activity>(n));
    return out;
}

std::vector<int> activity_set::numbers() const
{
    std::vector<int> out;
    for (activity a : list()) out.push_back(static_cast<int>(a));
    return out;
}

std::string activity_set::to_string() const
{
    // Written directly, without the vectors of numbers(): outputs write it for every company.
    std::string out;
    for (int n = 1; n <= 6; ++n) {
        if (!contains(static_cast<activity>(n))) continue;
        if (!out.empty()) out += ',';
        out += static_cast<char>('0' + n);
    }
    return out;
}

} // namespace hds
