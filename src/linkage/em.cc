// Fellegi–Sunter model estimation (docs/linkage.md, "Model"). Under
// conditional independence, a pattern's likelihood among matches is the
// product of m over its comparisons, among non-matches the product of u,
// except that the NIK's u depends on the pair's birth-date, sex and region
// levels (LinkageModel::nik_u).
#include <algorithm>
#include <cmath>
#include <string>

#include "linkage/em.h"

namespace cakupan {
namespace {

// m priors (the missing level last): agreement likely among matches, each
// disagreement level possible.
// NIK: exact, one edit, two edits, serial differs, different, missing.
constexpr double kNikPrior[] = {0.80, 0.05, 0.025, 0.02, 0.05, 0.055};
constexpr double kNamePrior[] = {0.65, 0.12, 0.08, 0.06, 0.05, 0.03, 0.01};
constexpr double kDatePrior[] = {0.78, 0.03, 0.03, 0.07, 0.03, 0.04, 0.02};
constexpr double kSexPrior[] = {0.95, 0.03, 0.02};
constexpr double kRegionPrior[] = {0.50, 0.20, 0.10, 0.08, 0.07, 0.05};

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

constexpr int kNik = static_cast<int>(Comparison::kNik), kName = static_cast<int>(Comparison::kName),
              kDate = static_cast<int>(Comparison::kBirthDate), kSex = static_cast<int>(Comparison::kSex),
              kRegion = static_cast<int>(Comparison::kRegion);

// Level counts of each comparison in pattern counts.
std::array<std::vector<double>, kComparisons> LevelTotals(const PatternCounts& counts) {
  std::array<std::vector<double>, kComparisons> out;
  for (int c = 0; c < kComparisons; ++c) out[c].assign(kLevelCounts[c], 0.0);
  for (int p = 0; p < static_cast<int>(counts.size()) && p < kPatternCount; ++p) {
    if (counts[p] == 0) continue;
    const ComparisonVector v = PatternLevels(p);
    for (int c = 0; c < kComparisons; ++c) out[c][v[c]] += static_cast<double>(counts[p]);
  }
  return out;
}

// (counts + prior_pairs * parent) / (n + prior_pairs): a context's level
// shares pulled towards its parent's when it has few pairs.
std::vector<double> Shrink(const std::vector<double>& counts, const std::vector<double>& parent) {
  double n = 0;
  for (double x : counts) n += x;
  std::vector<double> out(counts.size());
  for (size_t l = 0; l < counts.size(); ++l) {
    out[l] = (counts[l] + kNikContextPrior * parent[l]) / (n + kNikContextPrior);
  }
  return out;
}

}  // namespace

LinkageModel StartingModel(const PatternCounts& random_pairs, double match_share) {
  LinkageModel model;
  const double* priors[kComparisons] = {kNikPrior, kNamePrior, kDatePrior, kSexPrior, kRegionPrior};
  const auto totals = LevelTotals(random_pairs);
  for (int c = 0; c < kComparisons; ++c) {
    model.m[c].assign(priors[c], priors[c] + kLevelCounts[c]);
    model.u[c] = totals[c];
    FloorAndNormalize(model.m[c]);
    FloorAndNormalize(model.u[c]);
  }
  model.match_share = std::clamp(match_share, kMinMatchShare, 1.0 - kProbabilityFloor);
  return model;
}

Result<LinkageModel> EstimateModel(const std::vector<PatternCount>& patterns, const LinkageModel& start,
                                   const LinkageOptions& options, const EstimateSettings& settings) {
  for (int c = 0; c < kComparisons; ++c) {
    const size_t levels = static_cast<size_t>(kLevelCounts[c]);
    if (start.m[c].size() != levels || start.u[c].size() != levels) {
      return Status::InvalidArgument("linkage model: comparison " + std::to_string(c) + " needs " +
                                     std::to_string(levels) + " m and u probabilities");
    }
  }
  const bool nik_in_context = !start.nik_u.empty();
  if (nik_in_context) {
    if (start.nik_u.size() != static_cast<size_t>(kNikContexts)) {
      return Status::InvalidArgument("linkage model: nik_u needs " + std::to_string(kNikContexts) + " contexts");
    }
    for (const std::vector<double>& u : start.nik_u) {
      if (u.size() != static_cast<size_t>(kLevelCounts[kNik])) {
        return Status::InvalidArgument("linkage model: each nik_u context needs " +
                                       std::to_string(kLevelCounts[kNik]) + " probabilities");
      }
    }
  }
  if (!(start.match_share > 0 && start.match_share < 1)) {
    return Status::InvalidArgument("linkage model: the match share must lie strictly between 0 and 1");
  }
  if (settings.total_pairs < 0 || (settings.total_pairs > 0 && !settings.hold_u)) {
    return Status::InvalidArgument("linkage model: total_pairs needs hold_u (the other pairs' patterns are unknown)");
  }
  double total = 0;
  for (const PatternCount& p : patterns) {
    if (p.count < 0) return Status::InvalidArgument("linkage model: a pattern count is negative");
    for (int c = 0; c < kComparisons; ++c) {
      if (p.levels[c] >= kLevelCounts[c]) {
        return Status::InvalidArgument("linkage model: level " + std::to_string(p.levels[c]) +
                                       " out of range for comparison " + std::to_string(c));
      }
    }
    total += static_cast<double>(p.count);
  }
  if (settings.total_pairs > 0 && settings.total_pairs < total) {
    return Status::InvalidArgument("linkage model: total_pairs is less than the pairs counted");
  }

  LinkageModel model = start;
  for (int c = 0; c < kComparisons; ++c) {
    FloorAndNormalize(model.m[c]);
    FloorAndNormalize(model.u[c]);
  }
  for (std::vector<double>& u : model.nik_u) FloorAndNormalize(u);
  const double max_share = 1.0 - kProbabilityFloor;
  const double min_share = settings.total_pairs > 0 ? kMinMatchShare : kProbabilityFloor;
  model.match_share = std::clamp(model.match_share, min_share, max_share);
  model.iterations = 0;
  model.converged = false;
  if (total <= 0) return model;
  const double population = settings.total_pairs > 0 ? settings.total_pairs : total;

  // Each pattern's log likelihood ratio, kept current as m and u move.
  std::vector<double> log_ratio(patterns.size());
  auto compute_ratios = [&] {
    std::array<std::vector<double>, kComparisons> log_m, log_u;
    for (int c = 0; c < kComparisons; ++c) {
      for (size_t l = 0; l < model.m[c].size(); ++l) {
        log_m[c].push_back(std::log(model.m[c][l]));
        log_u[c].push_back(std::log(model.u[c][l]));
      }
    }
    for (size_t k = 0; k < patterns.size(); ++k) {
      const ComparisonVector& v = patterns[k].levels;
      double r = 0;
      for (int c = 0; c < kComparisons; ++c) {
        const int l = v[c];
        const double lu = c == kNik && nik_in_context ? std::log(model.nik_u[NikContext(v)][l]) : log_u[c][l];
        const double x = log_m[c][l] - lu;
        r += IsDisagreementLevel(c, l) ? std::min(x, 0.0) : x;
      }
      log_ratio[k] = r;
    }
  };
  compute_ratios();
  std::array<std::vector<double>, kComparisons> sum_m, sum_u;
  for (int iteration = 1; iteration <= options.max_em_iterations; ++iteration) {
    for (int c = 0; c < kComparisons; ++c) {
      // A pseudo-count per level (a Dirichlet prior): a level never seen
      // among a few thousand pairs is rare, not impossible.
      sum_m[c].assign(model.m[c].size(), kPseudoCount);
      sum_u[c].assign(model.u[c].size(), kPseudoCount);
    }
    const double log_prior = std::log(model.match_share) - std::log1p(-model.match_share);
    double matches = 0;
    // E-step: the posterior probability of a match for each pattern; the
    // M-step's sufficient statistics accumulated alongside.
    for (size_t k = 0; k < patterns.size(); ++k) {
      const PatternCount& p = patterns[k];
      if (p.count == 0) continue;
      const double g = 1.0 / (1.0 + std::exp(-(log_prior + log_ratio[k])));
      const double n = static_cast<double>(p.count);
      matches += n * g;
      for (int c = 0; c < kComparisons; ++c) {
        sum_m[c][p.levels[c]] += n * g;
        sum_u[c][p.levels[c]] += n * (1.0 - g);
      }
    }
    // M-step. The match share moves relative to itself (it may be 1e-9 of
    // all pairs); m and u by absolute amounts.
    const double share = std::clamp(matches / population, min_share, max_share);
    double moved = std::abs(share - model.match_share) / std::max(share, model.match_share);
    model.match_share = share;
    for (int c = 0; c < kComparisons; ++c) {
      const bool hold_m = settings.hold_m[c];
      if (!hold_m) {
        FloorAndNormalize(sum_m[c]);
        for (size_t l = 0; l < sum_m[c].size(); ++l) moved = std::max(moved, std::abs(sum_m[c][l] - model.m[c][l]));
        model.m[c] = sum_m[c];
      }
      if (!settings.hold_u && !(c == kNik && nik_in_context)) {
        FloorAndNormalize(sum_u[c]);
        for (size_t l = 0; l < sum_u[c].size(); ++l) moved = std::max(moved, std::abs(sum_u[c][l] - model.u[c][l]));
        model.u[c] = sum_u[c];
      }
    }
    compute_ratios();
    model.iterations = iteration;
    if (moved <= options.em_tolerance) {
      model.converged = true;
      break;
    }
  }
  return model;
}

LinkageModel AnchoredModel(const std::vector<PatternCount>& patterns, const PatternCounts& random_pairs,
                           const PatternCounts& same_date_pairs, const PatternCounts& same_district_pairs,
                           double match_share) {
  LinkageModel model = StartingModel(random_pairs, match_share);

  // m: anchor pairs that another, stronger comparison shows to be the same
  // person. Same NIK: every other comparison. Same name and birth date in the
  // same district (or, with fewer than kMinAnchorPairs such pairs, the same
  // regency): the NIK.
  std::array<std::vector<double>, kComparisons> anchor;
  std::array<double, kComparisons> anchored{};
  for (int c = 0; c < kComparisons; ++c) anchor[c].assign(kLevelCounts[c], kPseudoCount);
  std::vector<double> nik_district(kLevelCounts[kNik], kPseudoCount), nik_regency(kLevelCounts[kNik], kPseudoCount);
  double district_pairs = 0, regency_pairs = 0;
  for (const PatternCount& p : patterns) {
    const auto& v = p.levels;
    const double n = static_cast<double>(p.count);
    if (v[kNik] == kNikExact) {
      for (int c = 0; c < kComparisons; ++c) {
        if (c == kNik) continue;
        anchor[c][v[c]] += n;
        anchored[c] += n;
      }
    }
    if (v[kName] == kNameExact && v[kDate] == kDateExact && v[kRegion] <= kRegionSameRegency) {
      nik_regency[v[kNik]] += n;
      regency_pairs += n;
      if (v[kRegion] <= kRegionSameDistrict) {
        nik_district[v[kNik]] += n;
        district_pairs += n;
      }
    }
  }
  if (district_pairs >= kMinAnchorPairs) {
    anchor[kNik] = nik_district;
    anchored[kNik] = district_pairs;
  } else {
    anchor[kNik] = nik_regency;
    anchored[kNik] = regency_pairs;
  }
  for (int c = 0; c < kComparisons; ++c) {
    if (anchored[c] < kMinAnchorPairs) continue;  // too few: keep the prior
    model.m[c] = anchor[c];
    FloorAndNormalize(model.m[c]);
  }

  // u of the NIK per context (docs/linkage.md, "Model"), measured on random
  // pairs drawn where the context is common: equal birth dates on
  // `same_date_pairs`, otherwise the same village or district on
  // `same_district_pairs`, otherwise `random_pairs`. Only pairs whose names
  // differ (weak or different) are counted: they are different persons,
  // and among different persons the name says nothing about the NIK. Each
  // context is shrunk towards its (date, region) parent, and that towards
  // its sample's overall shares. Where the parent has fewer than
  // kTrustedSamplePairs such pairs, the NIK's agreeing levels take at least
  // their share among the candidate pairs whose names differ in the same
  // context (an upper bound, since blocking favours close NIKs), when the
  // parent holds at least kMinAnchorPairs of those.
  const int nik_levels = kLevelCounts[kNik];
  const int dates = kLevelCounts[kDate], sexes = kLevelCounts[kSex], regions = kLevelCounts[kRegion];
  enum Source { kRandom, kSameDate, kSameDistrict, kSources };
  auto source_of = [](int date, int region) {
    if (date == kDateExact) return kSameDate;
    if (region == kRegionSameVillage || region == kRegionSameDistrict) return kSameDistrict;
    return kRandom;
  };
  auto names_differ = [](const ComparisonVector& v) { return v[kName] == kNameWeak || v[kName] == kNameDifferent; };
  const PatternCounts* samples[kSources] = {&random_pairs, &same_date_pairs, &same_district_pairs};
  using Table = std::vector<std::vector<double>>;
  Table sampled(kNikContexts, std::vector<double>(nik_levels, 0.0));
  Table overall(kSources, std::vector<double>(nik_levels, kPseudoCount));
  for (int source = 0; source < kSources; ++source) {
    const PatternCounts& sample = *samples[source];
    for (int p = 0; p < static_cast<int>(sample.size()) && p < kPatternCount; ++p) {
      if (sample[p] == 0) continue;
      const ComparisonVector v = PatternLevels(p);
      if (!names_differ(v)) continue;
      const double n = static_cast<double>(sample[p]);
      overall[source][v[kNik]] += n;
      if (source_of(v[kDate], v[kRegion]) == source) sampled[NikContext(v)][v[kNik]] += n;
    }
    FloorAndNormalize(overall[source]);
  }
  Table differing(kNikContexts, std::vector<double>(nik_levels, 0.0));
  for (const PatternCount& p : patterns) {
    if (names_differ(p.levels)) differing[NikContext(p.levels)][p.levels[kNik]] += static_cast<double>(p.count);
  }
  // The (date, region) parent's counts of a table, and their sum.
  auto parent_counts = [&](const Table& t, int d, int r, double* pairs) {
    std::vector<double> out(nik_levels, 0.0);
    *pairs = 0;
    for (int sx = 0; sx < sexes; ++sx) {
      for (int l = 0; l < nik_levels; ++l) {
        out[l] += t[NikContextOf(d, sx, r)][l];
        *pairs += t[NikContextOf(d, sx, r)][l];
      }
    }
    return out;
  };
  model.nik_u.assign(kNikContexts, std::vector<double>());
  for (int d = 0; d < dates; ++d) {
    for (int r = 0; r < regions; ++r) {
      double sampled_pairs = 0, differing_pairs = 0;
      const std::vector<double> sampled_parent = parent_counts(sampled, d, r, &sampled_pairs);
      const std::vector<double> sampled_u = Shrink(sampled_parent, overall[source_of(d, r)]);
      std::vector<double> differing_u = parent_counts(differing, d, r, &differing_pairs);
      const bool bounded = sampled_pairs < kTrustedSamplePairs && differing_pairs >= kMinAnchorPairs;
      if (bounded) {
        for (double& x : differing_u) x /= differing_pairs;
      }
      for (int sx = 0; sx < sexes; ++sx) {
        std::vector<double>& u = model.nik_u[NikContextOf(d, sx, r)];
        u = Shrink(sampled[NikContextOf(d, sx, r)], sampled_u);
        if (bounded) {
          const std::vector<double> bound = Shrink(differing[NikContextOf(d, sx, r)], differing_u);
          double agreeing = 0;
          for (int l = kNikExact; l < kNikDifferent; ++l) {
            u[l] = std::max(u[l], bound[l]);
            agreeing += u[l];
          }
          agreeing = std::min(agreeing, 1 - kProbabilityFloor);
          // The other levels share what is left in their proportions.
          const double rest = u[kNikDifferent] + u[kNikMissing];
          for (int l = kNikDifferent; l <= kNikMissing; ++l) u[l] = rest > 0 ? u[l] / rest * (1 - agreeing) : 0;
        }
        FloorAndNormalize(u);
      }
    }
  }
  return model;
}

std::vector<double> PatternWeights(const LinkageModel& model) {
  std::vector<double> weights(kPatternCount, 0.0);
  for (int p = 0; p < kPatternCount; ++p) {
    const ComparisonVector v = PatternLevels(p);
    double w = 0;
    for (int c = 0; c < kComparisons; ++c) {
      const double x = std::log2(model.m[c][v[c]] / (c == kNik ? NikU(model, v) : model.u[c][v[c]]));
      w += IsDisagreementLevel(c, v[c]) ? std::min(x, 0.0) : x;
    }
    weights[p] = w;
  }
  return weights;
}

double PriorWeight(double share) {
  share = std::clamp(share, kMinMatchShare, 1.0 - kProbabilityFloor);
  return std::log2(share / (1.0 - share));
}

double MatchProbability(double weight, double prior_weight) {
  return 1.0 / (1.0 + std::exp2(-(weight + prior_weight)));
}

}  // namespace cakupan
