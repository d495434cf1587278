#include "planning/money.h"

#include <limits>

#include "base/strings.h"

namespace cakupan {

int64_t DivRoundHalfUp(__int128 numerator, int64_t denominator) {
  return static_cast<int64_t>((numerator * 2 + denominator) / (static_cast<__int128>(denominator) * 2));
}

Rupiah ApplyPcm(Rupiah base, int64_t pcm) {
  return DivRoundHalfUp(static_cast<__int128>(base) * pcm, kPcmPerWhole);
}

namespace {

Status TooLarge() {
  return Status::InvalidArgument(Tr("the amount is too large to compute (more than 9.2 x 10^18 rupiah)",
                                    "jumlahnya terlalu besar untuk dihitung (lebih dari 9,2 x 10^18 rupiah)"));
}

}  // namespace

Result<int64_t> CheckedMul(int64_t a, int64_t b) {
  int64_t out = 0;
  if (__builtin_mul_overflow(a, b, &out)) return TooLarge();
  return out;
}

Result<int64_t> CheckedAdd(int64_t a, int64_t b) {
  int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out)) return TooLarge();
  return out;
}

std::optional<int64_t> ParsePercentPcm(std::string_view text) {
  std::string_view t = TrimView(text);
  if (!t.empty() && t.back() == '%') t = TrimView(t.substr(0, t.size() - 1));
  if (t.empty()) return std::nullopt;
  int64_t whole = 0;
  int int_digits = 0;
  size_t i = 0;
  for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) {
    if (++int_digits > 7) return std::nullopt;
    whole = whole * 10 + (t[i] - '0');
  }
  if (int_digits == 0) return std::nullopt;
  int64_t frac = 0;
  int frac_digits = 0;
  if (i < t.size()) {
    if (t[i] != '.' && t[i] != ',') return std::nullopt;
    ++i;
    if (i == t.size()) return std::nullopt;
    for (; i < t.size(); ++i) {
      if (t[i] < '0' || t[i] > '9') return std::nullopt;
      if (++frac_digits > 3) {
        if (t[i] != '0') return std::nullopt;  // "0,2400" is still exact
        continue;
      }
      frac = frac * 10 + (t[i] - '0');
    }
  }
  for (int d = frac_digits; d < 3; ++d) frac *= 10;
  return whole * 1000 + frac;
}

std::string PcmDecimalText(int64_t pcm) {
  const int64_t v = pcm < 0 ? -pcm : pcm;
  std::string out = std::to_string(v / 1000);
  int64_t frac = v % 1000;
  if (frac != 0) {
    std::string digits = std::to_string(frac);
    digits.insert(0, 3 - digits.size(), '0');
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

std::string FormatPcmPercent(int64_t pcm, Lang lang) {
  std::string s = PcmDecimalText(pcm);
  if (lang == Lang::kId)
    for (char& c : s)
      if (c == '.') c = ',';
  return (pcm < 0 ? "-" : "") + s + "%";
}

std::optional<Rupiah> ParseRupiah(std::string_view text) {
  std::string_view t = TrimView(text);
  if (t.size() >= 3 && EqualsIgnoreCaseAscii(t.substr(0, 3), "idr")) t = TrimView(t.substr(3));
  else if (t.size() >= 2 && EqualsIgnoreCaseAscii(t.substr(0, 2), "rp")) {
    t = t.substr(2);
    if (!t.empty() && t.front() == '.') t = t.substr(1);
    t = TrimView(t);
  }
  if (EndsWith(t, ",-")) t = TrimView(t.substr(0, t.size() - 2));
  if (EndsWith(t, ",00") && t.substr(0, t.size() - 3).find(',') == std::string_view::npos)
    t = t.substr(0, t.size() - 3);
  else if (EndsWith(t, ".00") && t.substr(0, t.size() - 3).find('.') == std::string_view::npos)
    t = t.substr(0, t.size() - 3);
  if (t.empty()) return std::nullopt;
  return ParseCount(t);
}

}  // namespace cakupan
