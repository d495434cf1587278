// Budget allocation with hand-computed examples (docs/planning.md, "Budget
// allocation"): whole workers per budget, a rupiah short, ties, each policy's
// order, equal shares with remainders and redistribution.
#include "planning/allocation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "domain/enums.h"

namespace cakupan {
namespace {

constexpr Rupiah kBpuYear = 201600;  // bpu-minimum, 12 months (docs/planning.md)
constexpr uint8_t kRentan = static_cast<uint8_t>(Vulnerability::kVulnerable);
constexpr uint8_t kTidak = static_cast<uint8_t>(Vulnerability::kNotVulnerable);
constexpr uint8_t kUnknownV = static_cast<uint8_t>(Vulnerability::kUnknown);

PlanCandidate Cand(uint64_t key, uint8_t decile, uint8_t vuln = kUnknownV, bool occ = false, int32_t village = 0,
                   int32_t unit = 0) {
  PlanCandidate c;
  c.key = key;
  c.decile = decile;
  c.vulnerability = vuln;
  c.vulnerable_occupation = occ;
  c.village = village;
  c.unit = unit;
  return c;
}

AllocationInput Input(PlanPolicy policy, Rupiah budget, Rupiah cost, std::vector<PlanCandidate> cands) {
  AllocationInput in;
  in.policy = policy;
  in.budget = budget;
  in.cost_per_worker = cost;
  in.candidates = std::move(cands);
  int32_t villages = 0, units = 0;
  for (const PlanCandidate& c : in.candidates) {
    villages = std::max(villages, c.village + 1);
    units = std::max(units, c.unit + 1);
  }
  in.villages.assign(villages, PlanVillage{0, 1000});
  in.units.assign(units, PlanUnit{0, 1000});
  return in;
}

// The keys of the picks, in rank order.
std::vector<uint64_t> Keys(const AllocationInput& in, const AllocationResult& r) {
  std::vector<uint64_t> out;
  for (const PlanPick& p : r.picks) out.push_back(in.candidates[p.candidate].key);
  return out;
}

TEST(PlanPolicyTest, CodesLabelsAndAliases) {
  for (int i = 0; i < kPlanPolicyCount; ++i) {
    const auto p = static_cast<PlanPolicy>(i);
    EXPECT_EQ(ParsePlanPolicy(PlanPolicyCode(p)), p);
    EXPECT_STRNE(PlanPolicyLabelId(p), "");
  }
  EXPECT_EQ(ParsePlanPolicy("Lowest_Coverage"), PlanPolicy::kLowestCoverage);
  EXPECT_EQ(ParsePlanPolicy("desil"), PlanPolicy::kDecile);
  EXPECT_EQ(ParsePlanPolicy("sama rata"), PlanPolicy::kEqualShare);
  EXPECT_EQ(ParsePlanPolicy("richest"), std::nullopt);
  EXPECT_EQ(ParsePlanPolicy(""), std::nullopt);
}

TEST(PlanTieBreakTest, IsSplitMix64OfTheKey) {
  // Computed by hand with the published SplitMix64 steps.
  EXPECT_EQ(PlanTieBreak(1), 0x910a2dec89025cc1ULL);
  EXPECT_EQ(PlanTieBreak(1701010101900001ULL), 0xb7fb9ba9c72c16b3ULL);
  EXPECT_EQ(PlanTieBreak(1701010101900003ULL), 0x1719c6bcc0bc9218ULL);
}

TEST(AllocationTest, BudgetForExactlyThreeWorkersEnrolsThree) {
  const auto in = Input(PlanPolicy::kDecile, 3 * kBpuYear, kBpuYear,
                        {Cand(10, 3), Cand(11, 1), Cand(12, 2), Cand(13, 5), Cand(14, 4)});
  auto r = Allocate(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Keys(in, *r), (std::vector<uint64_t>{11, 12, 10}));
  EXPECT_EQ(r->cost, 604800);
  EXPECT_EQ(r->remaining, 0);
}

TEST(AllocationTest, OneRupiahShortEnrolsOneFewer) {
  const auto in = Input(PlanPolicy::kDecile, 3 * kBpuYear - 1, kBpuYear,
                        {Cand(10, 3), Cand(11, 1), Cand(12, 2), Cand(13, 5), Cand(14, 4)});
  auto r = Allocate(in);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Keys(in, *r), (std::vector<uint64_t>{11, 12}));
  EXPECT_EQ(r->cost, 403200);
  EXPECT_EQ(r->remaining, 201599);
}

TEST(AllocationTest, BudgetAboveEveryCandidateEnrolsAllAndKeepsTheRest) {
  const auto in = Input(PlanPolicy::kDecile, 1'000'000, kBpuYear, {Cand(10, 3), Cand(11, 1)});
  auto r = Allocate(in);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->picks.size(), 2u);
  EXPECT_EQ(r->cost, 403200);
  EXPECT_EQ(r->remaining, 596800);
  // A zero budget enrols nobody.
  auto none = Allocate(Input(PlanPolicy::kDecile, 0, kBpuYear, {Cand(10, 3)}));
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->picks.empty());
  EXPECT_EQ(none->remaining, 0);
}

