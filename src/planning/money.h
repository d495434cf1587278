// Exact money arithmetic for planning: rupiah as int64, rates as integer
// parts per 100,000 ("pcm": 0.24% = 240, see domain/contribution_rate.h),
// products in 128-bit integers, one documented rounding rule, and overflow
// reported instead of wrapped. No floating point touches money.
//
// Rounding rule (docs/planning.md): an amount that is not a whole number of
// rupiah is rounded half up (x.5 -> x + 1) — once per worker, per month, per
// programme. All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/i18n.h"
#include "base/status.h"
#include "domain/contribution_rate.h"

namespace cakupan {

using Rupiah = int64_t;

// Largest amounts accepted from users (larger ones are typing errors).
inline constexpr Rupiah kMaxMonthlyBase = 10'000'000'000;           // a monthly wage or income: Rp 10 miliar
inline constexpr Rupiah kMaxContractValue = 1'000'000'000'000'000;  // a contract: Rp 10^15
inline constexpr int kMaxMonths = 120;                              // ten years
inline constexpr int64_t kMaxWorkers = 200'000'000;                 // more than Indonesia's labour force

// numerator / denominator rounded half up, for numerator >= 0 and
// denominator > 0 (both checked by the caller).
int64_t DivRoundHalfUp(__int128 numerator, int64_t denominator);

// base * pcm / 100,000 rounded half up: the rupiah amount of a rate.
// Exact for every base <= kMaxRateBase and pcm <= 100,000.
Rupiah ApplyPcm(Rupiah base, int64_t pcm);

// a * b, or kInvalidArgument ("the amount is too large") when it does not
// fit in int64. Both operands must be >= 0.
Result<int64_t> CheckedMul(int64_t a, int64_t b);
Result<int64_t> CheckedAdd(int64_t a, int64_t b);

// A percentage as people write it, into pcm: "0,24", "0.24", "0,24%",
// "5,7", "39", "39 %", "100". At most three decimals (0.001% is the unit);
// more decimals, a sign, grouping separators or anything else -> nullopt.
// At most 10^12 pcm (callers bound it further).
std::optional<int64_t> ParsePercentPcm(std::string_view text);

// pcm as a percentage without trailing zeros: 240 -> "0,24%" (Indonesian) or
// "0.24%" (English); 39000 -> "39%"; 5700 -> "5,7%".
std::string FormatPcmPercent(int64_t pcm, Lang lang);
inline std::string FormatPcmPercent(int64_t pcm) { return FormatPcmPercent(pcm, CurrentLanguage()); }
// The same in C locale without the sign, for files and JSON: "0.24", "5.7", "39".
std::string PcmDecimalText(int64_t pcm);

// A whole rupiah amount as people write it: "1000000", "1.000.000",
// "1,000,000", "Rp 1.000.000", "Rp1.000.000,-", "Rp 1.000.000,00", "IDR 5000".
// Negative amounts, fractions of a rupiah and other text -> nullopt.
std::optional<Rupiah> ParseRupiah(std::string_view text);

}  // namespace cakupan
