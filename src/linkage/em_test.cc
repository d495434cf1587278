#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "base/rng.h"
#include "linkage/comparisons.h"
#include "linkage/em.h"
#include "linkage/linkage.h"

namespace cakupan {
namespace {

int Draw(Rng& rng, const std::vector<double>& p) {
  double x = rng.Uniform();
  for (size_t l = 0; l + 1 < p.size(); ++l) {
    if (x < p[l]) return static_cast<int>(l);
    x -= p[l];
  }
  return static_cast<int>(p.size()) - 1;
}

// m and u of every level, the missing level last.
LinkageModel TrueModel() {
  LinkageModel t;
  t.m = {std::vector<double>{0.70, 0.10, 0.04, 0.03, 0.05, 0.08},
         std::vector<double>{0.57, 0.15, 0.10, 0.07, 0.05, 0.03, 0.03},
         std::vector<double>{0.72, 0.04, 0.04, 0.08, 0.04, 0.05, 0.03}, std::vector<double>{0.93, 0.04, 0.03},
         std::vector<double>{0.48, 0.25, 0.12, 0.08, 0.05, 0.02}};
  t.u = {std::vector<double>{0.01, 0.02, 0.03, 0.04, 0.88, 0.02},
         std::vector<double>{0.02, 0.02, 0.05, 0.03, 0.18, 0.67, 0.03},
         std::vector<double>{0.05, 0.01, 0.01, 0.08, 0.15, 0.67, 0.03}, std::vector<double>{0.49, 0.49, 0.02},
         std::vector<double>{0.05, 0.15, 0.25, 0.30, 0.23, 0.02}};
  t.match_share = 0.2;
  return t;
}

// Pattern counts drawn from a known model.
std::vector<PatternCount> Simulate(const LinkageModel& truth, int pairs, uint64_t seed) {
  Rng rng(seed);
  std::map<int, int64_t> counts;
  for (int k = 0; k < pairs; ++k) {
    const bool match = rng.Chance(truth.match_share);
    ComparisonVector v{};
    for (int c = 0; c < kComparisons; ++c) v[c] = static_cast<uint8_t>(Draw(rng, match ? truth.m[c] : truth.u[c]));
    ++counts[PatternIndex(v)];
  }
  std::vector<PatternCount> out;
  for (auto [p, n] : counts) out.push_back(PatternCount{PatternLevels(p), n});
  return out;
}

LinkageModel UninformedStart() {
  return StartingModel(PatternCounts(kPatternCount, 1), 0.1);  // m from priors, u uniform
}

TEST(EstimateModelTest, RecoversKnownParameters) {
  const LinkageModel truth = TrueModel();
  const auto patterns = Simulate(truth, 300000, 7);
  LinkageOptions options;
  options.max_em_iterations = 1000;
  options.em_tolerance = 1e-8;
  auto fitted = EstimateModel(patterns, UninformedStart(), options);
  ASSERT_TRUE(fitted.ok()) << fitted.status().ToString();
  EXPECT_TRUE(fitted->converged);
  EXPECT_GT(fitted->iterations, 1);
  EXPECT_NEAR(fitted->match_share, truth.match_share, 0.02);
  for (int c = 0; c < kComparisons; ++c) {
    for (size_t l = 0; l < truth.m[c].size(); ++l) {
      EXPECT_NEAR(fitted->m[c][l], truth.m[c][l], 0.02) << "m, comparison " << c << " level " << l;
      EXPECT_NEAR(fitted->u[c][l], truth.u[c][l], 0.02) << "u, comparison " << c << " level " << l;
    }
  }
}

TEST(EstimateModelTest, StopsAtTheIterationLimitWithoutConverging) {
  const auto patterns = Simulate(TrueModel(), 20000, 8);
  LinkageOptions options;
  options.max_em_iterations = 2;
  options.em_tolerance = 0;
  auto fitted = EstimateModel(patterns, UninformedStart(), options);
  ASSERT_TRUE(fitted.ok());
  EXPECT_FALSE(fitted->converged);
  EXPECT_EQ(fitted->iterations, 2);
}

TEST(EstimateModelTest, NoPatternsLeavesTheStart) {
  auto fitted = EstimateModel({}, UninformedStart(), LinkageOptions{});
  ASSERT_TRUE(fitted.ok());
  EXPECT_EQ(fitted->iterations, 0);
  EXPECT_FALSE(fitted->converged);
  EXPECT_DOUBLE_EQ(fitted->match_share, 0.1);
}

TEST(EstimateModelTest, FloorsProbabilitiesAboveZero) {
  // Every pair agrees on everything: disagreement levels never occur.
  std::vector<PatternCount> patterns = {PatternCount{ComparisonVector{0, 0, 0, 0, 0}, 1000},
                                        PatternCount{ComparisonVector{4, 5, 5, 1, 4}, 1000}};
  auto fitted = EstimateModel(patterns, UninformedStart(), LinkageOptions{});
  ASSERT_TRUE(fitted.ok());
  for (int c = 0; c < kComparisons; ++c) {
    for (size_t l = 0; l < fitted->m[c].size(); ++l) {
      EXPECT_GE(fitted->m[c][l], kProbabilityFloor * 0.99);
      EXPECT_GE(fitted->u[c][l], kProbabilityFloor * 0.99);
    }
  }
  EXPECT_NEAR(fitted->match_share, 0.5, 0.01);
}

TEST(EstimateModelTest, RejectsMalformedInput) {
  LinkageModel bad = UninformedStart();
  bad.m[0].pop_back();
  EXPECT_EQ(EstimateModel({}, bad, LinkageOptions{}).status().code(), StatusCode::kInvalidArgument);
  LinkageModel bad_context = UninformedStart();
  bad_context.nik_u.assign(kNikContexts - 1, std::vector<double>(LevelCount(Comparison::kNik), 0.1));
  EXPECT_EQ(EstimateModel({}, bad_context, LinkageOptions{}).status().code(), StatusCode::kInvalidArgument);
  EstimateSettings all_pairs_without_u;
  all_pairs_without_u.total_pairs = 1e6;  // needs hold_u
  EXPECT_EQ(EstimateModel({}, UninformedStart(), LinkageOptions{}, all_pairs_without_u).status().code(),
            StatusCode::kInvalidArgument);
  LinkageModel share = UninformedStart();
  share.match_share = 1.0;
  EXPECT_EQ(EstimateModel({}, share, LinkageOptions{}).status().code(), StatusCode::kInvalidArgument);
  std::vector<PatternCount> out_of_range = {PatternCount{ComparisonVector{9, 0, 0, 0, 0}, 1}};
  EXPECT_EQ(EstimateModel(out_of_range, UninformedStart(), LinkageOptions{}).status().code(),
            StatusCode::kInvalidArgument);
}

// As LinkRecords estimates: u known (held), the m of the NIK, the name and
// the birth date held, and only the candidate pairs counted; EM finds the m
// of sex and region and the match share over all pairs. The population:
// 10^9 pairs, 10^-4 of them matches, with the expected count of every
// pattern; the candidates leave out the pairs whose name and birth date both
// disagree (a blocking rule), which hold 0.15% of the matches.
TEST(EstimateModelTest, HoldsUAndCountsTheShareOverAllPairs) {
  const LinkageModel truth = TrueModel();
  const double all_pairs = 1e9, share = 1e-4;
  std::vector<PatternCount> candidates;
  for (int p = 0; p < kPatternCount; ++p) {
    const ComparisonVector v = PatternLevels(p);
    if (v[1] == kNameDifferent && v[2] == kDateDifferent) continue;
    double m = share, u = 1 - share;
    for (int c = 0; c < kComparisons; ++c) {
      m *= truth.m[c][v[c]];
      u *= truth.u[c][v[c]];
    }
    candidates.push_back(PatternCount{v, std::llround(all_pairs * (m + u))});
  }
  LinkageModel start = UninformedStart();
  start.u = truth.u;
  start.match_share = 1e-3;
  EstimateSettings settings;
  settings.hold_u = true;
  for (int c = 0; c < 3; ++c) {
    start.m[c] = truth.m[c];
    settings.hold_m[c] = true;
  }
  settings.total_pairs = all_pairs;
  LinkageOptions options;
  options.max_em_iterations = 2000;
  options.em_tolerance = 1e-10;
  auto fitted = EstimateModel(candidates, start, options, settings);
  ASSERT_TRUE(fitted.ok()) << fitted.status().ToString();
  EXPECT_TRUE(fitted->converged);
  EXPECT_NEAR(fitted->match_share, share, share * 0.01);
  EXPECT_EQ(fitted->u, truth.u);
  for (int c = 0; c < 3; ++c) EXPECT_EQ(fitted->m[c], truth.m[c]);
  for (int c = 3; c < kComparisons; ++c) {
    for (size_t l = 0; l < truth.m[c].size(); ++l) {
      EXPECT_NEAR(fitted->m[c][l], truth.m[c][l], 0.005) << "m, comparison " << c << " level " << l;
    }
  }
  settings.total_pairs = 1000;  // fewer than the pairs counted
  EXPECT_EQ(EstimateModel(candidates, start, options, settings).status().code(), StatusCode::kInvalidArgument);
}

// A NIK context's u replaces u[kNik] in the weights and in EM.
TEST(EstimateModelTest, TheNiksUDependsOnTheContext) {
  LinkageModel model = UninformedStart();
  const int nik_levels = LevelCount(Comparison::kNik);
  model.nik_u.assign(kNikContexts, std::vector<double>(nik_levels, 1.0 / nik_levels));
  const ComparisonVector same_day{kNikSerialDiffers, kNameDifferent, kDateExact, kSexAgree, kRegionSameDistrict};
  const ComparisonVector other_day{kNikSerialDiffers, kNameDifferent, kDateDifferent, kSexAgree, kRegionSameDistrict};
  model.nik_u[NikContext(same_day)] = {1e-6, 0.01, 0.05, 0.60, 0.30, 0.04};
  model.nik_u[NikContext(other_day)] = {1e-6, 1e-6, 1e-6, 1e-6, 0.96, 0.04};
  const std::vector<double> w = PatternWeights(model);
  const double m = model.m[0][kNikSerialDiffers];
  const auto name_date_sex_region = [&](const ComparisonVector& v) {
    double x = 0;
    for (int c = 1; c < kComparisons; ++c) x += std::log2(model.m[c][v[c]] / model.u[c][v[c]]);
    return x;
  };
  EXPECT_NEAR(w[PatternIndex(same_day)], std::log2(m / 0.60) + name_date_sex_region(same_day), 1e-9);
  EXPECT_NEAR(w[PatternIndex(other_day)], std::log2(m / 1e-6) + name_date_sex_region(other_day), 1e-6);
}

TEST(MatchProbabilityTest, FollowsTheLogisticOfTheWeight) {
  EXPECT_DOUBLE_EQ(MatchProbability(0, 0), 0.5);
  EXPECT_NEAR(MatchProbability(3, -1), 0.8, 1e-12);  // 2^2 / (1 + 2^2)
  EXPECT_NEAR(MatchProbability(-2000, 0), 0.0, 1e-300);
  EXPECT_DOUBLE_EQ(MatchProbability(2000, 0), 1.0);
}

}  // namespace
}  // namespace cakupan