TEST(AllocationTest, TiesGoByTheHashOfTheKeyNotByNik) {
  // Same decile, vulnerability and occupation: SplitMix64 decides —
  // ...03 (0x1719...), ...04 (0x1aa9...), ...02 (0x77aa...), ...01 (0xb7fb...).
  std::vector<PlanCandidate> c = {Cand(1701010101900001ULL, 2), Cand(1701010101900002ULL, 2),
                                  Cand(1701010101900003ULL, 2), Cand(1701010101900004ULL, 2)};
  const std::vector<uint64_t> expected = {1701010101900003ULL, 1701010101900004ULL, 1701010101900002ULL,
                                          1701010101900001ULL};
  auto in = Input(PlanPolicy::kDecile, 4 * kBpuYear, kBpuYear, c);
  auto r = Allocate(in);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Keys(in, *r), expected);
  // The input order does not matter.
  std::mt19937 g(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(in.candidates.begin(), in.candidates.end(), g);
    auto again = Allocate(in);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(Keys(in, *again), expected);
  }
  // Two of the four: the first two of that order.
  auto two = Input(PlanPolicy::kDecile, 2 * kBpuYear + 201599, kBpuYear, c);
  auto r2 = Allocate(two);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(Keys(two, *r2), (std::vector<uint64_t>{1701010101900003ULL, 1701010101900004ULL}));
}

TEST(AllocationTest, DecileAndVulnerablePoliciesOrderByTheirKeys) {
  const std::vector<PlanCandidate> c = {
      Cand(1, 1, kTidak, false),    // A: poorest, not vulnerable
      Cand(2, 9, kRentan, false),   // B: rich but vulnerable
      Cand(3, 5, kUnknownV, true),  // C: a vulnerable occupation
      Cand(4, 5, kUnknownV, false), // D
      Cand(5, 0, kUnknownV, false), // E: decile unknown (after 10)
  };
  auto in = Input(PlanPolicy::kDecile, 5 * kBpuYear, kBpuYear, c);
  auto r = Allocate(in);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Keys(in, *r), (std::vector<uint64_t>{1, 3, 4, 2, 5}));
  in.policy = PlanPolicy::kVulnerable;
  r = Allocate(in);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Keys(in, *r), (std::vector<uint64_t>{2, 3, 4, 5, 1}));
}

