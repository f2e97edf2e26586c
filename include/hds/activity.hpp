// The six certified activities and the two certificate types of the HDS regime
// (décret n° 2018-137, art. R. 1111-9 of the public health code).
//
// Only the numbers live here: labels, and which source numbers which activity, are reference data in
// the database (tables `activity` and `certificate_type`), so a correction never touches code.
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace hds {

/// An activity, numbered as the decree numbers it.
enum class activity : std::uint8_t {
    physical_sites = 1,          ///< sites physiques hébergeant l'infrastructure matérielle
    hardware_infrastructure = 2, ///< infrastructure matérielle
    application_platform = 3,    ///< plateforme d'hébergement d'applications
    virtual_infrastructure = 4,  ///< infrastructure virtuelle
    administration = 5,          ///< administration et exploitation du système d'information
    backup = 6,                  ///< sauvegarde des données de santé
};

/// The two certificates; each covers a fixed range of activities.
enum class certificate_type : std::uint8_t {
    physical_infrastructure = 1, ///< "hébergeur d'infrastructure physique": activities 1-2
    managed_hosting = 2,         ///< "hébergeur infogéreur": activities 3-6
};

/// The code of a certificate type in table certificate_type: "physical_infrastructure", "managed_hosting".
[[nodiscard]] const char* code_of(certificate_type type) noexcept;

/// The certificate type that covers an activity.
[[nodiscard]] certificate_type type_of(activity a) noexcept;

/// A set of activities, iterated in the decree's order.
class activity_set {
public:
    activity_set() = default;
    activity_set(std::initializer_list<activity> activities);

    /// Every activity, 1 to 6.
    [[nodiscard]] static activity_set all();
    /// The activities a certificate type covers.
    [[nodiscard]] static activity_set of(certificate_type type);

    void insert(activity a) noexcept { bits_ = static_cast<std::uint8_t>(bits_ | bit(a)); }
    [[nodiscard]] bool contains(activity a) const noexcept { return (bits_ & bit(a)) != 0; }
    [[nodiscard]] bool contains_all(activity_set other) const noexcept
    {
        return (bits_ & other.bits_) == other.bits_;
    }
    [[nodiscard]] bool empty() const noexcept { return bits_ == 0; }
    [[nodiscard]] std::size_t size() const noexcept;
    [[nodiscard]] std::vector<activity> list() const;
    /// The decree's numbers, e.g. {1, 2, 6}.
    [[nodiscard]] std::vector<int> numbers() const;
    /// The decree's numbers joined, e.g. "1,2,6".
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
