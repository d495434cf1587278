#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/rng.h"
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

// The textbook scan (each byte of a takes the first unmatched equal byte of
// b inside the window), as the bit-mask form must reproduce it exactly.
double ReferenceJaroWinkler(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  const size_t la = a.size(), lb = b.size();
  const size_t window = std::max(la, lb) / 2 == 0 ? 0 : std::max(la, lb) / 2 - 1;
  std::vector<uint8_t> fa(la, 0), fb(lb, 0);
  size_t matches = 0;
  for (size_t i = 0; i < la; ++i) {
    const size_t lo = i > window ? i - window : 0;
    const size_t hi = std::min(lb, i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (fb[j] || a[i] != b[j]) continue;
      fa[i] = fb[j] = 1;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  size_t half_transpositions = 0;
  for (size_t i = 0, j = 0; i < la; ++i) {
    if (!fa[i]) continue;
    while (!fb[j]) ++j;
    if (a[i] != b[j]) ++half_transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double t = static_cast<double>(half_transpositions / 2);
  const double jaro = (m / la + m / lb + (m - t) / m) / 3.0;
  if (jaro <= 0.7) return jaro;
  size_t prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

TEST(JaroWinklerBitsTest, EqualsTheTextbookScanExactly) {
  Rng rng(11);
  for (int n = 0; n < 300000; ++n) {
    const int alphabet = static_cast<int>(rng.Between(1, 6));
    auto draw = [&](size_t len) {
      std::string s(len, 'a');
      for (char& c : s) c = rng.Chance(0.02) ? static_cast<char>(0xC3) : static_cast<char>('a' + rng.Below(alphabet));
      return s;
    };
    const size_t la = rng.Below(n % 100 == 0 ? 90 : 30), lb = rng.Below(n % 100 == 0 ? 90 : 30);
    std::string a = draw(la), b = rng.Chance(0.3) ? a : draw(lb);
    if (rng.Chance(0.3) && !b.empty()) b[rng.Below(b.size())] = 'z';
    ASSERT_EQ(JaroWinkler(a, b), ReferenceJaroWinkler(a, b)) << a << " / " << b;
  }
  for (size_t la : {63, 64, 65}) {
    for (size_t lb : {1, 32, 63, 64, 65}) {
      std::string a(la, 'a'), b(lb, 'a');
      a[la / 2] = 'b';
      b[lb - 1] = 'b';
      ASSERT_EQ(JaroWinkler(a, b), ReferenceJaroWinkler(a, b)) << la << " / " << lb;
    }
  }
}

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