TEST(AllocationTest, LowestCoverageLevelsVillagesUp) {
  // V0: 1 active of 4, two candidates -> 1/4, 2/4; V1: 0 of 2, two
  // candidates -> 0/2, 1/2. Order: V1 (0), V0 (1/4), then 2/4 = 1/2: need
  // order (decile 2 before 3).
  auto in = Input(PlanPolicy::kLowestCoverage, 3 * 100, 100,
                  {Cand(1, 4, kUnknownV, false, 0), Cand(2, 3, kUnknownV, false, 0), Cand(3, 5, kUnknownV, false, 1),
                   Cand(4, 2, kUnknownV, false, 1)});
  in.villages = {PlanVillage{1, 4}, PlanVillage{0, 2}};
  auto r = Allocate(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // V1's needier candidate (key 4, decile 2) at 0/2, then V0's (key 2,
  // decile 3) at 1/4, then V1's second (key 3, decile 5) at 1/2 against
  // V0's second (key 1, decile 4) at 2/4: equal, decile 4 first.
  EXPECT_EQ(Keys(in, *r), (std::vector<uint64_t>{4, 2, 1}));
  EXPECT_EQ(r->picks[0].active_then, 0);
  EXPECT_EQ(r->picks[0].denominator, 2);
  EXPECT_EQ(r->picks[1].active_then, 1);
  EXPECT_EQ(r->picks[1].denominator, 4);
  EXPECT_EQ(r->picks[2].active_then, 2);
  EXPECT_EQ(r->picks[2].denominator, 4);
  EXPECT_EQ(r->remaining, 0);
  // Inconsistent figures are refused.
  in.villages[1].registry = 1;
  EXPECT_FALSE(Allocate(in).ok());
}

TEST(AllocationTest, MaxGainPrefersSmallDenominatorsUntilFull) {
  // U0: 9 active of 10 (one gain left), three candidates; U1: 0 of 100, two
  // candidates; U2: no denominator, one candidate.
  auto in = Input(PlanPolicy::kMaxGain, 6 * 100, 100,
                  {Cand(1, 1, kUnknownV, false, 0, 0), Cand(2, 2, kUnknownV, false, 0, 0),
                   Cand(3, 3, kUnknownV, false, 0, 0), Cand(4, 5, kUnknownV, false, 0, 1),
                   Cand(5, 6, kUnknownV, false, 0, 1), Cand(6, 4, kUnknownV, false, 0, 2)});
  in.units = {PlanUnit{9, 10}, PlanUnit{0, 100}, PlanUnit{0, 0}};
  auto r = Allocate(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // Gains: key 1 (+1/10), keys 4, 5 (+1/100); then no gain, in need order:
  // key 2 (decile 2), 3 (decile 3), 6 (decile 4).
  EXPECT_EQ(Keys(in, *r), (std::vector<uint64_t>{1, 4, 5, 2, 3, 6}));
  EXPECT_EQ(r->picks[0].active_then, 9);
  EXPECT_EQ(r->picks[0].denominator, 10);
  EXPECT_EQ(r->picks[2].active_then, 1);
  EXPECT_EQ(r->picks[2].denominator, 100);
  EXPECT_EQ(r->enrolled_by_unit, (std::vector<int64_t>{3, 2, 1}));
  // Three workers' budget: the three gains.
  in.budget = 3 * 100 + 99;
  r = Allocate(in);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Keys(in, *r), (std::vector<uint64_t>{1, 4, 5}));
  EXPECT_EQ(r->remaining, 99);
}

std::vector<PlanCandidate> UnitCandidates(int32_t unit, int count, uint64_t first_key, uint8_t first_decile) {
  std::vector<PlanCandidate> out;
  for (int i = 0; i < count; ++i)
    out.push_back(Cand(first_key + i, static_cast<uint8_t>(first_decile + i), kUnknownV, false, 0, unit));
  return out;
}

TEST(AllocationTest, EqualShareSplitsInWholeRupiahAndRedistributes) {
  // Three units of five candidates, cost 100, budget 1.000: shares of 333
  // (1 rupiah stays in the pool); each unit enrols 3 and returns 33, so the
  // pool holds 1 + 99 = 100; a round of 33 each cannot buy a worker: the
  // leftover step funds the neediest next candidate: unit 1's key 203
  // (decile 4, against deciles 5 and 6).
  std::vector<PlanCandidate> c = UnitCandidates(0, 5, 100, 2);
  auto u1 = UnitCandidates(1, 5, 200, 1);
  auto u2 = UnitCandidates(2, 5, 300, 3);
  c.insert(c.end(), u1.begin(), u1.end());
  c.insert(c.end(), u2.begin(), u2.end());
  auto in = Input(PlanPolicy::kEqualShare, 1000, 100, c);
  auto r = Allocate(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->first_share, 333);
  EXPECT_EQ(r->rounds, 1);
  EXPECT_EQ(Keys(in, *r), (std::vector<uint64_t>{100, 101, 102, 200, 201, 202, 300, 301, 302, 203}));
  EXPECT_EQ(r->picks.back().round, 0);
  EXPECT_EQ(r->picks.front().round, 1);
  EXPECT_EQ(r->enrolled_by_unit, (std::vector<int64_t>{3, 4, 3}));
  EXPECT_EQ(r->allotted_by_unit, (std::vector<Rupiah>{333, 333, 333}));
  EXPECT_EQ(r->cost, 1000);
  EXPECT_EQ(r->remaining, 0);
}

TEST(AllocationTest, EqualShareGivesBackWhatAUnitCannotSpend) {
  // Unit 0 has one candidate, units 1 and 2 five, unit 3 none. Budget 1.000,
  // cost 100. Round 1: shares of 250 (4 units); unit 0 enrols 1 (returns
  // 150), units 1 and 2 enrol 2 each (return 50 each), unit 3 returns 250:
  // pool 500. Round 2 among units 1, 2: shares of 250, 2 each, 50 back each:
  // pool 100. Round 3: 50 each, too little; leftover: one worker for the
  // neediest next candidate (unit 1, decile 5 against unit 2's decile 7).
  std::vector<PlanCandidate> c = UnitCandidates(0, 1, 100, 1);
  auto u1 = UnitCandidates(1, 5, 200, 1);
  auto u2 = UnitCandidates(2, 5, 300, 3);
  c.insert(c.end(), u1.begin(), u1.end());
  c.insert(c.end(), u2.begin(), u2.end());
  auto in = Input(PlanPolicy::kEqualShare, 1000, 100, c);
  in.units.resize(4, PlanUnit{0, 1000});
  auto r = Allocate(in);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->first_share, 250);
  EXPECT_EQ(r->rounds, 2);
  EXPECT_EQ(Keys(in, *r), (std::vector<uint64_t>{100, 200, 201, 300, 301, 202, 203, 302, 303, 204}));
  EXPECT_EQ(r->enrolled_by_unit, (std::vector<int64_t>{1, 5, 4, 0}));
  EXPECT_EQ(r->candidates_by_unit, (std::vector<int64_t>{1, 5, 5, 0}));
  EXPECT_EQ(r->allotted_by_unit, (std::vector<Rupiah>{250, 500, 500, 250}));
  EXPECT_EQ(r->picks[5].round, 2);
  EXPECT_EQ(r->picks[9].round, 0);
  EXPECT_EQ(r->cost, 1000);
  EXPECT_EQ(r->remaining, 0);
}

