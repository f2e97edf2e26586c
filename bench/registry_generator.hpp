// Synthetic HDS registries for the benchmarks: deterministic, any size, every export shape `hds ingest`
// accepts, name variants across snapshots, and a daily series with a chosen churn.
//
// Header-only and independent of hds (it links nothing of the library): generate_registry.cpp is its
// command line, the bench_*.cpp programs call it directly. Every random draw comes from splitmix64 with a
// fixed seed and integer arithmetic only, so a file is byte-identical across runs, compilers and platforms.
//
// The data
// --------
// A company is "W1 W2 NNNNNN[ FORM]": two words from fixed lists (with accents, and one 'œ', so that
// encodings matter), a 6-digit number that is unique per company (so that no two companies share a
// company key), and an optional legal form (SAS, SA, SARL, SASU). Example: "Cèdre Télématique 004213 SAS".
// It holds one or two certificates, one per type: "Hébergeur d'infrastructure physique" (activities within
// 1-2) and/or "Hébergeur infogéreur" (activities within 3-6), from a fictional certifier
// "Organisme certificateur fictif N" (N in 1..12), dated dd/mm/yyyy (or ISO in some shapes) with
// valid_to = valid_from + 3 years - 1 day, and usually (90 %) a certificate number "HDS-NNNNNNN"
// (written by the shapes csv-comma and json only).
// Rows are sorted by company name (case and accents folded), physical-infrastructure row first.
//
// Name variants: a company may be spelled differently in one file (upper case, accents dropped, legal
// form added/removed/dotted "S.A.S.", or upper case without accents); every variant has the same
// company key (docs/schema.md, "Company identity"), so ingest must match it to the same company.
//
// The daily series
// ----------------
// Day 1 is a registry of C companies dated `start`; day K (K > 1) is day K-1 after one day of churn,
// dated start + K-1 days. With churn rate r, each day makes n = round(r * C) events (at least 1):
//   - floor(n / 3) companies ENTER: new companies with new names, so they land at their sorted place,
//     anywhere in the file (every row after them moves one or two lines down);
//   - floor(n / 3) companies LEAVE: random listed companies disappear from the file;
//   - the rest CHANGE: a random listed company either renews a certificate (new dates from that day,
//     sometimes a new certifier) when one has expired or expires within 90 days or with probability 1/2,
//     or else changes the activities of one certificate (possibly gaining or losing a certificate type).
// In addition, each day, each company is spelled with a name variant with probability `variants`
// (default 0.005), drawn from a hash of (seed, day, company): the spelling flickers from day to day while
// the company key stays the same. Day K is computed by replaying the churn from day 1 in memory (cheap:
// a few thousand companies, about 20 events a day), so any single day can be written on its own.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hds_bench {

// ---------------------------------------------------------------------------------------------------------
// Randomness: splitmix64, and integer-only derived draws.

struct splitmix64 {
    std::uint64_t state;
    explicit splitmix64(std::uint64_t seed) : state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n), n > 0 (multiply-shift on 32 bits: no floating point, same on every platform).
    std::uint32_t below(std::uint32_t n)
    {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }
    /// True with probability per_million / 1,000,000.
    bool chance(std::uint32_t per_million) { return below(1000000U) < per_million; }
};

/// A stateless hash of a few values (for draws that must not depend on the order of events).
inline std::uint64_t mix(std::uint64_t a, std::uint64_t b, std::uint64_t c = 0)
{
    splitmix64 g(a ^ (b * 0x9E3779B97F4A7C15ULL) ^ (c * 0xC2B2AE3D27D4EB4FULL));
    g.next();
    return g.next();
}

/// A rate in [0, 1] given as text ("0.01"), as parts per million, parsed without floating point.
inline std::uint32_t parse_rate_ppm(std::string_view text)
{
    std::uint64_t whole = 0, frac = 0, scale = 1000000;
    std::size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) whole = whole * 10 + static_cast<std::uint64_t>(text[i] - '0');
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            if (scale > 1) {
                scale /= 10;
                frac += static_cast<std::uint64_t>(text[i] - '0') * scale;
            }
        }
    }
    if (i != text.size() || text.empty()) throw std::invalid_argument("not a rate: \"" + std::string(text) + "\"");
    const std::uint64_t ppm = whole * 1000000 + frac;
    if (ppm > 1000000) throw std::invalid_argument("rate above 1: \"" + std::string(text) + "\"");
    return static_cast<std::uint32_t>(ppm);
}

