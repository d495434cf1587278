#include "ingest/field_parsers.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>

#include "base/strings.h"

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

// The fast paths must give exactly what the domain functions give.
TEST(FastPathTest, CleanTextAgreesWithTheSlowPath) {
  std::mt19937 rng(7);
  const char alphabet[] = "ab  \t\n\r\x01\xc3\xa9.Z";
  std::string scratch_fast, scratch_slow;
  for (int i = 0; i < 300000; ++i) {
    std::string s;
    const int len = static_cast<int>(rng() % 24);
    for (int k = 0; k < len; ++k) s.push_back(alphabet[rng() % (sizeof alphabet - 1)]);
    ASSERT_EQ(CleanText(s, &scratch_fast), CleanTextSlow(s, &scratch_slow)) << "'" << s << "'";
  }
  EXPECT_EQ(CleanText("PEDAGANG KAKI LIMA", &scratch_fast), "PEDAGANG KAKI LIMA");
  EXPECT_EQ(CleanText("PEDAGANG  KAKI LIMA", &scratch_fast), "PEDAGANG KAKI LIMA");
  EXPECT_EQ(CleanText("PEDAGANG KAKI\tLIMA", &scratch_fast), "PEDAGANG KAKI LIMA");
  EXPECT_EQ(CleanText("PEDAGANG KAKI LIMA ", &scratch_fast), "PEDAGANG KAKI LIMA");
}

TEST(FastPathTest, TrimAndAsciiAgreeWithTheSlowPath) {
  std::mt19937 rng(8);
  const char alphabet[] = "a \t\r\n\f\v\x80\xff";
  for (int i = 0; i < 200000; ++i) {
    std::string s;
    const int len = static_cast<int>(rng() % 20);
    for (int k = 0; k < len; ++k) s.push_back(alphabet[rng() % (sizeof alphabet - 1)]);
    ASSERT_EQ(TrimFast(s), TrimView(s));
    bool ascii = true;
    for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    ASSERT_EQ(IsAsciiFast(s), ascii);
    ASSERT_EQ(IsValidUtf8Fast(s), IsValidUtf8(s));
  }
}

TEST(FastPathTest, DateFromCivilFastAgreesOnEveryDay) {
  for (int y = 1800; y <= 2200; ++y)
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= DaysInMonth(y, m); ++d) ASSERT_EQ(DateFromCivilFast(y, m, d), DateFromCivil(y, m, d));
}

TEST(FastPathTest, ParseDateFastAgreesWithParseDate) {
  std::mt19937 rng(9);
  for (int i = 0; i < 200000; ++i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 1790 + static_cast<int>(rng() % 420),
                  static_cast<int>(rng() % 14), static_cast<int>(rng() % 33));
    ASSERT_EQ(ParseDateFast(buf), ParseDate(buf)) << buf;
  }
  for (const char* s : {"1985-4-17", "1985-04-1x", "17/04/1985", "1985-04-17 00:00:00", "x985-04-17"})
    EXPECT_EQ(ParseDateFast(s), ParseDate(s)) << s;
}

void ExpectSameNik(const std::string& text, int reference_year) {
  NikError fast_error = NikError::kEmpty, slow_error = NikError::kEmpty;
  NikFields f;
  const bool ok = ParseNikFields(text, reference_year, &f, &fast_error);
  const std::optional<NikInfo> slow = ParseNik(text, reference_year, &slow_error);
  ASSERT_EQ(ok, slow.has_value()) << text;
  ASSERT_EQ(fast_error, slow_error) << text;
  if (!ok) return;
  ASSERT_EQ(f.info.value, slow->value) << text;
  ASSERT_EQ(f.info.district.packed(), slow->district.packed()) << text;
  ASSERT_EQ(f.info.birth_date, slow->birth_date) << text;
  ASSERT_EQ(f.info.sex, slow->sex) << text;
  ASSERT_EQ(f.info.serial, slow->serial) << text;
  if (f.birth_year != 0) {
    ASSERT_EQ(DateFromCivil(f.birth_year, f.birth_month, f.birth_day), slow->birth_date) << text;
  }
}

TEST(FastPathTest, ParseNikFieldsAgreesWithParseNik) {
  std::mt19937_64 rng(10);
  // Every day field 00-99 and month 00-19 with a few years and serials.
  for (int dd = 0; dd < 100; ++dd) {
    for (int mm = 0; mm < 20; ++mm) {
      for (int yy : {0, 4, 24, 25, 99}) {
        for (int serial : {0, 1, 9999}) {
          char buf[20];
          std::snprintf(buf, sizeof buf, "170407%02d%02d%02d%04d", dd, mm, yy, serial);
          ExpectSameNik(buf, 2024);
          ExpectSameNik(buf, 1999);
        }
      }
    }
  }
  // Random digits, zero region parts, and other shapes.
  for (int i = 0; i < 200000; ++i) {
    std::string s = std::to_string(rng() % 10000000000000000ULL);
    s = std::string(16 - std::min<size_t>(16, s.size()), '0') + s;
    if (rng() % 4 == 0) s[rng() % 6] = '0';
    if (rng() % 8 == 0) s[rng() % 16] = "x:/ '"[rng() % 5];
    ExpectSameNik(s, 2024);
  }
  for (const char* s : {"", "'1704074105920001", " 1704074105920001", "170407410592000", "17040741059200011",
                        "1.70407E+15", "0004074105920001"})
    ExpectSameNik(s, 2024);
}

