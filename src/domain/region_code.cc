#include "domain/region_code.h"

#include <cstdio>

#include "base/strings.h"

namespace cakupan {

namespace {
constexpr uint64_t kProvinceUnit = 100000000ULL;
constexpr uint64_t kRegencyUnit = 1000000ULL;
constexpr uint64_t kDistrictUnit = 10000ULL;

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

const char* RegionLevelName(RegionLevel level) {
  switch (level) {
    case RegionLevel::kNational: return "national";
    case RegionLevel::kProvince: return "province";
    case RegionLevel::kRegency: return "regency";
    case RegionLevel::kDistrict: return "district";
    case RegionLevel::kVillage: return "village";
  }
  return "?";
}

const char* RegionLevelNameId(RegionLevel level) {
  switch (level) {
    case RegionLevel::kNational: return "nasional";
    case RegionLevel::kProvince: return "provinsi";
    case RegionLevel::kRegency: return "kabupaten/kota";
    case RegionLevel::kDistrict: return "kecamatan";
    case RegionLevel::kVillage: return "desa/kelurahan";
  }
  return "?";
}

std::optional<RegionLevel> ParseRegionLevel(std::string_view text) {
  std::string t = NormalizeKey(text);
  if (t == "0" || t == "national" || t == "nasional" || t == "nation" || t == "country")
    return RegionLevel::kNational;
  if (t == "1" || t == "province" || t == "provinsi" || t == "prov") return RegionLevel::kProvince;
  if (t == "2" || t == "regency" || t == "kabupaten" || t == "kota" || t == "kab" || t == "kabupaten_kota" ||
      t == "kab_kota" || t == "city" || t == "regency_city")
    return RegionLevel::kRegency;
  if (t == "3" || t == "district" || t == "kecamatan" || t == "kec" || t == "distrik")
    return RegionLevel::kDistrict;
  if (t == "4" || t == "village" || t == "desa" || t == "kelurahan" || t == "desa_kelurahan" || t == "kel")
    return RegionLevel::kVillage;
  return std::nullopt;
}

const char* RegionKindNameId(RegionKind kind) {
  switch (kind) {
    case RegionKind::kNational: return "Nasional";
    case RegionKind::kProvince: return "Provinsi";
    case RegionKind::kKabupaten: return "Kabupaten";
    case RegionKind::kKota: return "Kota";
    case RegionKind::kDistrict: return "Kecamatan";
    case RegionKind::kKelurahan: return "Kelurahan";
    case RegionKind::kDesa: return "Desa";
    case RegionKind::kDesaAdat: return "Desa Adat";
    case RegionKind::kVillageOther: return "Desa/Kelurahan";
  }
  return "?";
}

std::optional<RegionCode> RegionCode::FromParts(int p, int k, int c, int d) {
  if (p < 0 || p > 99 || k < 0 || k > 99 || c < 0 || c > 99 || d < 0 || d > 9999) return std::nullopt;
  if (p == 0 && (k || c || d)) return std::nullopt;
  if (k == 0 && (c || d)) return std::nullopt;
  if (c == 0 && d) return std::nullopt;
  return RegionCode(static_cast<uint64_t>(p) * kProvinceUnit + static_cast<uint64_t>(k) * kRegencyUnit +
                    static_cast<uint64_t>(c) * kDistrictUnit + static_cast<uint64_t>(d));
}

std::optional<RegionCode> RegionCode::Parse(std::string_view text) {
  std::string_view s = TrimView(text);
  if (s == "0" || s == "00") return National();
  int parts[4] = {0, 0, 0, 0};
  static constexpr size_t kWidths[4] = {2, 2, 2, 4};
  if (s.find('.') == std::string_view::npos) {
    if (!AllDigits(s)) return std::nullopt;
    size_t pos = 0;
    int n = 0;
    for (; n < 4 && pos < s.size(); ++n) {
      if (s.size() - pos < kWidths[n]) return std::nullopt;
      parts[n] = ToInt(s.substr(pos, kWidths[n]));
      pos += kWidths[n];
    }
    if (pos != s.size() || n == 0) return std::nullopt;
    for (int i = 0; i < n; ++i)
      if (parts[i] == 0) return std::nullopt;
  } else {
    auto fields = SplitView(s, '.');
    if (fields.size() > 4) return std::nullopt;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].size() != kWidths[i] || !AllDigits(fields[i])) return std::nullopt;
      parts[i] = ToInt(fields[i]);
      if (parts[i] == 0) return std::nullopt;
    }
  }
  return FromParts(parts[0], parts[1], parts[2], parts[3]);
}

