// The key that says two spellings name the same company.
#pragma once

#include <string>
#include <string_view>

namespace hds {

/// The normalised key of a company name: case, accents, punctuation, spacing and legal forms
/// (SAS, SASU, SA, SARL, SE, Inc, Ltd, GmbH, B.V., ...) absorbed, at either end of the name.
/// "OVH SAS" and "ovh" → "ovh"; "C.I.V. France" and "CIV FRANCE" → "civfrance";
/// "Amazon Web Services, Inc." → "amazonwebservices". Words inside the name are kept, so a name that is
/// only a legal form keeps it. Returns "" for a name with no letter or digit.
std::string company_key(std::string_view name);

} // namespace hds
