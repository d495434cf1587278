// FirstSeenIndex: finds duplicate keys among rows added in order, answering
// "which earlier row had this key?" — the check behind "NIK ganda: sudah ada
// di baris 12". Open addressing with linear probing over 8-byte slots, each
// holding a 32-bit tag from the key's hash and the row number, so that a
// probe touches the row's own data only when the tags agree. Sized once for
// the expected number of keys (never more than 70% full); 8 bytes per slot.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <vector>

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
  explicit FirstSeenIndex(size_t max_keys) {
    size_t cap = 16;
    while (cap * 7 < max_keys * 10) cap <<= 1;
    slots_.assign(cap, 0);
    mask_ = cap - 1;
  }

  void Prefetch(uint64_t hash) const { __builtin_prefetch(&slots_[hash & mask_]); }

  // When an earlier row with an equal key was added, returns it and adds
  // nothing; else adds `row` and returns -1. `equal(r)` says whether row r's
  // key equals the key being added.
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
  std::vector<uint64_t> slots_;  // 0 = empty; else tag << 32 | (row + 1)
  size_t mask_ = 0;
};

}  // namespace cakupan
