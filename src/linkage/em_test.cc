#include <gtest/gtest.h>

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

LinkageModel TrueModel() {
  LinkageModel t;
  t.m = {std::vector<double>{0.80, 0.10, 0.04, 0.06}, std::vector<double>{0.60, 0.15, 0.10, 0.07, 0.05, 0.03},
         std::vector<double>{0.75, 0.04, 0.04, 0.08, 0.04, 0.05}, std::vector<double>{0.96, 0.04},
         std::vector<double>{0.50, 0.25, 0.12, 0.08, 0.05}};
  t.u = {std::vector<double>{0.01, 0.02, 0.04, 0.93}, std::vector<double>{0.02, 0.02, 0.05, 0.03, 0.18, 0.70},
         std::vector<double>{0.05, 0.01, 0.01, 0.08, 0.15, 0.70}, std::vector<double>{0.50, 0.50},
         std::vector<double>{0.05, 0.15, 0.25, 0.30, 0.25}};
  t.match_share = 0.2;
  return t;
}

// Pattern counts drawn from a known model; each comparison missing with
// probability 5%, independently of the class.
std::vector<PatternCount> Simulate(const LinkageModel& truth, int pairs, uint64_t seed) {
  Rng rng(seed);
  std::map<int, int64_t> counts;
  for (int k = 0; k < pairs; ++k) {
    const bool match = rng.Chance(truth.match_share);
    ComparisonVector v{};
    for (int c = 0; c < kComparisons; ++c) {
      v[c] = rng.Chance(0.05) ? static_cast<uint8_t>(kLevelCounts[c] - 1)
                              : static_cast<uint8_t>(Draw(rng, match ? truth.m[c] : truth.u[c]));
    }
    ++counts[PatternIndex(v)];
  }
  std::vector<PatternCount> out;
  for (auto [p, n] : counts) out.push_back(PatternCount{PatternLevels(p), n});
  return out;
}

LinkageModel UninformedStart() {
  LevelCounts uniform;
  for (int c = 0; c < kComparisons; ++c) uniform[c].assign(kLevelCounts[c], 1);
  return StartingModel(uniform, 0.1);  // m from priors, u uniform
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
                                        PatternCount{ComparisonVector{3, 5, 5, 1, 4}, 1000}};
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
  LinkageModel share = UninformedStart();
  share.match_share = 1.0;
  EXPECT_EQ(EstimateModel({}, share, LinkageOptions{}).status().code(), StatusCode::kInvalidArgument);
  std::vector<PatternCount> out_of_range = {PatternCount{ComparisonVector{9, 0, 0, 0, 0}, 1}};
  EXPECT_EQ(EstimateModel(out_of_range, UninformedStart(), LinkageOptions{}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(MatchProbabilityTest, FollowsTheLogisticOfTheWeight) {
  EXPECT_DOUBLE_EQ(MatchProbability(0, 0), 0.5);
  EXPECT_NEAR(MatchProbability(3, -1), 0.8, 1e-12);  // 2^2 / (1 + 2^2)
  EXPECT_NEAR(MatchProbability(-2000, 0), 0.0, 1e-300);
  EXPECT_DOUBLE_EQ(MatchProbability(2000, 0), 1.0);
}

}  // namespace
}  // namespace cakupan
