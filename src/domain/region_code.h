// Kemendagri region codes `PP.KK.CC.DDDD` (Kepmendagri 300.2.2-2138/2025).
//
// A RegionCode packs the digits into one integer PPKKCCDDDD with zeros for the
// parts below its level, so that sorting by value lists a province, then its
// first regency, that regency's first district, its villages, and so on
// (pre-order). The national root (Indonesia) is the value 0. KK, CC and DDDD
// are never all zeros in a real code, so the level is implied by the value.
// Plain value type; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cakupan {

enum class RegionLevel : uint8_t {
  kNational = 0,
  kProvince = 1,  // provinsi
  kRegency = 2,   // kabupaten / kota
  kDistrict = 3,  // kecamatan / distrik
  kVillage = 4,   // desa / kelurahan / desa adat
};

enum class RegionKind : uint8_t {
  kNational,
  kProvince,
  kKabupaten,  // regency digits 01-69
  kKota,       // regency digits 71-99
  kDistrict,
  kKelurahan,  // village part starting with 1
  kDesa,       // 2
  kDesaAdat,   // 3
  kVillageOther,
};

// "national", "province", "regency", "district", "village".
const char* RegionLevelName(RegionLevel level);
// Indonesian: "nasional", "provinsi", "kabupaten/kota", "kecamatan", "desa/kelurahan".
const char* RegionLevelNameId(RegionLevel level);
// Parses English or Indonesian level names and 0-4:
// "province"/"provinsi"/"1", "regency"/"kabupaten"/"kota"/"kab"/"2",
// "district"/"kecamatan"/"3", "village"/"desa"/"kelurahan"/"4", "national"/"nasional"/"0".
std::optional<RegionLevel> ParseRegionLevel(std::string_view text);
// Indonesian label of a kind: "Kabupaten", "Kota", "Desa", "Kelurahan", ...
const char* RegionKindNameId(RegionKind kind);

class RegionCode {
 public:
  constexpr RegionCode() = default;  // national root
  static constexpr RegionCode FromPacked(uint64_t packed) { return RegionCode(packed); }
  static RegionCode National() { return RegionCode(0); }
  // From parts; a part of 0 means "absent" and all parts after it must be 0.
  static std::optional<RegionCode> FromParts(int province, int regency, int district, int village);

  // Parses "17", "17.04", "17.04.07", "17.04.07.2010" and the same without
  // dots ("1704072010"); "0" or "00" is the national root. Parts must have
  // exactly 2, 2, 2 and 4 digits and be non-zero. Whitespace is trimmed.
  static std::optional<RegionCode> Parse(std::string_view text);
  // The district (kecamatan) of a NIK's first six digits "PPKKCC"; nullopt if
  // any part is 00.
  static std::optional<RegionCode> FromNikPrefix(uint64_t nik);

  constexpr uint64_t packed() const { return packed_; }
  RegionLevel level() const;
  RegionKind kind() const;
  int province() const { return static_cast<int>(packed_ / 100000000ULL); }
  int regency() const { return static_cast<int>(packed_ / 1000000ULL % 100); }
  int district() const { return static_cast<int>(packed_ / 10000ULL % 100); }
  int village() const { return static_cast<int>(packed_ % 10000ULL); }

  // The code one level up; the national root is its own parent.
  RegionCode Parent() const;
  // This code truncated to `level` (which must not be below this code's level).
  RegionCode AncestorAt(RegionLevel level) const;
  // True if `other` is this region or lies inside it.
  bool Contains(RegionCode other) const;

  std::string ToString() const;  // "17.04.07.2010"; "0" for the national root

  constexpr auto operator<=>(const RegionCode&) const = default;

 private:
  constexpr explicit RegionCode(uint64_t packed) : packed_(packed) {}
  uint64_t packed_ = 0;
};

}  // namespace cakupan