// ---------------------------------------------------------------------------------------------------------
// Dates as days since 1970-01-01 (H. Hinnant's civil calendar algorithms).

inline std::int32_t days_from_civil(std::int32_t y, std::uint32_t m, std::uint32_t d)
{
    y -= m <= 2 ? 1 : 0;
    const std::int32_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<std::uint32_t>(y - era * 400);
    const std::uint32_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::uint32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int32_t>(doe) - 719468;
}

struct civil {
    std::int32_t y;
    std::uint32_t m, d;
};

inline civil civil_from_days(std::int32_t z)
{
    z += 719468;
    const std::int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<std::uint32_t>(z - era * 146097);
    const std::uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int32_t y = static_cast<std::int32_t>(yoe) + era * 400;
    const std::uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::uint32_t mp = (5 * doy + 2) / 153;
    const std::uint32_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::uint32_t m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2 ? 1 : 0), m, d};
}

/// "YYYY-MM-DD" → days; throws std::invalid_argument.
inline std::int32_t parse_iso_date(std::string_view s)
{
    auto digits = [&](std::size_t from, std::size_t n) {
        std::uint32_t v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') throw std::invalid_argument("not a date YYYY-MM-DD: " + std::string(s));
            v = v * 10 + static_cast<std::uint32_t>(s[i] - '0');
        }
        return v;
    };
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') throw std::invalid_argument("not a date YYYY-MM-DD: " + std::string(s));
    const auto y = static_cast<std::int32_t>(digits(0, 4));
    const std::uint32_t m = digits(5, 2), d = digits(8, 2);
    const std::int32_t days = days_from_civil(y, m, d);
    const civil back = civil_from_days(days);
    if (m < 1 || m > 12 || back.y != y || back.m != m || back.d != d)
        throw std::invalid_argument("not a date YYYY-MM-DD: " + std::string(s));
    return days;
}

inline void append_2(std::string& out, std::uint32_t v)
{
    out += static_cast<char>('0' + v / 10);
    out += static_cast<char>('0' + v % 10);
}

inline void append_iso(std::string& out, std::int32_t days)
{
    const civil c = civil_from_days(days);
    out += std::to_string(c.y);
    out += '-';
    append_2(out, c.m);
    out += '-';
    append_2(out, c.d);
}

inline std::string iso_date(std::int32_t days)
{
    std::string s;
    append_iso(s, days);
    return s;
}

/// dd/mm/yyyy with the given separator.
inline void append_french(std::string& out, std::int32_t days, char sep = '/')
{
    const civil c = civil_from_days(days);
    append_2(out, c.d);
    out += sep;
    append_2(out, c.m);
    out += sep;
    out += std::to_string(c.y);
}

// ---------------------------------------------------------------------------------------------------------
// Names.

inline constexpr std::array<std::string_view, 64> first_words = {
    "Abeille",   "Acacia",    "Aérolithe", "Alizé",     "Amandier",  "Ardèche",   "Argonne",   "Armorique",
    "Azur",      "Bastide",   "Bélier",    "Bocage",    "Bréhat",    "Calanque",  "Castel",    "Cèdre",
    "Cévennes",  "Châtaigne", "Citadelle", "Cœur",      "Comète",    "Côte",      "Créneau",   "Dauphiné",
    "Delta",     "Écluse",    "Églantine", "Émeraude",  "Épervier",  "Érable",    "Estérel",   "Étoile",
    "Falaise",   "Forêt",     "Garrigue",  "Genêt",     "Grésivaudan", "Hélios",  "Hêtre",     "Île",
    "Iroise",    "Jura",      "Lavande",   "Lémanique", "Lumière",   "Marée",     "Mélèze",    "Mistral",
    "Moulin",    "Neiges",    "Océane",    "Olivier",   "Pélican",   "Phénix",    "Pléiade",   "Prairie",
    "Rhône",     "Sémaphore", "Sénéchal",  "Thélème",   "Trévise",   "Valmy",     "Verdon",    "Zéphyr",
};