TEST(AllocationTest, EqualShareSmallerThanOneWorkerGoesToTheNeediest) {
  // Budget for 2 workers across 3 units (shares of 66 < 100): the two
  // neediest heads, one per unit.
  std::vector<PlanCandidate> c = {Cand(1, 5, kUnknownV, false, 0, 0), Cand(2, 2, kUnknownV, false, 0, 0),
                                  Cand(3, 3, kUnknownV, false, 0, 1), Cand(4, 1, kUnknownV, false, 0, 2)};
  auto in = Input(PlanPolicy::kEqualShare, 200, 100, c);
  auto r = Allocate(in);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rounds, 0);
  EXPECT_EQ(r->first_share, 66);
  // Heads: unit 0 key 2 (decile 2), unit 1 key 3 (3), unit 2 key 4 (1).
  EXPECT_EQ(Keys(in, *r), (std::vector<uint64_t>{4, 2}));
  EXPECT_EQ(r->remaining, 0);
}

TEST(AllocationTest, EqualShareSkipsUnitsWithoutCandidatesWhenSharesAreTooSmall) {
  // Budget 250, cost 100, three units of which only unit 0 has candidates:
  // shares of 83 buy nobody, so units 1 and 2 step aside and unit 0 gets the
  // whole 250 in round 1: two workers, 50 left.
  auto in = Input(PlanPolicy::kEqualShare, 250, 100, UnitCandidates(0, 5, 100, 1));
  in.units.resize(3, PlanUnit{0, 1000});
  auto r = Allocate(in);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Keys(in, *r), (std::vector<uint64_t>{100, 101}));
  EXPECT_EQ(r->first_share, 250);
  EXPECT_EQ(r->rounds, 1);
  EXPECT_EQ(r->allotted_by_unit, (std::vector<Rupiah>{250, 0, 0}));
  EXPECT_EQ(r->remaining, 50);
}

