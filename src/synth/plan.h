// The generator's plan, computed before any record is drawn: which regencies
// get how many registry workers (scopes -> regencies by population), how many
// employed persons are missing from the registry, each regency's coverage
// (fixed or solved, see CoverageProfile) and from it how many persons are
// active, lapsed, matched and unmatched. Pure function of its inputs.
#pragma once

#include <cstdint>
#include <vector>

#include "base/status.h"
#include "domain/region_table.h"
#include "domain/tables.h"
#include "synth/generator.h"

namespace cakupan {

struct DatasetPlan {
  std::vector<RegencyPlan> regencies;  // regencies with workers, code order
  std::vector<int32_t> region_index;   // RegionTable index of each
  std::vector<double> formal_share;    // target sektor formal share of each
  int64_t workers = 0;                 // sum of workers
  int64_t persons = 0;                 // workers + unmatched persons (NIKs to issue)
};

// Checks the options (scopes, shares, profile keys and values, period) and
// returns kInvalidArgument naming the first problem.
Status ValidateOptions(const RegionTable& regions, const GenerateOptions& options);

// Distributes workers, solves coverage and splits the active/lapsed counts.
// kInvalidArgument when a scope has no village to place workers in, a profile
// region has no workers, or the profile is infeasible (a solved coverage
// outside (0, 0.95], or fixed values that make a province or national target
// unreachable).
Result<DatasetPlan> PlanDataset(const RegionTable& regions, const std::vector<PopulationRecord>& population,
                                const GenerateOptions& options);

// Independent random streams derived from the seed (Rng::Fork numbers).
inline constexpr uint64_t kStreamWeights = 1;
inline constexpr uint64_t kStreamFormalShare = 2;
inline constexpr uint64_t kStreamRegency = 1ULL << 40;  // + RegionCode::packed()
inline constexpr uint64_t kStreamNoise = 1ULL << 41;    // + RegionCode::packed()

}  // namespace cakupan
