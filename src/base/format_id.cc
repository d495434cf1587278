#include "base/format_id.h"

#include <cmath>
#include <cstdio>

namespace cakupan {

namespace {

char GroupSep(Lang lang) { return lang == Lang::kId ? '.' : ','; }
char DecimalSep(Lang lang) { return lang == Lang::kId ? ',' : '.'; }

std::string Group(uint64_t v, char sep) {
  std::string digits = std::to_string(v);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  size_t lead = digits.size() % 3;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && i % 3 == lead % 3) out.push_back(sep);
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

std::string FormatCount(int64_t value, Lang lang) {
  if (value < 0) return "-" + Group(static_cast<uint64_t>(-(value + 1)) + 1, GroupSep(lang));
  return Group(static_cast<uint64_t>(value), GroupSep(lang));
}

std::string FormatDecimal(double value, int decimals, Lang lang) {
  if (!std::isfinite(value)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
  std::string s = buf;
  size_t dot = s.find('.');
  std::string int_part = s.substr(0, dot);
  std::string out = (value < 0 && s.find_first_not_of("0.") != std::string::npos) ? "-" : "";
  out += Group(std::stoull(int_part), GroupSep(lang));
  if (dot != std::string::npos) {
    out.push_back(DecimalSep(lang));
    out += s.substr(dot + 1);
  }
  return out;
}

std::string FormatPercent(double fraction, int decimals, Lang lang) {
  if (!std::isfinite(fraction)) return "-";
  return FormatDecimal(fraction * 100.0, decimals, lang) + "%";
}

std::string FormatRupiah(int64_t rupiah, Lang lang) {
  if (rupiah < 0) return "-Rp " + FormatCount(-rupiah, lang);
  return "Rp " + FormatCount(rupiah, lang);
}

}  // namespace cakupan
