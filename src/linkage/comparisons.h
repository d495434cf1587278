// Private to the linkage module: the named levels of each comparison, the
// pattern index of a comparison vector, and records prepared once for the
// pairwise hot loop (normalised names in one flat buffer, name ids, dates as
// civil parts). PreparedRecords is a plain value; reading it is thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linkage/linkage.h"

namespace cakupan {

enum NikMatch : uint8_t {
  kNikExact,
  kNikOneEdit,         // one edit, not only in the serial
  kNikTwoEdits,        // two edits, not only in the serial
  kNikSerialDiffers,   // district and birth-date digits (the first 12) equal, serial differs
  kNikDifferent,
  kNikMissing,
};
enum NameMatch : uint8_t {
  kNameExact,
  kNameVerySimilar,   // Jaro–Winkler >= 0.94
  kNameSimilar,       // Jaro–Winkler >= 0.88
  kNameTokenOverlap,  // same tokens in another order, or one name's tokens all in the other
  kNameWeak,          // Jaro–Winkler >= 0.70
  kNameDifferent,
  kNameMissing,
};
enum DateMatch : uint8_t {
  kDateExact,
  kDatePlusForty,   // 40 days apart: a woman's NIK day (41-71) rolled into a date
  kDateSwapped,     // day and month swapped, same year
  kDateOnePart,     // exactly one of day, month, year differs
  kDateWithinYear,  // same year, or less than 366 days apart
  kDateDifferent,
  kDateMissing,
};
enum SexMatch : uint8_t { kSexAgree, kSexDisagree, kSexMissing };
enum RegionMatch : uint8_t {
  kRegionSameVillage,
  kRegionSameDistrict,
  kRegionSameRegency,
  kRegionSameProvince,
  kRegionDifferent,
  kRegionMissing,
};

inline constexpr std::array<int, kComparisons> kLevelCounts = {6, 7, 7, 3, 6};
inline constexpr double kNameVerySimilarThreshold = 0.94;
inline constexpr double kNameSimilarThreshold = 0.88;
inline constexpr double kNameWeakThreshold = 0.70;

// Number of distinct comparison vectors (6 * 7 * 7 * 3 * 6 = 5292).
inline constexpr int kPatternCount = 6 * 7 * 7 * 3 * 6;
inline int PatternIndex(const ComparisonVector& v) {
  int index = 0;
  for (int c = 0; c < kComparisons; ++c) index = index * kLevelCounts[c] + v[c];
  return index;
}
inline ComparisonVector PatternLevels(int index) {
  ComparisonVector v{};
  for (int c = kComparisons - 1; c >= 0; --c) {
    v[c] = static_cast<uint8_t>(index % kLevelCounts[c]);
    index /= kLevelCounts[c];
  }
  return v;
}
inline bool IsMissingLevel(int c, int level) { return level == kLevelCounts[c] - 1; }
// The levels that say the values disagree: nik.different, name.different,
// birth_date.different, sex.disagree, region.different. Their weight is at
// most 0 (docs/linkage.md, "Model").
inline bool IsDisagreementLevel(int c, int level) {
  constexpr int kDisagree[kComparisons] = {kNikDifferent, kNameDifferent, kDateDifferent, kSexDisagree,
                                           kRegionDifferent};
  return level == kDisagree[c];
}
static_assert(kNikContexts == kLevelCounts[2] * kLevelCounts[3] * kLevelCounts[4]);
inline int NikContextOf(int date, int sex, int region) {
  return (date * kLevelCounts[3] + sex) * kLevelCounts[4] + region;
}

// A valid birth date for linkage (1850-01-01 .. 2199-12-31), else kNoDate.
Date UsableDate(Date d);
// A NIK of at most 16 digits, else 0.
inline uint64_t UsableNik(uint64_t nik) { return nik <= 9999999999999999ULL ? nik : 0; }
// A packed region code with a province part, else 0.
uint64_t UsableRegion(uint64_t packed);
// Depth of a usable packed code: 1 province .. 4 village; 0 when missing.
int RegionDepth(uint64_t packed);

inline constexpr uint32_t kNoNameId = UINT32_MAX;

// The 16 digits of a NIK (zero-padded) as 4-bit nibbles, the first digit in
// the top nibble; 0 for 0.
uint64_t NikNibbles(uint64_t nik);
// The NIK level (kNikExact .. kNikDifferent, or kNikMissing when either is 0)
// of two NIKs in NikNibbles form: kNikSerialDiffers when only the last four
// digits differ, else the optimal string alignment distance of their 16
// digits, found from the positions of the differing digits
// (comparisons_test.cc checks it against the edit distance table).
int CompareNikNibbles(uint64_t a, uint64_t b);

// True when the birth-date digits of a NIK (in NikNibbles form; DDMMYY, the
// day + 40 for a woman) are those of `date` for `sex` (0 = unknown: either
// day); false for a missing NIK or date.
bool NikDateMatches(uint64_t nibbles, Date date, uint8_t sex);
// The NIK level of a pair (CompareNikNibbles), except that NIKs one or two
// edits apart count as kNikDifferent when each one's birth-date digits match
// its own record's birth date (date_ok) and those dates differ: the NIKs then
// differ because the birth dates do, which the birth-date comparison already
// weighs (two persons born days apart in one district, both serial 0001).
int CompareNikOfRecords(uint64_t a, bool a_date_ok, Date a_date, uint64_t b, bool b_date_ok, Date b_date);

struct PreparedRecords {
  std::vector<uint64_t> nik;       // UsableNik
  std::vector<uint64_t> nik_nibbles;  // NikNibbles(nik)
  std::vector<uint8_t> nik_date_ok;   // NikDateMatches(nik_nibbles, birth_date, sex)
  std::string names;               // normalised names, concatenated
  std::vector<uint64_t> name_end;  // name i is names[name_end[i-1] (0 for i = 0), name_end[i])
  std::vector<uint32_t> name_id;   // equal ids = equal normalised names; kNoNameId when empty
  std::vector<uint64_t> name_tokens;  // TokenBits of the normalised name
  std::vector<uint64_t> name_hash;    // of the normalised name; freed by AssignNameIds
  std::vector<Date> birth_date;    // UsableDate
  std::vector<uint16_t> year;      // civil parts of birth_date (0 when missing)
  std::vector<uint8_t> month, day;
  std::vector<uint8_t> sex;        // 1, 2, or 0 for anything else
  std::vector<uint64_t> region;    // UsableRegion
  std::vector<uint8_t> region_depth;  // RegionDepth(region)

  size_t size() const { return nik.size(); }
  std::string_view Name(size_t i) const {
    const uint64_t begin = i == 0 ? 0 : name_end[i - 1];
    return std::string_view(names).substr(begin, name_end[i] - begin);
  }
};

// A 64-bit signature of a normalised name's tokens (bit hash(token) % 64 set
// for each token): when one name's tokens all occur in the other, its bits
// are a subset of the other's, so a bit outside rules that out cheaply.
uint64_t TokenBits(std::string_view normalized_name);

// Normalises names and checks values, in parallel. name_id is left empty.
PreparedRecords PrepareRecords(const LinkageRecords& records, int threads);
// Gives equal normalised names equal ids across all the sets, and returns the
// number of records carrying each id (the name's frequency).
std::vector<uint32_t> AssignNameIds(const std::vector<PreparedRecords*>& sets);

// The comparison vector of a[i] and b[j].
ComparisonVector ComparePrepared(const PreparedRecords& a, size_t i, const PreparedRecords& b, size_t j);

}  // namespace cakupan
