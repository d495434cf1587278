// Calendar dates and months (periods) as small integers.
//
// Date: days since 1970-01-01 in the proleptic Gregorian calendar, stored in an
// int32 (kNoDate when unknown). Period: a calendar month, `YYYY-MM`, stored as
// year * 12 + (month - 1). Both are plain values; all functions are pure and
// thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cakupan {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
};

using Date = int32_t;
inline constexpr Date kNoDate = INT32_MIN;

bool IsValidCivil(int year, int month, int day);
int DaysInMonth(int year, int month);
Date DateFromCivil(int year, int month, int day);  // caller ensures validity
CivilDate CivilFromDate(Date d);
std::string FormatIsoDate(Date d);  // "1985-04-17"; "" for kNoDate

// Parses a date as Indonesian spreadsheets write it: "1985-04-17",
// "1985/04/17", "17-04-1985", "17/04/1985", "17.04.1985", "17/4/1985",
// "19850417", "17 April 1985", "17 Agustus 1985", "17 Agt 1985". Day-first
// for numeric forms (never month-first). Returns nullopt when the text is not a
// date or names an impossible day (31 February).
std::optional<Date> ParseDate(std::string_view text);
// The day, month and year a text in one of ParseDate's shapes names, without
// checking that they form a date ("31-02-1990" gives 1990, 2, 31;
// "00-00-0000" gives 0, 0, 0). nullopt when the text has none of the shapes.
// ParseDate(t) is SplitDateFields(t) when that is a valid date (years
// 1800-2200), else nullopt.
std::optional<CivilDate> SplitDateFields(std::string_view text);

// Whole years between birth and the reference date (age at `on`).
int AgeOn(Date birth, Date on);

class Period {
 public:
  Period() = default;
  static Period FromYearMonth(int year, int month) { return Period(year * 12 + (month - 1)); }
  static Period FromIndex(int32_t index) { return Period(index); }

  // Accepts "2024-11", "2024/11", "202411", "11/2024", "11-2024",
  // "Nov 2024", "November 2024" (Indonesian or English month names).
  static std::optional<Period> Parse(std::string_view text);

  int year() const { return index_ / 12; }
  int month() const { return index_ % 12 + 1; }
  int32_t index() const { return index_; }
  bool valid() const { return index_ > 0; }
  Period Plus(int months) const { return Period(index_ + months); }
  Date FirstDay() const { return DateFromCivil(year(), month(), 1); }
  Date LastDay() const { return DateFromCivil(year(), month(), DaysInMonth(year(), month())); }

  std::string ToString() const;          // "2024-11"
  std::string ToIndonesian() const;      // "November 2024"

  auto operator<=>(const Period&) const = default;

 private:
  explicit Period(int32_t index) : index_(index) {}
  int32_t index_ = 0;
};

// Month number 1..12 for an Indonesian or English month name or common
// abbreviation ("Agustus", "Agt", "Aug", "Mei", "May"); 0 if not a month.
int MonthFromName(std::string_view name);
// Indonesian month name for 1..12.
const char* IndonesianMonthName(int month);

}  // namespace cakupan
