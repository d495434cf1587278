// The region hierarchy as dense indices: index 0 is the national root, and
// regions are sorted by code, which is a pre-order walk of the tree, so every
// region's descendants occupy the contiguous index range
// [i + 1, subtree_end(i)). Parents always have smaller indices than their
// children, so a roll-up is one backward pass adding each region to its parent.
//
// Lookups by code are O(1) for provinces, regencies and districts and a binary
// search within one district for villages. Immutable after Build(); safe to
// share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/region_code.h"

namespace cakupan {

struct RegionRecord {
  RegionCode code;
  std::string name;
};

class RegionTable {
 public:
  static constexpr int32_t kRoot = 0;
  static constexpr int32_t kNotFound = -1;

  RegionTable();  // only the national root ("INDONESIA")

  // Builds the table from records in any order. The national root is added
  // when absent. Fails with kDataError when a code appears twice or when a
  // region's parent is missing (the message names the first such code).
  static Result<RegionTable> Build(std::vector<RegionRecord> records);

  int32_t size() const { return static_cast<int32_t>(codes_.size()); }
  RegionCode code(int32_t i) const { return codes_[i]; }
  const std::string& name(int32_t i) const { return names_[i]; }
  RegionLevel level(int32_t i) const { return codes_[i].level(); }
  int32_t parent(int32_t i) const { return parents_[i]; }
  // One past the last descendant of i.
  int32_t subtree_end(int32_t i) const { return subtree_end_[i]; }
  bool IsAncestorOrSelf(int32_t ancestor, int32_t i) const {
    return i >= ancestor && i < subtree_end_[ancestor];
  }

  // Index of the region with this code, or kNotFound.
  int32_t Find(RegionCode code) const;
  // Find() for a village-level packed code (the hot path of reconciliation):
  // one slot lookup (PPKKCC is the code divided by 10,000) and a binary search
  // among that district's villages.
  int32_t FindVillage(uint64_t packed) const {
    const uint64_t district = packed / 10000;
    if (district >= district_slot_.size()) return kNotFound;
    const int32_t d = district_slot_[district];
    if (d == kNotFound) return kNotFound;
    // Branchless lower bound (conditional moves, no mispredicted jumps).
    const RegionCode* base = codes_.data() + d + 1;
    size_t len = static_cast<size_t>(subtree_end_[d] - d - 1);
    if (len == 0) return kNotFound;
    while (len > 1) {
      const size_t half = len / 2;
      base = base[half - 1].packed() < packed ? base + half : base;
      len -= half;
    }
    if (base->packed() < packed) ++base;
    const int32_t i = static_cast<int32_t>(base - codes_.data());
    return i < subtree_end_[d] && base->packed() == packed ? i : kNotFound;
  }

  // Index of the deepest listed region containing `code` (the code itself
  // when listed); the root when not even its province is listed.
  int32_t FindNearestListed(RegionCode code) const;

  // Direct children of i in code order.
  std::vector<int32_t> Children(int32_t i) const;
  // Descendants of i at `level` (i itself when it is at that level), in code
  // order. Empty when `level` is above i's level.
  std::vector<int32_t> DescendantsAtLevel(int32_t i, RegionLevel level) const;
  // The ancestor of i at `level` (i itself when i is at that level); kNotFound
  // when i is above `level`.
  int32_t AncestorAt(int32_t i, RegionLevel level) const;

  // Number of regions at each level (index = RegionLevel).
  int64_t CountAtLevel(RegionLevel level) const;
  const std::vector<RegionCode>& codes() const { return codes_; }

 private:
  struct Uninitialized {};
  explicit RegionTable(Uninitialized) {}

  std::vector<RegionCode> codes_;
  std::vector<std::string> names_;
  std::vector<int32_t> parents_;
  std::vector<int32_t> subtree_end_;
  // Direct slots: province_slot_[PP], regency_slot_[PP*100+KK],
  // district_slot_[PP*10000+KK*100+CC] -> index or kNotFound.
  std::vector<int32_t> province_slot_;
  std::vector<int32_t> regency_slot_;
  std::vector<int32_t> district_slot_;
  int64_t level_counts_[5] = {0, 0, 0, 0, 0};
};

}  // namespace cakupan
