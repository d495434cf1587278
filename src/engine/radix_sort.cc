#include "engine/radix_sort.h"

#include <algorithm>
#include <numeric>

namespace cakupan {

namespace {
constexpr int kBits = 11;
constexpr uint32_t kBuckets = 1u << kBits;
}  // namespace

bool IsSorted(const std::vector<uint64_t>& keys) { return std::is_sorted(keys.begin(), keys.end()); }

std::vector<uint32_t> SortedOrder(const std::vector<uint64_t>& keys) {
  const size_t n = keys.size();
  std::vector<uint32_t> perm(n);
  if (IsSorted(keys)) {
    std::iota(perm.begin(), perm.end(), 0u);
    return perm;
  }
  if (n < 4096) {
    std::iota(perm.begin(), perm.end(), 0u);
    std::stable_sort(perm.begin(), perm.end(), [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
    return perm;
  }
  uint64_t max_key = 0;
  for (uint64_t k : keys) max_key |= k;
  int passes = 0;
  while (passes * kBits < 64 && (max_key >> (passes * kBits)) != 0) ++passes;
  // Struct-of-arrays buffers (12 bytes per row each, not 16 with padding).
  std::vector<uint64_t> key_a(keys), key_b(n);
  std::iota(perm.begin(), perm.end(), 0u);
  std::vector<uint32_t> row_b(n);
  std::vector<uint32_t> count(kBuckets);
  for (int p = 0; p < passes; ++p) {
    const int shift = p * kBits;
    std::fill(count.begin(), count.end(), 0u);
    for (size_t i = 0; i < n; ++i) ++count[(key_a[i] >> shift) & (kBuckets - 1)];
    uint32_t sum = 0;
    for (uint32_t& c : count) {
      uint32_t t = c;
      c = sum;
      sum += t;
    }
    for (size_t i = 0; i < n; ++i) {
      const uint32_t dst = count[(key_a[i] >> shift) & (kBuckets - 1)]++;
      key_b[dst] = key_a[i];
      row_b[dst] = perm[i];
    }
    key_a.swap(key_b);
    perm.swap(row_b);
  }
  return perm;
}

}  // namespace cakupan
