#include <gtest/gtest.h>

#include <set>
#include <string>

#include "base/i18n.h"
#include "linkage/comparisons.h"
#include "linkage/linkage.h"
#include "linkage/similarity_internal.h"
#include "base/rng.h"

namespace cakupan {
namespace {

Date D(int y, int m, int d) { return DateFromCivil(y, m, d); }

void Add(LinkageRecords& r, uint64_t nik, const char* name, Date birth, uint8_t sex, uint64_t region) {
  r.nik.push_back(nik);
  r.name.push_back(name);
  r.birth_date.push_back(birth);
  r.sex.push_back(sex);
  r.region.push_back(region);
}

struct NikCase {
  uint64_t a, b;
  const char* level;
};
class CompareNikTest : public ::testing::TestWithParam<NikCase> {};
// The level from the differing digits' positions equals the level from the
// edit distance table, on NIKs one or two random edits (substitutions,
// adjacent swaps, deletions plus insertions) apart, over small digit
// alphabets so that edits often coincide.
TEST(CompareNikTest, DigitPositionsAgreeWithEditDistance) {
  Rng rng(7);
  auto digits = [](uint64_t v) {
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, v /= 10) s[i] = static_cast<char>('0' + v % 10);
    return s;
  };
  auto value = [](const std::string& s) { return std::stoull(s); };
  for (int n = 0; n < 400000; ++n) {
    const int alphabet = static_cast<int>(rng.Between(2, 10));
    std::string a(16, '0');
    for (char& c : a) c = static_cast<char>('0' + rng.Below(alphabet));
    std::string b = a;
    const int edits = static_cast<int>(rng.Between(0, 3));
    for (int e = 0; e < edits; ++e) {
      const int kind = static_cast<int>(rng.Below(3));
      const size_t k = rng.Below(16);
      if (kind == 0) {
        b[k] = static_cast<char>('0' + rng.Below(alphabet));
      } else if (kind == 1 && k < 15) {
        std::swap(b[k], b[k + 1]);
      } else {
        b.erase(k, 1);
        b.insert(rng.Below(16), 1, static_cast<char>('0' + rng.Below(alphabet)));
      }
    }
    if (rng.Chance(0.05)) b = digits(rng.Below(10000000000000000ULL));
    const uint64_t va = value(a), vb = value(b);
    if (va == 0 || vb == 0) continue;
    const int d = BoundedOsaDistance(digits(va), digits(vb), 2);
    const bool serial_only = d > 0 && digits(va).substr(0, 12) == digits(vb).substr(0, 12);
    const char* expected = d == 0         ? "nik.exact"
                           : serial_only  ? "nik.serial_differs"
                           : d == 1       ? "nik.one_edit"
                           : d == 2       ? "nik.two_edits"
                                          : "nik.different";
    ASSERT_EQ(LevelCode(Comparison::kNik, CompareNik(va, vb)), expected) << a << " / " << b;
  }
}

TEST_P(CompareNikTest, GivesTheLevel) {
  EXPECT_EQ(LevelCode(Comparison::kNik, CompareNik(GetParam().a, GetParam().b)), GetParam().level)
      << GetParam().a << " / " << GetParam().b;
}
INSTANTIATE_TEST_SUITE_P(
    Table, CompareNikTest,
    ::testing::Values(NikCase{1704071505920003, 1704071505920003, "nik.exact"},
                      // Only the serial (last four digits) differs: two persons
                      // born on one day in one district, or a typo there.
                      NikCase{1704071505920003, 1704071505920030, "nik.serial_differs"},  // last two swapped
                      NikCase{1704071505920003, 1704071505920004, "nik.serial_differs"},
                      NikCase{1704071505920003, 1704071505920054, "nik.serial_differs"},
                      NikCase{1704071505920003, 1704071505929876, "nik.serial_differs"},  // all four
                      NikCase{1704071505920003, 1704075105920003, "nik.one_edit"},  // day digits swapped
                      NikCase{1704071505920003, 1704081505920003, "nik.one_edit"},  // district digit
                      NikCase{1704071505920003, 1704071505930003, "nik.one_edit"},  // year digit
                      // The last year digit and the first serial digit swapped:
                      // the district and date part differs too.
                      NikCase{1704071505920003, 1704071505902003, "nik.one_edit"},
                      NikCase{1704071505920003, 1704081505920004, "nik.two_edits"},  // district + serial
                      NikCase{1704071505920003, 7104071505920030, "nik.two_edits"},
                      NikCase{1704071505920003, 3271046504880002, "nik.different"},
                      NikCase{1104071505920003, 1104071505920003, "nik.exact"},
                      NikCase{0, 1704071505920003, "nik.missing"}, NikCase{1704071505920003, 0, "nik.missing"},
                      NikCase{17040715059200031ULL, 1704071505920003, "nik.missing"}));  // 17 digits

struct NameLevelCase {
  const char* a;
  const char* b;
  const char* level;
};
class CompareNamesTest : public ::testing::TestWithParam<NameLevelCase> {};
TEST_P(CompareNamesTest, GivesTheLevelOfNormalisedNames) {
  const std::string a = NormalizeName(GetParam().a), b = NormalizeName(GetParam().b);
  EXPECT_EQ(LevelCode(Comparison::kName, CompareNames(a, b)), GetParam().level)
      << a << " / " << b << " jw=" << JaroWinkler(a, b);
}
INSTANTIATE_TEST_SUITE_P(
    Table, CompareNamesTest,
    ::testing::Values(NameLevelCase{"Siti Aminah", "SITI AMINAH, S.Pd.", "name.exact"},
                      NameLevelCase{"Moch. Soekarno", "Muhammad Sukarno", "name.exact"},
                      NameLevelCase{"Muhamad Yusuf", "Muhamad Yusup", "name.very_similar"},
                      NameLevelCase{"Suharto", "Suhardi", "name.similar"},
                      NameLevelCase{"Budi Santoso", "Budi Susanto", "name.similar"},
                      NameLevelCase{"Aminah Siti", "Siti Aminah", "name.token_overlap"},
                      NameLevelCase{"Siti Aminah", "Aminah", "name.token_overlap"},
                      NameLevelCase{"Siti Aminah", "Siti Maryam", "name.weak"},
                      NameLevelCase{"Sri Wahyuni", "Wahyuni Sri", "name.token_overlap"},
                      NameLevelCase{"Siti Aminah", "Bambang Riyadi", "name.different"},
                      NameLevelCase{"", "Siti Aminah", "name.missing"},
                      NameLevelCase{"Siti Aminah", "H., S.Pd.", "name.missing"}));

struct DateCase {
  Date a, b;
  const char* level;
};
class CompareBirthDatesTest : public ::testing::TestWithParam<DateCase> {};
TEST_P(CompareBirthDatesTest, GivesTheLevel) {
  EXPECT_EQ(LevelCode(Comparison::kBirthDate, CompareBirthDates(GetParam().a, GetParam().b)), GetParam().level)
      << FormatIsoDate(GetParam().a) << " / " << FormatIsoDate(GetParam().b);
  EXPECT_EQ(CompareBirthDates(GetParam().a, GetParam().b), CompareBirthDates(GetParam().b, GetParam().a));
}
INSTANTIATE_TEST_SUITE_P(
    Table, CompareBirthDatesTest,
    ::testing::Values(DateCase{D(1990, 3, 5), D(1990, 3, 5), "birth_date.exact"},
                      // 5 March: NIK day 45, rolled over by a spreadsheet to 14 April.
                      DateCase{D(1990, 3, 5), D(1990, 4, 14), "birth_date.plus_forty"},
                      DateCase{D(1990, 12, 31), D(1991, 2, 9), "birth_date.plus_forty"},
                      DateCase{D(1990, 3, 5), D(1990, 5, 3), "birth_date.day_month_swapped"},
                      DateCase{D(1990, 3, 5), D(1990, 3, 6), "birth_date.one_part_differs"},
                      DateCase{D(1990, 3, 5), D(1990, 7, 5), "birth_date.one_part_differs"},
                      DateCase{D(1990, 3, 5), D(1991, 3, 5), "birth_date.one_part_differs"},
                      DateCase{D(1990, 3, 5), D(1990, 11, 20), "birth_date.within_year"},
                      DateCase{D(1990, 12, 20), D(1991, 2, 1), "birth_date.within_year"},
                      DateCase{D(1990, 3, 5), D(1985, 8, 17), "birth_date.different"},
                      DateCase{kNoDate, D(1990, 3, 5), "birth_date.missing"},
                      DateCase{D(1990, 3, 5), INT32_MAX, "birth_date.missing"},  // far outside 1850..2199
                      DateCase{D(1700, 1, 1), D(1700, 1, 1), "birth_date.missing"}));

TEST(CompareSexTest, AgreesDisagreesOrIsMissing) {
  EXPECT_EQ(LevelCode(Comparison::kSex, CompareSex(1, 1)), "sex.agree");
  EXPECT_EQ(LevelCode(Comparison::kSex, CompareSex(2, 2)), "sex.agree");
  EXPECT_EQ(LevelCode(Comparison::kSex, CompareSex(1, 2)), "sex.disagree");
  EXPECT_EQ(LevelCode(Comparison::kSex, CompareSex(0, 1)), "sex.missing");
  EXPECT_EQ(LevelCode(Comparison::kSex, CompareSex(2, 0)), "sex.missing");
  EXPECT_EQ(LevelCode(Comparison::kSex, CompareSex(7, 7)), "sex.missing");  // not a Sex value
}

struct RegionCase {
  uint64_t a, b;
  const char* level;
};
class CompareRegionsTest : public ::testing::TestWithParam<RegionCase> {};
TEST_P(CompareRegionsTest, GivesTheFinestSharedLevel) {
  EXPECT_EQ(LevelCode(Comparison::kRegion, CompareRegions(GetParam().a, GetParam().b)), GetParam().level)
      << GetParam().a << " / " << GetParam().b;
  EXPECT_EQ(CompareRegions(GetParam().a, GetParam().b), CompareRegions(GetParam().b, GetParam().a));
}
INSTANTIATE_TEST_SUITE_P(
    Table, CompareRegionsTest,
    ::testing::Values(RegionCase{1704072010, 1704072010, "region.same_village"},
                      RegionCase{1704072010, 1704072011, "region.same_district"},
                      RegionCase{1704070000, 1704072010, "region.same_district"},  // only the district known
                      RegionCase{1704070000, 1704070000, "region.same_district"},
                      RegionCase{1704072010, 1704082001, "region.same_regency"},
                      RegionCase{1704000000, 1704082001, "region.same_regency"},
                      RegionCase{1704072010, 1705012001, "region.same_province"},
                      RegionCase{1700000000, 1704072010, "region.same_province"},
                      RegionCase{1704072010, 3201012001, "region.different"},
                      RegionCase{0, 1704072010, "region.missing"},
                      RegionCase{99, 1704072010, "region.missing"},  // no province part
                      RegionCase{17040720101ULL, 1704072010, "region.missing"}));  // 11 digits

TEST(LevelTest, CountsCodesAndLabels) {
  const int expected_counts[kComparisons] = {6, 7, 7, 3, 6};
  std::set<std::string> codes;
  for (int c = 0; c < kComparisons; ++c) {
    const auto comparison = static_cast<Comparison>(c);
    ASSERT_EQ(LevelCount(comparison), expected_counts[c]);
    for (int l = 0; l < LevelCount(comparison); ++l) {
      const std::string code = LevelCode(comparison, l);
      EXPECT_FALSE(code.empty());
      EXPECT_TRUE(codes.insert(code).second) << "duplicate code " << code;
      ScopedThreadLanguage en(Lang::kEn);
      EXPECT_FALSE(LevelLabel(comparison, l).empty());
    }
    EXPECT_TRUE(LevelCode(comparison, LevelCount(comparison) - 1).ends_with(".missing"));
    EXPECT_EQ(LevelCode(comparison, LevelCount(comparison)), "");
    EXPECT_EQ(LevelCode(comparison, -1), "");
  }
  EXPECT_EQ(LevelCount(static_cast<Comparison>(9)), 0);
  {
    ScopedThreadLanguage en(Lang::kEn);
    EXPECT_EQ(LevelLabel(Comparison::kNik, 1), "NIK differs by one digit or a swap");
    EXPECT_EQ(LevelLabel(Comparison::kNik, 3), "NIK differs only in the serial number (last four digits)");
  }
  {
    ScopedThreadLanguage id(Lang::kId);
    EXPECT_EQ(LevelLabel(Comparison::kNik, 1), "NIK beda satu angka atau tertukar");
    EXPECT_EQ(LevelLabel(Comparison::kNik, 3), "NIK beda hanya pada nomor urut (empat angka terakhir)");
  }
  EXPECT_EQ(LevelCode(Comparison::kNik, 3), "nik.serial_differs");
  EXPECT_STREQ(MatchBandCode(MatchBand::kMatch), "match");
  EXPECT_STREQ(MatchBandCode(MatchBand::kReview), "review");
  EXPECT_STREQ(MatchBandCode(MatchBand::kNonMatch), "non_match");
}

TEST(PatternIndexTest, RoundTripsEveryVector) {
  for (int p = 0; p < kPatternCount; ++p) ASSERT_EQ(PatternIndex(PatternLevels(p)), p);
  EXPECT_EQ(PatternLevels(kPatternCount - 1), (ComparisonVector{5, 6, 6, 2, 5}));
}

TEST(CompareRecordsTest, ComparesEveryField) {
  LinkageRecords a, b;
  a.nik = {1704074505920003};
  a.name = {"Hj. Siti Aminah"};
  a.birth_date = {D(1992, 5, 5)};
  a.sex = {2};
  a.region = {1704072010};
  b.nik = {1704074505930003};  // a year digit mistyped
  b.name = {"SITI AMINAH"};
  b.birth_date = {D(1992, 6, 14)};
  b.sex = {0};
  b.region = {1704072011};
  const ComparisonVector v = CompareRecords(a, 0, b, 0);
  EXPECT_EQ(LevelCode(Comparison::kNik, v[0]), "nik.one_edit");
  EXPECT_EQ(LevelCode(Comparison::kName, v[1]), "name.exact");
  EXPECT_EQ(LevelCode(Comparison::kBirthDate, v[2]), "birth_date.plus_forty");
  EXPECT_EQ(LevelCode(Comparison::kSex, v[3]), "sex.missing");
  EXPECT_EQ(LevelCode(Comparison::kRegion, v[4]), "region.same_district");
}

TEST(NikDateMatchesTest, ReadsDdMmYyWithTheWomansDayPlusForty) {
  const uint64_t man = NikNibbles(1702191710950001), woman = NikNibbles(1702195710950001);
  EXPECT_TRUE(NikDateMatches(man, D(1995, 10, 17), 1));
  EXPECT_FALSE(NikDateMatches(man, D(1995, 10, 17), 2));  // a woman's NIK would say 57
  EXPECT_TRUE(NikDateMatches(man, D(1995, 10, 17), 0));   // sex unknown: either
  EXPECT_TRUE(NikDateMatches(woman, D(1995, 10, 17), 2));
  EXPECT_TRUE(NikDateMatches(woman, D(1995, 10, 17), 0));
  EXPECT_FALSE(NikDateMatches(woman, D(1995, 10, 17), 1));
  EXPECT_FALSE(NikDateMatches(man, D(1995, 10, 18), 1));
  EXPECT_FALSE(NikDateMatches(man, D(1995, 11, 17), 1));
  EXPECT_FALSE(NikDateMatches(man, D(1985, 10, 17), 1));
  EXPECT_TRUE(NikDateMatches(man, D(1895, 10, 17), 1));  // the NIK has two year digits
  EXPECT_FALSE(NikDateMatches(0, D(1995, 10, 17), 1));
  EXPECT_FALSE(NikDateMatches(man, kNoDate, 1));
}

// NIKs one digit apart because the birth dates are ten days apart (each NIK
// matches its own record's date): two women of one district with serial
// 0001, the birth-date comparison already weighs the difference. The same
// NIKs when one of them does not match its record's date: a typo.
TEST(CompareRecordsTest, NiksThatDifferBecauseTheBirthDatesDoAreDifferent) {
  LinkageRecords a, b;
  Add(a, 1702195710950001, "Fitria", D(1995, 10, 17), 2, 1702192001);
  Add(b, 1702196710950001, "FITRIA", D(1995, 10, 27), 2, 1702192005);
  EXPECT_EQ(LevelCode(Comparison::kNik, CompareRecords(a, 0, b, 0)[0]), "nik.different");
  LinkageRecords typo;
  Add(typo, 1702196710950001, "FITRIA", D(1995, 10, 17), 2, 1702192005);  // the NIK's day mistyped
  EXPECT_EQ(LevelCode(Comparison::kNik, CompareRecords(a, 0, typo, 0)[0]), "nik.one_edit");
  EXPECT_EQ(LevelCode(Comparison::kBirthDate, CompareRecords(a, 0, typo, 0)[2]), "birth_date.exact");
  // Born on one day, serials apart: unaffected (the serial level).
  LinkageRecords sibling;
  Add(sibling, 1702195710950002, "Nur Aini", D(1995, 10, 17), 2, 1702192001);
  EXPECT_EQ(LevelCode(Comparison::kNik, CompareRecords(a, 0, sibling, 0)[0]), "nik.serial_differs");
  EXPECT_EQ(CompareNikOfRecords(NikNibbles(1702195710950001), true, D(1995, 10, 17), NikNibbles(1702196710950001),
                                true, D(1995, 10, 27)),
            kNikDifferent);
  EXPECT_EQ(CompareNikOfRecords(NikNibbles(1702195710950001), true, D(1995, 10, 17), NikNibbles(1702196710950001),
                                false, D(1995, 10, 27)),
            kNikOneEdit);
}

TEST(PrepareRecordsTest, PreparedComparisonEqualsDirectComparison) {
  LinkageRecords r;
  r.nik = {1704071505920003, 1704071505920030, 0, 3271046504880002, 1702195710950001, 1702196710950001};
  r.name = {"Moch. Soekarno", "Muhammad Sukarno", "Aminah", "Siti Aminah", "Fitria", "FITRIA"};
  r.birth_date = {D(1992, 5, 15), D(1992, 15 - 10, 15), kNoDate, D(1988, 4, 25), D(1995, 10, 17), D(1995, 10, 27)};
  r.sex = {1, 1, 2, 2, 2, 0};
  r.region = {1704072010, 1704072010, 0, 3204012001, 1702192001, 1702192005};
  for (int threads : {1, 3}) {
    PreparedRecords p = PrepareRecords(r, threads);
    AssignNameIds({&p});
    EXPECT_EQ(p.name_id[0], p.name_id[1]);
    for (size_t i = 0; i < r.size(); ++i) {
      for (size_t j = 0; j < r.size(); ++j) {
        EXPECT_EQ(ComparePrepared(p, i, p, j), CompareRecords(r, i, r, j)) << i << "," << j;
      }
    }
  }
}

}  // namespace
}  // namespace cakupan
