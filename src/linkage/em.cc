// Fellegi–Sunter model estimation by EM on pattern counts (docs/linkage.md,
// "Model"). Under conditional independence, a pattern's likelihood among
// matches is the product of m over its non-missing comparisons, among
// non-matches the product of u.
#include <algorithm>
#include <cmath>
#include <string>

#include "linkage/em.h"

namespace cakupan {
namespace {

// m priors: agreement likely among matches, each disagreement level possible.
constexpr double kNikPrior[] = {0.85, 0.07, 0.03, 0.05};
constexpr double kNamePrior[] = {0.65, 0.12, 0.08, 0.06, 0.05, 0.04};
constexpr double kDatePrior[] = {0.80, 0.03, 0.03, 0.07, 0.03, 0.04};
constexpr double kSexPrior[] = {0.97, 0.03};
constexpr double kRegionPrior[] = {0.55, 0.20, 0.10, 0.08, 0.07};

// Floors every value at kProbabilityFloor and rescales to sum 1.
void FloorAndNormalize(std::vector<double>& p) {
  double sum = 0;
  for (double x : p) sum += x;
  if (!(sum > 0)) {
    std::fill(p.begin(), p.end(), 1.0 / static_cast<double>(p.size()));
    return;
  }
  for (double& x : p) x = std::max(x / sum, kProbabilityFloor);
  sum = 0;
  for (double x : p) sum += x;
  for (double& x : p) x /= sum;
}

constexpr double kPseudoCount = 1.0;
constexpr double kMinAnchorPairs = 30;

double ClampShare(double share) { return std::clamp(share, kProbabilityFloor, 1.0 - kProbabilityFloor); }

}  // namespace

LinkageModel StartingModel(const LevelCounts& random_pair_levels, double match_share) {
  LinkageModel model;
  const double* priors[kComparisons] = {kNikPrior, kNamePrior, kDatePrior, kSexPrior, kRegionPrior};
  for (int c = 0; c < kComparisons; ++c) {
    const int levels = kLevelCounts[c] - 1;
    model.m[c].assign(priors[c], priors[c] + levels);
    model.u[c].assign(levels, 0.0);
    for (int l = 0; l < levels && l < static_cast<int>(random_pair_levels[c].size()); ++l) {
      model.u[c][l] = static_cast<double>(random_pair_levels[c][l]);
    }
    FloorAndNormalize(model.m[c]);
    FloorAndNormalize(model.u[c]);
  }
  model.match_share = ClampShare(match_share);
  return model;
}

Result<LinkageModel> EstimateModel(const std::vector<PatternCount>& patterns, const LinkageModel& start,
                                   const LinkageOptions& options, bool hold_m_fixed) {
  for (int c = 0; c < kComparisons; ++c) {
    const size_t levels = static_cast<size_t>(kLevelCounts[c] - 1);
    if (start.m[c].size() != levels || start.u[c].size() != levels) {
      return Status::InvalidArgument("linkage model: comparison " + std::to_string(c) + " needs " +
                                     std::to_string(levels) + " m and u probabilities");
    }
  }
  if (!(start.match_share > 0 && start.match_share < 1)) {
    return Status::InvalidArgument("linkage model: the match share must lie strictly between 0 and 1");
  }
  for (const PatternCount& p : patterns) {
    if (p.count < 0) return Status::InvalidArgument("linkage model: a pattern count is negative");
    for (int c = 0; c < kComparisons; ++c) {
      if (p.levels[c] >= kLevelCounts[c]) {
        return Status::InvalidArgument("linkage model: level " + std::to_string(p.levels[c]) +
                                       " out of range for comparison " + std::to_string(c));
      }
    }
  }

  LinkageModel model = start;
  for (int c = 0; c < kComparisons; ++c) {
    FloorAndNormalize(model.m[c]);
    FloorAndNormalize(model.u[c]);
  }
  model.iterations = 0;
  model.converged = false;
  double total = 0;
  for (const PatternCount& p : patterns) total += static_cast<double>(p.count);
  if (total <= 0) return model;

  std::array<std::vector<double>, kComparisons> log_m, log_u, sum_m, sum_u;
  for (int iteration = 1; iteration <= options.max_em_iterations; ++iteration) {
    for (int c = 0; c < kComparisons; ++c) {
      log_m[c].resize(model.m[c].size());
      log_u[c].resize(model.u[c].size());
      for (size_t l = 0; l < model.m[c].size(); ++l) {
        log_m[c][l] = std::log(model.m[c][l]);
        log_u[c][l] = std::log(model.u[c][l]);
      }
      // A pseudo-count per level (a Dirichlet prior): a level never seen
      // among a few thousand pairs is rare, not impossible.
      sum_m[c].assign(model.m[c].size(), kPseudoCount);
      sum_u[c].assign(model.u[c].size(), kPseudoCount);
    }
    const double log_prior = std::log(model.match_share) - std::log1p(-model.match_share);
    double matches = 0;
    // E-step: the posterior probability of a match for each pattern; the
    // M-step's sufficient statistics accumulated alongside.
    for (const PatternCount& p : patterns) {
      if (p.count == 0) continue;
      double log_odds = log_prior;
      for (int c = 0; c < kComparisons; ++c) {
        const int l = p.levels[c];
        if (IsMissingLevel(c, l)) continue;
        log_odds += log_m[c][l] - log_u[c][l];
      }
      const double g = 1.0 / (1.0 + std::exp(-log_odds));
      const double n = static_cast<double>(p.count);
      matches += n * g;
      for (int c = 0; c < kComparisons; ++c) {
        const int l = p.levels[c];
        if (IsMissingLevel(c, l)) continue;
        sum_m[c][l] += n * g;
        sum_u[c][l] += n * (1.0 - g);
      }
    }
    // M-step.
    double moved = 0;
    const double share = ClampShare(matches / total);
    moved = std::max(moved, std::abs(share - model.match_share));
    model.match_share = share;
    for (int c = 0; c < kComparisons; ++c) {
      double total_m = 0, total_u = 0;
      for (double x : sum_m[c]) total_m += x;
      for (double x : sum_u[c]) total_u += x;
      if (total_m > 0 && !hold_m_fixed) {
        FloorAndNormalize(sum_m[c]);
        for (size_t l = 0; l < sum_m[c].size(); ++l) moved = std::max(moved, std::abs(sum_m[c][l] - model.m[c][l]));
        model.m[c] = sum_m[c];
      }
      if (total_u > 0) {
        FloorAndNormalize(sum_u[c]);
        for (size_t l = 0; l < sum_u[c].size(); ++l) moved = std::max(moved, std::abs(sum_u[c][l] - model.u[c][l]));
        model.u[c] = sum_u[c];
      }
    }
    model.iterations = iteration;
    if (moved <= options.em_tolerance) {
      model.converged = true;
      break;
    }
  }
  return model;
}

LinkageModel AnchoredModel(const std::vector<PatternCount>& patterns, const LevelCounts& random_pair_levels,
                           double match_share) {
  LinkageModel model = StartingModel(random_pair_levels, match_share);
  const int nik = static_cast<int>(Comparison::kNik), name = static_cast<int>(Comparison::kName),
            date = static_cast<int>(Comparison::kBirthDate), region = static_cast<int>(Comparison::kRegion);
  std::array<std::vector<double>, kComparisons> anchor;
  std::array<double, kComparisons> anchored{};
  for (int c = 0; c < kComparisons; ++c) anchor[c].assign(kLevelCounts[c] - 1, kPseudoCount);
  for (const PatternCount& p : patterns) {
    const auto& v = p.levels;
    const double n = static_cast<double>(p.count);
    // Same NIK: the same person, for every other comparison.
    if (v[nik] == kNikExact) {
      for (int c = 0; c < kComparisons; ++c) {
        if (c == nik || IsMissingLevel(c, v[c])) continue;
        anchor[c][v[c]] += n;
        anchored[c] += n;
      }
    }
    // Same name, birth date and district: the same person, for the NIK.
    if (v[name] == kNameExact && v[date] == kDateExact &&
        (v[region] == kRegionSameVillage || v[region] == kRegionSameDistrict) && !IsMissingLevel(nik, v[nik])) {
      anchor[nik][v[nik]] += n;
      anchored[nik] += n;
    }
  }
  for (int c = 0; c < kComparisons; ++c) {
    if (anchored[c] < kMinAnchorPairs) continue;  // too few: keep the prior
    model.m[c] = anchor[c];
    FloorAndNormalize(model.m[c]);
  }
  return model;
}

std::vector<double> PatternWeights(const LinkageModel& model) {
  std::vector<double> weights(kPatternCount, 0.0);
  for (int p = 0; p < kPatternCount; ++p) {
    const ComparisonVector v = PatternLevels(p);
    double w = 0;
    for (int c = 0; c < kComparisons; ++c) {
      if (IsMissingLevel(c, v[c])) continue;
      w += std::log2(model.m[c][v[c]] / model.u[c][v[c]]);
    }
    weights[p] = w;
  }
  return weights;
}

double PriorWeight(const LinkageModel& model) {
  const double share = ClampShare(model.match_share);
  return std::log2(share / (1.0 - share));
}

double MatchProbability(double weight, double prior_weight) {
  return 1.0 / (1.0 + std::exp2(-(weight + prior_weight)));
}

}  // namespace cakupan
