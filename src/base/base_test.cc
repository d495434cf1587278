#include <gtest/gtest.h>

#include "base/date.h"
#include "base/format_id.h"
#include "base/strings.h"

namespace cakupan {
namespace {

TEST(StringsTest, NormalizeKeyMakesHeaderKeys) {
  EXPECT_EQ(NormalizeKey("No. KTP "), "no_ktp");
  EXPECT_EQ(NormalizeKey("Nomor Induk Kependudukan"), "nomor_induk_kependudukan");
  EXPECT_EQ(NormalizeKey("Tanggal Lahir (dd/mm/yyyy)"), "tanggal_lahir_dd_mm_yyyy");
}

TEST(StringsTest, ParseCountAcceptsIndonesianAndEnglishGrouping) {
  EXPECT_EQ(ParseCount("1234567"), 1234567);
  EXPECT_EQ(ParseCount("1.234.567"), 1234567);
  EXPECT_EQ(ParseCount("1,234,567"), 1234567);
  EXPECT_EQ(ParseCount(" 12 "), 12);
  EXPECT_FALSE(ParseCount("1.23"));
  EXPECT_FALSE(ParseCount("12,5"));
  EXPECT_FALSE(ParseCount("-5"));
  EXPECT_FALSE(ParseCount("1.234,567"));
  EXPECT_FALSE(ParseCount(""));
}

TEST(StringsTest, ParseDecimalHandlesBothSeparators) {
  EXPECT_DOUBLE_EQ(*ParseDecimal("37,5"), 37.5);
  EXPECT_DOUBLE_EQ(*ParseDecimal("37.5"), 37.5);
  EXPECT_DOUBLE_EQ(*ParseDecimal("1.234,5"), 1234.5);
  EXPECT_DOUBLE_EQ(*ParseDecimal("1,234.5"), 1234.5);
  EXPECT_DOUBLE_EQ(*ParseDecimal("0,375"), 0.375);
  EXPECT_DOUBLE_EQ(*ParseDecimal("-2"), -2);
  EXPECT_FALSE(ParseDecimal("abc"));
  EXPECT_FALSE(ParseDecimal("1,2,3"));
}

TEST(StringsTest, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("Siti Nurhaliza"));
  EXPECT_TRUE(IsValidUtf8("Ren\xC3\xA9"));
  EXPECT_FALSE(IsValidUtf8("Ren\xE9"));
  EXPECT_FALSE(IsValidUtf8("\xC0\x80"));
}

TEST(DateTest, ParsesIndonesianDateForms) {
  const Date want = DateFromCivil(1985, 4, 17);
  for (const char* text : {"1985-04-17", "1985/04/17", "17-04-1985", "17/04/1985", "17.04.1985", "17/4/1985",
                           "19850417", "17 April 1985", "17 Apr 1985", "1985-04-17 00:00:00"}) {
    auto d = ParseDate(text);
    ASSERT_TRUE(d.has_value()) << text;
    EXPECT_EQ(*d, want) << text;
  }
  EXPECT_EQ(*ParseDate("17 Agustus 1945"), DateFromCivil(1945, 8, 17));
  EXPECT_FALSE(ParseDate("31/02/1990"));
  EXPECT_FALSE(ParseDate("1990-13-01"));
  EXPECT_FALSE(ParseDate("kemarin"));
}

TEST(DateTest, SplitsFieldsWithoutJudgingThem) {
  auto f = SplitDateFields("31-02-1990");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->year, 1990);
  EXPECT_EQ(f->month, 2);
  EXPECT_EQ(f->day, 31);
  f = SplitDateFields("00-00-0000");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->year + f->month + f->day, 0);
  f = SplitDateFields("17 Agt 1801");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->month, 8);
  EXPECT_FALSE(SplitDateFields("1985"));
  EXPECT_FALSE(SplitDateFields("17-04-85"));
  EXPECT_FALSE(SplitDateFields("17 Foo 1985"));
}

TEST(DateTest, RoundTripsAcrossCenturies) {
  for (int y : {1900, 1969, 1970, 2000, 2024}) {
    Date d = DateFromCivil(y, 2, 28);
    CivilDate c = CivilFromDate(d);
    EXPECT_EQ(c.year, y);
    EXPECT_EQ(c.month, 2);
    EXPECT_EQ(c.day, 28);
  }
  EXPECT_EQ(DateFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(AgeOn(DateFromCivil(1990, 6, 15), DateFromCivil(2024, 6, 14)), 33);
  EXPECT_EQ(AgeOn(DateFromCivil(1990, 6, 15), DateFromCivil(2024, 6, 15)), 34);
}

TEST(PeriodTest, ParsesAndFormats) {
  for (const char* text : {"2024-11", "2024/11", "202411", "11/2024", "11-2024", "Nov 2024", "November 2024",
                           "Nopember 2024"}) {
    auto p = Period::Parse(text);
    ASSERT_TRUE(p.has_value()) << text;
    EXPECT_EQ(p->ToString(), "2024-11") << text;
  }
  EXPECT_EQ(Period::Parse("2024-11")->ToIndonesian(), "November 2024");
  EXPECT_FALSE(Period::Parse("2024-13"));
  EXPECT_FALSE(Period::Parse("2024"));
  EXPECT_LT(*Period::Parse("2024-11"), *Period::Parse("2024-12"));
  EXPECT_EQ(Period::Parse("2024-12")->Plus(1).ToString(), "2025-01");
}

TEST(FormatTest, IndonesianNumbers) {
  EXPECT_EQ(FormatCount(1234567, Lang::kId), "1.234.567");
  EXPECT_EQ(FormatCount(999, Lang::kId), "999");
  EXPECT_EQ(FormatCount(-1000, Lang::kId), "-1.000");
  EXPECT_EQ(FormatCount(1234567, Lang::kEn), "1,234,567");
  EXPECT_EQ(FormatPercent(0.37, 1, Lang::kId), "37,0%");
  EXPECT_EQ(FormatPercent(0.3749, 1, Lang::kEn), "37.5%");
  EXPECT_EQ(FormatRupiah(201600, Lang::kId), "Rp 201.600");
  EXPECT_EQ(FormatRupiah(-5000, Lang::kId), "-Rp 5.000");
  EXPECT_EQ(FormatDecimal(1234.5, 1, Lang::kId), "1.234,5");
  EXPECT_EQ(FormatDecimal(-0.04, 1, Lang::kId), "0,0");  // no negative zero
  EXPECT_EQ(FormatDecimal(-2.5, 1, Lang::kId), "-2,5");
}

}  // namespace
}  // namespace cakupan
