#include "engine/radix_sort.h"

#include <algorithm>
#include <numeric>

namespace cakupan {

namespace {
struct KeyRow {
  uint64_t key;
  uint32_t row;
};
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
  std::vector<KeyRow> a(n), b(n);
  for (size_t i = 0; i < n; ++i) a[i] = {keys[i], static_cast<uint32_t>(i)};
  std::vector<uint32_t> count(kBuckets);
  for (int p = 0; p < passes; ++p) {
    const int shift = p * kBits;
    std::fill(count.begin(), count.end(), 0u);
    for (size_t i = 0; i < n; ++i) ++count[(a[i].key >> shift) & (kBuckets - 1)];
    uint32_t sum = 0;
    for (uint32_t& c : count) {
      uint32_t t = c;
      c = sum;
      sum += t;
    }
    for (size_t i = 0; i < n; ++i) b[count[(a[i].key >> shift) & (kBuckets - 1)]++] = a[i];
    a.swap(b);
  }
  for (size_t i = 0; i < n; ++i) perm[i] = a[i].row;
  return perm;
}

}  // namespace cakupan
