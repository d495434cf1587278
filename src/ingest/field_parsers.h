// Small cell-level helpers for the row validators: allocation-free where they
// sit on the hot path of a 10-million-row import. Pure functions;
// thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "domain/birth_date.h"
#include "domain/enums.h"
#include "domain/nik.h"
#include "domain/region_code.h"

namespace cakupan {

// --- Word-at-a-time helpers (no reads outside the view) ---------------------

inline uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline uint32_t Load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline bool IsWsChar(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Trims ASCII whitespace (as TrimView does), inline for the hot path. Every
// whitespace byte is at most ' ', so a cell whose ends are above it is kept.
[[gnu::always_inline]] inline std::string_view TrimFast(std::string_view s) {
  if (s.empty() || (static_cast<unsigned char>(s.front()) > ' ' && static_cast<unsigned char>(s.back()) > ' ')) return s;
  size_t b = 0, e = s.size();
  while (b < e && IsWsChar(s[b])) ++b;
  while (e > b && IsWsChar(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// True when every byte is below 0x80.
inline bool IsAsciiFast(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  if (n >= 8) {
    uint64_t acc = Load64(p + n - 8);
    for (size_t i = 0; i + 8 <= n; i += 8) acc |= Load64(p + i);
    return (acc & 0x8080808080808080ULL) == 0;
  }
  if (n >= 4) return ((Load32(p) | Load32(p + n - 4)) & 0x80808080u) == 0;
  unsigned acc = 0;
  for (size_t i = 0; i < n; ++i) acc |= static_cast<unsigned char>(p[i]);
  return acc < 0x80;
}

// IsValidUtf8 with a fast path for ASCII text.
bool IsValidUtf8Slow(std::string_view text);
inline bool IsValidUtf8Fast(std::string_view text) { return IsAsciiFast(text) || IsValidUtf8Slow(text); }

// Fast paths for the spellings the canonical files use ("L", "informal",
// "ya"); anything else goes to the domain parser, so the results are exactly
// those of ParseSex, ParseFormality and ParseVulnerability. (The members'
// vocabularies go through ParseMemo below.)
inline bool Is(std::string_view text, const char (&lit)[2]) { return text.size() == 1 && text[0] == lit[0]; }
template <size_t N>
inline bool Is(std::string_view text, const char (&lit)[N]) {
  return text.size() == N - 1 && std::memcmp(text.data(), lit, N - 1) == 0;
}

inline std::optional<Sex> ParseSexFast(std::string_view text) {
  if (text.size() == 1) {
    if (text[0] == 'L') return Sex::kMale;
    if (text[0] == 'P') return Sex::kFemale;
  }
  return ParseSex(text);
}
inline std::optional<Formality> ParseFormalityFast(std::string_view text) {
  if (Is(text, "informal")) return Formality::kInformal;
  if (Is(text, "formal")) return Formality::kFormal;
  return ParseFormality(text);
}
inline std::optional<Vulnerability> ParseVulnerabilityFast(std::string_view text) {
  if (Is(text, "ya")) return Vulnerability::kVulnerable;
  if (Is(text, "tidak")) return Vulnerability::kNotVulnerable;
  return ParseVulnerability(text);
}
// Days since 1970-01-01 of a valid date in 1800..2200 (DateFromCivil, from a
// table of year starts).
Date DateFromCivilFast(int year, int month, int day);

// Exactly 4 / 2 ASCII digits at p, else -1.
inline int FourDigits(const char* p) {
  const uint32_t w = Load32(p);
  if ((w & 0xF0F0F0F0u) != 0x30303030u || ((w + 0x06060606u) & 0xF0F0F0F0u) != 0x30303030u) return -1;
  const uint32_t d = w - 0x30303030u;
  return static_cast<int>((d & 0xFF) * 1000 + ((d >> 8) & 0xFF) * 100 + ((d >> 16) & 0xFF) * 10 + (d >> 24));
}
inline int TwoDigits(const char* p) {
  const unsigned a = static_cast<unsigned char>(p[0]) - '0', b = static_cast<unsigned char>(p[1]) - '0';
  return a <= 9 && b <= 9 ? static_cast<int>(a * 10 + b) : -1;
}

// "YYYY-MM-DD" as numbers (not checked as a date); false for any other shape.
inline bool SplitIsoDate(std::string_view s, int* y, int* m, int* d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  *y = FourDigits(s.data());
  *m = TwoDigits(s.data() + 5);
  *d = TwoDigits(s.data() + 8);
  return *y >= 0 && *m >= 0 && *d >= 0;
}

std::optional<Date> ParseDateFast(std::string_view text);

// CheckBirthDate (domain/birth_date.h) with ParseDateFast's fast path for
// the plausible dates nearly every row holds.
BirthDateIssue CheckBirthDateFast(std::string_view text, Date today, Date* date);

// A NIK decoded as DecodeNik does, with the birth date's civil parts.
struct NikFields {
  NikInfo info;
  int birth_year = 0, birth_month = 0, birth_day = 0;  // 0 when decoded by the slow path
};
// ParseNik, with a fast path for a bare 16-digit cell: the digits are read
// eight at a time and the parts checked directly; any failure (and any other
// shape of cell) goes to DecodeNik / ParseNik, which give the exact result
// and error. Returns false (and sets *error) when the cell is not a valid
// NIK.
bool ParseNikFields(std::string_view text, int reference_year, NikFields* out, NikError* error);

// A whole number of at most two digits ("1".."99"), else ParseDigits.
std::optional<uint64_t> ParseSmallNumber(std::string_view text);

// A village code written "PP.KK.CC.DDDD" with no part zero: the packed code
// (RegionCode packing PPKKCCDDDD). 0 for any other text (then use
// ParseRegionCodeFast / CheckVillageCode).
inline uint64_t ParseDottedVillage(std::string_view s) {
  if (s.size() != 13 || s[2] != '.' || s[5] != '.' || s[8] != '.') return 0;
  const int p = TwoDigits(s.data()), k = TwoDigits(s.data() + 3), c = TwoDigits(s.data() + 6),
            d = FourDigits(s.data() + 9);
  if (p <= 0 || k <= 0 || c <= 0 || d <= 0) return 0;
  return static_cast<uint64_t>(p) * 100000000ULL + static_cast<uint64_t>(k) * 1000000ULL +
         static_cast<uint64_t>(c) * 10000ULL + static_cast<uint64_t>(d);
}

// Period::Parse with a fast path for "YYYY-MM".
inline std::optional<Period> ParsePeriodFast(std::string_view s) {
  if (s.size() == 7 && s[4] == '-') {
    const int y = FourDigits(s.data()), m = TwoDigits(s.data() + 5);
    if (y >= 1900 && y <= 2200 && m >= 1 && m <= 12) return Period::FromYearMonth(y, m);
  }
  return Period::Parse(s);
}

// ParseProgrammes without allocating: tokens separated by + , ; space / |
// TAB, compared case-insensitively with JKK, JKM, JHT, JP, JPN, JKP.
std::optional<uint8_t> ParseProgrammesFast(std::string_view text);

// The text of a cell of at most 24 bytes as three words and its size: equal
// keys mean equal texts. (8..24 bytes: the first, middle and last 8 bytes,
// which overlap and cover the whole text.)
struct ShortTextKey {
  uint64_t a = 0, b = 0, c = 0;
  uint32_t size = 0;
  bool operator==(const ShortTextKey&) const = default;
  uint64_t Hash() const { return (a ^ (b * 0x9E3779B97F4A7C15ULL) ^ (c * 0xC2B2AE3D27D4EB4FULL) ^ size) * 0xff51afd7ed558ccdULL; }
};
inline constexpr size_t kShortTextMax = 24;
// For any text; only texts of at most kShortTextMax bytes are keyed whole.
inline ShortTextKey KeyOfShortText(std::string_view text) {
  ShortTextKey k;
  const size_t n = text.size();
  const char* p = text.data();
  k.size = static_cast<uint32_t>(n);
  if (n >= 8) {
    k.a = Load64(p);
    k.c = Load64(p + n - 8);
    if (n > 16) k.b = Load64(p + (n - 8) / 2);
  } else if (n >= 4) {
    k.a = Load32(p) | static_cast<uint64_t>(Load32(p + n - 4)) << 32;
  } else {
    for (size_t i = 0; i < n; ++i) k.a |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  }
  return k;
}

// Remembers the results of a pure cell parser for the few spellings a file
// uses: a direct-mapped cache keyed by the exact text (up to 24 bytes;
// longer texts are parsed every time). One per thread.
template <typename T, std::optional<T> (*Parse)(std::string_view)>
class ParseMemo {
 public:
  std::optional<T> operator()(std::string_view text) {
    if (text.size() > kShortTextMax) return Parse(text);
    const ShortTextKey key = KeyOfShortText(text);
    Slot& s = slots_[key.Hash() >> (64 - kSlotBits)];
    if (s.used && s.key == key) return s.value;
    const std::optional<T> v = Parse(text);
    s.key = key;
    s.used = true;
    s.value = v;
    return v;
  }

 private:
  static constexpr int kSlotBits = 8;
  struct Slot {
    ShortTextKey key;
    bool used = false;
    std::optional<T> value;
  };
  Slot slots_[size_t{1} << kSlotBits];
};

// Same result as RegionCode::Parse (which splits into a std::vector) without
// allocating: "17", "17.04", "17.04.07", "17.04.07.2010", the same without
// dots, "0"/"00" for the national root; surrounding whitespace trimmed.
std::optional<RegionCode> ParseRegionCodeFast(std::string_view text);

// Trims ASCII whitespace and collapses every internal run of whitespace
// (space, TAB, CR, LF) to one space. Returns a view of `text` when nothing
// changes inside it, else a view of *scratch (valid until its next use).
std::string_view CleanTextSlow(std::string_view text, std::string* scratch);
inline std::string_view CleanText(std::string_view text, std::string* scratch) {
  // Fast path: the ends are not blank, no byte is below ' ' and no two
  // spaces touch. Words are checked whole: 8-byte windows overlapping by one
  // byte see every pair of neighbours (for 4-7 bytes, two 4-byte windows).
  const size_t n = text.size();
  if (n < 4 || static_cast<unsigned char>(text.front()) <= ' ' || static_cast<unsigned char>(text.back()) <= ' ')
    return CleanTextSlow(text, scratch);
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL, kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  auto bad = [&](uint64_t w) {
    const bool control = ((w - 0x20 * kOnes) & ~w & kHigh) != 0;  // some byte < 0x20 (exact as a whole)
    const uint64_t x = w ^ (0x20 * kOnes);
    const uint64_t space = ~(((x & kLow7) + kLow7) | x | kLow7);  // 0x80 in each byte equal to ' ' (exact)
    return control || (space & (space >> 8)) != 0;
  };
  if (n < 8) {
    // The two windows side by side: a false "two spaces" where they meet
    // only sends the text to the slow path.
    const uint64_t w = Load32(text.data()) | static_cast<uint64_t>(Load32(text.data() + n - 4)) << 32;
    return bad(w) ? CleanTextSlow(text, scratch) : text;
  }
  for (size_t i = 0; i + 8 <= n; i += 7)
    if (bad(Load64(text.data() + i))) return CleanTextSlow(text, scratch);
  if (bad(Load64(text.data() + n - 8))) return CleanTextSlow(text, scratch);
  return text;
}

// A NIK cell as it may appear in a report: trimmed, the first four
// characters (province and regency) kept and every other character replaced
// by '*', at most 24 characters: "1704************".
std::string MaskNikText(std::string_view text);

// A cell value safe to put in a report: cut at its first line break (a
// quote left open swallows the rows after it: they are never echoed),
// control characters shown as spaces, invalid UTF-8 bytes replaced by '?',
// at most 80 bytes (on a character boundary; "..." appended when cut), and
// every run of 12 or more digits masked after its first four (NIKs,
// family-card numbers: MaskLongDigitRuns).
std::string ReportValue(std::string_view text);
// "NIK 1704074105920001 ..." -> "NIK 1704************ ...".
std::string MaskLongDigitRuns(std::string text);

// A coverage target: "40%", "40,0%", "40" (a number above 1 is a percent),
// "0,4" (a fraction). Returns the fraction, or nullopt when the text is not a
// number. Range checks are the caller's.
std::optional<double> ParseTargetFraction(std::string_view text);

// The calendar year and the day now (UTC).
int CurrentYear();
Date CurrentDate();

}  // namespace cakupan
