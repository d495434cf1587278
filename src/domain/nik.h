// NIK (Nomor Induk Kependudukan), the 16-digit national ID number:
// PPKKCC DDMMYY SSSS = district of first issuance, birth date (day + 40 for
// women), serial (never 0000). There is no check digit, so a NIK that parses
// may still be wrong; only Dukcapil knows. A district prefix missing from
// today's code list may predate a split (pemekaran): that is a warning for the
// caller to raise, not a parse error.
//
// NIKs are personal data (UU 27/2022): never log them; show MaskNik() unless
// the user asked for the full number. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "domain/enums.h"
#include "domain/region_code.h"

namespace cakupan {

enum class NikError : uint8_t {
  kNone = 0,
  kEmpty,
  kWrongLength,    // not 16 characters
  kNotDigits,      // contains something other than 0-9
  kBadRegion,      // province, regency or district part is 00
  kBadDay,         // day not in 01-31 or 41-71
  kBadMonth,       // month not in 01-12
  kImpossibleDate, // e.g. 31 February
  kSerialZero,     // serial 0000
  kExcelNumber,    // a spreadsheet's number in scientific notation ("1.70407E+15"): the digits are lost
};

// Stable code ("wrong_length") and a bilingual explanation for reports.
// Values are stored (WorkerTable::nik_issue): new ones go at the end.
const char* NikErrorCode(NikError e);
const char* NikErrorMessage(NikError e);  // in the current language

struct NikInfo {
  uint64_t value = 0;   // the 16 digits as an integer
  RegionCode district;  // PP.KK.CC of first issuance
  Date birth_date = kNoDate;
  Sex sex = Sex::kUnknown;
  uint16_t serial = 0;
};

// Parses and validates. `reference_year` resolves the two-digit birth year:
// 20YY if that is not after the reference year, else 19YY. Surrounding
// whitespace is trimmed; an apostrophe prefix (Excel text marker) is removed.
// On failure returns nullopt and sets *error when given: kEmpty, then
// kExcelNumber for a number in scientific notation, kNotDigits for any other
// character than 0-9, kWrongLength, then the parts in NIK order.
std::optional<NikInfo> ParseNik(std::string_view text, int reference_year, NikError* error = nullptr);

// Decodes an already-valid 16-digit integer (as stored); same rules.
std::optional<NikInfo> DecodeNik(uint64_t value, int reference_year, NikError* error = nullptr);

// "1704074105920001". Zero-padded to 16 digits.
std::string FormatNik(uint64_t nik);
// "1704************": the first four digits (province and regency) kept.
// "" for a synthetic worker key (a worker without a valid NIK).
std::string MaskNik(uint64_t nik);

// Registry workers whose NIK is missing or invalid are kept (their NIK is a
// data-quality finding) under a synthetic key above every real NIK, derived
// from what identifies the row, so that re-importing the same row finds the
// same key. Real NIKs are below 10^16; synthetic keys have bit 62 set.
inline constexpr uint64_t kSyntheticKeyBit = uint64_t{1} << 62;
inline bool IsSyntheticWorkerKey(uint64_t key) { return (key & kSyntheticKeyBit) != 0; }
// `birth_raw`, the birth-date text of a row whose date is invalid (else
// empty), takes part only when not empty, so that keys made before it
// existed are unchanged.
uint64_t SyntheticWorkerKey(std::string_view raw_nik, std::string_view name, Date birth_date, uint64_t village,
                            std::string_view birth_raw = {});

// Whether a recorded birth date is the one a NIK encodes: same day, month and
// two-digit year (the NIK cannot tell 1925 from 2025). False if either is
// kNoDate (unless both are).
bool SameNikBirthDate(Date given, Date from_nik);

// Builds a NIK from its parts (the synthetic data generator uses this).
// Returns nullopt when a part is out of range.
std::optional<uint64_t> ComposeNik(RegionCode district, Date birth_date, Sex sex, int serial);

}  // namespace cakupan
