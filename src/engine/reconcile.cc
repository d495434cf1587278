#include "engine/reconcile.h"

#include <algorithm>
#include <map>

#include "base/parallel.h"
#include "domain/nik.h"

namespace cakupan {

namespace {

// Lower is preferred when two memberships have the same status.
int SegmentPriority(Segment s) {
  switch (s) {
    case Segment::kPU: return 0;
    case Segment::kJakon: return 1;
    case Segment::kPMI: return 2;
    case Segment::kBPU: return 3;
    case Segment::kNone: return 4;
  }
  return 4;
}

// Where registry row i is counted: its village, else the nearest listed
// ancestor of its code.
int32_t WorkerRegion(const RegionTable& regions, const WorkerTable& workers, size_t i) {
  const int32_t idx = regions.FindVillage(workers.village[i]);
  return idx != RegionTable::kNotFound ? idx : regions.FindNearestListed(RegionCode::FromPacked(workers.village[i]));
}

// The combined membership of one person: the deciding row of their group.
struct PersonMembership {
  size_t deciding = 0;
  bool active = false;
};

PersonMembership Decide(const MembershipTable& m, size_t first, size_t last) {
  PersonMembership p{first, m.status[first] == static_cast<uint8_t>(MembershipStatus::kActive)};
  for (size_t k = first + 1; k < last; ++k) {
    const bool active = m.status[k] == static_cast<uint8_t>(MembershipStatus::kActive);
    if (active != p.active) {
      if (active) p = {k, true};
      continue;
    }
    if (SegmentPriority(static_cast<Segment>(m.segment[k])) <
        SegmentPriority(static_cast<Segment>(m.segment[p.deciding])))
      p.deciding = k;
  }
  return p;
}

}  // namespace

std::vector<RegionCounts> RollUp(const RegionTable& regions, const DirectCounts& d) {
  const int32_t n = regions.size();
  DirectCounts t = d;  // totals
  for (int32_t i = n - 1; i > 0; --i) t[regions.parent(i)].Add(t[i]);
  std::vector<RegionCounts> out;
  for (int32_t i = 0; i < n; ++i) {
    if (t[i].registry == 0 && t[i].unmatched_active == 0 && t[i].unmatched_non_active == 0) continue;
    RegionCounts c;
    c.region = regions.code(i);
    c.registry = t[i].registry;
    c.active = t[i].active;
    c.non_active = t[i].non_active;
    c.unregistered = t[i].unregistered;
    c.unmatched_active = t[i].unmatched_active;
    c.unmatched_non_active = t[i].unmatched_non_active;
    c.unmatched_active_here = d[i].unmatched_active;
    c.unmatched_non_active_here = d[i].unmatched_non_active;
    out.push_back(c);
  }
  return out;
}

namespace {

// What one thread produces for its NIK range.
struct PartResult {
  explicit PartResult(size_t regions) : direct(regions) {}
  DirectCounts direct;
  ReconciliationSummary summary;
  UnmatchedMembers unmatched;
};

void AddSummary(ReconciliationSummary& to, const ReconciliationSummary& s) {
  to.active += s.active;
  to.non_active += s.non_active;
  to.unregistered += s.unregistered;
  to.members += s.members;
  to.unmatched += s.unmatched;
  to.unmatched_by_extract_region += s.unmatched_by_extract_region;
  to.unmatched_by_nik_district += s.unmatched_by_nik_district;
  to.unmatched_unattributed += s.unmatched_unattributed;
}

template <typename T>
void AppendAll(std::vector<T>& to, const std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

// Merge-joins workers[w, w_end) with members[m, m_end) (both sorted by NIK,
// the ranges cut at the same NIK) into `out` and `results`.
void ReconcileRange(const RegionTable& regions, const WorkerTable& workers, const MembershipTable& members,
                    int reference_year, size_t w, size_t w_end, size_t m, size_t m_end, PartResult& out,
                    std::vector<uint8_t>& results) {
  DirectCounts& direct = out.direct;
  ReconciliationSummary& s = out.summary;
  const bool have_birth = !members.birth_date.empty();
  auto worker_region = [&](size_t i) { return WorkerRegion(regions, workers, i); };
  while (w < w_end || m < m_end) {
    const uint64_t wn = w < w_end ? workers.nik[w] : UINT64_MAX;
    const uint64_t mn = m < m_end ? members.nik[m] : UINT64_MAX;
    if (wn < mn) {  // registry worker with no membership
      const int32_t r = worker_region(w);
      ++direct[r].registry;
      ++direct[r].unregistered;
      ++s.unregistered;
      ++w;
      continue;
    }
    size_t end = m + 1;
    while (end < m_end && members.nik[end] == mn) ++end;
    ++s.members;
    const PersonMembership p = Decide(members, m, end);
    const Segment seg = static_cast<Segment>(members.segment[p.deciding]);
    if (wn == mn) {  // matched
      const int32_t r = worker_region(w);
      ++direct[r].registry;
      if (p.active) {
        ++direct[r].active;
        ++s.active;
      } else {
        ++direct[r].non_active;
        ++s.non_active;
      }
      results[w] = PackWorkerResult(p.active ? WorkerStatus::kActive : WorkerStatus::kNonActive, seg);
      ++w;
    } else {  // unmatched member: attribute
      Attribution how = Attribution::kUnattributed;
      int32_t r = RegionTable::kRoot;
      // The extract's region code: the deciding row's, else any row's.
      uint64_t given = members.region[p.deciding];
      for (size_t k = m; k < end && given == 0; ++k) given = members.region[k];
      if (given != 0) {
        const int32_t idx = regions.FindNearestListed(RegionCode::FromPacked(given));
        if (idx != RegionTable::kRoot) {
          r = idx;
          how = Attribution::kExtractRegion;
        }
      }
      NikError err;
      const auto info = DecodeNik(mn, reference_year, &err);
      if (how == Attribution::kUnattributed && info) {
        const int32_t idx = regions.FindNearestListed(info->district);
        if (idx != RegionTable::kRoot) {
          r = idx;
          how = Attribution::kNikDistrict;
        }
      }
      switch (how) {
        case Attribution::kExtractRegion: ++s.unmatched_by_extract_region; break;
        case Attribution::kNikDistrict: ++s.unmatched_by_nik_district; break;
        default: ++s.unmatched_unattributed; break;
      }
      ++s.unmatched;
      if (p.active) ++direct[r].unmatched_active;
      else ++direct[r].unmatched_non_active;
      UnmatchedMembers& u = out.unmatched;
      u.nik.push_back(mn);
      u.region.push_back(how == Attribution::kUnattributed ? 0 : regions.code(r).packed());
      u.attribution.push_back(static_cast<uint8_t>(how));
      u.status.push_back(static_cast<uint8_t>(p.active ? MembershipStatus::kActive : MembershipStatus::kNonActive));
      u.segment.push_back(static_cast<uint8_t>(seg));
      u.sex.push_back(static_cast<uint8_t>(info ? info->sex : Sex::kUnknown));
      Date birth = have_birth ? members.birth_date[p.deciding] : kNoDate;
      if (birth == kNoDate && info) birth = info->birth_date;
      u.birth_date.push_back(birth);
    }
    m = end;
  }
}

int StatusRank(uint8_t result) {
  switch (ResultStatus(result)) {
    case WorkerStatus::kActive: return 2;
    case WorkerStatus::kNonActive: return 1;
    case WorkerStatus::kUnregistered: return 0;
  }
  return 0;
}

// Counts each group of `same_worker` rows once (docs/definitions.md,
// "Duplicates"): the row with the best status stays; the others take its
// result with kCountedElsewhere and are taken out of `direct` and `summary`.
void CountDuplicatesOnce(const WorkerTable& workers, const SameWorkerRows& same_worker,
                         const std::vector<int32_t>& row_region, std::vector<uint8_t>& results, DirectCounts& direct,
                         ReconciliationSummary& summary) {
  const uint32_t n = static_cast<uint32_t>(workers.size());
  // Union-find over the paired rows only (index = position in `rows_paired`).
  std::vector<uint32_t> rows_paired;
  for (const auto& [a, b] : same_worker) {
    if (a >= n || b >= n || a == b) continue;
    rows_paired.push_back(a);
    rows_paired.push_back(b);
  }
  std::sort(rows_paired.begin(), rows_paired.end());
  rows_paired.erase(std::unique(rows_paired.begin(), rows_paired.end()), rows_paired.end());
  auto index_of = [&](uint32_t row) {
    return static_cast<uint32_t>(std::lower_bound(rows_paired.begin(), rows_paired.end(), row) - rows_paired.begin());
  };
  std::vector<uint32_t> parent(rows_paired.size());
  for (uint32_t k = 0; k < parent.size(); ++k) parent[k] = k;
  auto find = [&](uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const auto& [a, b] : same_worker) {
    if (a >= n || b >= n || a == b) continue;
    const uint32_t ra = find(index_of(a)), rb = find(index_of(b));
    if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
  }
  std::map<uint32_t, std::vector<uint32_t>> groups;  // root -> rows, in row order
  for (uint32_t k = 0; k < rows_paired.size(); ++k) groups[find(k)].push_back(rows_paired[k]);
  for (auto& [root, rows] : groups) {
    if (rows.size() < 2) continue;
    // Best status, then a valid NIK, then the first row (the smallest key).
    uint32_t kept = rows[0];
    auto better = [&](uint32_t a, uint32_t b) {
      if (StatusRank(results[a]) != StatusRank(results[b])) return StatusRank(results[a]) > StatusRank(results[b]);
      const bool valid_a = !IsSyntheticWorkerKey(workers.nik[a]), valid_b = !IsSyntheticWorkerKey(workers.nik[b]);
      if (valid_a != valid_b) return valid_a;
      return a < b;
    };
    for (uint32_t r : rows) {
      if (better(r, kept)) kept = r;
    }
    for (uint32_t r : rows) {
      if (r == kept) continue;
      RegionTally& t = direct[row_region[r]];
      --t.registry;
      switch (ResultStatus(results[r])) {
        case WorkerStatus::kActive: --t.active, --summary.active; break;
        case WorkerStatus::kNonActive: --t.non_active, --summary.non_active; break;
        case WorkerStatus::kUnregistered: --t.unregistered, --summary.unregistered; break;
      }
      results[r] = static_cast<uint8_t>(results[kept] | kCountedElsewhere);
      --summary.workers;
      ++summary.duplicate_rows;
    }
  }
}

}  // namespace

ReconciliationRecord Reconcile(const RegionTable& regions, const WorkerTable& workers,
                               const MembershipTable& members, Period period, const SameWorkerRows& same_worker) {
  ReconciliationRecord rec;
  rec.period = period;
  rec.worker_results.assign(workers.size(), PackWorkerResult(WorkerStatus::kUnregistered, Segment::kNone));
  rec.summary.workers = static_cast<int64_t>(workers.size());
  rec.summary.memberships = static_cast<int64_t>(members.size());
  const size_t nw = workers.size(), nm = members.size();
  // Cut both tables at the same NIKs so each thread owns whole persons.
  const int parts = (nw + nm) < 200000 ? 1 : DefaultThreads();
  std::vector<size_t> wcut(parts + 1), mcut(parts + 1);
  wcut[0] = mcut[0] = 0;
  wcut[parts] = nw;
  mcut[parts] = nm;
  for (int p = 1; p < parts; ++p) {
    const uint64_t key = nw > 0 ? workers.nik[nw * p / parts] : members.nik[nm * p / parts];
    wcut[p] = std::lower_bound(workers.nik.begin(), workers.nik.end(), key) - workers.nik.begin();
    mcut[p] = std::lower_bound(members.nik.begin(), members.nik.end(), key) - members.nik.begin();
  }
  std::vector<PartResult> results;
  results.reserve(parts);
  for (int p = 0; p < parts; ++p) results.emplace_back(static_cast<size_t>(regions.size()));
  ParallelTasks(static_cast<size_t>(parts), parts, [&](size_t p) {
    ReconcileRange(regions, workers, members, period.year(), wcut[p], wcut[p + 1], mcut[p], mcut[p + 1], results[p],
                   rec.worker_results);
  });
  DirectCounts& direct = results[0].direct;
  for (int p = 0; p < parts; ++p) {
    AddSummary(rec.summary, results[p].summary);
    if (p > 0) {
      for (size_t r = 0; r < direct.size(); ++r) direct[r].Add(results[p].direct[r]);
    }
    const UnmatchedMembers& u = results[p].unmatched;
    UnmatchedMembers& to = rec.unmatched;
    AppendAll(to.nik, u.nik);
    AppendAll(to.region, u.region);
    AppendAll(to.attribution, u.attribution);
    AppendAll(to.status, u.status);
    AppendAll(to.segment, u.segment);
    AppendAll(to.sex, u.sex);
    AppendAll(to.birth_date, u.birth_date);
  }
  if (!same_worker.empty()) {
    std::vector<int32_t> row_region(workers.size(), RegionTable::kRoot);
    for (const auto& [a, b] : same_worker) {
      for (uint32_t r : {a, b}) {
        if (r < workers.size()) row_region[r] = WorkerRegion(regions, workers, r);
      }
    }
    CountDuplicatesOnce(workers, same_worker, row_region, rec.worker_results, direct, rec.summary);
  }
  rec.counts = RollUp(regions, direct);
  return rec;
}

}  // namespace cakupan
