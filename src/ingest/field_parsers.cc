#include "ingest/field_parsers.h"

#include <chrono>

#include "base/date.h"
#include "base/strings.h"

namespace cakupan {

namespace {

inline bool IsWs(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Parses exactly `width` digits at s[pos]; -1 when they are not all digits.
inline int Digits(std::string_view s, size_t pos, size_t width) {
  int v = 0;
  for (size_t i = 0; i < width; ++i) {
    const char c = s[pos + i];
    if (!IsDigit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::optional<Date> ParseDateFast(std::string_view s) {
  int y, m, d;
  if (SplitIsoDate(s, &y, &m, &d)) {
    if (!IsValidCivil(y, m, d)) return std::nullopt;
    return DateFromCivilFast(y, m, d);
  }
  return ParseDate(s);
}

BirthDateIssue CheckBirthDateFast(std::string_view text, Date today, Date* date) {
  static const Date kFirstPlausible = DateFromCivil(kMinBirthYear, 1, 1);
  const std::optional<Date> d = ParseDateFast(text);
  if (d && *d >= kFirstPlausible && (today == kNoDate || *d <= today)) {
    *date = *d;
    return BirthDateIssue::kNone;
  }
  return CheckBirthDate(text, today, date);
}

namespace {

// Days since the epoch of 1 January of each year 1800..2201 (the same
// proleptic Gregorian arithmetic as DateFromCivil; a test compares them).
struct YearStarts {
  static constexpr int kFirst = 1800, kLast = 2200;
  Date start[kLast - kFirst + 2] = {};
  constexpr YearStarts() {
    for (int y = kFirst; y <= kLast + 1; ++y) {
      const int yp = y - 1;  // January: counted from March of the year before
      const int era = yp / 400;
      const int yoe = yp - era * 400;
      const int doy = (153 * (1 + 9) + 2) / 5;
      const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
      start[y - kFirst] = era * 146097 + doe - 719468;
    }
  }
};
constexpr YearStarts kYearStarts;

// Days before each month, in a common and in a leap year.
constexpr int kDaysBefore[2][13] = {{0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334},
                                    {0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335}};

inline int DaysInMonthFast(int y, int m) {
  static constexpr int kDays[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m];
}

}  // namespace

Date DateFromCivilFast(int year, int month, int day) {
  if (year < YearStarts::kFirst || year > YearStarts::kLast) return DateFromCivil(year, month, day);
  const Date first = kYearStarts.start[year - YearStarts::kFirst];
  const bool leap = kYearStarts.start[year - YearStarts::kFirst + 1] - first == 366;
  return first + kDaysBefore[leap][month] + day - 1;
}

bool IsValidUtf8Slow(std::string_view text) { return IsValidUtf8(text); }

bool ParseNikFields(std::string_view text, int reference_year, NikFields* out, NikError* error) {
  if (text.size() == 16) {
    const uint64_t lo = Load64(text.data()), hi = Load64(text.data() + 8);
    constexpr uint64_t kHigh = 0xF0F0F0F0F0F0F0F0ULL, kZeros = 0x3030303030303030ULL, kSix = 0x0606060606060606ULL;
    if ((lo & kHigh) == kZeros && (hi & kHigh) == kZeros && ((lo + kSix) & kHigh) == kZeros &&
        ((hi + kSix) & kHigh) == kZeros) {
      // Byte i of a word is digit i (little-endian loads): pairs, then
      // fours, then eights.
      auto pairs = [](uint64_t w) {
        const uint64_t d = w - 0x3030303030303030ULL;
        return (d * 10 + (d >> 8)) & 0x00FF00FF00FF00FFULL;  // 16-bit lanes: two-digit numbers
      };
      auto fours = [](uint64_t p) { return (p * 100 + (p >> 16)) & 0x0000FFFF0000FFFFULL; };
      auto eight = [](uint64_t f) { return (f * 10000 + (f >> 32)) & 0xFFFFFFFFULL; };
      const uint64_t plo = pairs(lo), phi = pairs(hi);
      const uint64_t fhi = fours(phi);
      const uint64_t value = eight(fours(plo)) * 100000000ULL + eight(fhi);
      const int pp = static_cast<int>(plo & 0xFF), kk = static_cast<int>((plo >> 16) & 0xFF),
                cc = static_cast<int>((plo >> 32) & 0xFF);
      int day = static_cast<int>((plo >> 48) & 0xFF);
      const int month = static_cast<int>(phi & 0xFF), yy = static_cast<int>((phi >> 16) & 0xFF);
      const int serial = static_cast<int>((fhi >> 32) & 0xFFFF);
      Sex sex = Sex::kMale;
      if (day >= 41 && day <= 71) {
        sex = Sex::kFemale;
        day -= 40;
      }
      int year = 2000 + yy;
      if (year > reference_year) year -= 100;
      if (pp != 0 && kk != 0 && cc != 0 && day >= 1 && day <= 31 && month >= 1 && month <= 12 && serial != 0 &&
          year >= 1800 && year <= 2200 && day <= DaysInMonthFast(year, month)) {
        NikInfo& info = out->info;
        info.value = value;
        info.district = RegionCode::FromPacked(static_cast<uint64_t>(pp) * 100000000ULL +
                                               static_cast<uint64_t>(kk) * 1000000ULL +
                                               static_cast<uint64_t>(cc) * 10000ULL);
        info.birth_date = DateFromCivilFast(year, month, day);
        info.sex = sex;
        info.serial = static_cast<uint16_t>(serial);
        out->birth_year = year;
        out->birth_month = month;
        out->birth_day = day;
        if (error != nullptr) *error = NikError::kNone;
        return true;
      }
      std::optional<NikInfo> slow = DecodeNik(value, reference_year, error);
      if (!slow) return false;
      out->info = *slow;  // (not reached for a NIK the checks above reject, kept for safety)
      out->birth_year = out->birth_month = out->birth_day = 0;
      return true;
    }
  }
  std::optional<NikInfo> slow = ParseNik(text, reference_year, error);
  if (!slow) return false;
  out->info = *slow;
  out->birth_year = out->birth_month = out->birth_day = 0;
  return true;
}

std::optional<uint8_t> ParseProgrammesFast(std::string_view text) {
  uint8_t mask = 0;
  uint32_t token = 0;  // up to three upper-cased letters, first in the high byte
  size_t size = 0;
  auto flush = [&]() -> bool {
    if (size == 0) return true;
    const uint32_t t = token;
    const size_t n = size;
    token = 0;
    size = 0;
    if (n == 2) return t == ('J' << 8 | 'P') ? (mask |= kJP, true) : false;
    if (n != 3) return false;
    switch (t) {
      case 'J' << 16 | 'K' << 8 | 'K': mask |= kJKK; return true;
      case 'J' << 16 | 'K' << 8 | 'M': mask |= kJKM; return true;
      case 'J' << 16 | 'H' << 8 | 'T': mask |= kJHT; return true;
      case 'J' << 16 | 'P' << 8 | 'N': mask |= kJP; return true;
      case 'J' << 16 | 'K' << 8 | 'P': mask |= kJKP; return true;
      default: return false;
    }
  };
  for (char c : text) {
    if (c == '+' || c == ',' || c == ';' || c == ' ' || c == '/' || c == '|' || c == '\t') {
      if (!flush()) return std::nullopt;
    } else {
      if (++size > 3) return std::nullopt;  // no programme code is longer
      const char u = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
      token = token << 8 | static_cast<unsigned char>(u);
    }
  }
  if (!flush()) return std::nullopt;
  return mask;
}

std::optional<uint64_t> ParseSmallNumber(std::string_view text) {
  if (text.size() == 1 && IsDigit(text[0])) return static_cast<uint64_t>(text[0] - '0');
  if (text.size() == 2 && IsDigit(text[0]) && IsDigit(text[1]))
    return static_cast<uint64_t>((text[0] - '0') * 10 + (text[1] - '0'));
  return ParseDigits(text);
}

std::optional<RegionCode> ParseRegionCodeFast(std::string_view text) {
  std::string_view s = TrimFast(text);
  if (s.size() == 13 && s[2] == '.' && s[5] == '.' && s[8] == '.') {  // PP.KK.CC.DDDD
    const int p = Digits(s, 0, 2), k = Digits(s, 3, 2), c = Digits(s, 6, 2), d = Digits(s, 9, 4);
    if (p <= 0 || k <= 0 || c <= 0 || d <= 0) return std::nullopt;
    return RegionCode::FromParts(p, k, c, d);
  }
  if (s.size() == 5 && s[2] == '.') {  // PP.KK
    const int p = Digits(s, 0, 2), k = Digits(s, 3, 2);
    if (p <= 0 || k <= 0) return std::nullopt;
    return RegionCode::FromPacked(static_cast<uint64_t>(p) * 100000000ULL + static_cast<uint64_t>(k) * 1000000ULL);
  }
  if (s == "0" || s == "00") return RegionCode::National();
  static constexpr size_t kWidths[4] = {2, 2, 2, 4};
  int parts[4] = {0, 0, 0, 0};
  int n = 0;
  if (s.find('.') == std::string_view::npos) {
    // Undotted: only the lengths 2, 4, 6 and 10 are codes.
    size_t pos = 0;
    while (pos < s.size()) {
      if (n == 4 || s.size() - pos < kWidths[n]) return std::nullopt;
      const int v = Digits(s, pos, kWidths[n]);
      if (v <= 0) return std::nullopt;  // not digits, or a zero part
      pos += kWidths[n];
      parts[n++] = v;
    }
  } else {
    size_t start = 0;
    for (;;) {
      const size_t dot = s.find('.', start);
      const size_t stop = dot == std::string_view::npos ? s.size() : dot;
      if (n == 4 || stop - start != kWidths[n]) return std::nullopt;
      const int v = Digits(s, start, kWidths[n]);
      if (v <= 0) return std::nullopt;
      parts[n++] = v;
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
  }
  if (n == 0) return std::nullopt;
  return RegionCode::FromParts(parts[0], parts[1], parts[2], parts[3]);
}

std::string_view CleanTextSlow(std::string_view text, std::string* scratch) {
  size_t b = 0, e = text.size();
  while (b < e && IsWs(text[b])) ++b;
  while (e > b && IsWs(text[e - 1])) --e;
  std::string_view s = text.substr(b, e - b);
  bool needs_collapse = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c > ' ') continue;
    // A space followed by whitespace, or whitespace other than a space (s is
    // trimmed, so a space is never its last character).
    if (c == ' ' ? IsWs(s[i + 1]) : IsWs(static_cast<char>(c))) {
      needs_collapse = true;
      break;
    }
  }
  if (!needs_collapse) return s;
  scratch->clear();
  bool in_space = false;
  for (char c : s) {
    if (IsWs(c)) {
      in_space = true;
      continue;
    }
    if (in_space) scratch->push_back(' ');
    in_space = false;
    scratch->push_back(c);
  }
  return *scratch;
}

std::string MaskNikText(std::string_view text) {
  std::string_view s = TrimView(text);
  if (s.size() > 24) s = s.substr(0, 24);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    // Keep the first four characters only when they are plain ASCII.
    out.push_back(i < 4 && static_cast<unsigned char>(c) < 0x80 ? c : '*');
  }
  return out;
}

std::string ReportValue(std::string_view text) {
  static constexpr size_t kMax = 80;
  // A cell that spans lines is a quote left open: what follows the first
  // line break is other rows (with their names and NIKs), never shown.
  const size_t line_break = text.find_first_of("\r\n");
  const bool cut = line_break != std::string_view::npos;
  if (cut) text = text.substr(0, line_break);
  std::string out;
  out.reserve(std::min(text.size(), kMax + 3));
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    // Length of the UTF-8 sequence at p, 0 when invalid.
    size_t n = 0;
    if (*p < 0x80) n = 1;
    else if ((*p & 0xE0) == 0xC0) n = 2;
    else if ((*p & 0xF0) == 0xE0) n = 3;
    else if ((*p & 0xF8) == 0xF0) n = 4;
    if (n > 1 && (static_cast<size_t>(end - p) < n ||
                  !IsValidUtf8(std::string_view(reinterpret_cast<const char*>(p), n)))) {
      n = 0;
    }
    const size_t emit = n == 0 ? 1 : n;
    if (out.size() + emit > kMax) {
      out += "...";
      return MaskLongDigitRuns(std::move(out));
    }
    if (n == 0) out.push_back('?');
    else if (n == 1 && (*p < 0x20 || *p == 0x7f)) out.push_back(' ');  // control characters
    else out.append(reinterpret_cast<const char*>(p), n);
    p += emit;
  }
  if (cut) out += "...";
  return MaskLongDigitRuns(std::move(out));
}

std::string MaskLongDigitRuns(std::string text) {
  constexpr size_t kLongRun = 12, kKept = 4;
  for (size_t i = 0; i < text.size();) {
    if (text[i] < '0' || text[i] > '9') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    if (j - i >= kLongRun)
      for (size_t k = i + kKept; k < j; ++k) text[k] = '*';
    i = j;
  }
  return text;
}

std::optional<double> ParseTargetFraction(std::string_view text) {
  std::string_view s = TrimView(text);
  bool percent = false;
  if (!s.empty() && s.back() == '%') {
    percent = true;
    s = TrimView(s.substr(0, s.size() - 1));
  }
  std::optional<double> v = ParseDecimal(s);
  if (!v) return std::nullopt;
  if (percent || *v > 1.0) return *v / 100.0;
  return *v;
}

int CurrentYear() {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count();
  return CivilFromDate(static_cast<Date>(days)).year;
}

Date CurrentDate() {
  const auto now = std::chrono::system_clock::now();
  return static_cast<Date>(std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count());
}

}  // namespace cakupan