std::optional<RegionCode> RegionCode::FromNikPrefix(uint64_t nik) {
  uint64_t prefix = nik / 10000000000ULL;  // first six of sixteen digits
  int p = static_cast<int>(prefix / 10000), k = static_cast<int>(prefix / 100 % 100),
      c = static_cast<int>(prefix % 100);
  if (p == 0 || k == 0 || c == 0) return std::nullopt;
  return FromParts(p, k, c, 0);
}

RegionLevel RegionCode::level() const {
  if (packed_ == 0) return RegionLevel::kNational;
  if (packed_ % kProvinceUnit == 0) return RegionLevel::kProvince;
  if (packed_ % kRegencyUnit == 0) return RegionLevel::kRegency;
  if (packed_ % kDistrictUnit == 0) return RegionLevel::kDistrict;
  return RegionLevel::kVillage;
}

RegionKind RegionCode::kind() const {
  switch (level()) {
    case RegionLevel::kNational: return RegionKind::kNational;
    case RegionLevel::kProvince: return RegionKind::kProvince;
    case RegionLevel::kRegency: return regency() >= 71 ? RegionKind::kKota : RegionKind::kKabupaten;
    case RegionLevel::kDistrict: return RegionKind::kDistrict;
    case RegionLevel::kVillage:
      switch (village() / 1000) {
        case 1: return RegionKind::kKelurahan;
        case 2: return RegionKind::kDesa;
        case 3: return RegionKind::kDesaAdat;
        default: return RegionKind::kVillageOther;
      }
  }
  return RegionKind::kVillageOther;
}

RegionCode RegionCode::AncestorAt(RegionLevel lvl) const {
  switch (lvl) {
    case RegionLevel::kNational: return RegionCode(0);
    case RegionLevel::kProvince: return RegionCode(packed_ / kProvinceUnit * kProvinceUnit);
    case RegionLevel::kRegency: return RegionCode(packed_ / kRegencyUnit * kRegencyUnit);
    case RegionLevel::kDistrict: return RegionCode(packed_ / kDistrictUnit * kDistrictUnit);
    case RegionLevel::kVillage: return *this;
  }
  return *this;
}

RegionCode RegionCode::Parent() const {
  switch (level()) {
    case RegionLevel::kNational: return *this;
    case RegionLevel::kProvince: return AncestorAt(RegionLevel::kNational);
    case RegionLevel::kRegency: return AncestorAt(RegionLevel::kProvince);
    case RegionLevel::kDistrict: return AncestorAt(RegionLevel::kRegency);
    case RegionLevel::kVillage: return AncestorAt(RegionLevel::kDistrict);
  }
  return *this;
}

bool RegionCode::Contains(RegionCode other) const {
  if (static_cast<int>(other.level()) < static_cast<int>(level())) return false;
  return other.AncestorAt(level()) == *this;
}

std::string RegionCode::ToString() const {
  char buf[20];
  switch (level()) {
    case RegionLevel::kNational: return "0";
    case RegionLevel::kProvince: std::snprintf(buf, sizeof buf, "%02d", province()); break;
    case RegionLevel::kRegency: std::snprintf(buf, sizeof buf, "%02d.%02d", province(), regency()); break;
    case RegionLevel::kDistrict:
      std::snprintf(buf, sizeof buf, "%02d.%02d.%02d", province(), regency(), district());
      break;
    case RegionLevel::kVillage:
      std::snprintf(buf, sizeof buf, "%02d.%02d.%02d.%04d", province(), regency(), district(), village());
      break;
  }
  return buf;
}

}  // namespace cakupan