inline constexpr std::array<std::string_view, 32> second_words = {
    "Santé",        "Données",      "Numérique",   "Hébergement", "Informatique", "Télécom",     "Systèmes",
    "Réseaux",      "Infogérance",  "Cloud",       "Services",    "Solutions",    "Médical",     "Clinique",
    "Sécurité",     "Développement", "Logiciels",  "Stockage",    "Archivage",    "Télématique", "Ingénierie",
    "Conseil",      "Technologies", "Intégration", "Exploitation", "Opérations",  "Sauvegarde",  "Énergie",
    "Plateforme",   "Connectique",  "Génie",       "Vidéo",
};

inline constexpr std::array<std::string_view, 5> legal_forms = {"", "SAS", "SA", "SARL", "SASU"};

/// The ASCII letters of a Latin-1/œ UTF-8 letter (2 bytes at s[i]), or empty when not one we use.
inline std::string_view ascii_of(unsigned char a, unsigned char b)
{
    if (a == 0xC3) {
        switch (b) {
        case 0xA0: case 0xA1: case 0xA2: case 0xA4: return "a";
        case 0x80: case 0x81: case 0x82: case 0x84: return "A";
        case 0xA7: return "c";
        case 0x87: return "C";
        case 0xA8: case 0xA9: case 0xAA: case 0xAB: return "e";
        case 0x88: case 0x89: case 0x8A: case 0x8B: return "E";
        case 0xAE: case 0xAF: return "i";
        case 0x8E: case 0x8F: return "I";
        case 0xB4: case 0xB6: return "o";
        case 0x94: case 0x96: return "O";
        case 0xB9: case 0xBB: case 0xBC: return "u";
        case 0x99: case 0x9B: case 0x9C: return "U";
        default: return {};
        }
    }
    if (a == 0xC5 && b == 0x93) return "oe";
    if (a == 0xC5 && b == 0x92) return "OE";
    return {};
}

