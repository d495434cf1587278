// Budget allocation (`cakupan plan`): given a budget in whole rupiah, the cost
// of enrolling one worker with a package, and the candidates (unprotected
// registry workers), choose whom to enrol under a priority policy. Rules and
// worked examples: docs/planning.md, "Budget allocation"; definitions:
// docs/definitions.md, "Budget allocation".
//
// Every candidate costs the same (one package, one income, one start date,
// the same months), so money is spent in whole workers: a budget B buys at
// most floor(B / cost) workers, and the money left over is `remaining`. All
// arithmetic is in integers; no floating point touches money or the order.
//
// The order is total and deterministic. Each policy ranks by its own keys,
// then by a candidate's *need* (welfare decile, vulnerability, vulnerable
// occupation), and finally by PlanTieBreak(worker key), a bijective hash —
// never by raw NIK order, which would favour old districts and early birth
// dates. The input order of the candidates does not matter.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "planning/money.h"

namespace cakupan {

enum class PlanPolicy : uint8_t {
  kDecile = 0,          // lowest welfare decile first
  kVulnerable = 1,      // vulnerable workers (rentan) and vulnerable occupations first
  kLowestCoverage = 2,  // the village with the lowest coverage at each choice first (levelling up)
  kEqualShare = 3,      // the budget in equal parts per unit (row region), leftovers redistributed
  kMaxGain = 4,         // the largest rise of the mean unit coverage: smallest denominators first
};
inline constexpr int kPlanPolicyCount = 5;
const char* PlanPolicyCode(PlanPolicy p);     // "decile", "vulnerable", "lowest-coverage", "equal-share", "max-gain"
const char* PlanPolicyLabelId(PlanPolicy p);  // "Desil kesejahteraan terendah dahulu", ...
const char* PlanPolicyLabelEn(PlanPolicy p);
// The codes above, case-insensitive with '_' for '-', and Indonesian
// aliases ("desil", "rentan", "cakupan-terendah", "sama-rata", "kenaikan-terbesar").
std::optional<PlanPolicy> ParsePlanPolicy(std::string_view text);

// The final tie-break: SplitMix64's finaliser of the worker key (base/rng.h),
// a bijection of 64-bit integers, so two workers never tie.
uint64_t PlanTieBreak(uint64_t worker_key);

// Occupations counted as vulnerable (pekerjaan rentan) by the vulnerable
// policy: the registry's occupation text, lower-cased, contains one of
// VulnerableOccupationWords() ("petani", "nelayan", "buruh harian", ...).
bool IsVulnerableOccupation(std::string_view occupation);
const std::vector<const char*>& VulnerableOccupationWords();

// One candidate. `village` and `unit` index AllocationInput::villages and
// ::units.
struct PlanCandidate {
  uint64_t key = 0;           // the worker key (NIK); the tie-break hashes it
  int32_t village = 0;        // the worker's village (its nearest listed region)
  int32_t unit = -1;          // the row region it belongs to; -1 = none
  uint8_t decile = 0;         // welfare decile 1..10; 0 = unknown
  uint8_t vulnerability = 0;  // domain/enums.h Vulnerability
  bool vulnerable_occupation = false;
};

// A village's registry figures before the plan (the lowest-coverage policy):
// registry workers with an active membership, and registry workers.
struct PlanVillage {
  int64_t active = 0;
  int64_t registry = 0;
};

// A row region before the plan (equal-share, max-gain): active participants
// and the denominator on the report's basis (0 = unknown).
struct PlanUnit {
  int64_t active = 0;
  int64_t denominator = 0;
};

struct AllocationInput {
  PlanPolicy policy = PlanPolicy::kDecile;
  Rupiah budget = 0;           // >= 0
  Rupiah cost_per_worker = 0;  // > 0
  std::vector<PlanCandidate> candidates;
  std::vector<PlanVillage> villages;  // every candidate's village must be an index here
  std::vector<PlanUnit> units;        // in code order (equal-share distributes in this order)
};

// One enrolled candidate and what decided it.
struct PlanPick {
  uint32_t candidate = 0;  // index into AllocationInput::candidates
  // kLowestCoverage: the village's active registry workers (counting the
  // earlier picks) and registry workers when this one was chosen.
  // kMaxGain: the unit's active participants (counting earlier picks) and
  // its denominator; the gain was 1 / denominator of the unit's coverage.
  // Zero otherwise.
  int64_t active_then = 0;
  int64_t denominator = 0;
  // kEqualShare: 1 = the unit's equal share, 2.. = a redistribution of
  // leftovers in equal shares, 0 = the final leftover (one worker each for the
  // units whose next candidate is the neediest). Zero otherwise.
  int32_t round = 0;
};

struct AllocationResult {
  std::vector<PlanPick> picks;  // enrolled, in rank order (rank = index + 1)
  Rupiah cost = 0;              // picks.size() x cost_per_worker
  Rupiah remaining = 0;         // budget - cost
  std::vector<int64_t> enrolled_by_unit;   // per unit
  std::vector<int64_t> candidates_by_unit; // per unit
  // kEqualShare: rupiah allotted to each unit over all rounds (its equal
  // shares, before the final leftover step); empty otherwise.
  std::vector<Rupiah> allotted_by_unit;
  Rupiah first_share = 0;  // kEqualShare: each unit's share in round 1 (budget / units)
  int rounds = 0;          // kEqualShare: equal-share rounds run
};

// Chooses the workers. kInvalidArgument for a negative budget, a cost that
// is not positive, or an index out of range.
//
// decile, vulnerable: candidates sorted by the policy's need order; the
//   first floor(budget / cost) are enrolled.
// lowest-coverage: each village's candidates in need order get the village
//   coverage before them, (active + j) / registry for the j-th (0-based);
//   all candidates sorted by that fraction (exact), then need order — the
//   same as enrolling, one at a time, in whichever village has the lowest
//   coverage at that moment.
// max-gain: the j-th candidate (need order) of a unit with denominator d and
//   active a raises the mean unit coverage by 1 / (units x d) while a + j < d,
//   by nothing after; sorted by d ascending (gains first), then need order.
// equal-share: see the header of allocation.cc and docs/planning.md.
Result<AllocationResult> Allocate(const AllocationInput& input);

// The need order of two candidates under `policy` (true when a comes first):
//   decile (and every policy but vulnerable): decile 1..10 then unknown;
//     rentan, unknown, tidak rentan; vulnerable occupation first; tie-break.
//   vulnerable: rentan, unknown, tidak rentan; vulnerable occupation first;
//     decile; tie-break.
bool NeedsFirst(PlanPolicy policy, const PlanCandidate& a, const PlanCandidate& b);

}  // namespace cakupan
