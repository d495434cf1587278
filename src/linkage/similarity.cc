// String similarities on bytes: Jaro–Winkler and the optimal string alignment
// distance (Damerau–Levenshtein with adjacent transpositions, no substring
// edited twice). No allocation for strings up to 64 bytes.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

#include "linkage/linkage.h"
#include "linkage/similarity_internal.h"

namespace cakupan {

namespace {

// The plain O(la * window) form, for strings longer than 64 bytes.
double JaroWinklerLong(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  const size_t la = a.size(), lb = b.size();
  const size_t window = std::max(la, lb) / 2 == 0 ? 0 : std::max(la, lb) / 2 - 1;
  std::array<uint8_t, 64> fa_small{}, fb_small{};
  std::vector<uint8_t> fa_big, fb_big;
  uint8_t* fa = fa_small.data();
  uint8_t* fb = fb_small.data();
  if (la > fa_small.size() || lb > fb_small.size()) {
    fa_big.assign(la, 0);
    fb_big.assign(lb, 0);
    fa = fa_big.data();
    fb = fb_big.data();
  }
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
  if (jaro <= 0.7) return jaro;  // Winkler's boost only for already-similar strings
  size_t prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

}  // namespace

// Jaro–Winkler with bit masks for strings of up to 64 bytes: for each byte of
// a, the first unmatched equal byte of b inside the window is the lowest set
// bit of (positions of that byte in b) & window & ~matched; the same matches
// as the plain scan, in O(la + lb).
double JaroWinkler(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  const size_t la = a.size(), lb = b.size();
  if (la > 64 || lb > 64) return JaroWinklerLong(a, b);
  const size_t window = std::max(la, lb) / 2 == 0 ? 0 : std::max(la, lb) / 2 - 1;
  uint64_t positions[256];  // only the entries of a's and b's bytes are written and read
  for (size_t i = 0; i < la; ++i) positions[static_cast<unsigned char>(a[i])] = 0;
  for (size_t j = 0; j < lb; ++j) positions[static_cast<unsigned char>(b[j])] = 0;
  for (size_t j = 0; j < lb; ++j) positions[static_cast<unsigned char>(b[j])] |= uint64_t{1} << j;
  uint64_t matched_a = 0, matched_b = 0;
  size_t matches = 0;
  for (size_t i = 0; i < la; ++i) {
    const unsigned char c = static_cast<unsigned char>(a[i]);
    const size_t lo = i > window ? i - window : 0;
    const size_t hi = std::min(lb, i + window + 1);
    if (lo >= hi) continue;
    const uint64_t below_hi = hi == 64 ? ~uint64_t{0} : (uint64_t{1} << hi) - 1;
    const uint64_t candidates = positions[c] & ~matched_b & below_hi & ~((uint64_t{1} << lo) - 1);
    if (candidates == 0) continue;
    matched_b |= candidates & (~candidates + 1);
    matched_a |= uint64_t{1} << i;
    ++matches;
  }
  if (matches == 0) return 0.0;
  size_t half_transpositions = 0;
  for (uint64_t fa = matched_a, fb = matched_b; fa != 0; fa &= fa - 1, fb &= fb - 1) {
    if (a[static_cast<size_t>(__builtin_ctzll(fa))] != b[static_cast<size_t>(__builtin_ctzll(fb))]) {
      ++half_transpositions;
    }
  }
  const double m = static_cast<double>(matches);
  const double t = static_cast<double>(half_transpositions / 2);
  const double jaro = (m / la + m / lb + (m - t) / m) / 3.0;
  if (jaro <= 0.7) return jaro;  // Winkler's boost only for already-similar strings
  size_t prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

int DamerauLevenshtein(std::string_view a, std::string_view b) {
  return BoundedOsaDistance(a, b, static_cast<int>(std::max(a.size(), b.size())));
}

int BoundedOsaDistance(std::string_view a, std::string_view b, int bound) {
  const int la = static_cast<int>(a.size()), lb = static_cast<int>(b.size());
  if (std::abs(la - lb) > bound) return bound + 1;
  if (la == 0 || lb == 0) return std::max(la, lb);
  // Three rows of the alignment table: two back (for transpositions),
  // previous and current. Cells farther than `bound` from the diagonal can
  // never be <= bound, so they are treated as bound + 1.
  const int inf = bound + 1;
  std::array<int, 65> r0_small{}, r1_small{}, r2_small{};
  std::vector<int> r0_big, r1_big, r2_big;
  int *two_back = r0_small.data(), *prev = r1_small.data(), *cur = r2_small.data();
  if (lb + 1 > static_cast<int>(r0_small.size())) {
    r0_big.assign(lb + 1, 0);
    r1_big.assign(lb + 1, 0);
    r2_big.assign(lb + 1, 0);
    two_back = r0_big.data();
    prev = r1_big.data();
    cur = r2_big.data();
  }
  for (int j = 0; j <= lb; ++j) prev[j] = std::min(j, inf);
  for (int i = 1; i <= la; ++i) {
    const int lo = std::max(1, i - bound), hi = std::min(lb, i + bound);
    cur[0] = std::min(i, inf);
    for (int j = 1; j < lo; ++j) cur[j] = inf;
    int row_min = cur[0];
    for (int j = lo; j <= hi; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, two_back[j - 2] + 1);
      cur[j] = std::min(v, inf);
      row_min = std::min(row_min, cur[j]);
    }
    for (int j = hi + 1; j <= lb; ++j) cur[j] = inf;
    if (row_min >= inf) return inf;
    std::swap(two_back, prev);
    std::swap(prev, cur);
  }
  return prev[lb];
}

}  // namespace cakupan
