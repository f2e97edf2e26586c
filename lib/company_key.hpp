// The key that says two spellings name the same company.
#pragma once

#include <string>
#include <string_view>

namespace hds {

/// The normalised key of a company name: case, accents, punctuation, spacing and legal forms
/// (SAS, SASU, SA, SARL, SE, Inc, Ltd, GmbH, B.V., ...) absorbed: at the end of the name, and French
/// forms (SA, SAS, SARL...) at its start too.
/// "OVH SAS" and "ovh" → "ovh"; "C.I.V. France" and "CIV FRANCE" → "civfrance";
/// "Amazon Web Services, Inc." → "amazonwebservices". Dots are deleted before other punctuation separates
/// words, so initials join ("B.V." → "bv"); the words left are concatenated. Words inside the name are kept
/// ("AMAZON WEB SERVICES EMEA SARL" → "amazonwebservicesemea"; GIE, GIP stay), and a name that is only
/// legal forms keeps them ("SA" → "sa"). Returns "" for a name with no letter or digit. Invalid UTF-8 throws
/// hds::error(input) (see text::fold).
std::string company_key(std::string_view name);

} // namespace hds
