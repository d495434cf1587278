// Cell checks and messages shared by several readers, so that the same
// problem reads the same in every rejects file. Reasons and warnings are in
// the current language (base/i18n.h). Checks return "" when the value is
// fine, else the reason. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "domain/birth_date.h"
#include "domain/enums.h"
#include "domain/nik.h"
#include "domain/region_code.h"
#include "domain/region_table.h"

namespace cakupan {

inline constexpr size_t kMaxNameBytes = 200;

// Hash for unordered containers keyed by std::string and looked up by
// std::string_view without building a string.
struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// RegionTable::Find(code) != kNotFound, remembered in a small direct-mapped
// cache: an import names the same few thousand villages millions of times.
// One per thread.
class KnownRegionCache {
 public:
  explicit KnownRegionCache(const RegionTable& regions) : regions_(regions), slots_(kSlots, 0) {}
  bool Contains(RegionCode code) {
    const uint64_t key = code.packed() + 1;  // 0 marks an empty slot
    uint64_t h = key * 0x9E3779B97F4A7C15ULL;
    uint64_t& slot = slots_[(h >> 40) & (kSlots - 1)];
    if (slot == key) return true;
    const bool found = regions_.Find(code) != RegionTable::kNotFound;
    if (found) slot = key;
    return found;
  }
  const RegionTable& regions() const { return regions_; }

 private:
  static constexpr size_t kSlots = 1 << 17;  // 1 MiB: every village of a national file
  const RegionTable& regions_;
  std::vector<uint64_t> slots_;
};

// A village code cell (already trimmed): empty, malformed, not a village, or
// not in the regions. Sets *code when it parses.
std::string CheckVillageCode(std::string_view text, KnownRegionCache& regions, std::optional<RegionCode>* code);
// A region code cell of any level: empty or malformed. Sets *code.
std::string CheckRegionCode(std::string_view text, std::optional<RegionCode>* code);
// "unknown region code 17.99 (not in the region list)".
std::string UnknownRegionReason(RegionCode code);
// A cleaned name: valid UTF-8, at most kMaxNameBytes.
std::string CheckName(std::string_view name);

// NikErrorMessage, with a hint when the NIK's 16 digits are written with
// spaces or punctuation between them ("1704 0741 0592 0001").
std::string NikReason(std::string_view text, NikError error);
// A registry row whose NIK is missing or invalid is kept when it has a name
// (the warning says so); without a name it is rejected with this reason.
std::string NikKeptWarning(std::string_view text, NikError error);
std::string NikWithoutNameReason(std::string_view text, NikError error);
// A kept tanggal_lahir that is no plausible date: what is wrong and what is
// stored instead (the NIK's date when `nik_date`, else nothing).
std::string BirthDateKeptWarning(BirthDateIssue issue, bool nik_date);
// A bad cell as kept for the data-quality report (nik_raw, birth_date_raw):
// trimmed, at most 32 bytes, bytes outside printable ASCII replaced by '?'
// (so the stored text is always valid UTF-8 and never a control character).
std::string RawCellText(std::string_view text);
std::string NotUtf8Reason();
std::string UnknownSexReason();
std::string BadPeriodReason();
// "duplicate NIK: already on line 12".
std::string DuplicateReason(std::string_view what, int64_t first_line);

std::string NikDistrictWarning(RegionCode district);
std::string SexMismatchWarning(Sex given, Sex from_nik);
std::string BirthDateMismatchWarning(Date given, Date from_nik);

}  // namespace cakupan
