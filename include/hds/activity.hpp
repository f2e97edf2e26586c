// The six certified activities and the two certificate types of the HDS regime
// (décret n° 2018-137, art. R. 1111-9 of the public health code).
//
// Only numbers live here. Which number is which activity (sources disagree on whether 3 or 4 is the virtual
// infrastructure), which activities each certificate type covers, and the labels are reference data in the
// database (tables `activity` and `certificate_type`), so a correction never touches code: look an activity
// up by what it is with hds::activity_by_code (reference_data.hpp).
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace hds {

/// An activity by its number, 1 to 6 (column activity.number): `hds::activity{5}`.
enum class activity : std::uint8_t {};

/// The two certificates, by their id in table certificate_type; the activities each covers are those whose
/// activity.certificate_type names it.
enum class certificate_type : std::uint8_t {
    physical_infrastructure = 1, ///< "hébergeur d'infrastructure physique"
    managed_hosting = 2,         ///< "hébergeur infogéreur"
};

/// The code of a certificate type in table certificate_type: "physical_infrastructure", "managed_hosting".
[[nodiscard]] const char* code_of(certificate_type type) noexcept;

/// A set of activities, iterated by number.
class activity_set {
public:
    activity_set() = default;
    activity_set(std::initializer_list<activity> activities);

    /// Every activity, 1 to 6.
    [[nodiscard]] static activity_set all();

    void insert(activity a) noexcept { bits_ = static_cast<std::uint8_t>(bits_ | bit(a)); }
    [[nodiscard]] bool contains(activity a) const noexcept { return (bits_ & bit(a)) != 0; }
    [[nodiscard]] bool contains_all(activity_set other) const noexcept
    {
        return (bits_ & other.bits_) == other.bits_;
    }
    [[nodiscard]] bool empty() const noexcept { return bits_ == 0; }
    [[nodiscard]] std::size_t size() const noexcept;
    [[nodiscard]] std::vector<activity> list() const;
    /// The numbers, e.g. {1, 2, 6}.
    [[nodiscard]] std::vector<int> numbers() const;
    /// The numbers joined, e.g. "1,2,6".
    [[nodiscard]] std::string to_string() const;

    [[nodiscard]] activity_set operator|(activity_set other) const noexcept
    {
        return from_bits(static_cast<std::uint8_t>(bits_ | other.bits_));
    }
    [[nodiscard]] activity_set operator&(activity_set other) const noexcept
    {
        return from_bits(static_cast<std::uint8_t>(bits_ & other.bits_));
    }
    [[nodiscard]] activity_set operator-(activity_set other) const noexcept
    {
        return from_bits(static_cast<std::uint8_t>(bits_ & ~other.bits_));
    }
    bool operator==(const activity_set&) const = default;

    /// Bit n-1 stands for activity n; the same encoding the database uses (column `activities`).
    [[nodiscard]] std::uint8_t bits() const noexcept { return bits_; }
    [[nodiscard]] static activity_set from_bits(std::uint8_t bits) noexcept;

private:
    static std::uint8_t bit(activity a) noexcept
    {
        return static_cast<std::uint8_t>(1U << (static_cast<unsigned>(a) - 1U));
    }
    std::uint8_t bits_ = 0;
};

} // namespace hds
