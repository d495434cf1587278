#include "domain/nik.h"

#include <cstdio>

#include "base/i18n.h"
#include "base/strings.h"

namespace cakupan {

namespace {
constexpr uint64_t kTen10 = 10000000000ULL;
constexpr uint64_t kTen16 = 10000000000000000ULL;

void Set(NikError* out, NikError e) {
  if (out) *out = e;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "1.70407E+15", "1,70407E+15", "2E+15": what a spreadsheet shows for a
// long number (digits, a decimal part, E, an exponent).
bool IsScientificNumber(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == 0) return false;
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    const size_t start = ++i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == start) return false;
  }
  if (i == s.size() || (s[i] != 'E' && s[i] != 'e')) return false;
  ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const size_t exponent = i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i == s.size() && i > exponent;
}
}  // namespace

const char* NikErrorCode(NikError e) {
  switch (e) {
    case NikError::kNone: return "ok";
    case NikError::kEmpty: return "empty";
    case NikError::kWrongLength: return "wrong_length";
    case NikError::kNotDigits: return "not_digits";
    case NikError::kBadRegion: return "bad_region";
    case NikError::kBadDay: return "bad_day";
    case NikError::kBadMonth: return "bad_month";
    case NikError::kImpossibleDate: return "impossible_date";
    case NikError::kSerialZero: return "serial_zero";
    case NikError::kExcelNumber: return "excel_number";
  }
  return "?";
}

const char* NikErrorMessage(NikError e) {
  switch (e) {
    case NikError::kNone: return "";
    case NikError::kEmpty: return Tr("NIK is empty", "NIK kosong");
    case NikError::kWrongLength: return Tr("NIK must have 16 digits", "NIK harus 16 digit");
    case NikError::kNotDigits: return Tr("NIK may contain digits only", "NIK hanya boleh berisi angka");
    case NikError::kBadRegion:
      return Tr("NIK region part (first 6 digits) contains 00", "kode wilayah NIK (6 digit pertama) berisi 00");
    case NikError::kBadDay:
      return Tr("NIK birth day must be 01-31 (men) or 41-71 (women)",
                "tanggal lahir NIK harus 01-31 (laki-laki) atau 41-71 (perempuan)");
    case NikError::kBadMonth: return Tr("NIK birth month must be 01-12", "bulan lahir NIK harus 01-12");
    case NikError::kImpossibleDate:
      return Tr("NIK birth date does not exist", "tanggal lahir NIK tidak ada di kalender");
    case NikError::kSerialZero: return Tr("NIK serial number is 0000", "nomor urut NIK 0000");
    case NikError::kExcelNumber:
      return Tr("NIK was turned into a number by Excel (e.g. 1.70407E+15): format the column as Text and enter it again",
                "NIK diubah Excel menjadi angka (mis. 1,70407E+15): format kolom sebagai Teks lalu isi ulang");
  }
  return "";
}

std::optional<NikInfo> DecodeNik(uint64_t value, int reference_year, NikError* error) {
  if (value >= kTen16) return Set(error, NikError::kWrongLength), std::nullopt;
  auto district = RegionCode::FromNikPrefix(value);
  if (!district) return Set(error, NikError::kBadRegion), std::nullopt;
  const uint64_t ddmmyy = value / 10000 % 1000000;
  int day = static_cast<int>(ddmmyy / 10000);
  const int month = static_cast<int>(ddmmyy / 100 % 100);
  const int yy = static_cast<int>(ddmmyy % 100);
  const int serial = static_cast<int>(value % 10000);
  Sex sex = Sex::kMale;
  if (day >= 41 && day <= 71) {
    sex = Sex::kFemale;
    day -= 40;
  } else if (day < 1 || day > 31) {
    return Set(error, NikError::kBadDay), std::nullopt;
  }
  if (month < 1 || month > 12) return Set(error, NikError::kBadMonth), std::nullopt;
  int year = 2000 + yy;
  if (year > reference_year) year -= 100;
  if (!IsValidCivil(year, month, day)) return Set(error, NikError::kImpossibleDate), std::nullopt;
  if (serial == 0) return Set(error, NikError::kSerialZero), std::nullopt;
  NikInfo info;
  info.value = value;
  info.district = *district;
  info.birth_date = DateFromCivil(year, month, day);
  info.sex = sex;
  info.serial = static_cast<uint16_t>(serial);
  Set(error, NikError::kNone);
  return info;
}

std::optional<NikInfo> ParseNik(std::string_view text, int reference_year, NikError* error) {
  std::string_view s = TrimView(text);
  if (!s.empty() && s.front() == '\'') s.remove_prefix(1);
  if (s.empty()) return Set(error, NikError::kEmpty), std::nullopt;
  if (IsScientificNumber(s)) return Set(error, NikError::kExcelNumber), std::nullopt;
  for (char c : s)
    if (c < '0' || c > '9') return Set(error, s.size() == 16 ? NikError::kNotDigits : NikError::kNotDigits), std::nullopt;
  if (s.size() != 16) return Set(error, NikError::kWrongLength), std::nullopt;
  auto v = ParseDigits(s);
  if (!v) return Set(error, NikError::kNotDigits), std::nullopt;
  return DecodeNik(*v, reference_year, error);
}

std::string FormatNik(uint64_t nik) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llu", static_cast<unsigned long long>(nik));
  return buf;
}

std::string MaskNik(uint64_t nik) {
  if (IsSyntheticWorkerKey(nik)) return "";  // no valid NIK to show
  std::string s = FormatNik(nik);
  for (size_t i = 4; i < s.size(); ++i) s[i] = '*';
  return s;
}

std::optional<uint64_t> ComposeNik(RegionCode district, Date birth_date, Sex sex, int serial) {
  if (district.level() != RegionLevel::kDistrict) return std::nullopt;
  if (serial < 1 || serial > 9999 || birth_date == kNoDate) return std::nullopt;
  CivilDate c = CivilFromDate(birth_date);
  int day = c.day + (sex == Sex::kFemale ? 40 : 0);
  uint64_t prefix = static_cast<uint64_t>(district.province()) * 10000 +
                    static_cast<uint64_t>(district.regency()) * 100 + static_cast<uint64_t>(district.district());
  uint64_t ddmmyy = static_cast<uint64_t>(day) * 10000 + static_cast<uint64_t>(c.month) * 100 +
                    static_cast<uint64_t>(c.year % 100);
  return prefix * kTen10 + ddmmyy * 10000 + static_cast<uint64_t>(serial);
}

bool SameNikBirthDate(Date given, Date from_nik) {
  if (given == from_nik) return true;
  if (given == kNoDate || from_nik == kNoDate) return false;
  const CivilDate a = CivilFromDate(given), b = CivilFromDate(from_nik);
  return a.day == b.day && a.month == b.month && a.year % 100 == b.year % 100;
}

uint64_t SyntheticWorkerKey(std::string_view raw_nik, std::string_view name, Date birth_date, uint64_t village,
                            std::string_view birth_raw) {
  // FNV-1a/64 over the fields with separators, folded into 62 bits.
  uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&](std::string_view s) {
    for (unsigned char ch : s) {
      h ^= ch;
      h *= 0x100000001b3ULL;
    }
    h ^= 0xff;
    h *= 0x100000001b3ULL;
  };
  mix(TrimView(raw_nik));
  mix(name);
  const std::string birth = std::to_string(birth_date);
  mix(birth);
  mix(std::to_string(village));
  if (!birth_raw.empty()) mix(birth_raw);
  return kSyntheticKeyBit | (h & (kSyntheticKeyBit - 1));
}

}  // namespace cakupan
