// Indonesian personal names for synthetic persons. The word lists are our
// own, grouped by naming culture (Javanese, Sundanese, Sumatran Malay,
// Minangkabau, Batak, Mandailing, Acehnese, Bugis-Makassar, Banjar,
// Balinese, Sasak, Betawi, Dayak, NTT, Minahasa, Gorontalo, Maluku, Papua):
// given names by sex, second names, family names / marga / fam where the
// culture uses them, Muslim prefixes (Muhammad, Siti, Nur) and titles (Andi,
// Teuku, Cut, Lalu, Baiq, Balinese birth-order names). Each province has a
// mixture of cultures (Bengkulu: Malay, Rejang and Serawai names, Javanese
// transmigrants, Minang, Sundanese, Batak).
//
// Names are written in upper case as on the KTP. Within a list earlier
// entries are drawn more often, so common names are common (which record
// linkage needs to see). Pure functions of their arguments and the Rng;
// thread-safe with one Rng per thread.
#pragma once

#include <cstdint>
#include <string>

#include "base/rng.h"
#include "domain/enums.h"

namespace cakupan {

enum class NamingCulture : uint8_t {
  kJawa,
  kSunda,
  kMelayu,
  kMinang,
  kBatak,
  kMandailing,
  kAceh,
  kBugis,
  kBanjar,
  kBali,
  kSasak,
  kBetawi,
  kDayak,
  kNtt,
  kMinahasa,
  kGorontalo,
  kMaluku,
  kPapua,
};
inline constexpr int kNamingCultureCount = 18;

// Lower-case name of a culture ("jawa", "batak", ...).
const char* CultureName(NamingCulture c);

// Draws the naming culture of a person living in province `province`
// (the two-digit province number, e.g. 17); an unknown province gets a
// Javanese/Malay mix.
NamingCulture DrawCulture(int province, Rng& rng);

// Appends a full name (1 to 5 words, upper case, ASCII letters, spaces,
// apostrophes, hyphens and dots only) for `sex` (kMale or kFemale).
void AppendName(NamingCulture culture, Sex sex, Rng& rng, std::string& out);

}  // namespace cakupan
