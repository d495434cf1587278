// Private to the linkage module: the starting point of EM and the weights of
// a fitted model (docs/linkage.md, "Model").
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "linkage/comparisons.h"

namespace cakupan {

inline constexpr double kProbabilityFloor = 1e-6;

// Level counts per comparison among random pairs (missing level included, ignored).
using LevelCounts = std::array<std::vector<int64_t>, kComparisons>;

// m from priors (agreement likely among matches), u from the level shares
// among random pairs (uniform for a comparison never observed), the given
// match share.
LinkageModel StartingModel(const LevelCounts& random_pair_levels, double match_share);

// The starting model with m measured on anchor pairs among the candidates'
// patterns, where each comparison's m is taken from pairs that another,
// stronger comparison shows to be the same person: for name, birth date, sex
// and region, the pairs with the same NIK; for the NIK, the pairs with the
// same name and birth date in the same district. A comparison with fewer
// than 30 anchor pairs keeps the prior m.
LinkageModel AnchoredModel(const std::vector<PatternCount>& patterns, const LevelCounts& random_pair_levels,
                           double match_share);

// log2(m/u) summed over the non-missing comparisons of each pattern
// (kPatternCount entries).
std::vector<double> PatternWeights(const LinkageModel& model);

// log2(match_share / (1 - match_share)).
double PriorWeight(const LinkageModel& model);

// Posterior probability of a match for weight w (prior included).
double MatchProbability(double weight, double prior_weight);

}  // namespace cakupan
