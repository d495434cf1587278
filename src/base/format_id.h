// Number formatting as users read it. Indonesian (default): "1.234.567",
// "37,0%", "Rp 201.600". English: "1,234,567", "37.0%", "Rp 201,600".
// Pure functions of their arguments and the process language (base/i18n.h).
#pragma once

#include <cstdint>
#include <string>

#include "base/i18n.h"

namespace cakupan {

std::string FormatCount(int64_t value, Lang lang);
inline std::string FormatCount(int64_t value) { return FormatCount(value, CurrentLanguage()); }

// A fraction (0.37) as a percentage with `decimals` decimals: "37,0%".
std::string FormatPercent(double fraction, int decimals, Lang lang);
inline std::string FormatPercent(double fraction, int decimals = 1) {
  return FormatPercent(fraction, decimals, CurrentLanguage());
}

// A plain decimal number with grouping: "1.234,5".
std::string FormatDecimal(double value, int decimals, Lang lang);
inline std::string FormatDecimal(double value, int decimals) {
  return FormatDecimal(value, decimals, CurrentLanguage());
}

// Whole rupiah: "Rp 201.600"; negative as "-Rp 5.000".
std::string FormatRupiah(int64_t rupiah, Lang lang);
inline std::string FormatRupiah(int64_t rupiah) { return FormatRupiah(rupiah, CurrentLanguage()); }

}  // namespace cakupan
