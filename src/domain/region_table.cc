#include "domain/region_table.h"

#include <algorithm>

namespace cakupan {

RegionTable::RegionTable() : RegionTable(Build({}).value()) {}

Result<RegionTable> RegionTable::Build(std::vector<RegionRecord> records) {
  auto by_code = [](const RegionRecord& a, const RegionRecord& b) { return a.code < b.code; };
  if (!std::is_sorted(records.begin(), records.end(), by_code)) std::sort(records.begin(), records.end(), by_code);
  if (records.empty() || records.front().code != RegionCode::National()) {
    records.insert(records.begin(), RegionRecord{RegionCode::National(), "INDONESIA"});
  }
  RegionTable t{Uninitialized{}};
  const size_t n = records.size();
  t.codes_.reserve(n);
  t.names_.reserve(n);
  t.parents_.assign(n, kNotFound);
  t.subtree_end_.assign(n, 0);
  t.province_slot_.assign(100, kNotFound);
  t.regency_slot_.assign(100 * 100, kNotFound);
  t.district_slot_.assign(100 * 100 * 100, kNotFound);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && records[i].code == records[i - 1].code)
      return Status::DataError("duplicate region code " + records[i].code.ToString());
    t.codes_.push_back(records[i].code);
    t.names_.push_back(std::move(records[i].name));
  }
  for (int32_t i = 0; i < static_cast<int32_t>(n); ++i) {
    const RegionCode c = t.codes_[i];
    ++t.level_counts_[static_cast<int>(c.level())];
    switch (c.level()) {
      case RegionLevel::kNational: break;
      case RegionLevel::kProvince: t.province_slot_[c.province()] = i; break;
      case RegionLevel::kRegency: t.regency_slot_[c.province() * 100 + c.regency()] = i; break;
      case RegionLevel::kDistrict:
        t.district_slot_[c.province() * 10000 + c.regency() * 100 + c.district()] = i;
        break;
      case RegionLevel::kVillage: break;
    }
  }
  // Parents: the parent code sorts before the child, so it is already slotted
  // (villages look up their district slot).
  for (int32_t i = 1; i < static_cast<int32_t>(n); ++i) {
    const RegionCode c = t.codes_[i];
    const RegionCode p = c.Parent();
    int32_t pi = kNotFound;
    switch (p.level()) {
      case RegionLevel::kNational: pi = 0; break;
      case RegionLevel::kProvince: pi = t.province_slot_[p.province()]; break;
      case RegionLevel::kRegency: pi = t.regency_slot_[p.province() * 100 + p.regency()]; break;
      case RegionLevel::kDistrict:
        pi = t.district_slot_[p.province() * 10000 + p.regency() * 100 + p.district()];
        break;
      case RegionLevel::kVillage: break;
    }
    if (pi == kNotFound)
      return Status::DataError("region " + c.ToString() + " has no parent region " + p.ToString());
    t.parents_[i] = pi;
  }
  // Subtree ends: walk backwards; a region's subtree ends where its last
  // descendant's does.
  for (int32_t i = static_cast<int32_t>(n) - 1; i >= 0; --i) {
    if (t.subtree_end_[i] == 0) t.subtree_end_[i] = i + 1;
    if (i > 0) {
      int32_t p = t.parents_[i];
      t.subtree_end_[p] = std::max(t.subtree_end_[p], t.subtree_end_[i]);
    }
  }
  return t;
}

int32_t RegionTable::Find(RegionCode c) const {
  switch (c.level()) {
    case RegionLevel::kNational: return 0;
    case RegionLevel::kProvince: return province_slot_[c.province()];
    case RegionLevel::kRegency: return regency_slot_[c.province() * 100 + c.regency()];
    case RegionLevel::kDistrict: return district_slot_[c.province() * 10000 + c.regency() * 100 + c.district()];
    case RegionLevel::kVillage: {
      int32_t d = district_slot_[c.province() * 10000 + c.regency() * 100 + c.district()];
      if (d == kNotFound) return kNotFound;
      auto first = codes_.begin() + d + 1, last = codes_.begin() + subtree_end_[d];
      auto it = std::lower_bound(first, last, c);
      if (it != last && *it == c) return static_cast<int32_t>(it - codes_.begin());
      return kNotFound;
    }
  }
  return kNotFound;
}

int32_t RegionTable::FindNearestListed(RegionCode c) const {
  for (int lvl = static_cast<int>(c.level()); lvl >= 0; --lvl) {
    int32_t i = Find(c.AncestorAt(static_cast<RegionLevel>(lvl)));
    if (i != kNotFound) return i;
  }
  return kRoot;
}

std::vector<int32_t> RegionTable::Children(int32_t i) const {
  std::vector<int32_t> out;
  for (int32_t c = i + 1; c < subtree_end_[i]; c = subtree_end_[c]) out.push_back(c);
  return out;
}

std::vector<int32_t> RegionTable::DescendantsAtLevel(int32_t i, RegionLevel lvl) const {
  std::vector<int32_t> out;
  if (static_cast<int>(lvl) < static_cast<int>(level(i))) return out;
  for (int32_t c = i; c < subtree_end_[i];) {
    if (level(c) == lvl) {
      out.push_back(c);
      c = subtree_end_[c];
    } else {
      ++c;
    }
  }
  return out;
}

int32_t RegionTable::AncestorAt(int32_t i, RegionLevel lvl) const {
  if (static_cast<int>(level(i)) < static_cast<int>(lvl)) return kNotFound;
  while (level(i) != lvl) i = parents_[i];
  return i;
}

int64_t RegionTable::CountAtLevel(RegionLevel lvl) const { return level_counts_[static_cast<int>(lvl)]; }

}  // namespace cakupan
