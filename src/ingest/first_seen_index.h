// Duplicate keys among rows in file order: "which earlier row had this key?",
// the check behind "NIK ganda: sudah ada di baris 12".
//
// FirstSeenIndex is open addressing with linear probing over 8-byte slots,
// each holding a 32-bit tag from the key's hash and the row number, so that a
// probe touches the row's own data only when the tags agree. Sized once for
// the expected number of keys (never more than 70% full); 8 bytes per slot,
// zeroed pages from mmap, mapped up front (the probes are random, so faulting
// pages in on demand would cost a page fault every few probes).
// Not thread-safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>
#include <vector>

#include "ingest/page_advice.h"

namespace cakupan {

// A 64-bit mix of a 64-bit key (MurmurHash3's finaliser).
inline uint64_t MixKey(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

class FirstSeenIndex {
 public:
  // `max_keys` is the most keys that will be added (at most 2^32 - 2).
  // Throws std::bad_alloc when the slots cannot be allocated.
  explicit FirstSeenIndex(size_t max_keys) {
    size_t cap = 16;
    while (cap * 7 < max_keys * 10) cap <<= 1;
    memory_ = AllocateZeroed(cap * sizeof(uint64_t));
    slots_ = static_cast<uint64_t*>(memory_.get());
    mask_ = cap - 1;
  }

  void Prefetch(uint64_t hash) const { __builtin_prefetch(&slots_[hash & mask_]); }
  // When an earlier row with an equal key was added, returns it and adds
  // nothing; else adds `row` and returns -1. `equal(r)` says whether row r's
  // key equals the key being added. At most `max_keys` rows may be added.
  template <typename Equal>
  int64_t FindOrAdd(uint64_t hash, uint32_t row, Equal&& equal) {
    const uint64_t tag = hash >> 32;
    size_t i = hash & mask_;
    for (;;) {
      const uint64_t s = slots_[i];
      if (s == 0) {
        slots_[i] = (tag << 32) | (static_cast<uint64_t>(row) + 1);
        return -1;
      }
      if ((s >> 32) == tag) {
        const uint32_t other = static_cast<uint32_t>(s) - 1;
        if (equal(other)) return other;
      }
      i = (i + 1) & mask_;
    }
  }

 private:
  std::unique_ptr<void, ZeroedFree> memory_;
  uint64_t* slots_ = nullptr;  // 0 = empty; else tag << 32 | (row + 1)
  size_t mask_ = 0;
};

// A row whose key an earlier row already had. Rows are numbered globally in
// file order: part p's row i is (rows of the parts before p) + i.
struct DuplicateRow {
  uint32_t row;
  uint32_t first;  // the earliest row with the same key
};

// Finds the duplicates among the rows of parts of sizes `sizes` (in file
// order). For a row (part p, index i): hash(p, i) is its key's 64-bit hash,
// skip(p, i) says it takes no part (it is neither checked nor added), and
// equal(g, p, i) says whether global row g has the same key as (p, i).
// Returns the duplicates in row order; throws std::bad_alloc when memory
// runs out. The callbacks only read, so other threads may read the same
// data meanwhile (readers run this beside the concatenation of the other
// columns). One thread: splitting the work by hash made each thread walk
// every row, which cost more than it saved.
template <typename Hash, typename Skip, typename Equal>
std::vector<DuplicateRow> FindDuplicates(const std::vector<size_t>& sizes, const Hash& hash, const Skip& skip,
                                         const Equal& equal) {
  size_t total = 0;
  for (size_t n : sizes) total += n;
  FirstSeenIndex index(total);
  std::vector<DuplicateRow> out;
  constexpr size_t kAhead = 16;  // prefetch distance (rows): slots are cache misses
  uint64_t ring[kAhead];
  uint32_t base = 0;
  for (size_t p = 0; p < sizes.size(); ++p) {
    const size_t n = sizes[p];
    for (size_t i = 0; i < std::min(n, kAhead); ++i) ring[i] = hash(p, i);
    for (size_t i = 0; i < n; ++i) {
      const uint64_t h = ring[i % kAhead];
      if (i + kAhead < n) {
        const uint64_t ahead = hash(p, i + kAhead);
        ring[(i + kAhead) % kAhead] = ahead;
        index.Prefetch(ahead);
      }
      if (skip(p, i)) continue;
      const uint32_t row = base + static_cast<uint32_t>(i);
      const int64_t first = index.FindOrAdd(h, row, [&](uint32_t g) { return equal(g, p, i); });
      if (first >= 0) out.push_back({row, static_cast<uint32_t>(first)});
    }
    base += static_cast<uint32_t>(n);
  }
  return out;
}

}  // namespace cakupan
