#include <gtest/gtest.h>

#include "linkage/linkage.h"
#include "linkage/similarity_internal.h"

namespace cakupan {
namespace {

struct JwCase {
  const char* a;
  const char* b;
  double expected;
};

class JaroWinklerTest : public ::testing::TestWithParam<JwCase> {};

TEST_P(JaroWinklerTest, MatchesTextbookValues) {
  EXPECT_NEAR(JaroWinkler(GetParam().a, GetParam().b), GetParam().expected, 0.0005)
      << GetParam().a << " / " << GetParam().b;
  EXPECT_NEAR(JaroWinkler(GetParam().b, GetParam().a), GetParam().expected, 0.0005) << "symmetric";
}

INSTANTIATE_TEST_SUITE_P(Table, JaroWinklerTest,
                         ::testing::Values(JwCase{"MARTHA", "MARHTA", 0.9611}, JwCase{"DWAYNE", "DUANE", 0.84},
                                           JwCase{"DIXON", "DICKSONX", 0.8133}, JwCase{"JELLYFISH", "SMELLYFISH", 0.8963},
                                           JwCase{"abc", "abc", 1.0}, JwCase{"abc", "xyz", 0.0},
                                           JwCase{"", "", 1.0}, JwCase{"a", "", 0.0},
                                           JwCase{"aminah", "amir", 0.825},
                                           // Jaro 0.7 or less gets no prefix boost (else 0.6).
                                           JwCase{"abcdefgh", "abxyzuvw", 0.5}));

struct OsaCase {
  const char* a;
  const char* b;
  int expected;
};

class DamerauLevenshteinTest : public ::testing::TestWithParam<OsaCase> {};

TEST_P(DamerauLevenshteinTest, IsTheOptimalStringAlignmentDistance) {
  EXPECT_EQ(DamerauLevenshtein(GetParam().a, GetParam().b), GetParam().expected) << GetParam().a << " / " << GetParam().b;
  EXPECT_EQ(DamerauLevenshtein(GetParam().b, GetParam().a), GetParam().expected) << "symmetric";
}

INSTANTIATE_TEST_SUITE_P(Table, DamerauLevenshteinTest,
                         ::testing::Values(OsaCase{"ca", "abc", 3},  // OSA, not unrestricted Damerau (2)
                                           OsaCase{"", "", 0}, OsaCase{"abc", "", 3}, OsaCase{"kitten", "sitting", 3},
                                           OsaCase{"ab", "ba", 1}, OsaCase{"abcdef", "abdcef", 1},
                                           OsaCase{"1704071505920003", "1704071505920030", 1},
                                           OsaCase{"1704071505920003", "1704071505920004", 1},
                                           OsaCase{"1704071505920003", "7104071505920030", 2},
                                           OsaCase{"1704071505920003", "1704071505920003", 0},
                                           OsaCase{"book", "back", 2}));

TEST(BoundedOsaDistanceTest, CapsAtBoundPlusOne) {
  EXPECT_EQ(BoundedOsaDistance("1704071505920003", "9999999999999999", 2), 3);
  EXPECT_EQ(BoundedOsaDistance("1704071505920003", "7041505920003", 2), 3);  // length differs by 3
  EXPECT_EQ(BoundedOsaDistance("1704071505920003", "1704071505920030", 2), 1);
  // A deleted digit and one added at the end: 2 edits, though every later digit moved.
  EXPECT_EQ(BoundedOsaDistance("1704071505920003", "1704075059200031", 2), 2);
  EXPECT_EQ(BoundedOsaDistance("kitten", "sitting", 10), 3);
}

}  // namespace
}  // namespace cakupan
