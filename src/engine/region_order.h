// Rows ordered by region: a permutation that sorts rows by the RegionTable
// index of their region (villages for registry workers), plus the offset of
// each region's first row. Because region indices are a pre-order walk, every
// region's rows — its own and all its descendants' — are one contiguous range,
// so a breakdown or a worker list for a region scans only that range.
// Immutable after construction; safe to share between threads.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "domain/region_table.h"

namespace cakupan {

class RegionOrder {
 public:
  RegionOrder() = default;
  // `region_of_row[i]` is the region index of row i (any value in
  // [0, regions.size())). Stable: rows of one region keep their input order.
  RegionOrder(const RegionTable& regions, const std::vector<int32_t>& region_of_row);

  size_t size() const { return perm_.size(); }
  // Input row at ordered position k.
  uint32_t row(size_t k) const { return perm_[k]; }
  const std::vector<uint32_t>& perm() const { return perm_; }
  // Ordered positions [first, last) of the rows in region `r`'s subtree.
  std::pair<size_t, size_t> Range(const RegionTable& regions, int32_t r) const {
    return {begin_[r], begin_[regions.subtree_end(r)]};
  }
  // Ordered positions of the rows attributed to region `r` itself.
  std::pair<size_t, size_t> OwnRange(int32_t r) const { return {begin_[r], begin_[r + 1]}; }

  // A column reordered: out[k] = column[row(k)].
  template <typename T>
  std::vector<T> Apply(const std::vector<T>& column) const {
    std::vector<T> out(perm_.size());
    for (size_t k = 0; k < perm_.size(); ++k) out[k] = column[perm_[k]];
    return out;
  }

 private:
  std::vector<uint32_t> perm_;
  std::vector<size_t> begin_;  // size regions + 1
};

// Region index of every worker's village (the nearest listed region when the
// village code is no longer listed).
std::vector<int32_t> WorkerRegions(const RegionTable& regions, const std::vector<uint64_t>& villages);

}  // namespace cakupan
