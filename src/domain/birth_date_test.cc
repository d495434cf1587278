#include "domain/birth_date.h"

#include <gtest/gtest.h>

namespace cakupan {
namespace {

struct BirthDateCase {
  const char* text;
  BirthDateIssue issue;
};

class BirthDateCheckTest : public ::testing::TestWithParam<BirthDateCase> {};

// Judged on 2024-11-30.
TEST_P(BirthDateCheckTest, NamesTheProblem) {
  Date date = kNoDate;
  const BirthDateIssue issue = CheckBirthDate(GetParam().text, DateFromCivil(2024, 11, 30), &date);
  EXPECT_EQ(issue, GetParam().issue) << GetParam().text << ": " << BirthDateIssueCode(issue);
  EXPECT_EQ(date != kNoDate, issue == BirthDateIssue::kNone) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, BirthDateCheckTest,
    ::testing::Values(
        // Plausible dates in every accepted form.
        BirthDateCase{"1985-04-17", BirthDateIssue::kNone}, BirthDateCase{"17/04/1985", BirthDateIssue::kNone},
        BirthDateCase{" 17 Agustus 1945 ", BirthDateIssue::kNone}, BirthDateCase{"19850417", BirthDateIssue::kNone},
        BirthDateCase{"1900-01-01", BirthDateIssue::kNone}, BirthDateCase{"30/11/2024", BirthDateIssue::kNone},
        BirthDateCase{"29-02-2000", BirthDateIssue::kNone},
        // A date's shape naming no day.
        BirthDateCase{"31-02-1990", BirthDateIssue::kImpossible},
        BirthDateCase{"00-00-0000", BirthDateIssue::kImpossible},
        BirthDateCase{"1990-13-01", BirthDateIssue::kImpossible},
        BirthDateCase{"29-02-1990", BirthDateIssue::kImpossible},
        BirthDateCase{"32 Januari 1990", BirthDateIssue::kImpossible},
        BirthDateCase{"19901301", BirthDateIssue::kImpossible},
        BirthDateCase{"00/00/1990", BirthDateIssue::kImpossible},
        // Years out of reach.
        BirthDateCase{"01-01-1800", BirthDateIssue::kTooOld}, BirthDateCase{"1899-12-31", BirthDateIssue::kTooOld},
        BirthDateCase{"01-01-0001", BirthDateIssue::kTooOld},
        BirthDateCase{"01-12-2024", BirthDateIssue::kFuture}, BirthDateCase{"2030-01-01", BirthDateIssue::kFuture},
        BirthDateCase{"01-01-9999", BirthDateIssue::kFuture},
        // Spreadsheet numbers and years alone.
        BirthDateCase{"31154", BirthDateIssue::kExcelSerial}, BirthDateCase{"31154.0", BirthDateIssue::kExcelSerial},
        BirthDateCase{"31154,5", BirthDateIssue::kExcelSerial}, BirthDateCase{"1985", BirthDateIssue::kYearOnly},
        // No date at all.
        BirthDateCase{"tidak tahu", BirthDateIssue::kNotADate}, BirthDateCase{"-", BirthDateIssue::kNotADate},
        BirthDateCase{"17-04-85", BirthDateIssue::kNotADate}, BirthDateCase{"123", BirthDateIssue::kNotADate},
        BirthDateCase{"311540", BirthDateIssue::kNotADate}, BirthDateCase{"17 Foo 1985", BirthDateIssue::kNotADate},
        BirthDateCase{"<b>1985</b>", BirthDateIssue::kNotADate}, BirthDateCase{"", BirthDateIssue::kNotADate},
        BirthDateCase{"99999999999-1-1", BirthDateIssue::kNotADate}));

TEST(BirthDateTest, WithoutADayThereIsNoFuture) {
  Date date = kNoDate;
  EXPECT_EQ(CheckBirthDate("2030-01-01", kNoDate, &date), BirthDateIssue::kNone);
  EXPECT_EQ(date, DateFromCivil(2030, 1, 1));
}

TEST(BirthDateTest, StoredTextIsJudgedAgainAtTheReportDay) {
  const Date later = DateFromCivil(2031, 1, 1);
  EXPECT_EQ(StoredBirthDateIssue("31-02-1990", later), BirthDateIssue::kImpossible);
  // In the future when imported, a plausible date now: still the import's problem.
  EXPECT_EQ(StoredBirthDateIssue("2030-01-01", later), BirthDateIssue::kFuture);
}

TEST(BirthDateTest, EveryIssueHasACodeAndAMessage) {
  for (int i = 1; i <= static_cast<int>(BirthDateIssue::kFuture); ++i) {
    EXPECT_STRNE(BirthDateIssueCode(static_cast<BirthDateIssue>(i)), "?");
    EXPECT_STRNE(BirthDateIssueMessage(static_cast<BirthDateIssue>(i)), "");
  }
}

}  // namespace
}  // namespace cakupan
