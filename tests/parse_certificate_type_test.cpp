#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hds/activity.hpp"
#include "hds/error.hpp"
#include "parse/certificate_type.hpp"

namespace {

using hds::certificate_type;
using types = std::vector<certificate_type>;

const types physical{certificate_type::physical_infrastructure};
const types managed{certificate_type::managed_hosting};
const types both{certificate_type::physical_infrastructure, certificate_type::managed_hosting};

struct type_case {
    std::string cell;
    types expected;
};

TEST(parse_certificate_type, reads_each_type_and_both)
{
    const type_case cases[] = {
        {"Hébergeur d'infrastructure physique", physical},
        {"HEBERGEUR D’INFRASTRUCTURE PHYSIQUE", physical},
        {"infrastructure physique", physical},
        {"physique", physical},
        {"Certificat HDS hébergeur d'infrastructure physique", physical},
        {"Hébergeur infogéreur", managed},
        {"infogéreur", managed},
        {"Infogérance", managed},
        {"les deux", both},
        {"Both", both},
        {"physique + infogéreur", both},
        {"infogéreur + physique", both}, // always in the order of the law
        {"Hébergeur d'infrastructure physique et hébergeur infogéreur", both},
        {"physique, physique", physical},
        {"", {}},
        {"   ", {}},
    };
    for (const auto& c : cases)
        EXPECT_EQ(hds::parse::parse_certificate_types(c.cell), c.expected) << c.cell;
}

TEST(parse_certificate_type, rejects_unknown_type)
{
    const std::pair<std::string, std::string> cases[] = {
        {"hébergeur", "unknown certificate type \"hébergeur\""},
        {"virtuel", "unknown certificate type \"virtuel\""},
        {" physique + ", "unknown certificate type \"physique +\""},
        {"les deux + physique", "unknown certificate type \"les deux + physique\""},
        {"1, 2", "unknown certificate type \"1, 2\""},
    };
    for (const auto& [cell, message] : cases) {
        try {
            (void)hds::parse::parse_certificate_types(cell);
            ADD_FAILURE() << "no error for " << cell;
        } catch (const hds::error& e) {
            EXPECT_EQ(e.kind(), hds::error_kind::input) << cell;
            EXPECT_EQ(e.message(), message);
        }
    }
}

} // namespace
