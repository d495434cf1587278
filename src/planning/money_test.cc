#include "planning/money.h"

#include <gtest/gtest.h>

#include <limits>

namespace cakupan {
namespace {

TEST(MoneyTest, DivRoundHalfUpRoundsHalvesUp) {
  EXPECT_EQ(DivRoundHalfUp(10, 4), 3);   // 2.5 -> 3
  EXPECT_EQ(DivRoundHalfUp(9, 4), 2);    // 2.25 -> 2
  EXPECT_EQ(DivRoundHalfUp(11, 4), 3);   // 2.75 -> 3
  EXPECT_EQ(DivRoundHalfUp(0, 7), 0);
  EXPECT_EQ(DivRoundHalfUp(149999, 100000), 1);  // 1.49999 -> 1
  EXPECT_EQ(DivRoundHalfUp(150000, 100000), 2);  // 1.5 -> 2
}

TEST(MoneyTest, ApplyPcmIsExactAndRoundsOnce) {
  EXPECT_EQ(ApplyPcm(1000000, 1000), 10000);     // 1% of Rp 1.000.000
  EXPECT_EQ(ApplyPcm(1000050, 1000), 10001);     // 10.000,5 -> 10.001
  EXPECT_EQ(ApplyPcm(1000049, 1000), 10000);     // 10.000,49 -> 10.000
  EXPECT_EQ(ApplyPcm(2345678, 2000), 46914);     // 46.913,56 -> 46.914
  EXPECT_EQ(ApplyPcm(10042300, 3000), 301269);   // 3% of the JP cap
  // The largest bases the rate table allows do not overflow.
  EXPECT_EQ(ApplyPcm(kMaxRateBase, kPcmPerWhole), kMaxRateBase);
}

TEST(MoneyTest, CheckedArithmeticReportsOverflow) {
  EXPECT_EQ(*CheckedMul(201600, 114000), 22982400000);
  EXPECT_FALSE(CheckedMul(std::numeric_limits<int64_t>::max() / 2, 3).ok());
  EXPECT_FALSE(CheckedAdd(std::numeric_limits<int64_t>::max(), 1).ok());
  EXPECT_EQ(*CheckedAdd(1, 2), 3);
}

TEST(MoneyTest, ParsesPercentagesExactly) {
  struct Case {
    const char* text;
    std::optional<int64_t> pcm;
  } cases[] = {
      {"0.24", 240},     {"0,24", 240},    {"0,24%", 240},  {" 5,7 ", 5700}, {"3.7", 3700},
      {"39", 39000},     {"39 %", 39000},  {"100", 100000}, {"0.001", 1},    {"0,2400", 240},
      {"0.0005", std::nullopt},  // below the unit: not exact
      {"-1", std::nullopt},      {"", std::nullopt},       {"1.000,5", std::nullopt},
      {"abc", std::nullopt},     {"1.", std::nullopt},     {".5", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(ParsePercentPcm(c.text), c.pcm) << c.text;
}

TEST(MoneyTest, FormatsPercentagesWithoutTrailingZeros) {
  EXPECT_EQ(FormatPcmPercent(240, Lang::kId), "0,24%");
  EXPECT_EQ(FormatPcmPercent(240, Lang::kEn), "0.24%");
  EXPECT_EQ(FormatPcmPercent(5700, Lang::kId), "5,7%");
  EXPECT_EQ(FormatPcmPercent(39000, Lang::kId), "39%");
  EXPECT_EQ(FormatPcmPercent(1, Lang::kId), "0,001%");
  EXPECT_EQ(PcmDecimalText(300), "0.3");
  EXPECT_EQ(PcmDecimalText(100000), "100");
}

TEST(MoneyTest, ParsesRupiahAsPeopleWriteIt) {
  struct Case {
    const char* text;
    std::optional<int64_t> rupiah;
  } cases[] = {
      {"1000000", 1000000},        {"1.000.000", 1000000},     {"1,000,000", 1000000},
      {"Rp 1.000.000", 1000000},   {"Rp1.000.000,-", 1000000}, {"Rp. 6.800", 6800},
      {"Rp 1.000.000,00", 1000000}, {"IDR 5000", 5000},         {"6.800", 6800},
      {"-5000", std::nullopt},     {"1.000.000,50", std::nullopt}, {"", std::nullopt},
      {"Rp", std::nullopt},        {"satu juta", std::nullopt},    {"12.34", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseRupiah(c.text), c.rupiah) << c.text;
}

}  // namespace
}  // namespace cakupan
