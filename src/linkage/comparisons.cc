// The five comparisons, their levels, codes and labels (docs/linkage.md,
// "Comparisons and levels"), and records prepared for comparing.
#include "linkage/comparisons.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "base/i18n.h"
#include "base/parallel.h"
#include "linkage/similarity_internal.h"

namespace cakupan {
namespace {

struct LevelText {
  const char* code;
  const char* en;
  const char* id;
};

constexpr LevelText kNikLevels[] = {
    {"nik.exact", "NIK identical", "NIK sama"},
    {"nik.one_edit", "NIK differs by one digit or a swap", "NIK beda satu angka atau tertukar"},
    {"nik.two_edits", "NIK differs by two edits", "NIK beda dua angka"},
    {"nik.serial_differs", "NIK differs only in the serial number (last four digits)",
     "NIK beda hanya pada nomor urut (empat angka terakhir)"},
    {"nik.different", "NIK different", "NIK berbeda"},
    {"nik.missing", "NIK missing on a side", "NIK tidak ada"},
};
constexpr LevelText kNameLevels[] = {
    {"name.exact", "Name identical (after normalising)", "Nama sama (setelah dinormalkan)"},
    {"name.very_similar", "Name very similar (Jaro-Winkler >= 0.94)", "Nama sangat mirip (Jaro-Winkler >= 0,94)"},
    {"name.similar", "Name similar (Jaro-Winkler >= 0.88)", "Nama mirip (Jaro-Winkler >= 0,88)"},
    {"name.token_overlap", "Same name parts in another order, or one name inside the other",
     "Bagian nama sama dengan urutan lain, atau satu nama termuat di nama lain"},
    {"name.weak", "Name somewhat similar (Jaro-Winkler >= 0.70)", "Nama agak mirip (Jaro-Winkler >= 0,70)"},
    {"name.different", "Name different", "Nama berbeda"},
    {"name.missing", "Name missing on a side", "Nama tidak ada"},
};
constexpr LevelText kDateLevels[] = {
    {"birth_date.exact", "Birth date identical", "Tanggal lahir sama"},
    {"birth_date.plus_forty", "Birth dates 40 days apart (a woman's NIK day written as the date)",
     "Tanggal lahir selisih 40 hari (tanggal NIK perempuan tertulis sebagai tanggal lahir)"},
    {"birth_date.day_month_swapped", "Birth date with day and month swapped",
     "Tanggal lahir dengan tanggal dan bulan tertukar"},
    {"birth_date.one_part_differs", "Birth date differs in only the day, the month or the year",
     "Tanggal lahir beda hanya pada tanggal, bulan atau tahun"},
    {"birth_date.within_year", "Birth dates in the same year or less than a year apart",
     "Tanggal lahir pada tahun yang sama atau selisih kurang dari setahun"},
    {"birth_date.different", "Birth date different", "Tanggal lahir berbeda"},
    {"birth_date.missing", "Birth date missing on a side", "Tanggal lahir tidak ada"},
};
constexpr LevelText kSexLevels[] = {
    {"sex.agree", "Same sex", "Jenis kelamin sama"},
    {"sex.disagree", "Different sex", "Jenis kelamin berbeda"},
    {"sex.missing", "Sex missing on a side", "Jenis kelamin tidak ada"},
};
constexpr LevelText kRegionLevels[] = {
    {"region.same_village", "Same village (desa/kelurahan)", "Desa/kelurahan sama"},
    {"region.same_district", "Same district (kecamatan)", "Kecamatan sama"},
    {"region.same_regency", "Same regency or city (kabupaten/kota)", "Kabupaten/kota sama"},
    {"region.same_province", "Same province", "Provinsi sama"},
    {"region.different", "Different province", "Provinsi berbeda"},
    {"region.missing", "Region missing on a side", "Wilayah tidak ada"},
};

const LevelText* Level(Comparison c, int level) {
  const int ci = static_cast<int>(c);
  if (ci < 0 || ci >= kComparisons || level < 0 || level >= kLevelCounts[ci]) return nullptr;
  switch (c) {
    case Comparison::kNik: return &kNikLevels[level];
    case Comparison::kName: return &kNameLevels[level];
    case Comparison::kBirthDate: return &kDateLevels[level];
    case Comparison::kSex: return &kSexLevels[level];
    case Comparison::kRegion: return &kRegionLevels[level];
  }
  return nullptr;
}

// True when each token of `fewer` occurs among the tokens of `more`.
bool TokensContained(std::string_view fewer, std::string_view more) {
  size_t pos = 0;
  while (pos <= fewer.size()) {
    size_t end = fewer.find(' ', pos);
    if (end == std::string_view::npos) end = fewer.size();
    const std::string_view token = fewer.substr(pos, end - pos);
    if (!token.empty()) {
      bool found = false;
      size_t q = 0;
      while (q <= more.size() && !found) {
        size_t e = more.find(' ', q);
        if (e == std::string_view::npos) e = more.size();
        found = more.substr(q, e - q) == token;
        q = e + 1;
      }
      if (!found) return false;
    }
    pos = end + 1;
  }
  return true;
}

int TokenCount(std::string_view s) { return static_cast<int>(std::count(s.begin(), s.end(), ' ')) + 1; }

int CompareCivil(Date a, Date b, int ya, int ma, int da, int yb, int mb, int db) {
  if (a == kNoDate || b == kNoDate) return kDateMissing;
  if (a == b) return kDateExact;
  if (std::abs(static_cast<int64_t>(a) - b) == 40) return kDatePlusForty;
  if (ya == yb && da == mb && ma == db) return kDateSwapped;
  if ((ya != yb) + (ma != mb) + (da != db) == 1) return kDateOnePart;
  if (ya == yb || std::abs(static_cast<int64_t>(a) - b) <= 365) return kDateWithinYear;
  return kDateDifferent;
}

// The name level once exactness is known to be false; bits_a and bits_b are
// the names' TokenBits.
int CompareDistinctNames(std::string_view a, std::string_view b, uint64_t bits_a, uint64_t bits_b) {
  const double jw = JaroWinkler(a, b);
  if (jw >= kNameVerySimilarThreshold) return kNameVerySimilar;
  if (jw >= kNameSimilarThreshold) return kNameSimilar;
  const bool a_fewer = TokenCount(a) <= TokenCount(b);
  const uint64_t fewer_bits = a_fewer ? bits_a : bits_b, more_bits = a_fewer ? bits_b : bits_a;
  if ((fewer_bits & ~more_bits) == 0 && TokensContained(a_fewer ? a : b, a_fewer ? b : a)) return kNameTokenOverlap;
  if (jw >= kNameWeakThreshold) return kNameWeak;
  return kNameDifferent;
}

}  // namespace

int NikContext(const ComparisonVector& v) { return NikContextOf(v[2], v[3], v[4]); }

int LevelCount(Comparison c) {
  const int ci = static_cast<int>(c);
  return ci >= 0 && ci < kComparisons ? kLevelCounts[ci] : 0;
}

std::string LevelCode(Comparison c, int level) {
  const LevelText* t = Level(c, level);
  return t ? t->code : "";
}

std::string LevelLabel(Comparison c, int level) {
  const LevelText* t = Level(c, level);
  return t ? Tr(t->en, t->id) : "";
}

const char* MatchBandCode(MatchBand b) {
  switch (b) {
    case MatchBand::kMatch: return "match";
    case MatchBand::kReview: return "review";
    case MatchBand::kNonMatch: return "non_match";
  }
  return "non_match";
}

Date UsableDate(Date d) {
  static const Date kFirst = DateFromCivil(1850, 1, 1);
  static const Date kLast = DateFromCivil(2199, 12, 31);
  return d >= kFirst && d <= kLast ? d : kNoDate;
}

uint64_t UsableRegion(uint64_t packed) {
  if (packed == 0 || packed > 9999999999ULL || packed / 100000000ULL == 0) return 0;
  return packed;
}

int RegionDepth(uint64_t packed) {
  if (UsableRegion(packed) == 0) return 0;
  if (packed % 100000000ULL == 0) return 1;
  if (packed % 1000000ULL == 0) return 2;
  if (packed % 10000ULL == 0) return 3;
  return 4;
}

uint64_t TokenBits(std::string_view name) {
  uint64_t bits = 0;
  size_t pos = 0;
  while (pos <= name.size()) {
    size_t end = name.find(' ', pos);
    if (end == std::string_view::npos) end = name.size();
    if (end > pos) {
      uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a
      for (size_t k = pos; k < end; ++k) h = (h ^ static_cast<unsigned char>(name[k])) * 0x100000001B3ULL;
      bits |= uint64_t{1} << (h >> 58);
    }
    pos = end + 1;
  }
  return bits;
}

uint64_t NikNibbles(uint64_t nik) {
  uint64_t out = 0;
  for (int i = 0; i < 16; ++i) {
    out |= (nik % 10) << (4 * i);
    nik /= 10;
  }
  return out;
}

int CompareNikNibbles(uint64_t a, uint64_t b) {
  if (a == 0 || b == 0) return kNikMissing;
  const uint64_t x = a ^ b;
  if (x == 0) return kNikExact;
  // The first 12 digits (district, birth date) equal: the serial differs.
  // Two persons born on one day in one district have such NIKs, so this is
  // its own level rather than one or two edits (docs/linkage.md).
  if ((x >> 16) == 0) return kNikSerialDiffers;
  // One bit per differing digit (the nibble's low bit), digit k (0 = first)
  // at bit 60 - 4k.
  constexpr uint64_t kLow = 0x1111111111111111ULL;
  const uint64_t differ = (x | x >> 1 | x >> 2 | x >> 3) & kLow;
  // The first differing digits (at most four are needed) and how many
  // differ (counted up to five), from the last digit (lowest bits) back.
  int count = 0;
  int from_last[4] = {0, 0, 0, 0};
  for (uint64_t d = differ; d != 0 && count < 5; d &= d - 1, ++count) {
    if (count < 4) from_last[count] = 15 - __builtin_ctzll(d) / 4;
  }
  auto digit = [](uint64_t v, int k) { return (v >> (60 - 4 * k)) & 0xF; };
  // pos: the differing digits in order (valid when count <= 4).
  int pos[4] = {0, 0, 0, 0};
  if (count <= 4) {
    for (int k = 0; k < count; ++k) pos[k] = from_last[count - 1 - k];
  }
  // Digits k and k + 1 swapped (and differing) between a and b.
  auto swapped = [&](int k) { return digit(a, k) == digit(b, k + 1) && digit(a, k + 1) == digit(b, k); };
  // Equal-length strings are one edit apart only by one substitution or one
  // adjacent transposition.
  if (count == 1) return kNikOneEdit;
  if (count == 2) return pos[1] == pos[0] + 1 && swapped(pos[0]) ? kNikOneEdit : kNikTwoEdits;
  // Two edits over three or more differing digits: a transposition and a
  // substitution, two transpositions, or a deletion and an insertion (the
  // digits from the first to the last difference shifted by one place).
  if (count == 3) {
    if (pos[1] == pos[0] + 1 && swapped(pos[0])) return kNikTwoEdits;
    if (pos[2] == pos[1] + 1 && swapped(pos[1])) return kNikTwoEdits;
  }
  if (count == 4 && pos[1] == pos[0] + 1 && swapped(pos[0]) && pos[3] == pos[2] + 1 && swapped(pos[2])) {
    return kNikTwoEdits;
  }
  const int first = 15 - (63 - __builtin_clzll(differ)) / 4;
  const int last = 15 - __builtin_ctzll(differ) / 4;
  // Digits first .. last - 1 (last > first here).
  const int span = last - first;
  const uint64_t mask = ((uint64_t{1} << (4 * span)) - 1) << (64 - 4 * last);
  if ((((a << 4) ^ b) & mask) == 0 || (((b << 4) ^ a) & mask) == 0) return kNikTwoEdits;
  return kNikDifferent;
}

bool NikDateMatches(uint64_t nibbles, Date date, uint8_t sex) {
  if (nibbles == 0 || date == kNoDate) return false;
  auto digit = [&](int k) { return static_cast<int>((nibbles >> (60 - 4 * k)) & 0xF); };
  const int dd = digit(6) * 10 + digit(7), mm = digit(8) * 10 + digit(9), yy = digit(10) * 10 + digit(11);
  const CivilDate c = CivilFromDate(date);
  if (mm != c.month || yy != c.year % 100) return false;
  return (dd == c.day && sex != 2) || (dd == c.day + 40 && sex != 1);
}

int CompareNikOfRecords(uint64_t a, bool a_date_ok, Date a_date, uint64_t b, bool b_date_ok, Date b_date) {
  const int level = CompareNikNibbles(a, b);
  if ((level == kNikOneEdit || level == kNikTwoEdits) && a_date_ok && b_date_ok && a_date != b_date) {
    return kNikDifferent;
  }
  return level;
}

int CompareNik(uint64_t a, uint64_t b) {
  return CompareNikNibbles(NikNibbles(UsableNik(a)), NikNibbles(UsableNik(b)));
}

int CompareNames(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return kNameMissing;
  if (a == b) return kNameExact;
  return CompareDistinctNames(a, b, TokenBits(a), TokenBits(b));
}

int CompareBirthDates(Date a, Date b) {
  a = UsableDate(a);
  b = UsableDate(b);
  if (a == kNoDate || b == kNoDate) return kDateMissing;
  const CivilDate ca = CivilFromDate(a), cb = CivilFromDate(b);
  return CompareCivil(a, b, ca.year, ca.month, ca.day, cb.year, cb.month, cb.day);
}

int CompareSex(uint8_t a, uint8_t b) {
  const bool known_a = a == 1 || a == 2, known_b = b == 1 || b == 2;
  if (!known_a || !known_b) return kSexMissing;
  return a == b ? kSexAgree : kSexDisagree;
}

namespace {

// CompareRegions with the codes' depths (RegionDepth) known.
inline int CompareRegionDepths(uint64_t a, int depth_a, uint64_t b, int depth_b) {
  if (depth_a == 0 || depth_b == 0) return kRegionMissing;
  const int depth = std::min(depth_a, depth_b);
  // Units of the province, regency, district and village parts.
  constexpr uint64_t kUnit[5] = {0, 100000000ULL, 1000000ULL, 10000ULL, 1ULL};
  int agreed = 0;
  for (int level = 1; level <= depth; ++level) {
    if (a / kUnit[level] != b / kUnit[level]) break;
    agreed = level;
  }
  switch (agreed) {
    case 4: return kRegionSameVillage;
    case 3: return kRegionSameDistrict;
    case 2: return kRegionSameRegency;
    case 1: return kRegionSameProvince;
    default: return kRegionDifferent;
  }
}

}  // namespace

int CompareRegions(uint64_t a, uint64_t b) { return CompareRegionDepths(a, RegionDepth(a), b, RegionDepth(b)); }

ComparisonVector CompareRecords(const LinkageRecords& left, size_t i, const LinkageRecords& right, size_t j) {
  ComparisonVector v{};
  const uint64_t a = NikNibbles(UsableNik(left.nik[i])), b = NikNibbles(UsableNik(right.nik[j]));
  const Date da = UsableDate(left.birth_date[i]), db = UsableDate(right.birth_date[j]);
  const uint8_t sa = left.sex[i] == 1 || left.sex[i] == 2 ? left.sex[i] : 0;
  const uint8_t sb = right.sex[j] == 1 || right.sex[j] == 2 ? right.sex[j] : 0;
  v[0] = static_cast<uint8_t>(CompareNikOfRecords(a, NikDateMatches(a, da, sa), da, b, NikDateMatches(b, db, sb), db));
  v[1] = static_cast<uint8_t>(CompareNames(NormalizeName(left.name[i]), NormalizeName(right.name[j])));
  v[2] = static_cast<uint8_t>(CompareBirthDates(left.birth_date[i], right.birth_date[j]));
  v[3] = static_cast<uint8_t>(CompareSex(left.sex[i], right.sex[j]));
  v[4] = static_cast<uint8_t>(CompareRegions(left.region[i], right.region[j]));
  return v;
}

PreparedRecords PrepareRecords(const LinkageRecords& records, int threads) {
  const size_t n = records.size();
  PreparedRecords p;
  p.nik.resize(n);
  p.nik_nibbles.resize(n);
  p.nik_date_ok.resize(n);
  p.birth_date.resize(n);
  p.year.resize(n);
  p.month.resize(n);
  p.day.resize(n);
  p.sex.resize(n);
  p.region.resize(n);
  p.region_depth.resize(n);
  p.name_end.resize(n);
  p.name_tokens.resize(n);
  p.name_hash.resize(n);
  const int parts = static_cast<int>(std::min<size_t>(std::max(1, threads), std::max<size_t>(1, n / 4096)));
  std::vector<std::string> part_names(parts);
  std::vector<std::vector<uint64_t>> part_ends(parts);
  ParallelRanges(n, parts, [&](int part, size_t begin, size_t end) {
    std::string& buffer = part_names[part];
    std::vector<uint64_t>& ends = part_ends[part];
    ends.reserve(end - begin);
    struct SeenName {
      size_t begin, size;  // the normalised name in `buffer`
      uint64_t tokens;
    };
    std::unordered_map<std::string_view, SeenName> seen;
    seen.reserve((end - begin) / 2);
    for (size_t i = begin; i < end; ++i) {
      p.nik[i] = UsableNik(records.nik[i]);
      p.nik_nibbles[i] = NikNibbles(p.nik[i]);
      const Date d = UsableDate(records.birth_date[i]);
      p.birth_date[i] = d;
      if (d != kNoDate) {
        const CivilDate c = CivilFromDate(d);
        p.year[i] = static_cast<uint16_t>(c.year);
        p.month[i] = static_cast<uint8_t>(c.month);
        p.day[i] = static_cast<uint8_t>(c.day);
      }
      const uint8_t s = records.sex[i];
      p.sex[i] = s == 1 || s == 2 ? s : 0;
      p.nik_date_ok[i] = NikDateMatches(p.nik_nibbles[i], d, p.sex[i]) ? 1 : 0;
      p.region[i] = UsableRegion(records.region[i]);
      p.region_depth[i] = static_cast<uint8_t>(RegionDepth(p.region[i]));
      // Many records share a name as written: normalise each once per part.
      const size_t name_begin = buffer.size();
      const std::string_view raw = records.name[i];
      auto [it, inserted] = seen.try_emplace(raw, SeenName{name_begin, 0, 0});
      if (inserted) {
        buffer += NormalizeName(raw);
        it->second.size = buffer.size() - name_begin;
        it->second.tokens = TokenBits(std::string_view(buffer).substr(name_begin));
      } else {
        const SeenName& known = it->second;
        buffer.resize(name_begin + known.size);
        std::memcpy(buffer.data() + name_begin, buffer.data() + known.begin, known.size);
      }
      p.name_tokens[i] = it->second.tokens;
      p.name_hash[i] = std::hash<std::string_view>()(std::string_view(buffer).substr(name_begin));
      ends.push_back(buffer.size());
    }
  });
  // Stitch the parts (ParallelRanges covers [0, n) in order, part by part).
  size_t total = 0;
  for (const auto& b : part_names) total += b.size();
  p.names.reserve(total);
  size_t row = 0;
  for (int part = 0; part < parts; ++part) {
    const uint64_t offset = p.names.size();
    for (uint64_t e : part_ends[part]) p.name_end[row++] = offset + e;
    p.names += part_names[part];
  }
  return p;
}

std::vector<uint32_t> AssignNameIds(const std::vector<PreparedRecords*>& sets) {
  // Open addressing on the names' hashes (computed by PrepareRecords); ids in
  // order of first occurrence.
  size_t total = 0;
  for (const PreparedRecords* set : sets) total += set->size();
  size_t capacity = 16;
  while (capacity < total * 2) capacity <<= 1;
  const size_t mask = capacity - 1;
  struct Slot {
    uint64_t hash;
    uint32_t id;  // kNoNameId = empty
  };
  std::vector<Slot> table(capacity, Slot{0, kNoNameId});
  std::vector<std::string_view> names;  // by id
  std::vector<uint32_t> counts;
  for (PreparedRecords* set : sets) {
    set->name_id.assign(set->size(), kNoNameId);
    for (size_t i = 0; i < set->size(); ++i) {
      const std::string_view name = set->Name(i);
      if (name.empty()) continue;
      const uint64_t hash = set->name_hash[i];
      size_t slot = (hash ^ (hash >> 29)) & mask;
      while (table[slot].id != kNoNameId && (table[slot].hash != hash || names[table[slot].id] != name)) {
        slot = (slot + 1) & mask;
      }
      if (table[slot].id == kNoNameId) {
        table[slot] = Slot{hash, static_cast<uint32_t>(counts.size())};
        names.push_back(name);
        counts.push_back(0);
      }
      ++counts[table[slot].id];
      set->name_id[i] = table[slot].id;
    }
    std::vector<uint64_t>().swap(set->name_hash);
  }
  return counts;
}

ComparisonVector ComparePrepared(const PreparedRecords& a, size_t i, const PreparedRecords& b, size_t j) {
  ComparisonVector v{};
  v[0] = static_cast<uint8_t>(CompareNikOfRecords(a.nik_nibbles[i], a.nik_date_ok[i], a.birth_date[i],
                                                  b.nik_nibbles[j], b.nik_date_ok[j], b.birth_date[j]));
  if (a.name_id[i] == kNoNameId || b.name_id[j] == kNoNameId) {
    v[1] = kNameMissing;
  } else if (a.name_id[i] == b.name_id[j]) {
    v[1] = kNameExact;
  } else {
    v[1] = static_cast<uint8_t>(CompareDistinctNames(a.Name(i), b.Name(j), a.name_tokens[i], b.name_tokens[j]));
  }
  v[2] = static_cast<uint8_t>(CompareCivil(a.birth_date[i], b.birth_date[j], a.year[i], a.month[i], a.day[i],
                                           b.year[j], b.month[j], b.day[j]));
  v[3] = static_cast<uint8_t>(CompareSex(a.sex[i], b.sex[j]));
  v[4] = static_cast<uint8_t>(CompareRegionDepths(a.region[i], a.region_depth[i], b.region[j], b.region_depth[j]));
  return v;
}

}  // namespace cakupan
