// A recorded birth date (tanggal_lahir) checked for plausibility. Field
// enumeration writes dates that are no dates ("tidak tahu", a year alone),
// dates that do not exist ("31-02-1990", "00-00-0000"), numbers that Excel
// stores for a date cell ("31154"), and years out of reach (1800, next
// year). The importers keep such rows with the date unknown and the text as
// written (WorkerTable::birth_date_raw, MembershipTable::birth_date_raw); the
// data-quality report names the problem again from that text.
//
// Pure functions; thread-safe. Messages are in the current language
// (base/i18n.h).
#pragma once

#include <cstdint>
#include <string_view>

#include "base/date.h"

namespace cakupan {

enum class BirthDateIssue : uint8_t {
  kNone = 0,
  kNotADate,     // no date at all: "tidak tahu", "-", "17-04-85"
  kYearOnly,     // a year alone: "1985"
  kExcelSerial,  // the day number Excel keeps for a date cell: "31154" (a 5-digit number)
  kImpossible,   // a date's shape naming no day: "31-02-1990", "00-00-0000", "1990-13-01"
  kTooOld,       // a year before kMinBirthYear: "01-01-1800"
  kFuture,       // after the reference day
};

// Nobody alive was born before this year.
inline constexpr int kMinBirthYear = 1900;

// Checks a tanggal_lahir cell (surrounding whitespace ignored; an empty cell
// is kNotADate: callers treat empty as "not given" before calling). A date
// after `today` is kFuture (kNoDate: no such check). On kNone sets *date.
BirthDateIssue CheckBirthDate(std::string_view text, Date today, Date* date);

// The problem of a text an importer stored as invalid, judged at
// `reference` (the report's day): as CheckBirthDate, except that a text that
// is now a plausible date was in the future when it was imported (kFuture).
BirthDateIssue StoredBirthDateIssue(std::string_view raw, Date reference);

// Stable code ("excel_serial") and an explanation with the fix.
const char* BirthDateIssueCode(BirthDateIssue issue);
const char* BirthDateIssueMessage(BirthDateIssue issue);

}  // namespace cakupan
