// A set of NIKs (16-digit integers, never 0) for the synthetic data
// generator, which must hand out each NIK at most once over a whole data set
// of up to ~10^8 persons. Open addressing with linear probing in one flat
// array: 8 bytes per slot, sized once for the expected count, no per-entry
// allocation. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cakupan {

class NikSet {
 public:
  // Room for `expected` NIKs at a load factor of at most ~0.7; the table
  // doubles if more are inserted.
  explicit NikSet(int64_t expected);
  NikSet(const NikSet&) = delete;
  NikSet& operator=(const NikSet&) = delete;

  // Inserts `nik` (must be non-zero). Returns false, leaving the set
  // unchanged, when it is already present.
  bool Insert(uint64_t nik);
  bool Contains(uint64_t nik) const;
  int64_t size() const { return size_; }

 private:
  size_t Slot(uint64_t nik) const { return static_cast<size_t>((nik * 0x9E3779B97F4A7C15ULL) >> shift_); }
  void Grow();

  std::vector<uint64_t> slots_;  // 0 = empty
  int shift_ = 64;
  int64_t size_ = 0;
  int64_t limit_ = 0;  // grow when size_ reaches it
};

}  // namespace cakupan