TEST(AllocationTest, RefusesBadInput) {
  EXPECT_FALSE(Allocate(Input(PlanPolicy::kDecile, -1, 100, {Cand(1, 1)})).ok());
  EXPECT_FALSE(Allocate(Input(PlanPolicy::kDecile, 100, 0, {Cand(1, 1)})).ok());
  auto in = Input(PlanPolicy::kDecile, 100, 100, {Cand(1, 1)});
  in.candidates[0].unit = 5;
  EXPECT_FALSE(Allocate(in).ok());
}

// A plain reference for every policy, one worker at a time, as the rules
// read in docs/planning.md; Allocate must choose the same workers in the
// same order on random inputs.
std::vector<uint64_t> Reference(const AllocationInput& in) {
  const int64_t c = in.cost_per_worker;
  const size_t n = in.candidates.size();
  auto needs_first = [&](size_t a, size_t b) { return NeedsFirst(in.policy, in.candidates[a], in.candidates[b]); };
  std::vector<size_t> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = i;
  std::sort(all.begin(), all.end(), needs_first);
  std::vector<bool> taken(n, false);
  std::vector<uint64_t> out;
  const int64_t k = std::min<int64_t>(in.budget / c, static_cast<int64_t>(n));
  auto next_of = [&](auto in_group) -> int64_t {  // the neediest untaken candidate of a group
    for (size_t i : all)
      if (!taken[i] && in_group(i)) return static_cast<int64_t>(i);
    return -1;
  };
  if (in.policy == PlanPolicy::kDecile || in.policy == PlanPolicy::kVulnerable) {
    for (int64_t j = 0; j < k; ++j) out.push_back(in.candidates[all[j]].key);
  } else if (in.policy == PlanPolicy::kLowestCoverage) {
    std::vector<int64_t> active(in.villages.size());
    for (size_t v = 0; v < active.size(); ++v) active[v] = in.villages[v].active;
    while (static_cast<int64_t>(out.size()) < k) {
      int64_t best = -1;
      for (size_t v = 0; v < in.villages.size(); ++v) {
        const int64_t head = next_of([&](size_t i) { return in.candidates[i].village == static_cast<int32_t>(v); });
        if (head < 0) continue;
        if (best < 0) {
          best = head;
          continue;
        }
        const size_t bv = static_cast<size_t>(in.candidates[best].village);
        const int64_t l = active[v] * in.villages[bv].registry, r = active[bv] * in.villages[v].registry;
        if (l < r || (l == r && needs_first(static_cast<size_t>(head), static_cast<size_t>(best)))) best = head;
      }
      taken[best] = true;
      ++active[in.candidates[best].village];
      out.push_back(in.candidates[best].key);
    }
  } else if (in.policy == PlanPolicy::kMaxGain) {
    std::vector<int64_t> active(in.units.size());
    for (size_t u = 0; u < active.size(); ++u) active[u] = in.units[u].active;
    while (static_cast<int64_t>(out.size()) < k) {
      int64_t best = -1;
      for (size_t u = 0; u < in.units.size(); ++u) {
        if (active[u] >= in.units[u].denominator) continue;  // no gain left (or no denominator)
        const int64_t head = next_of([&](size_t i) { return in.candidates[i].unit == static_cast<int32_t>(u); });
        if (head < 0) continue;
        if (best < 0) {
          best = head;
          continue;
        }
        const int64_t bd = in.units[in.candidates[best].unit].denominator, d = in.units[u].denominator;
        if (d < bd || (d == bd && needs_first(static_cast<size_t>(head), static_cast<size_t>(best)))) best = head;
      }
      if (best < 0) best = next_of([](size_t) { return true; });
      taken[best] = true;
      if (in.candidates[best].unit >= 0) ++active[in.candidates[best].unit];
      out.push_back(in.candidates[best].key);
    }
  } else {  // equal share
    const size_t units = in.units.size();
    std::vector<int64_t> left(units, 0);
    for (const PlanCandidate& cand : in.candidates)
      if (cand.unit >= 0) ++left[cand.unit];
    auto take = [&](size_t u) {
      const int64_t i = next_of([&](size_t x) { return in.candidates[x].unit == static_cast<int32_t>(u); });
      taken[i] = true;
      --left[u];
      out.push_back(in.candidates[i].key);
    };
    int64_t pool = in.budget;
    std::vector<size_t> open;
    for (size_t u = 0; u < units; ++u) open.push_back(u);
    while (!open.empty()) {
      const int64_t share = pool / static_cast<int64_t>(open.size());
      if (share < c) {
        const size_t before = open.size();
        std::erase_if(open, [&](size_t u) { return left[u] == 0; });
        if (open.size() == before) break;
        continue;
      }
      pool -= share * static_cast<int64_t>(open.size());
      for (size_t u : open) {
        int64_t spent = 0;
        while (share - spent >= c && left[u] > 0) {
          take(u);
          spent += c;
        }
        pool += share - spent;
      }
      std::erase_if(open, [&](size_t u) { return left[u] == 0; });
    }
    int64_t m = std::min<int64_t>(pool / c, static_cast<int64_t>(open.size()));
    std::vector<size_t> heads;
    for (size_t u : open)
      heads.push_back(static_cast<size_t>(next_of([&](size_t x) { return in.candidates[x].unit == static_cast<int32_t>(u); })));
    std::sort(heads.begin(), heads.end(), needs_first);
    for (int64_t j = 0; j < m; ++j) {
      taken[heads[j]] = true;
      out.push_back(in.candidates[heads[j]].key);
    }
  }
  return out;
}

