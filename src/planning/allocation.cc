// Budget allocation. The equal-share rule, in whole rupiah:
//
//   pool = budget; open = every unit (row region), in code order; round = 1
//   repeat while some unit is open:
//     n = open units; share = floor(pool / n)
//     if share < cost: drop the open units without candidates and repeat;
//       when there are none, go to the leftover step
//     pool -= share x n                 (the integer remainder stays in the pool)
//     each open unit, in code order, enrols min(floor(share / cost), its
//       candidates left) in its need order, and returns the rest of its share
//       (share mod cost, or all it could not spend) to the pool
//     round += 1; close the units that have no candidates left
//   leftover step: m = floor(pool / cost) workers (m < n): the next candidate
//     of each open unit, ranked in need order across units; the first m.
//
// In round 1 every unit counts, even one without candidates: its share goes
// back to the pool and is redistributed in round 2 among the units that can
// use it. A round in which no unit runs out leaves less than n x cost in the
// pool (each unit returns less than one worker's cost, plus the remainder
// below n), so the loop ends after at most units + 1 rounds.
#include "planning/allocation.h"

#include <algorithm>
#include <array>
#include <numeric>

#include "base/i18n.h"
#include "base/rng.h"
#include "base/strings.h"
#include "domain/enums.h"

namespace cakupan {

namespace {

constexpr const char* kPolicyCodes[kPlanPolicyCount] = {"decile", "vulnerable", "lowest-coverage", "equal-share",
                                                        "max-gain"};

uint32_t DecileRank(uint8_t decile) { return decile >= 1 && decile <= 10 ? decile : 11; }
uint32_t VulnerabilityRank(uint8_t v) {
  switch (static_cast<Vulnerability>(v)) {
    case Vulnerability::kVulnerable: return 0;
    case Vulnerability::kUnknown: return 1;
    case Vulnerability::kNotVulnerable: return 2;
  }
  return 1;
}

// The need order packed into one integer (smaller = needier).
uint32_t NeedKey(PlanPolicy policy, const PlanCandidate& c) {
  const uint32_t d = DecileRank(c.decile), v = VulnerabilityRank(c.vulnerability),
                 o = c.vulnerable_occupation ? 0 : 1;
  if (policy == PlanPolicy::kVulnerable) return v << 5 | o << 4 | d;
  return d << 3 | v << 1 | o;
}

// A candidate as sorted: a primary fraction num / den (compared exactly),
// the need key, the tie-break hash.
struct Item {
  uint32_t num = 0;
  uint32_t den = 1;
  uint32_t need = 0;
  uint32_t index = 0;
  uint64_t tie = 0;
};

inline bool Before(const Item& a, const Item& b) {
  const uint64_t l = static_cast<uint64_t>(a.num) * b.den, r = static_cast<uint64_t>(b.num) * a.den;
  if (l != r) return l < r;
  if (a.need != b.need) return a.need < b.need;
  return a.tie < b.tie;
}

inline bool NeedBefore(const Item& a, const Item& b) {
  if (a.need != b.need) return a.need < b.need;
  return a.tie < b.tie;
}

// The candidates as items, grouped by `group_of(candidate index)` (a group
// number below `groups`, or `groups` or more to leave the candidate out),
// stable, not sorted within a group: fills `begin` with the group boundaries.
template <typename GroupOf>
std::vector<Item> GroupedItems(const AllocationInput& in, size_t groups, GroupOf group_of, std::vector<size_t>& begin) {
  begin.assign(groups + 1, 0);
  for (uint32_t i = 0; i < in.candidates.size(); ++i) {
    const size_t g = group_of(i);
    if (g < groups) ++begin[g + 1];
  }
  std::partial_sum(begin.begin(), begin.end(), begin.begin());
  std::vector<Item> items(begin.back());
  std::vector<size_t> next(begin.begin(), begin.end() - 1);
  for (uint32_t i = 0; i < in.candidates.size(); ++i) {
    const size_t g = group_of(i);
    if (g >= groups) continue;
    Item& it = items[next[g]++];
    it.need = NeedKey(in.policy, in.candidates[i]);
    it.index = i;
    it.tie = PlanTieBreak(in.candidates[i].key);
  }
  return items;
}

// Puts the first `count` items of [b, e) in need order at the front, sorted
// (the rest after them, in no order).
void SortFirst(std::vector<Item>::iterator b, std::vector<Item>::iterator e, size_t count) {
  const size_t n = static_cast<size_t>(e - b);
  if (count == 0 || n == 0) return;
  if (count < n) std::nth_element(b, b + static_cast<ptrdiff_t>(count), e, NeedBefore);
  std::sort(b, b + static_cast<ptrdiff_t>(std::min(count, n)), NeedBefore);
}

Status CheckInput(const AllocationInput& in) {
  if (in.budget < 0) return Status::InvalidArgument(Tr("the budget is negative", "anggaran negatif"));
  if (in.cost_per_worker <= 0)
    return Status::InvalidArgument(Tr("the cost per worker must be positive", "biaya per pekerja harus positif"));
  if (in.candidates.size() >= UINT32_MAX) return Status::InvalidArgument("too many candidates");
  std::vector<int64_t> per_village(in.villages.size(), 0);
  for (const PlanCandidate& c : in.candidates) {
    if (c.village < 0 || static_cast<size_t>(c.village) >= in.villages.size() || c.unit < -1 ||
        (c.unit >= 0 && static_cast<size_t>(c.unit) >= in.units.size()))
      return Status::InvalidArgument("allocation: a candidate's village or unit is out of range");
    ++per_village[c.village];
  }
  for (size_t v = 0; v < in.villages.size(); ++v) {
    const PlanVillage& pv = in.villages[v];
    if (pv.active < 0 || pv.registry < 0 || pv.active + per_village[v] > pv.registry || pv.registry >= UINT32_MAX)
      return Status::InvalidArgument("allocation: a village's active and candidates exceed its registry");
  }
  for (const PlanUnit& u : in.units) {
    if (u.active < 0 || u.denominator < 0 || u.denominator >= UINT32_MAX)
      return Status::InvalidArgument("allocation: a unit's figures are out of range");
  }
  return Status::Ok();
}

// The first k candidates in need order (decile, vulnerable), sorted, as
// items: the need keys are below 128, so a count per key finds the key at
// which the k-th candidate falls; only the candidates before it and those with
// that key become items, and only the latter need a partial selection.
std::vector<Item> ChooseByNeed(const AllocationInput& in, size_t k) {
  std::array<size_t, 128> count{};
  for (const PlanCandidate& c : in.candidates) ++count[NeedKey(in.policy, c) & 127];
  size_t taken = 0;
  uint32_t boundary = 0;
  for (; boundary < 128; ++boundary) {
    if (taken + count[boundary] >= k) break;
    taken += count[boundary];
  }
  std::vector<Item> chosen, edge;
  if (k == 0) return chosen;
  chosen.reserve(k);
  edge.reserve(boundary < 128 ? count[boundary] : 0);
  for (size_t i = 0; i < in.candidates.size(); ++i) {
    const uint32_t need = NeedKey(in.policy, in.candidates[i]);
    if (need > boundary) continue;
    Item it;
    it.need = need;
    it.index = static_cast<uint32_t>(i);
    it.tie = PlanTieBreak(in.candidates[i].key);
    (need < boundary ? chosen : edge).push_back(it);
  }
  const size_t rest = k - taken;
  if (rest < edge.size()) {
    std::nth_element(edge.begin(), edge.begin() + static_cast<ptrdiff_t>(rest), edge.end(), NeedBefore);
    edge.resize(rest);
  }
  chosen.insert(chosen.end(), edge.begin(), edge.end());
  std::sort(chosen.begin(), chosen.end(), NeedBefore);
  return chosen;
}

// The first k items in Before order, sorted.
void TakeFirst(std::vector<Item>& items, size_t k) {
  if (k < items.size()) {
    std::nth_element(items.begin(), items.begin() + static_cast<ptrdiff_t>(k), items.end(), Before);
    items.resize(k);
  }
  std::sort(items.begin(), items.end(), Before);
}

void EqualShare(const AllocationInput& in, AllocationResult& out) {
  const size_t units = in.units.size();
  const Rupiah c = in.cost_per_worker;
  // Candidates of each unit; those in no unit never get a share. The rounds
  // need only how many each unit has; the order within a unit is needed
  // only for the ones enrolled (and the next one, for the leftover step).
  std::vector<size_t> begin;
  std::vector<Item> in_units = GroupedItems(
      in, units, [&](uint32_t i) { return in.candidates[i].unit < 0 ? units : static_cast<size_t>(in.candidates[i].unit); },
      begin);
  std::vector<int64_t> taken(units, 0);
  auto left = [&](size_t u) { return static_cast<int64_t>(begin[u + 1] - begin[u]) - taken[u]; };
  struct Buy {
    int32_t round;
    size_t unit;
    int64_t count;
  };
  std::vector<Buy> buys;
  out.allotted_by_unit.assign(units, 0);
  Rupiah pool = in.budget;
  std::vector<size_t> open(units);
  std::iota(open.begin(), open.end(), size_t{0});
  int32_t round = 1;
  out.first_share = units > 0 ? in.budget / static_cast<Rupiah>(units) : 0;
  while (!open.empty()) {
    const Rupiah share = pool / static_cast<Rupiah>(open.size());
    if (share < c) {
      // Too little for a worker each: units without candidates step aside
      // (their share would only come back); otherwise, the leftover step.
      const size_t before = open.size();
      std::erase_if(open, [&](size_t u) { return left(u) == 0; });
      if (open.size() == before) break;
      continue;
    }
    if (round == 1) out.first_share = share;
    pool -= share * static_cast<Rupiah>(open.size());
    for (size_t u : open) {
      out.allotted_by_unit[u] += share;
      const int64_t buy = std::min<int64_t>(share / c, left(u));
      if (buy > 0) buys.push_back(Buy{round, u, buy});
      taken[u] += buy;
      pool += share - buy * c;
    }
    out.rounds = round++;
    std::erase_if(open, [&](size_t u) { return left(u) == 0; });
  }
  const int64_t m = std::min<int64_t>(pool / c, static_cast<int64_t>(open.size()));
  for (size_t u = 0; u < units; ++u) {
    const size_t want = static_cast<size_t>(taken[u]) + (m > 0 && left(u) > 0 ? 1 : 0);
    SortFirst(in_units.begin() + static_cast<ptrdiff_t>(begin[u]), in_units.begin() + static_cast<ptrdiff_t>(begin[u + 1]),
              want);
  }
  std::vector<size_t> next(begin.begin(), begin.end() - 1);  // next candidate of each unit
  auto enrol = [&](size_t u, int32_t r) {
    PlanPick p;
    p.candidate = in_units[next[u]++].index;
    p.round = r;
    out.picks.push_back(p);
    ++out.enrolled_by_unit[u];
  };
  for (const Buy& b : buys)
    for (int64_t k = 0; k < b.count; ++k) enrol(b.unit, b.round);
  // Leftover step: the neediest next candidates, one per open unit.
  if (m > 0) {
    std::vector<std::pair<Item, size_t>> heads;
    for (size_t u : open) heads.emplace_back(in_units[next[u]], u);
    std::sort(heads.begin(), heads.end(), [](const auto& a, const auto& b) { return NeedBefore(a.first, b.first); });
    for (int64_t k = 0; k < m; ++k) enrol(heads[static_cast<size_t>(k)].second, 0);
  }
}

}  // namespace

const char* PlanPolicyCode(PlanPolicy p) { return kPolicyCodes[static_cast<int>(p)]; }

const char* PlanPolicyLabelId(PlanPolicy p) {
  switch (p) {
    case PlanPolicy::kDecile: return "Desil kesejahteraan terendah dahulu";
    case PlanPolicy::kVulnerable: return "Pekerja dan pekerjaan rentan dahulu";
    case PlanPolicy::kLowestCoverage: return "Desa dengan cakupan terendah dahulu";
    case PlanPolicy::kEqualShare: return "Bagian sama rata per wilayah";
    case PlanPolicy::kMaxGain: return "Kenaikan cakupan terbesar";
  }
  return "";
}

const char* PlanPolicyLabelEn(PlanPolicy p) {
  switch (p) {
    case PlanPolicy::kDecile: return "Lowest welfare decile first";
    case PlanPolicy::kVulnerable: return "Vulnerable workers and occupations first";
    case PlanPolicy::kLowestCoverage: return "Lowest-coverage villages first";
    case PlanPolicy::kEqualShare: return "Equal share per region";
    case PlanPolicy::kMaxGain: return "Largest coverage gain";
  }
  return "";
}

std::optional<PlanPolicy> ParsePlanPolicy(std::string_view text) {
  std::string t = ToLowerAscii(TrimView(text));
  std::replace(t.begin(), t.end(), '_', '-');
  std::replace(t.begin(), t.end(), ' ', '-');
  for (int i = 0; i < kPlanPolicyCount; ++i)
    if (t == kPolicyCodes[i]) return static_cast<PlanPolicy>(i);
  if (t == "desil") return PlanPolicy::kDecile;
  if (t == "rentan") return PlanPolicy::kVulnerable;
  if (t == "cakupan-terendah") return PlanPolicy::kLowestCoverage;
  if (t == "sama-rata") return PlanPolicy::kEqualShare;
  if (t == "kenaikan-terbesar") return PlanPolicy::kMaxGain;
  return std::nullopt;
}

uint64_t PlanTieBreak(uint64_t worker_key) {
  uint64_t state = worker_key;
  return SplitMix64(state);
}

const std::vector<const char*>& VulnerableOccupationWords() {
  static const std::vector<const char*> kWords = {
      "petani",   "buruh tani", "pekebun",          "peternak",  "nelayan",     "buruh harian", "buruh angkut",
      "pekerja rumah tangga", "pemulung", "kaki lima", "ojek", "juru parkir", "tukang", "marbot", "guru ngaji"};
  return kWords;
}

bool IsVulnerableOccupation(std::string_view occupation) {
  if (occupation.empty()) return false;
  const std::string lower = ToLowerAscii(occupation);
  for (const char* w : VulnerableOccupationWords())
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

bool NeedsFirst(PlanPolicy policy, const PlanCandidate& a, const PlanCandidate& b) {
  const uint32_t na = NeedKey(policy, a), nb = NeedKey(policy, b);
  if (na != nb) return na < nb;
  return PlanTieBreak(a.key) < PlanTieBreak(b.key);
}

Result<AllocationResult> Allocate(const AllocationInput& in) {
  CAKUPAN_RETURN_IF_ERROR(CheckInput(in));
  AllocationResult out;
  out.enrolled_by_unit.assign(in.units.size(), 0);
  out.candidates_by_unit.assign(in.units.size(), 0);
  for (const PlanCandidate& c : in.candidates)
    if (c.unit >= 0) ++out.candidates_by_unit[c.unit];
  const Rupiah c = in.cost_per_worker;
  const size_t k = static_cast<size_t>(std::min<int64_t>(in.budget / c, static_cast<int64_t>(in.candidates.size())));

  if (in.policy == PlanPolicy::kEqualShare) {
    EqualShare(in, out);
  } else {
    std::vector<Item> items;
    if (in.policy == PlanPolicy::kDecile || in.policy == PlanPolicy::kVulnerable) {
      items = ChooseByNeed(in, k);
    } else if (in.policy == PlanPolicy::kLowestCoverage) {
      std::vector<size_t> begin;
      items = GroupedItems(
          in, in.villages.size(), [&](uint32_t i) { return static_cast<size_t>(in.candidates[i].village); }, begin);
      for (size_t v = 0; v < in.villages.size(); ++v) {
        SortFirst(items.begin() + static_cast<ptrdiff_t>(begin[v]), items.begin() + static_cast<ptrdiff_t>(begin[v + 1]),
                  begin[v + 1] - begin[v]);
        for (size_t j = begin[v]; j < begin[v + 1]; ++j) {
          items[j].num = static_cast<uint32_t>(in.villages[v].active + static_cast<int64_t>(j - begin[v]));
          items[j].den = static_cast<uint32_t>(in.villages[v].registry);
        }
      }
    } else if (in.policy == PlanPolicy::kMaxGain) {
      // Group -1 (no unit) last, as group units.size().
      const size_t units = in.units.size();
      auto group = [&](uint32_t i) {
        const int32_t u = in.candidates[i].unit;
        return u < 0 ? units : static_cast<size_t>(u);
      };
      std::vector<size_t> begin;
      items = GroupedItems(in, units + 1, group, begin);
      for (size_t u = 0; u <= units; ++u) {
        // The first `gains` candidates of the unit in need order raise its
        // coverage (active + j < denominator); only they need finding.
        const size_t size = begin[u + 1] - begin[u];
        size_t gains = 0;
        if (u < units && in.units[u].denominator > in.units[u].active)
          gains = static_cast<size_t>(std::min<int64_t>(in.units[u].denominator - in.units[u].active,
                                                        static_cast<int64_t>(size)));
        if (gains > 0 && gains < size) {
          std::nth_element(items.begin() + static_cast<ptrdiff_t>(begin[u]),
                           items.begin() + static_cast<ptrdiff_t>(begin[u] + gains),
                           items.begin() + static_cast<ptrdiff_t>(begin[u + 1]), NeedBefore);
        }
        for (size_t j = begin[u]; j < begin[u + 1]; ++j) {
          items[j].num = j - begin[u] < gains ? static_cast<uint32_t>(in.units[u].denominator) : UINT32_MAX;
          items[j].den = 1;
        }
      }
    }
    if (in.policy == PlanPolicy::kLowestCoverage || in.policy == PlanPolicy::kMaxGain) TakeFirst(items, k);
    out.picks.reserve(k);
    // Running counts for the explanations.
    std::vector<int64_t> unit_taken;
    if (in.policy == PlanPolicy::kMaxGain) unit_taken.assign(in.units.size(), 0);
    for (const Item& it : items) {
      PlanPick p;
      p.candidate = it.index;
      const PlanCandidate& cand = in.candidates[it.index];
      if (in.policy == PlanPolicy::kLowestCoverage) {
        p.active_then = it.num;
        p.denominator = it.den;
      } else if (in.policy == PlanPolicy::kMaxGain && cand.unit >= 0) {
        p.active_then = in.units[cand.unit].active + unit_taken[cand.unit]++;
        p.denominator = in.units[cand.unit].denominator;
      }
      if (cand.unit >= 0) ++out.enrolled_by_unit[cand.unit];
      out.picks.push_back(p);
    }
  }
  out.cost = static_cast<Rupiah>(out.picks.size()) * c;
  out.remaining = in.budget - out.cost;
  return out;
}

}  // namespace cakupan
