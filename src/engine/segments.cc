#include "engine/segments.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "base/parallel.h"
#include "engine/radix_sort.h"

namespace cakupan {

namespace {

template <typename T>
void AppendVec(std::vector<T>& dst, std::vector<T>& src) {
  if (dst.empty()) {
    dst = std::move(src);
  } else {
    dst.insert(dst.end(), src.begin(), src.end());
  }
}

void AppendStrings(StringColumn& dst, const StringColumn& src) {
  for (size_t i = 0; i < src.size(); ++i) dst.push_back(src[i]);
}

// Sorts rows with equal nik by the rest of the membership key; `perm` is
// already ordered by nik.
void SortMemberRuns(const MembershipTable& t, std::vector<uint32_t>& perm) {
  size_t i = 0;
  const size_t n = perm.size();
  while (i < n) {
    size_t j = i + 1;
    while (j < n && t.nik[perm[j]] == t.nik[perm[i]]) ++j;
    if (j - i > 1) {
      std::stable_sort(perm.begin() + i, perm.begin() + j,
                       [&](uint32_t a, uint32_t b) { return CompareMemberKeys(t, a, t, b) < 0; });
    }
    i = j;
  }
}

// Replaces a column by its rows in `perm` order (a column not loaded stays
// empty); the old column is freed before the next one is built.
// Gathers run on several threads over disjoint output ranges.
template <typename T>
void PermuteInPlace(std::vector<T>& v, const std::vector<uint32_t>& perm) {
  if (v.empty()) return;
  std::vector<T> out(perm.size());
  ParallelRanges(perm.size(), DefaultThreads(), [&](int, size_t b, size_t e) {
    for (size_t i = b; i < e; ++i) out[i] = v[perm[i]];
  });
  v.swap(out);
}

void PermuteInPlace(StringColumn& c, const std::vector<uint32_t>& perm) {
  if (c.empty()) return;
  const std::vector<uint32_t>& src_off = c.offsets();
  const std::string& src = c.bytes();
  std::vector<uint32_t> off(perm.size() + 1);
  off[0] = 0;
  for (size_t i = 0; i < perm.size(); ++i) off[i + 1] = off[i] + (src_off[perm[i] + 1] - src_off[perm[i]]);
  std::string bytes(off.back(), '\0');
  ParallelRanges(perm.size(), DefaultThreads(), [&](int, size_t b, size_t e) {
    for (size_t i = b; i < e; ++i) {
      const uint32_t r = perm[i];
      std::memcpy(bytes.data() + off[i], src.data() + src_off[r], src_off[r + 1] - src_off[r]);
    }
  });
  c = StringColumn(std::move(off), std::move(bytes));
}

// Row i of an optional text column ("" when the column was not filled).
std::string_view TextOr(const StringColumn& c, size_t i) { return c.empty() ? std::string_view() : c[i]; }

bool SameWorkerRow(const WorkerTable& a, size_t i, const WorkerTable& b, size_t j) {
  return a.nik[i] == b.nik[j] && a.name[i] == b.name[j] && a.sex[i] == b.sex[j] &&
         a.birth_date[i] == b.birth_date[j] && a.village[i] == b.village[j] &&
         a.formality[i] == b.formality[j] &&
         a.occupations[a.occupation[i]] == b.occupations[b.occupation[j]] && a.decile[i] == b.decile[j] &&
         a.vulnerability[i] == b.vulnerability[j] && a.nik_issue[i] == b.nik_issue[j] && a.nik_raw[i] == b.nik_raw[j] &&
         TextOr(a.birth_date_raw, i) == TextOr(b.birth_date_raw, j);
}

bool SameMemberRow(const MembershipTable& a, size_t i, const MembershipTable& b, size_t j) {
  return a.nik[i] == b.nik[j] && a.name[i] == b.name[j] && a.birth_date[i] == b.birth_date[j] &&
         a.segment[i] == b.segment[j] && a.status[i] == b.status[j] && a.programmes[i] == b.programmes[j] &&
         a.last_paid[i] == b.last_paid[j] && a.npp[i] == b.npp[j] && a.funding[i] == b.funding[j] &&
         a.region[i] == b.region[j] &&
         TextOr(a.birth_date_raw, i) == TextOr(b.birth_date_raw, j);
}

}  // namespace

int CompareMemberKeys(const MembershipTable& a, size_t i, const MembershipTable& b, size_t j) {
  if (a.nik[i] != b.nik[j]) return a.nik[i] < b.nik[j] ? -1 : 1;
  if (a.segment[i] != b.segment[j]) return a.segment[i] < b.segment[j] ? -1 : 1;
  // A table loaded without npp (one segment of the period) compares as "".
  const std::string_view x = a.npp.size() == a.nik.size() ? a.npp[i] : std::string_view();
  const std::string_view y = b.npp.size() == b.nik.size() ? b.npp[j] : std::string_view();
  return x < y ? -1 : (x == y ? 0 : 1);
}

namespace {

// The small fixed-width columns of a row packed into 8 bytes, so that a
// permutation moves them with one random access per row instead of one per
// column (random accesses dominate: each is a cache miss at national scale).
struct PackedWorkerSmall {
  Date birth_date;
  uint16_t occupation;
  uint8_t flags;   // sex (2 bits) | formality (2) | vulnerability (2)
  uint8_t decile;  // decile (low 4 bits) | nik_issue (high 4 bits)
};
static_assert(sizeof(PackedWorkerSmall) == 8);

void PermuteWorkerSmallColumns(WorkerTable& t, const std::vector<uint32_t>& perm) {
  const size_t n = t.size();
  PermuteInPlace(t.nik_raw, perm);
  PermuteInPlace(t.birth_date_raw, perm);
  if (t.birth_date.empty() || t.occupation.empty() || t.sex.empty() || t.formality.empty() ||
      t.vulnerability.empty() || t.decile.empty() || t.nik_issue.empty()) {  // partial loads: column by column
    PermuteInPlace(t.sex, perm);
    PermuteInPlace(t.birth_date, perm);
    PermuteInPlace(t.formality, perm);
    PermuteInPlace(t.occupation, perm);
    PermuteInPlace(t.decile, perm);
    PermuteInPlace(t.vulnerability, perm);
    PermuteInPlace(t.nik_issue, perm);
    return;
  }
  std::vector<PackedWorkerSmall> packed(n);
  ParallelRanges(n, DefaultThreads(), [&](int, size_t b, size_t e) {
    for (size_t i = b; i < e; ++i)
      packed[i] = {t.birth_date[i], t.occupation[i],
                   static_cast<uint8_t>(t.sex[i] | (t.formality[i] << 2) | (t.vulnerability[i] << 4)),
                   static_cast<uint8_t>(t.decile[i] | (t.nik_issue[i] << 4))};
  });
  PermuteInPlace(packed, perm);
  ParallelRanges(n, DefaultThreads(), [&](int, size_t b, size_t e) {
    for (size_t i = b; i < e; ++i) {
      const PackedWorkerSmall& p = packed[i];
      t.birth_date[i] = p.birth_date;
      t.occupation[i] = p.occupation;
      t.sex[i] = p.flags & 3;
      t.formality[i] = (p.flags >> 2) & 3;
      t.vulnerability[i] = (p.flags >> 4) & 3;
      t.decile[i] = p.decile & 15;
      t.nik_issue[i] = p.decile >> 4;
    }
  });
}

struct PackedMemberSmall {
  Date birth_date;
  int32_t last_paid;
  uint8_t segment, status, programmes, funding;
};
static_assert(sizeof(PackedMemberSmall) == 12);

void PermuteMemberSmallColumns(MembershipTable& t, const std::vector<uint32_t>& perm) {
  const size_t n = t.size();
  PermuteInPlace(t.birth_date_raw, perm);
  if (t.birth_date.empty() || t.last_paid.empty() || t.segment.empty() || t.status.empty() ||
      t.programmes.empty() || t.funding.empty()) {
    PermuteInPlace(t.birth_date, perm);
    PermuteInPlace(t.segment, perm);
    PermuteInPlace(t.status, perm);
    PermuteInPlace(t.programmes, perm);
    PermuteInPlace(t.last_paid, perm);
    PermuteInPlace(t.funding, perm);
    return;
  }
  std::vector<PackedMemberSmall> packed(n);
  ParallelRanges(n, DefaultThreads(), [&](int, size_t b, size_t e) {
    for (size_t i = b; i < e; ++i)
      packed[i] = {t.birth_date[i], t.last_paid[i], t.segment[i], t.status[i], t.programmes[i], t.funding[i]};
  });
  PermuteInPlace(packed, perm);
  ParallelRanges(n, DefaultThreads(), [&](int, size_t b, size_t e) {
    for (size_t i = b; i < e; ++i) {
      const PackedMemberSmall& p = packed[i];
      t.birth_date[i] = p.birth_date;
      t.last_paid[i] = p.last_paid;
      t.segment[i] = p.segment;
      t.status[i] = p.status;
      t.programmes[i] = p.programmes;
      t.funding[i] = p.funding;
    }
  });
}

}  // namespace

WorkerTable CanonicalWorkers(WorkerTable t) {
  if (IsSorted(t.nik)) return t;
  const std::vector<uint32_t> perm = SortInPlace(t.nik);
  PermuteInPlace(t.name, perm);
  PermuteInPlace(t.village, perm);
  PermuteWorkerSmallColumns(t, perm);
  return t;
}

MembershipTable CanonicalMembers(MembershipTable t) {
  std::vector<uint32_t> perm = SortedOrder(t.nik);
  SortMemberRuns(t, perm);
  bool identity = true;
  for (size_t i = 0; i < perm.size() && identity; ++i) identity = perm[i] == i;
  if (identity) return t;
  PermuteInPlace(t.nik, perm);
  PermuteInPlace(t.name, perm);
  PermuteInPlace(t.npp, perm);
  PermuteInPlace(t.region, perm);
  PermuteMemberSmallColumns(t, perm);
  return t;
}

WorkerTable ConcatWorkers(std::vector<WorkerTable> parts) {
  if (parts.empty()) return WorkerTable();
  if (parts.size() == 1) return std::move(parts[0]);
  WorkerTable out;
  size_t rows = 0;
  for (const auto& p : parts) rows += p.size();
  out.nik.reserve(rows);
  std::unordered_map<std::string, uint16_t> dict;
  dict.emplace("", 0);
  for (auto& p : parts) {
    // Remap this part's occupation indices into the unified dictionary.
    std::vector<uint16_t> remap(p.occupations.size(), 0);
    for (size_t k = 1; k < p.occupations.size(); ++k) {
      auto [it, inserted] = dict.emplace(p.occupations[k], static_cast<uint16_t>(out.occupations.size()));
      if (inserted) out.occupations.push_back(p.occupations[k]);
      remap[k] = it->second;
    }
    for (auto& o : p.occupation) o = remap[o];
    AppendVec(out.nik, p.nik);
    AppendStrings(out.name, p.name);
    AppendVec(out.sex, p.sex);
    AppendVec(out.birth_date, p.birth_date);
    AppendVec(out.village, p.village);
    AppendVec(out.formality, p.formality);
    AppendVec(out.occupation, p.occupation);
    AppendVec(out.decile, p.decile);
    AppendVec(out.vulnerability, p.vulnerability);
    AppendVec(out.nik_issue, p.nik_issue);
    AppendStrings(out.nik_raw, p.nik_raw);
    AppendStrings(out.birth_date_raw, p.birth_date_raw);
  }
  return out;
}

MembershipTable ConcatMembers(std::vector<MembershipTable> parts) {
  if (parts.empty()) return MembershipTable();
  if (parts.size() == 1) return std::move(parts[0]);
  MembershipTable out;
  for (auto& p : parts) {
    AppendVec(out.nik, p.nik);
    AppendStrings(out.name, p.name);
    AppendVec(out.birth_date, p.birth_date);
    AppendVec(out.segment, p.segment);
    AppendVec(out.status, p.status);
    AppendVec(out.programmes, p.programmes);
    AppendVec(out.last_paid, p.last_paid);
    AppendStrings(out.npp, p.npp);
    AppendVec(out.funding, p.funding);
    AppendVec(out.region, p.region);
    AppendStrings(out.birth_date_raw, p.birth_date_raw);
  }
  return out;
}

WorkerTable MergeWorkerSegments(std::vector<WorkerTable> segments) {
  if (segments.empty()) return WorkerTable();
  if (segments.size() == 1) return std::move(segments[0]);
  WorkerTable all = ConcatWorkers(std::move(segments));
  std::vector<uint32_t> perm = SortedOrder(all.nik);  // stable: newer rows come later
  std::vector<uint32_t> keep;
  keep.reserve(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) {
    if (i + 1 < perm.size() && all.nik[perm[i + 1]] == all.nik[perm[i]]) continue;  // a newer row follows
    keep.push_back(perm[i]);
  }
  return all.Gather(keep);
}

MembershipTable MergeMemberSegments(std::vector<MembershipTable> segments) {
  if (segments.empty()) return MembershipTable();
  if (segments.size() == 1) return std::move(segments[0]);
  MembershipTable all = ConcatMembers(std::move(segments));
  std::vector<uint32_t> perm = SortedOrder(all.nik);
  SortMemberRuns(all, perm);  // stable: newer rows stay after older ones
  std::vector<uint32_t> keep;
  keep.reserve(perm.size());
  for (size_t i = 0; i < perm.size(); ++i) {
    if (i + 1 < perm.size() && CompareMemberKeys(all, perm[i + 1], all, perm[i]) == 0) continue;
    keep.push_back(perm[i]);
  }
  return all.Gather(keep);
}

UpsertDiff<WorkerTable> DiffWorkers(const WorkerTable& existing, const WorkerTable& incoming) {
  UpsertDiff<WorkerTable> d;
  std::vector<uint32_t> take;
  size_t i = 0;
  for (size_t j = 0; j < incoming.size(); ++j) {
    while (i < existing.size() && existing.nik[i] < incoming.nik[j]) ++i;
    if (i < existing.size() && existing.nik[i] == incoming.nik[j]) {
      if (SameWorkerRow(existing, i, incoming, j)) {
        ++d.unchanged;
        continue;
      }
      ++d.updated;
    } else {
      ++d.inserted;
    }
    take.push_back(static_cast<uint32_t>(j));
  }
  d.delta = take.size() == incoming.size() ? incoming : incoming.Gather(take);
  return d;
}

UpsertDiff<MembershipTable> DiffMembers(const MembershipTable& existing, const MembershipTable& incoming) {
  UpsertDiff<MembershipTable> d;
  std::vector<uint32_t> take;
  size_t i = 0;
  for (size_t j = 0; j < incoming.size(); ++j) {
    while (i < existing.size() && CompareMemberKeys(existing, i, incoming, j) < 0) ++i;
    if (i < existing.size() && CompareMemberKeys(existing, i, incoming, j) == 0) {
      if (SameMemberRow(existing, i, incoming, j)) {
        ++d.unchanged;
        continue;
      }
      ++d.updated;
    } else {
      ++d.inserted;
    }
    take.push_back(static_cast<uint32_t>(j));
  }
  d.delta = take.size() == incoming.size() ? incoming : incoming.Gather(take);
  return d;
}

}  // namespace cakupan
