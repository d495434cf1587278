#include "domain/birth_date.h"

#include "base/i18n.h"
#include "base/strings.h"

namespace cakupan {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "31154" or "31154.0" / "31154,5": Excel's serial day number of a date cell
// saved as a number (day 1 = 1900-01-01). Five digits cover 1927-05-18 to
// 2173-10-14, every birth date of a worker a spreadsheet is likely to hold.
bool IsExcelSerial(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i != 5) return false;
  if (i == s.size()) return true;
  if (s[i] != '.' && s[i] != ',') return false;
  if (++i == s.size()) return false;
  for (; i < s.size(); ++i)
    if (!IsDigit(s[i])) return false;
  return true;
}

bool IsYearOnly(std::string_view s) {
  if (s.size() != 4) return false;
  for (char c : s)
    if (!IsDigit(c)) return false;
  const int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  return y >= 1800 && y <= 2200;
}

}  // namespace

BirthDateIssue CheckBirthDate(std::string_view text, Date today, Date* date) {
  const std::string_view s = TrimView(text);
  if (IsYearOnly(s)) return BirthDateIssue::kYearOnly;
  if (IsExcelSerial(s)) return BirthDateIssue::kExcelSerial;
  const std::optional<CivilDate> c = SplitDateFields(s);
  if (!c) return BirthDateIssue::kNotADate;
  // Day and month first: "00-00-0000" is no day, whatever its year.
  if (c->month < 1 || c->month > 12 || c->day < 1 || c->day > DaysInMonth(c->year, c->month))
    return BirthDateIssue::kImpossible;
  if (c->year < kMinBirthYear) return BirthDateIssue::kTooOld;
  if (c->year > 2200) return BirthDateIssue::kFuture;
  const Date d = DateFromCivil(c->year, c->month, c->day);
  if (today != kNoDate && d > today) return BirthDateIssue::kFuture;
  *date = d;
  return BirthDateIssue::kNone;
}

BirthDateIssue StoredBirthDateIssue(std::string_view raw, Date reference) {
  Date ignored = kNoDate;
  const BirthDateIssue issue = CheckBirthDate(raw, reference, &ignored);
  return issue == BirthDateIssue::kNone ? BirthDateIssue::kFuture : issue;
}

const char* BirthDateIssueCode(BirthDateIssue issue) {
  switch (issue) {
    case BirthDateIssue::kNone: return "ok";
    case BirthDateIssue::kNotADate: return "not_a_date";
    case BirthDateIssue::kYearOnly: return "year_only";
    case BirthDateIssue::kExcelSerial: return "excel_serial";
    case BirthDateIssue::kImpossible: return "impossible";
    case BirthDateIssue::kTooOld: return "before_1900";
    case BirthDateIssue::kFuture: return "future";
  }
  return "?";
}

const char* BirthDateIssueMessage(BirthDateIssue issue) {
  switch (issue) {
    case BirthDateIssue::kNone: return "";
    case BirthDateIssue::kNotADate:
      return Tr("not a date (e.g. 1985-04-17, 17/04/1985, 17 April 1985)",
                "bukan tanggal (contoh 1985-04-17, 17/04/1985, 17 April 1985)");
    case BirthDateIssue::kYearOnly:
      return Tr("only a year: write the whole date (17/04/1985)", "hanya tahun: tulis tanggal lengkap (17/04/1985)");
    case BirthDateIssue::kExcelSerial:
      return Tr("a date number from Excel (e.g. 31154): format the column as a date (dd/mm/yyyy) and save again",
                "angka tanggal dari Excel (mis. 31154): format kolom sebagai tanggal (dd/mm/yyyy) lalu simpan ulang");
    case BirthDateIssue::kImpossible:
      return Tr("the date does not exist (e.g. 31-02 or 00-00-0000)",
                "tanggal tidak ada di kalender (mis. 31-02 atau 00-00-0000)");
    case BirthDateIssue::kTooOld: return Tr("year before 1900", "tahun sebelum 1900");
    case BirthDateIssue::kFuture: return Tr("date in the future", "tanggal di masa depan");
  }
  return "";
}

}  // namespace cakupan