TEST(AllocationTest, EveryPolicyMatchesAOneAtATimeReferenceOnRandomInputs) {
  std::mt19937_64 g(20261121);
  for (int round = 0; round < 60; ++round) {
    AllocationInput in;
    in.policy = static_cast<PlanPolicy>(round % kPlanPolicyCount);
    in.cost_per_worker = 100 + static_cast<Rupiah>(g() % 900);
    const size_t n = 1 + g() % 150;
    const int villages = 1 + static_cast<int>(g() % 12), units = 1 + static_cast<int>(g() % 5);
    for (size_t i = 0; i < n; ++i) {
      PlanCandidate cand;
      cand.key = 1700000000000000ULL + g() % 1000000000ULL;
      cand.decile = static_cast<uint8_t>(g() % 11);
      cand.vulnerability = static_cast<uint8_t>(g() % 3);
      cand.vulnerable_occupation = g() % 3 == 0;
      cand.village = static_cast<int32_t>(g() % villages);
      cand.unit = g() % 10 == 0 ? -1 : static_cast<int32_t>(g() % units);
      in.candidates.push_back(cand);
    }
    std::vector<int64_t> per_village(villages, 0);
    for (const PlanCandidate& cand : in.candidates) ++per_village[cand.village];
    for (int v = 0; v < villages; ++v) {
      const int64_t active = static_cast<int64_t>(g() % 20);
      in.villages.push_back(PlanVillage{active, active + per_village[v] + static_cast<int64_t>(g() % 20)});
    }
    for (int u = 0; u < units; ++u) {
      const int64_t d = g() % 4 == 0 ? 0 : 1 + static_cast<int64_t>(g() % 60);
      in.units.push_back(PlanUnit{d == 0 ? 0 : static_cast<int64_t>(g() % static_cast<uint64_t>(d)), d});
    }
    in.budget = static_cast<Rupiah>(g() % static_cast<uint64_t>(in.cost_per_worker * (n + 5)));
    auto r = Allocate(in);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(Keys(in, *r), Reference(in)) << "round " << round << " policy " << PlanPolicyCode(in.policy);
    EXPECT_EQ(r->cost + r->remaining, in.budget);
    EXPECT_EQ(r->cost, static_cast<Rupiah>(r->picks.size()) * in.cost_per_worker);
  }
}

TEST(VulnerableOccupationTest, MatchesTheDocumentedWords) {
  EXPECT_TRUE(IsVulnerableOccupation("nelayan"));
  EXPECT_TRUE(IsVulnerableOccupation("Buruh Harian Lepas"));
  EXPECT_TRUE(IsVulnerableOccupation("pedagang kaki lima"));
  EXPECT_TRUE(IsVulnerableOccupation("ojek daring"));
  EXPECT_FALSE(IsVulnerableOccupation("karyawan bank"));
  EXPECT_FALSE(IsVulnerableOccupation(""));
}

}  // namespace
}  // namespace cakupan
