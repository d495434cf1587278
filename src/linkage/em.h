// Private to the linkage module: the starting point of estimation and the
// weights of a fitted model (docs/linkage.md, "Model").
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "linkage/comparisons.h"

namespace cakupan {

inline constexpr double kProbabilityFloor = 1e-6;
// The smallest match share over all pairs (a few matches among 10^14 pairs).
inline constexpr double kMinMatchShare = 1e-15;
// Pairs of prior weight with which a NIK context is pulled towards its parent.
inline constexpr double kNikContextPrior = 100;
// Sampled pairs a NIK context's (date, region) parent needs for its u to be
// taken from the samples alone.
inline constexpr double kTrustedSamplePairs = 1000;

// How many pairs of a sample show each pattern (kPatternCount entries).
using PatternCounts = std::vector<int64_t>;

// m from priors (agreement likely among matches), u from the level shares
// among random pairs (uniform for a comparison never observed), the given
// match share.
LinkageModel StartingModel(const PatternCounts& random_pairs, double match_share);

// The starting model with m measured on anchor pairs among the candidates'
// patterns, where each comparison's m is taken from pairs that another,
// stronger comparison shows to be the same person: for name, birth date, sex
// and region, the pairs with the same NIK; for the NIK, the pairs with the
// same name and birth date in the same district (the same regency when fewer
// than 30 such pairs). A comparison with fewer than 30 anchor pairs keeps the
// prior m.
// nik_u, the NIK's u per context (NikContext), is measured on random pairs
// whose names differ (weak or different: different persons), drawn where
// the context is common: equal birth dates on `same_date_pairs` (pairs of
// records born on the same day), otherwise a shared village or district on
// `same_district_pairs` (pairs of records of the same district), otherwise
// on `random_pairs`. Each context is shrunk by kNikContextPrior pairs towards
// its (date, region) parent, and that towards its sample's overall shares.
// Where the parent has fewer than kTrustedSamplePairs sampled pairs, the
// agreeing NIK levels (exact .. serial differs) take at least their share
// among the candidate pairs whose names differ, when there are at least 30.
LinkageModel AnchoredModel(const std::vector<PatternCount>& candidates, const PatternCounts& random_pairs,
                           const PatternCounts& same_date_pairs, const PatternCounts& same_district_pairs,
                           double match_share);

// u of the NIK level of a pattern: nik_u of its context when the model has
// it, else u[kNik].
inline double NikU(const LinkageModel& model, const ComparisonVector& v) {
  return model.nik_u.empty() ? model.u[0][v[0]] : model.nik_u[NikContext(v)][v[0]];
}

// log2(m/u) summed over the comparisons of each pattern (kPatternCount
// entries); a disagreement level (IsDisagreementLevel) adds at most 0.
std::vector<double> PatternWeights(const LinkageModel& model);

// log2(share / (1 - share)), share kept within [kMinMatchShare, 1 - 1e-6].
double PriorWeight(double share);

// Posterior probability of a match for weight w (prior included).
double MatchProbability(double weight, double prior_weight);

}  // namespace cakupan
