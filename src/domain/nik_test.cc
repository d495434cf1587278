#include "domain/nik.h"

#include <gtest/gtest.h>

namespace cakupan {
namespace {

TEST(NikTest, ParsesMaleNik) {
  NikError err;
  auto info = ParseNik("1704071505920003", 2026, &err);
  ASSERT_TRUE(info.has_value()) << NikErrorCode(err);
  EXPECT_EQ(info->district.ToString(), "17.04.07");
  EXPECT_EQ(info->sex, Sex::kMale);
  EXPECT_EQ(FormatIsoDate(info->birth_date), "1992-05-15");
  EXPECT_EQ(info->serial, 3);
}

TEST(NikTest, FemaleDayHasFortyAdded) {
  auto info = ParseNik("1704075505920001", 2026);
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->sex, Sex::kFemale);
  EXPECT_EQ(FormatIsoDate(info->birth_date), "1992-05-15");
}

TEST(NikTest, TwoDigitYearResolvesAgainstReferenceYear) {
  EXPECT_EQ(FormatIsoDate(ParseNik("1704071505050003", 2026)->birth_date), "2005-05-15");
  EXPECT_EQ(FormatIsoDate(ParseNik("1704071505300003", 2026)->birth_date), "1930-05-15");
}

struct BadNikCase {
  const char* text;
  NikError expected;
};

class NikRejectionTest : public ::testing::TestWithParam<BadNikCase> {};

TEST_P(NikRejectionTest, RejectsWithReason) {
  NikError err = NikError::kNone;
  EXPECT_FALSE(ParseNik(GetParam().text, 2026, &err).has_value());
  EXPECT_EQ(err, GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, NikRejectionTest,
    ::testing::Values(BadNikCase{"", NikError::kEmpty}, BadNikCase{"170407150592000", NikError::kWrongLength},
                      BadNikCase{"17040715059200031", NikError::kWrongLength},
                      BadNikCase{"17040715O5920003", NikError::kNotDigits},
                      BadNikCase{"0004071505920003", NikError::kBadRegion},
                      BadNikCase{"1700071505920003", NikError::kBadRegion},
                      BadNikCase{"1704003505920003", NikError::kBadRegion},
                      BadNikCase{"1704073505920003", NikError::kBadDay},
                      BadNikCase{"1704070005920003", NikError::kBadDay},
                      BadNikCase{"1704077505920003", NikError::kBadDay},
                      BadNikCase{"1704071513920003", NikError::kBadMonth},
                      BadNikCase{"1704073102920003", NikError::kImpossibleDate},
                      BadNikCase{"1704077102920003", NikError::kImpossibleDate},
                      BadNikCase{"1704071505920000", NikError::kSerialZero},
                      // Spreadsheet numbers: the digits after the sixth are lost.
                      BadNikCase{"1.70407E+15", NikError::kExcelNumber},
                      BadNikCase{"1,70407E+15", NikError::kExcelNumber},
                      BadNikCase{"2E+15", NikError::kExcelNumber},
                      BadNikCase{"1.70407e15", NikError::kExcelNumber},
                      BadNikCase{"1.70407E+", NikError::kNotDigits},
                      BadNikCase{"E+15", NikError::kNotDigits},
                      // Spaces, dashes and dots inside are other characters.
                      BadNikCase{"1704 0715 0592 0003", NikError::kNotDigits},
                      BadNikCase{"1704-0715-0592-0003", NikError::kNotDigits},
                      BadNikCase{"17O4071505920003", NikError::kNotDigits}));

TEST(NikTest, RejectsSerialZero) {
  NikError err;
  EXPECT_FALSE(ParseNik("1704071505920000", 2026, &err));
  EXPECT_EQ(err, NikError::kSerialZero);
}

TEST(NikTest, AcceptsExcelApostropheAndSpaces) {
  EXPECT_TRUE(ParseNik(" '1704071505920003 ", 2026).has_value());
}

TEST(NikTest, EveryErrorHasACodeAndAMessage) {
  for (int e = 1; e <= static_cast<int>(NikError::kExcelNumber); ++e) {
    EXPECT_STRNE(NikErrorCode(static_cast<NikError>(e)), "?") << e;
    EXPECT_STRNE(NikErrorMessage(static_cast<NikError>(e)), "") << e;
  }
  EXPECT_STREQ(NikErrorCode(NikError::kExcelNumber), "excel_number");
}

TEST(NikTest, SyntheticKeyTakesTheBirthTextOnlyWhenGiven) {
  const uint64_t plain = SyntheticWorkerKey("17O4", "Siti", kNoDate, 1704072010);
  EXPECT_EQ(SyntheticWorkerKey("17O4", "Siti", kNoDate, 1704072010, ""), plain);
  EXPECT_NE(SyntheticWorkerKey("17O4", "Siti", kNoDate, 1704072010, "31-02-1990"), plain);
  EXPECT_TRUE(IsSyntheticWorkerKey(SyntheticWorkerKey("17O4", "Siti", kNoDate, 1704072010, "31-02-1990")));
}

TEST(NikTest, MaskKeepsFirstFourDigits) {
  EXPECT_EQ(MaskNik(1704071505920003ULL), "1704************");
  EXPECT_EQ(FormatNik(1104071505920003ULL), "1104071505920003");
}

TEST(NikTest, ComposeRoundTrips) {
  auto district = RegionCode::Parse("17.07.01");
  Date birth = DateFromCivil(1988, 2, 29);
  auto nik = ComposeNik(*district, birth, Sex::kFemale, 42);
  ASSERT_TRUE(nik);
  EXPECT_EQ(FormatNik(*nik), "1707016902880042");
  auto info = DecodeNik(*nik, 2026);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->birth_date, birth);
  EXPECT_EQ(info->sex, Sex::kFemale);
}

TEST(NikTest, SameNikBirthDateToleratesTheCentury) {
  EXPECT_TRUE(SameNikBirthDate(DateFromCivil(1925, 3, 4), DateFromCivil(2025, 3, 4)));
  EXPECT_FALSE(SameNikBirthDate(DateFromCivil(1925, 3, 4), DateFromCivil(1926, 3, 4)));
  EXPECT_FALSE(SameNikBirthDate(DateFromCivil(1925, 3, 4), kNoDate));
}

}  // namespace
}  // namespace cakupan