/// Accents dropped ("Cèdre Cœur" → "Cedre Coeur").
inline std::string strip_accents(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80 && i + 1 < s.size()) {
            const std::string_view a = ascii_of(c, static_cast<unsigned char>(s[i + 1]));
            if (!a.empty()) {
                out += a;
                ++i;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

/// Upper case, accents kept ("Cèdre Cœur" → "CÈDRE CŒUR"), for the letters the name lists use.
inline std::string to_upper(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 'a' && c <= 'z') {
            out += static_cast<char>(c - 'a' + 'A');
        } else if (c == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0 &&
                   static_cast<unsigned char>(s[i + 1]) != 0xB7) {
            out += s[i];
            out += static_cast<char>(static_cast<unsigned char>(s[i + 1]) - 0x20);
            ++i;
        } else if (c == 0xC5 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x93) {
            out += s[i];
            out += static_cast<char>(0x92);
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

/// Lower case ASCII with accents dropped: the order rows are sorted in.
inline std::string sort_fold(std::string_view s)
{
    std::string out = strip_accents(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// The rank of each word of a list in folded order, so that companies sort by (rank1, rank2, number).
template <std::size_t N>
std::array<std::uint8_t, N> ranks_of(const std::array<std::string_view, N>& words)
{
    std::array<std::uint8_t, N> order{};
    for (std::size_t i = 0; i < N; ++i) order[i] = static_cast<std::uint8_t>(i);
    std::sort(order.begin(), order.end(), [&](std::uint8_t a, std::uint8_t b) {
        return sort_fold(words[a]) < sort_fold(words[b]);
    });
    std::array<std::uint8_t, N> rank{};
    for (std::size_t i = 0; i < N; ++i) rank[order[i]] = static_cast<std::uint8_t>(i);
    return rank;
}

// ---------------------------------------------------------------------------------------------------------
// Companies and certificates.

struct cert {
    std::uint8_t activities = 0; ///< bit n-1 = activity n; 0: no certificate of this type
    std::uint8_t certifier = 0;  ///< 1..12
    bool has_number = false;
    std::uint32_t number = 0;
    std::int32_t valid_from = 0, valid_to = 0; ///< days since 1970-01-01
};

struct company {
    std::uint32_t id = 0;     ///< unique; the name's number is id + 1
    std::uint8_t w1 = 0, w2 = 0, form = 0;
    cert physical, managed;   ///< physical: activities within 1-2; managed: within 3-6
};

inline constexpr std::uint32_t certifiers = 12;
inline constexpr std::int32_t validity_days = 3 * 365; // about 3 years, for date ranges

/// The last day of a 3-year certificate starting on `from`: same day 3 years later, minus one day.
inline std::int32_t three_years_later(std::int32_t from)
{
    const civil c = civil_from_days(from);
    return days_from_civil(c.y + 3, c.m, c.m == 2 && c.d == 29 ? 28 : c.d) - (c.m == 2 && c.d == 29 ? 0 : 1);
}

inline std::string canonical_name(const company& c)
{
    std::string name(first_words[c.w1]);
    name += ' ';
    name += second_words[c.w2];
    char number[16];
    std::snprintf(number, sizeof number, " %06u", static_cast<unsigned>(c.id + 1));
    name += number;
    if (c.form != 0) {
        name += ' ';
        name += legal_forms[c.form];
    }
    return name;
}

/// Variant 0 is the canonical spelling; 1..4 keep the company key (docs/schema.md, "Company identity").
inline std::string name_variant(const company& c, unsigned variant)
{
    switch (variant) {
    case 1: return to_upper(canonical_name(c));
    case 2: return strip_accents(canonical_name(c));
    case 3: { // legal form: added when absent, dotted ("S.A.S.") or dropped when present
        company other = c;
        if (c.form == 0) {
            other.form = 1;
            return canonical_name(other);
        }
        other.form = 0;
        std::string name = canonical_name(other);
        if (c.id % 2 == 0) return name;
        name += ' ';
        for (char ch : legal_forms[c.form]) {
            name += ch;
            name += '.';
        }
        return name;
    }
    case 4: return to_upper(strip_accents(canonical_name(c)));
    default: return canonical_name(c);
    }
}

struct company_order {
    std::array<std::uint8_t, first_words.size()> r1 = ranks_of(first_words);
    std::array<std::uint8_t, second_words.size()> r2 = ranks_of(second_words);
    bool operator()(const company& a, const company& b) const
    {
        if (r1[a.w1] != r1[b.w1]) return r1[a.w1] < r1[b.w1];
        if (r2[a.w2] != r2[b.w2]) return r2[a.w2] < r2[b.w2];
        return a.id < b.id;
    }
};

inline std::uint8_t draw_physical_activities(splitmix64& g)
{
    const std::uint32_t r = g.below(100);
    return r < 70 ? 0b11 : (r < 85 ? 0b01 : 0b10);
}

inline std::uint8_t draw_managed_activities(splitmix64& g)
{
    static constexpr std::array<std::uint32_t, 4> percent = {80, 85, 78, 85}; // activities 3, 4, 5, 6
    std::uint8_t bits = 0;
    for (unsigned i = 0; i < 4; ++i)
        if (g.below(100) < percent[i]) bits = static_cast<std::uint8_t>(bits | (1U << (i + 2)));
    return bits != 0 ? bits : 0b1000; // at least activity 4
}

inline void draw_dates(splitmix64& g, cert& c, std::int32_t earliest, std::int32_t latest)
{
    c.valid_from = earliest + static_cast<std::int32_t>(g.below(static_cast<std::uint32_t>(latest - earliest + 1)));
    c.valid_to = three_years_later(c.valid_from);
}

inline void draw_number(splitmix64& g, cert& c)
{
    c.has_number = g.below(10) != 0;
    c.number = g.below(10000000);
}

/// A new company with its certificates dated between `earliest` and `latest`; `both` forces two
/// certificates, otherwise one (35 % physical infrastructure, 65 % managed hosting).
inline company draw_company(splitmix64& g, std::uint32_t id, bool both, std::int32_t earliest, std::int32_t latest)
{
    company c;
    c.id = id;
    c.w1 = static_cast<std::uint8_t>(g.below(first_words.size()));
    c.w2 = static_cast<std::uint8_t>(g.below(second_words.size()));
    const std::uint32_t f = g.below(100);
    c.form = static_cast<std::uint8_t>(f < 40 ? 0 : f < 75 ? 1 : f < 88 ? 2 : f < 96 ? 3 : 4);
    const bool physical = both || g.below(100) < 35;
    const bool managed = both || !physical;
    const auto certifier = static_cast<std::uint8_t>(1 + g.below(certifiers));
    if (physical) {
        c.physical.activities = draw_physical_activities(g);
        c.physical.certifier = certifier;
        draw_dates(g, c.physical, earliest, latest);
        draw_number(g, c.physical);
    }
    if (managed) {
        c.managed.activities = draw_managed_activities(g);
        c.managed.certifier = g.below(100) < 80 ? certifier : static_cast<std::uint8_t>(1 + g.below(certifiers));
        if (physical && g.below(100) < 70) {
            c.managed.valid_from = c.physical.valid_from;
            c.managed.valid_to = c.physical.valid_to;
        } else {
            draw_dates(g, c.managed, earliest, latest);
        }
        draw_number(g, c.managed);
    }
    return c;
}

// ---------------------------------------------------------------------------------------------------------
// Shapes.

enum class shape { csv_semicolon, csv_comma, csv_tab, csv_cp1252, csv_utf16, activity_columns, html, json };

inline constexpr std::array<std::string_view, 8> shape_names = {
    "csv-semicolon", "csv-comma", "csv-tab", "csv-cp1252", "csv-utf16", "activity-columns", "html", "json"};

inline shape parse_shape(std::string_view name)
{
    for (std::size_t i = 0; i < shape_names.size(); ++i)
        if (shape_names[i] == name) return static_cast<shape>(i);
    std::string all;
    for (auto n : shape_names) all += (all.empty() ? "" : ", ") + std::string(n);
    throw std::invalid_argument("unknown shape \"" + std::string(name) + "\" (shapes: " + all + ")");
}

/// The extension `hds ingest --format auto` reads the shape by.
inline const char* extension_of(shape s)
{
    return s == shape::html ? ".html" : s == shape::json ? ".json" : ".csv";
}

struct row {
    std::string name;
    bool physical = false;
    const cert* c = nullptr;
};

// Writes rows to a FILE*, converting the UTF-8 text of each row to the shape's encoding.
class writer {
public:
    writer(std::FILE* out, shape s) : out_(out), shape_(s) {}

    void begin()
    {
        switch (shape_) {
        case shape::csv_semicolon:
            line("Raison sociale;Type de certificat;Activités;Organisme certificateur;Date de certification;"
                 "Date d'expiration");
            break;
        case shape::csv_comma:
            raw("\xEF\xBB\xBF"); // UTF-8 byte-order mark, as Excel writes it
            line("Raison sociale,Type de certificat,Activités certifiées,Organisme certificateur,Date de début,"
                 "Date de fin,N° de certificat");
            break;
        case shape::csv_tab:
            line("Hébergeur\tType de certificat\tPérimètre\tCertificateur\tDate d'obtention\tValable jusqu'au");
            break;
        case shape::csv_cp1252:
            line("Raison sociale;Type de certificat;Activités;Organisme certificateur;Date de certification;"
                 "Date d'expiration");
            break;
        case shape::csv_utf16:
            raw("\xFF\xFE"); // UTF-16 LE byte-order mark: Excel's "Unicode text" export, tab-separated
            line("Raison sociale\tType de certificat\tActivités\tOrganisme certificateur\tDate de certification\t"
                 "Date d'expiration");
            break;
        case shape::activity_columns:
            line("Raison sociale;Type de certificat;Sites physiques;Infrastructure matérielle;"
                 "Plateforme d'hébergement d'applications;Infrastructure virtuelle;Administration et exploitation;"
                 "Sauvegarde;Organisme certificateur;Date de début;Date de fin");
            break;
        case shape::html:
            line("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<title>Liste des h&eacute;bergeurs certifi&eacute;s (synth&eacute;tique)</title>\n</head>\n<body>\n"
                 "<h1>Liste des hébergeurs certifiés</h1>\n<table class=\"registry\">\n"
                 "  <thead><tr><th>Raison sociale</th><th>Type de certificat</th><th>Activit&eacute;s</th>"
                 "<th>Organisme certificateur</th><th>Date de d&eacute;but</th><th>Date de fin</th></tr></thead>\n"
                 "  <tbody>");
            break;
        case shape::json: raw("["); break;
        }
    }

    void add(const row& r)
    {
        const cert& c = *r.c;
        std::string& s = buffer_;
        s.clear();
        const char* type = r.physical ? "Hébergeur d'infrastructure physique" : "Hébergeur infogéreur";
        auto activities = [&](std::string_view sep, std::string_view suffix) {
            bool first = true;
            for (unsigned a = 1; a <= 6; ++a) {
                if ((c.activities & (1U << (a - 1))) == 0) continue;
                if (!first) s += sep;
                first = false;
                s += static_cast<char>('0' + a);
                s += suffix;
            }
        };
        auto certifier = [&] {
            s += "Organisme certificateur fictif ";
            s += std::to_string(c.certifier);
        };
        auto number = [&] {
            if (!c.has_number) return;
            char n[16];
            std::snprintf(n, sizeof n, "HDS-%07u", static_cast<unsigned>(c.number));
            s += n;
        };
        const char sep = shape_ == shape::csv_comma ? ',' : (shape_ == shape::csv_tab || shape_ == shape::csv_utf16) ? '\t' : ';';
        switch (shape_) {
        case shape::csv_semicolon:
        case shape::csv_comma:
        case shape::csv_tab:
        case shape::csv_cp1252:
        case shape::csv_utf16:
            s += r.name;
            s += sep;
            s += type;
            s += sep;
            if (shape_ == shape::csv_comma) {
                s += '"'; // "1, 2" holds the delimiter
                activities(", ", "");
                s += '"';
            } else {
                activities(shape_ == shape::csv_tab ? "/" : ", ", "");
            }
            s += sep;
            certifier();
            s += sep;
            if (shape_ == shape::csv_comma) append_iso(s, c.valid_from); else append_french(s, c.valid_from);
            s += sep;
            if (shape_ == shape::csv_comma) append_iso(s, c.valid_to); else append_french(s, c.valid_to);
            if (shape_ == shape::csv_comma) {
                s += sep;
                number();
            }
            break;
        case shape::activity_columns:
            s += r.name;
            s += ';';
            s += type;
            for (unsigned a = 1; a <= 6; ++a) {
                s += ';';
                if ((c.activities & (1U << (a - 1))) != 0) s += 'X';
            }
            s += ';';
            certifier();
            s += ';';
            append_french(s, c.valid_from);
            s += ';';
            append_french(s, c.valid_to);
            break;
        case shape::html:
            s += "    <tr><td>";
            s += r.name;
            s += "</td><td>";
            s += type;
            s += "</td><td>";
            activities(", ", "°");
            s += "</td><td>";
            certifier();
            s += "</td><td>";
            append_french(s, c.valid_from);
            s += "</td><td>";
            append_french(s, c.valid_to);
            s += "</td></tr>";
            break;
        case shape::json:
            s += rows_ == 0 ? "\n  {" : ",\n  {";
            s += "\"Raison sociale\": \"";
            s += r.name;
            s += "\", \"Type de certificat\": \"";
            s += type;
            s += "\", \"Activités\": [";
            activities(", ", "");
            s += "], \"Organisme certificateur\": \"";
            certifier();
            s += "\", \"Date de début\": \"";
            append_iso(s, c.valid_from);
            s += "\", \"Date de fin\": \"";
            append_iso(s, c.valid_to);
            s += "\", \"Numéro de certificat\": ";
            if (c.has_number) {
                s += '"';
                number();
                s += '"';
            } else {
                s += "null";
            }
            s += '}';
            raw_text(s);
            ++rows_;
            return;
        }
        line(s);
        ++rows_;
    }

    void end()
    {
        if (shape_ == shape::html) line("  </tbody>\n</table>\n</body>\n</html>");
        if (shape_ == shape::json) raw_text("\n]\n");
    }

    [[nodiscard]] std::size_t rows() const { return rows_; }

private:
    void raw(std::string_view bytes) { std::fwrite(bytes.data(), 1, bytes.size(), out_); }

    // UTF-8 text → the shape's encoding.
    void raw_text(std::string_view text)
    {
        if (shape_ != shape::csv_cp1252 && shape_ != shape::csv_utf16) return raw(text);
        encoded_.clear();
        for (std::size_t i = 0; i < text.size();) {
            const auto b0 = static_cast<unsigned char>(text[i]);
            std::uint32_t cp = b0;
            std::size_t n = 1;
            if (b0 >= 0xF0) { cp = b0 & 0x07U; n = 4; }
            else if (b0 >= 0xE0) { cp = b0 & 0x0FU; n = 3; }
            else if (b0 >= 0xC0) { cp = b0 & 0x1FU; n = 2; }
            for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
            i += n;
            if (shape_ == shape::csv_utf16) {
                if (cp > 0xFFFF) throw std::runtime_error("character outside the BMP");
                encoded_ += static_cast<char>(cp & 0xFF);
                encoded_ += static_cast<char>(cp >> 8);
            } else if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
                encoded_ += static_cast<char>(cp);
            } else if (cp == 0x153) {
                encoded_ += '\x9C';
            } else if (cp == 0x152) {
                encoded_ += '\x8C';
            } else if (cp == 0x2019) {
                encoded_ += '\x92';
            } else {
                throw std::runtime_error("character not in Windows-1252");
            }
        }
        raw(encoded_);
    }

    void line(std::string_view text)
    {
        raw_text(text);
        // Windows exports end lines in CRLF; the others in LF.
        raw_text(shape_ == shape::csv_cp1252 || shape_ == shape::csv_utf16 ? "\r\n" : "\n");
    }

    std::FILE* out_;
    shape shape_;
    std::size_t rows_ = 0;
    std::string buffer_, encoded_;
};

/// Writes `companies` (in any order: they are sorted here) as one registry file; each company spelled with
/// variant `spelling(company)`. Returns the number of rows.
template <class Spelling>
std::size_t write_registry_file(const std::string& path, std::vector<company> companies, shape s, Spelling spelling)
{
    std::sort(companies.begin(), companies.end(), company_order{});
    std::FILE* out = std::fopen(path.c_str(), "wb");
    if (out == nullptr) throw std::runtime_error("cannot write " + path);
    static char buffer[1 << 16];
    std::setvbuf(out, buffer, _IOFBF, sizeof buffer);
    writer w(out, s);
    w.begin();
    for (const company& c : companies) {
        const std::string name = name_variant(c, spelling(c));
        if (c.physical.activities != 0) w.add({name, true, &c.physical});
        if (c.managed.activities != 0) w.add({name, false, &c.managed});
    }
    w.end();
    const bool failed = std::ferror(out) != 0;
    if (std::fclose(out) != 0 || failed) throw std::runtime_error("cannot write " + path);
    return w.rows();
}

// ---------------------------------------------------------------------------------------------------------
// One registry.

struct registry_params {
    std::uint32_t companies = 500000;
    std::uint32_t rows = 0;             ///< 0: 1.96 rows per company (as the 1M-row file: 980,021 / 500,000)
    shape format = shape::csv_semicolon;
    std::uint64_t seed = 1;
    std::int32_t date = days_from_civil(2024, 6, 30); ///< certificates start within 3 years before it
    std::uint32_t variants_ppm = 0;     ///< share of companies spelled with a name variant
    std::uint64_t variant_seed = 1;     ///< which companies, and which variant
};

inline std::vector<company> registry_companies(const registry_params& p)
{
    const std::uint32_t rows = p.rows != 0 ? p.rows : static_cast<std::uint32_t>((std::uint64_t{p.companies} * 196 + 50) / 100);
    if (p.companies == 0 || rows < p.companies || rows > 2 * std::uint64_t{p.companies})
        throw std::invalid_argument("--rows must be between --companies and twice --companies");
    splitmix64 g(p.seed);
    std::vector<company> out;
    out.reserve(p.companies);
    std::uint32_t both_left = rows - p.companies; // selection sampling: exactly that many hold two certificates
    for (std::uint32_t id = 0; id < p.companies; ++id) {
        const bool both = g.below(p.companies - id) < both_left;
        if (both) --both_left;
        out.push_back(draw_company(g, id, both, p.date - validity_days + 1, p.date));
    }
    return out;
}

inline std::size_t write_registry(const std::string& path, const registry_params& p)
{
    return write_registry_file(path, registry_companies(p), p.format, [&](const company& c) -> unsigned {
        const std::uint64_t h = mix(p.variant_seed, c.id, 0x5EED);
        return (h % 1000000) < p.variants_ppm ? 1 + static_cast<unsigned>((h >> 32) % 4) : 0;
    });
}

// ---------------------------------------------------------------------------------------------------------
// The daily series.

struct series_params {
    std::uint32_t companies = 2000;
    std::uint32_t days = 3650;
    std::uint32_t churn_ppm = 10000;   ///< 0.01
    std::uint64_t seed = 1;
    std::int32_t start = days_from_civil(2020, 1, 1);
    std::uint32_t variants_ppm = 5000; ///< per company and day
    shape format = shape::csv_semicolon;
};

class series {
public:
    explicit series(const series_params& p) : p_(p), g_(p.seed)
    {
        for (std::uint32_t id = 0; id < p.companies; ++id) {
            const bool both = g_.below(100) < 96; // 1.96 rows per company, as the 1M-row file
            listed_.push_back(draw_company(g_, id, both, p.start - validity_days + 1, p.start));
        }
        next_id_ = p.companies;
    }

    [[nodiscard]] std::uint32_t day() const { return day_; }
    [[nodiscard]] std::int32_t date() const { return p_.start + static_cast<std::int32_t>(day_) - 1; }
    [[nodiscard]] const std::vector<company>& listed() const { return listed_; }

    /// Moves to the next day: applies one day of churn (see the comment at the top of this file).
    void advance()
    {
        ++day_;
        const std::int32_t today = date();
        const std::uint64_t scaled = std::uint64_t{p_.churn_ppm} * p_.companies;
        const std::uint32_t n = std::max<std::uint32_t>(1, static_cast<std::uint32_t>((scaled + 500000) / 1000000));
        const std::uint32_t enter = n / 3, leave = n / 3, change = n - enter - leave;
        for (std::uint32_t i = 0; i < leave && listed_.size() > 1; ++i) {
            const std::uint32_t k = g_.below(static_cast<std::uint32_t>(listed_.size()));
            listed_[k] = listed_.back();
            listed_.pop_back();
        }
        for (std::uint32_t i = 0; i < enter; ++i)
            listed_.push_back(draw_company(g_, next_id_++, g_.below(100) < 96, today - 60, today));
        for (std::uint32_t i = 0; i < change; ++i) change_one(listed_[g_.below(static_cast<std::uint32_t>(listed_.size()))], today);
    }

    /// The spelling of a company on the current day: 0 canonical, 1..4 a variant.
    [[nodiscard]] unsigned spelling(const company& c) const
    {
        const std::uint64_t h = mix(p_.seed, (std::uint64_t{day_} << 32) | c.id, 0xDA7);
        return (h % 1000000) < p_.variants_ppm ? 1 + static_cast<unsigned>((h >> 32) % 4) : 0;
    }

    std::size_t write(const std::string& path) const
    {
        return write_registry_file(path, listed_, p_.format, [this](const company& c) { return spelling(c); });
    }

private:
    void change_one(company& c, std::int32_t today)
    {
        cert* certs[2] = {&c.physical, &c.managed};
        // Renew a certificate that has expired or expires within 90 days, or with probability 1/2.
        for (cert* x : certs) {
            if (x->activities != 0 && x->valid_to < today + 90) return renew(*x, today);
        }
        if (g_.below(2) == 0) {
            cert& x = c.physical.activities != 0 && (c.managed.activities == 0 || g_.below(2) == 0) ? c.physical : c.managed;
            return renew(x, today);
        }
        // Change the activities of one type (a type may appear or go, as long as one remains).
        const bool physical = g_.below(2) == 0;
        cert& x = physical ? c.physical : c.managed;
        const cert& other = physical ? c.managed : c.physical;
        if (x.activities == 0) {
            x.activities = physical ? draw_physical_activities(g_) : draw_managed_activities(g_);
            x.certifier = static_cast<std::uint8_t>(1 + g_.below(certifiers));
            draw_dates(g_, x, today - 30, today);
            draw_number(g_, x);
        } else if (other.activities != 0 && g_.below(4) == 0) {
            x.activities = 0; // drops this certificate type
        } else {
            const std::uint8_t before = x.activities;
            for (int tries = 0; tries < 8 && x.activities == before; ++tries)
                x.activities = physical ? draw_physical_activities(g_) : draw_managed_activities(g_);
        }
    }

    void renew(cert& x, std::int32_t today)
    {
        x.valid_from = today;
        x.valid_to = three_years_later(today);
        if (g_.below(10) == 0) x.certifier = static_cast<std::uint8_t>(1 + g_.below(certifiers));
        draw_number(g_, x);
    }

    series_params p_;
    splitmix64 g_;
    std::vector<company> listed_;
    std::uint32_t next_id_ = 0;
    std::uint32_t day_ = 1;
};

} // namespace hds_bench
