#include "engine/radix_sort.h"

#include <algorithm>
#include <numeric>

#include "base/parallel.h"

namespace cakupan {

namespace {

constexpr int kDigitBits = 11;
constexpr uint32_t kDigitMask = (1u << kDigitBits) - 1;

// Stable LSD radix sort of keys[b, e) with their rows on the low `bits` bits,
// using tmp_keys/tmp_rows[b, e) as scratch. The result ends up in keys/rows.
void LsdSortRange(uint64_t* keys, uint32_t* rows, uint64_t* tmp_keys, uint32_t* tmp_rows, size_t b, size_t e,
                  int bits) {
  const size_t n = e - b;
  if (n < 2 || bits <= 0) return;
  if (n <= 64) {  // insertion sort: stable and fastest for tiny ranges
    for (size_t i = b + 1; i < e; ++i) {
      const uint64_t k = keys[i];
      const uint32_t r = rows[i];
      size_t j = i;
      while (j > b && keys[j - 1] > k) {
        keys[j] = keys[j - 1];
        rows[j] = rows[j - 1];
        --j;
      }
      keys[j] = k;
      rows[j] = r;
    }
    return;
  }
  uint32_t count[1u << kDigitBits];
  uint64_t* src_k = keys + b;
  uint32_t* src_r = rows + b;
  uint64_t* dst_k = tmp_keys + b;
  uint32_t* dst_r = tmp_rows + b;
  int passes = 0;
  for (int shift = 0; shift < bits; shift += kDigitBits, ++passes) {
    std::fill(std::begin(count), std::end(count), 0u);
    for (size_t i = 0; i < n; ++i) ++count[(src_k[i] >> shift) & kDigitMask];
    uint32_t sum = 0;
    for (uint32_t& c : count) {
      const uint32_t t = c;
      c = sum;
      sum += t;
    }
    for (size_t i = 0; i < n; ++i) {
      const uint32_t d = count[(src_k[i] >> shift) & kDigitMask]++;
      dst_k[d] = src_k[i];
      dst_r[d] = src_r[i];
    }
    std::swap(src_k, dst_k);
    std::swap(src_r, dst_r);
  }
  if (passes % 2 == 1) {  // result is in the scratch buffers
    std::copy(src_k, src_k + n, keys + b);
    std::copy(src_r, src_r + n, rows + b);
  }
}

// Sorts keys/rows[b, e) whose keys agree above bit `bits`: ranges small
// enough for the cache get LSD passes; larger ones one more stable MSD pass
// on the top 11 remaining bits, then each sub-range recursively.
void SortRange(uint64_t* keys, uint32_t* rows, uint64_t* tmp_keys, uint32_t* tmp_rows, size_t b, size_t e,
               int bits) {
  constexpr size_t kCacheRows = 1u << 16;
  const size_t n = e - b;
  if (n <= kCacheRows || bits <= kDigitBits) {
    LsdSortRange(keys, rows, tmp_keys, tmp_rows, b, e, bits);
    return;
  }
  const int shift = bits - kDigitBits;
  std::vector<uint32_t> count((1u << kDigitBits) + 1, 0);
  for (size_t i = b; i < e; ++i) ++count[((keys[i] >> shift) & kDigitMask) + 1];
  for (size_t d = 1; d < count.size(); ++d) count[d] += count[d - 1];
  std::vector<uint32_t> begin(count.begin(), count.end());
  for (size_t i = b; i < e; ++i) {
    const uint32_t d = count[(keys[i] >> shift) & kDigitMask]++;
    tmp_keys[b + d] = keys[i];
    tmp_rows[b + d] = rows[i];
  }
  std::copy(tmp_keys + b, tmp_keys + e, keys + b);
  std::copy(tmp_rows + b, tmp_rows + e, rows + b);
  for (size_t d = 0; d + 1 < begin.size(); ++d)
    if (begin[d + 1] - begin[d] > 1) SortRange(keys, rows, tmp_keys, tmp_rows, b + begin[d], b + begin[d + 1], shift);
}

}  // namespace

bool IsSorted(const std::vector<uint64_t>& keys) { return std::is_sorted(keys.begin(), keys.end()); }

// Hybrid radix sort: one most-significant-digit pass scatters the rows into
// 2^11 buckets (in parallel, stably), then each bucket is sorted by the
// remaining bits with cache-friendly LSD passes, buckets shared among threads.
namespace {

// The sort itself; when `sorted_out` is given the sorted keys are moved there.
std::vector<uint32_t> Sort(const std::vector<uint64_t>& keys, std::vector<uint64_t>* sorted_out) {
  const size_t n = keys.size();
  std::vector<uint32_t> perm(n);
  if (IsSorted(keys)) {
    std::iota(perm.begin(), perm.end(), 0u);
    return perm;
  }
  if (n < 4096) {
    std::iota(perm.begin(), perm.end(), 0u);
    std::stable_sort(perm.begin(), perm.end(), [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
    if (sorted_out) {
      std::vector<uint64_t> s(n);
      for (size_t i = 0; i < n; ++i) s[i] = keys[perm[i]];
      *sorted_out = std::move(s);
    }
    return perm;
  }
  uint64_t all_bits = 0;
  for (uint64_t k : keys) all_bits |= k;
  int bits = 0;
  while (bits < 64 && (all_bits >> bits) != 0) ++bits;
  const int top_bits = std::min(bits, kDigitBits);
  const int shift = bits - top_bits;
  const size_t buckets = size_t{1} << top_bits;
  const int parts = std::max(1, std::min(DefaultThreads(), 8));

  // 1. Per-part histograms of the top digit.
  std::vector<std::vector<uint32_t>> hist(parts, std::vector<uint32_t>(buckets, 0));
  ParallelRanges(n, parts, [&](int p, size_t b, size_t e) {
    uint32_t* h = hist[p].data();
    for (size_t i = b; i < e; ++i) ++h[keys[i] >> shift];
  });
  // 2. Stable offsets: bucket-major, then part order.
  std::vector<size_t> bucket_begin(buckets + 1, 0);
  std::vector<std::vector<uint32_t>> offset(parts, std::vector<uint32_t>(buckets, 0));
  size_t sum = 0;
  for (size_t d = 0; d < buckets; ++d) {
    bucket_begin[d] = sum;
    for (int p = 0; p < parts; ++p) {
      offset[p][d] = static_cast<uint32_t>(sum);
      sum += hist[p][d];
    }
  }
  bucket_begin[buckets] = sum;
  hist.clear();
  // 3. Scatter.
  std::vector<uint64_t> sorted_keys(n), scratch_keys(n);
  std::vector<uint32_t> scratch_rows(n);
  ParallelRanges(n, parts, [&](int p, size_t b, size_t e) {
    uint32_t* off = offset[p].data();
    for (size_t i = b; i < e; ++i) {
      const uint32_t d = off[keys[i] >> shift]++;
      sorted_keys[d] = keys[i];
      perm[d] = static_cast<uint32_t>(i);
    }
  });
  offset.clear();
  // 4. Sort each bucket on the low bits, largest buckets first so that the
  //    threads finish together (NIK prefixes cluster by province).
  std::vector<uint32_t> order(buckets);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return bucket_begin[a + 1] - bucket_begin[a] > bucket_begin[b + 1] - bucket_begin[b];
  });
  ParallelTasks(buckets, parts, [&](size_t k) {
    const size_t d = order[k];
    SortRange(sorted_keys.data(), perm.data(), scratch_keys.data(), scratch_rows.data(), bucket_begin[d],
              bucket_begin[d + 1], shift);
  });
  if (sorted_out) *sorted_out = std::move(sorted_keys);
  return perm;
}

}  // namespace

std::vector<uint32_t> SortedOrder(const std::vector<uint64_t>& keys) { return Sort(keys, nullptr); }

std::vector<uint32_t> SortInPlace(std::vector<uint64_t>& keys) {
  std::vector<uint64_t> sorted;
  std::vector<uint32_t> perm = Sort(keys, &sorted);
  if (!sorted.empty() || keys.empty()) keys.swap(sorted);  // else already sorted
  return perm;
}

}  // namespace cakupan
