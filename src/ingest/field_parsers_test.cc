#include "ingest/field_parsers.h"

#include <gtest/gtest.h>

#include <random>

namespace cakupan {
namespace {

TEST(ParseRegionCodeFastTest, AgreesWithRegionCodeParse) {
  const std::vector<std::string> cases = {
      "17",        "17.04",         "17.04.07",      "17.04.07.2010", "1704072010", "170407", "1704",
      "0",         "00",            "",              " 17.04 ",       "17.",         ".17",    "17..04",
      "17.4",      "17.04.07.201",  "17.04.07.20100", "17.00",        "00.04",       "1700",   "17040",
      "17.04.07.2010.1", "17-04",   "abc",           "17.04.07.0000", "1704070000", "17.04.7", "99.99.99.9999",
      "17.04.07.2010\t", "170407201", "17040720100", "1.7",          "17,04",
  };
  for (const std::string& c : cases) {
    auto a = ParseRegionCodeFast(c);
    auto b = RegionCode::Parse(c);
    ASSERT_EQ(a.has_value(), b.has_value()) << "'" << c << "'";
    if (a) {
      EXPECT_EQ(a->packed(), b->packed()) << c;
    }
  }
  // Random strings over the code alphabet.
  std::mt19937 rng(42);
  const char alphabet[] = "0123456789..  ";
  for (int i = 0; i < 200000; ++i) {
    std::string s;
    const int len = static_cast<int>(rng() % 15);
    for (int k = 0; k < len; ++k) s.push_back(alphabet[rng() % (sizeof alphabet - 1)]);
    auto a = ParseRegionCodeFast(s);
    auto b = RegionCode::Parse(s);
    ASSERT_EQ(a.has_value(), b.has_value()) << "'" << s << "'";
    if (a) {
      ASSERT_EQ(a->packed(), b->packed()) << s;
    }
  }
}

TEST(CleanTextTest, TrimsAndCollapsesWhitespace) {
  std::string scratch;
  EXPECT_EQ(CleanText("  Siti   Aminah \t", &scratch), "Siti Aminah");
  EXPECT_EQ(CleanText("Budi\nSantoso", &scratch), "Budi Santoso");
  EXPECT_EQ(CleanText("Budi Santoso", &scratch), "Budi Santoso");
  EXPECT_EQ(CleanText("   ", &scratch), "");
}

TEST(MaskNikTextTest, KeepsProvinceAndRegencyOnly) {
  EXPECT_EQ(MaskNikText("1704074105920001"), "1704************");
  EXPECT_EQ(MaskNikText(" 17040741 "), "1704****");
  EXPECT_EQ(MaskNikText("12"), "12");
  EXPECT_EQ(MaskNikText(std::string(40, '1')).size(), 24u);
}

TEST(ReportValueTest, MakesValuesSafeForAReport) {
  EXPECT_EQ(ReportValue("abc"), "abc");
  EXPECT_EQ(ReportValue("Pe\xff" "tani"), "Pe?tani");
  EXPECT_EQ(ReportValue("a\nb"), "a b");
  EXPECT_EQ(ReportValue("Gorontalo Utara — Sulawesi"), "Gorontalo Utara — Sulawesi");
  const std::string long_text(200, 'x');
  EXPECT_EQ(ReportValue(long_text), std::string(80, 'x') + "...");
}

TEST(ParseTargetFractionTest, AcceptsPercentagesAndFractions) {
  EXPECT_DOUBLE_EQ(*ParseTargetFraction("40%"), 0.40);
  EXPECT_DOUBLE_EQ(*ParseTargetFraction("40,0%"), 0.40);
  EXPECT_DOUBLE_EQ(*ParseTargetFraction("37,5 %"), 0.375);
  EXPECT_DOUBLE_EQ(*ParseTargetFraction("40"), 0.40);
  EXPECT_DOUBLE_EQ(*ParseTargetFraction("0,4"), 0.4);
  EXPECT_DOUBLE_EQ(*ParseTargetFraction("1"), 1.0);
  EXPECT_DOUBLE_EQ(*ParseTargetFraction("0.5%"), 0.005);
  EXPECT_FALSE(ParseTargetFraction("empat puluh"));
  EXPECT_FALSE(ParseTargetFraction("%"));
}

TEST(CurrentYearTest, IsPlausible) {
  EXPECT_GE(CurrentYear(), 2024);
  EXPECT_LE(CurrentYear(), 2200);
}

}  // namespace
}  // namespace cakupan
