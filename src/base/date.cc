#include "base/date.h"

#include <cstdio>

#include "base/strings.h"

namespace cakupan {

namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

struct MonthName {
  const char* name;
  int month;
};
constexpr MonthName kMonthNames[] = {
    {"januari", 1},  {"january", 1},  {"jan", 1},   {"februari", 2}, {"february", 2},
    {"feb", 2},      {"pebruari", 2}, {"peb", 2},   {"maret", 3},    {"march", 3},
    {"mar", 3},      {"april", 4},    {"apr", 4},   {"mei", 5},      {"may", 5},
    {"juni", 6},     {"june", 6},     {"jun", 6},   {"juli", 7},     {"july", 7},
    {"jul", 7},      {"agustus", 8},  {"august", 8}, {"agu", 8},     {"agt", 8},
    {"ags", 8},      {"aug", 8},      {"september", 9}, {"sep", 9},  {"sept", 9},
    {"oktober", 10}, {"october", 10}, {"okt", 10},  {"oct", 10},     {"november", 11},
    {"nopember", 11}, {"nov", 11},    {"nop", 11},  {"desember", 12}, {"december", 12},
    {"des", 12},     {"dec", 12},
};

constexpr const char* kIndonesianMonths[] = {"Januari", "Februari", "Maret",     "April",
                                             "Mei",     "Juni",     "Juli",      "Agustus",
                                             "September", "Oktober", "November", "Desember"};

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

std::optional<Date> Make(int y, int m, int d) {
  if (!IsValidCivil(y, m, d)) return std::nullopt;
  return DateFromCivil(y, m, d);
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeap(year)) return 29;
  return kDays[month - 1];
}

bool IsValidCivil(int year, int month, int day) {
  if (year < 1800 || year > 2200) return false;
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= DaysInMonth(year, month);
}

// Days from civil, after the well-known era-based algorithm (H. Hinnant's
// public description of the proleptic Gregorian calendar arithmetic).
Date DateFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

CivilDate CivilFromDate(Date z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

std::string FormatIsoDate(Date d) {
  if (d == kNoDate) return "";
  CivilDate c = CivilFromDate(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

int MonthFromName(std::string_view name) {
  std::string lower = ToLowerAscii(TrimView(name));
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  for (const auto& m : kMonthNames)
    if (lower == m.name) return m.month;
  return 0;
}

const char* IndonesianMonthName(int month) {
  if (month < 1 || month > 12) return "";
  return kIndonesianMonths[month - 1];
}

std::optional<CivilDate> SplitDateFields(std::string_view text) {
  std::string_view s = TrimView(text);
  if (s.empty()) return std::nullopt;
  // Excel sometimes appends a time: "1985-04-17 00:00:00".
  if (size_t sp = s.find(' '); sp != std::string_view::npos && sp >= 8 && AllDigits(s.substr(0, 4)) &&
                               s.find(':') != std::string_view::npos) {
    s = s.substr(0, sp);
  }
  if (s.size() == 8 && AllDigits(s))
    return CivilDate{ToInt(s.substr(0, 4)), ToInt(s.substr(4, 2)), ToInt(s.substr(6, 2))};
  // Split on - / . or spaces.
  std::string_view parts[3];
  int n = 0;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    bool sep = i == s.size() || s[i] == '-' || s[i] == '/' || s[i] == '.' || s[i] == ' ';
    if (!sep) continue;
    if (i > start) {
      if (n == 3) return std::nullopt;
      parts[n++] = s.substr(start, i - start);
    }
    start = i + 1;
  }
  if (n != 3) return std::nullopt;
  if (AllDigits(parts[0]) && AllDigits(parts[1]) && AllDigits(parts[2])) {
    if (parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2)
      return CivilDate{ToInt(parts[0]), ToInt(parts[1]), ToInt(parts[2])};
    if (parts[2].size() == 4 && parts[0].size() <= 2 && parts[1].size() <= 2)
      return CivilDate{ToInt(parts[2]), ToInt(parts[1]), ToInt(parts[0])};
    return std::nullopt;
  }
  if (AllDigits(parts[0]) && parts[0].size() <= 2 && AllDigits(parts[2]) && parts[2].size() == 4) {
    int m = MonthFromName(parts[1]);
    if (m == 0) return std::nullopt;
    return CivilDate{ToInt(parts[2]), m, ToInt(parts[0])};
  }
  return std::nullopt;
}

std::optional<Date> ParseDate(std::string_view text) {
  const std::optional<CivilDate> c = SplitDateFields(text);
  if (!c) return std::nullopt;
  return Make(c->year, c->month, c->day);
}

int AgeOn(Date birth, Date on) {
  CivilDate b = CivilFromDate(birth), o = CivilFromDate(on);
  int age = o.year - b.year;
  if (o.month < b.month || (o.month == b.month && o.day < b.day)) --age;
  return age;
}

std::optional<Period> Period::Parse(std::string_view text) {
  std::string_view s = TrimView(text);
  if (s.size() == 6 && AllDigits(s)) {
    int y = ToInt(s.substr(0, 4)), m = ToInt(s.substr(4, 2));
    if (y < 1900 || y > 2200 || m < 1 || m > 12) return std::nullopt;
    return FromYearMonth(y, m);
  }
  std::string_view parts[2];
  int n = 0;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    bool sep = i == s.size() || s[i] == '-' || s[i] == '/' || s[i] == ' ' || s[i] == '.';
    if (!sep) continue;
    if (i > start) {
      if (n == 2) return std::nullopt;
      parts[n++] = s.substr(start, i - start);
    }
    start = i + 1;
  }
  if (n != 2) return std::nullopt;
  int y = 0, m = 0;
  if (AllDigits(parts[0]) && parts[0].size() == 4 && AllDigits(parts[1]) && parts[1].size() <= 2) {
    y = ToInt(parts[0]);
    m = ToInt(parts[1]);
  } else if (AllDigits(parts[1]) && parts[1].size() == 4) {
    y = ToInt(parts[1]);
    m = AllDigits(parts[0]) && parts[0].size() <= 2 ? ToInt(parts[0]) : MonthFromName(parts[0]);
  } else {
    return std::nullopt;
  }
  if (y < 1900 || y > 2200 || m < 1 || m > 12) return std::nullopt;
  return FromYearMonth(y, m);
}

std::string Period::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year(), month());
  return buf;
}

std::string Period::ToIndonesian() const {
  return std::string(IndonesianMonthName(month())) + " " + std::to_string(year());
}

}  // namespace cakupan