TEST(FastPathTest, ParseDottedVillageAgreesWithParseRegionCodeFast) {
  std::mt19937 rng(11);
  const char alphabet[] = "0123456789.";
  for (int i = 0; i < 300000; ++i) {
    std::string s = "17.04.07.2010";
    for (int k = 0; k < 2; ++k) s[rng() % s.size()] = alphabet[rng() % (sizeof alphabet - 1)];
    const uint64_t packed = ParseDottedVillage(s);
    if (packed == 0) continue;
    const auto code = ParseRegionCodeFast(s);
    ASSERT_TRUE(code.has_value()) << s;
    ASSERT_EQ(code->packed(), packed) << s;
    ASSERT_EQ(code->level(), RegionLevel::kVillage) << s;
  }
  EXPECT_EQ(ParseDottedVillage("17.04.07.2010"), RegionCode::Parse("17.04.07.2010")->packed());
  EXPECT_EQ(ParseDottedVillage("17.04.07.0000"), 0u);
  EXPECT_EQ(ParseDottedVillage("1704072010"), 0u);
}

TEST(FastPathTest, ParseProgrammesFastAgreesWithParseProgrammes) {
  std::mt19937 rng(12);
  const std::vector<std::string> pieces = {"JKK", "JKM", "JHT", "JP", "JPN", "JKP", "jkk", "Jp", "+", ",", ";",
                                           " ",   "/",   "|",   "\t", "J",  "K",   "JKKK", "X", "\xc3\xa9", ""};
  for (int i = 0; i < 200000; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 7);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    ASSERT_EQ(ParseProgrammesFast(s), ParseProgrammes(s)) << "'" << s << "'";
  }
}

TEST(FastPathTest, ParsePeriodFastAgreesWithPeriodParse) {
  std::mt19937 rng(13);
  for (int i = 0; i < 100000; ++i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", 1890 + static_cast<int>(rng() % 330), static_cast<int>(rng() % 14));
    ASSERT_EQ(ParsePeriodFast(buf), Period::Parse(buf)) << buf;
  }
  for (const char* s : {"2024-1", "2024/11", "202411", "11/2024", "Nov 2024", "2024-1x", "x024-11"})
    EXPECT_EQ(ParsePeriodFast(s), Period::Parse(s)) << s;
}

TEST(FastPathTest, ShortTextKeysAreEqualOnlyForEqualTexts) {
  std::mt19937 rng(15);
  for (int i = 0; i < 200000; ++i) {
    std::string a(rng() % 25, 'a'), b;
    for (char& c : a) c = "ab"[rng() % 2];
    b = a;
    if (rng() % 2 && !b.empty()) b[rng() % b.size()] ^= 3;
    if (rng() % 8 == 0) b.push_back('a');
    ASSERT_EQ(KeyOfShortText(a) == KeyOfShortText(b), a == b) << a << " / " << b;
  }
}

TEST(FastPathTest, ParseMemoRemembersExactTexts) {
  ParseMemo<FundingSource, ParseFundingSource> memo;
  std::mt19937 rng(14);
  const std::vector<std::string> texts = {"mandiri", "Mandiri", "pemberi_kerja", "pemberi kerja", "APBD Provinsi",
                                          "apbd_kabupaten_kota", "apbdes", "csr", "x", "", "zakat", "lainnya",
                                          "a very long funding source text", "mandiri ", "pk", "PK", "baznas",
                                          "apbd_kabupaten_kota_x", "apbd_kabupaten_kotb"};
  for (int i = 0; i < 20000; ++i) {
    const std::string& t = texts[rng() % texts.size()];
    ASSERT_EQ(memo(t), ParseFundingSource(t)) << t;
  }
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
  EXPECT_EQ(ReportValue("a\tb\x7f"), "a b ");
  // A cell spanning lines (a quote left open): nothing after the break.
  EXPECT_EQ(ReportValue("L,1992-05-01\n1704074105920001,Siti Aminah"), "L,1992-05-01...");
  EXPECT_EQ(ReportValue("X\r\nY"), "X...");
  // Long digit runs (NIKs, family-card numbers) keep their first four digits.
  EXPECT_EQ(ReportValue("nik 1704074105920001 x"), "nik 1704************ x");
  EXPECT_EQ(ReportValue("12345678901"), "12345678901");
  EXPECT_EQ(MaskLongDigitRuns("a123456789012b"), "a1234********b");
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
