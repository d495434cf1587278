#include "engine/region_order.h"

#include "base/parallel.h"

namespace cakupan {

RegionOrder::RegionOrder(const RegionTable& regions, const std::vector<int32_t>& region_of_row) {
  const size_t n = region_of_row.size();
  const size_t nr = static_cast<size_t>(regions.size());
  begin_.assign(nr + 1, 0);
  for (int32_t r : region_of_row) ++begin_[static_cast<size_t>(r) + 1];
  for (size_t r = 1; r <= nr; ++r) begin_[r] += begin_[r - 1];
  std::vector<size_t> next(begin_.begin(), begin_.end() - 1);
  perm_.resize(n);
  for (size_t i = 0; i < n; ++i) perm_[next[region_of_row[i]]++] = static_cast<uint32_t>(i);
}

std::vector<int32_t> WorkerRegions(const RegionTable& regions, const std::vector<uint64_t>& villages) {
  std::vector<int32_t> out(villages.size());
  ParallelRanges(villages.size(), DefaultThreads(), [&](int, size_t b, size_t e) {
    // A small direct-mapped cache: the registry is in NIK order, so
    // neighbouring rows mostly live in the same district's few villages and
    // most lookups hit (10 M workers: 0.42 s -> 0.11 s on 2 cores).
    constexpr size_t kSlots = 1024;
    std::vector<uint64_t> code(kSlots, UINT64_MAX);
    std::vector<int32_t> index(kSlots, RegionTable::kNotFound);
    for (size_t i = b; i < e; ++i) {
      const uint64_t v = villages[i];
      const size_t slot = static_cast<size_t>((v * 0x9E3779B97F4A7C15ULL) >> 54);
      if (code[slot] != v) {
        int32_t r = regions.FindVillage(v);
        if (r == RegionTable::kNotFound) r = regions.FindNearestListed(RegionCode::FromPacked(v));
        code[slot] = v;
        index[slot] = r;
      }
      out[i] = index[slot];
    }
  });
  return out;
}

}  // namespace cakupan
