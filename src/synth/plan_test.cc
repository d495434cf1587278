#include "synth/plan.h"

#include <gtest/gtest.h>

#include <map>

#include "synth/synth_testing.h"

namespace cakupan {
namespace {

using synth_testing::RealPopulation;
using synth_testing::RealRegions;
using synth_testing::SmallRegions;

RegionCode C(const char* s) { return RegionCode::Parse(s).value(); }

GenerateOptions Basic(std::vector<GenerateScope> scopes) {
  GenerateOptions o;
  o.scopes = std::move(scopes);
  o.period = Period::FromYearMonth(2024, 11);
  return o;
}

TEST(PlanTest, NestedScopeIsCarvedOutAndTotalsAreExact) {
  GenerateOptions o = Basic({{RegionCode::National(), 100000}, {C("17"), 70000}, {C("17.71"), 9000}});
  auto plan = PlanDataset(RealRegions(), RealPopulation(), o);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  std::map<std::string, int64_t> sum;
  for (const RegencyPlan& r : plan->regencies) {
    const std::string key =
        r.region == C("17.71") ? "kota" : C("17").Contains(r.region) ? "bengkulu" : "rest";
    sum[key] += r.workers;
    EXPECT_EQ(r.employed, r.workers + r.unenumerated);
    EXPECT_EQ(r.active, r.registry_active + r.unmatched_active);
    EXPECT_LE(r.registry_active + r.non_active, r.workers);
    EXPECT_LE(r.unmatched_active + r.unmatched_non_active, r.unenumerated);
  }
  EXPECT_EQ(sum["kota"], 9000);
  EXPECT_EQ(sum["bengkulu"], 70000);
  EXPECT_EQ(sum["rest"], 100000);
  EXPECT_EQ(plan->workers, 179000);
  // 9 Bengkulu kabupaten + 504 other regencies + Kota Bengkulu.
  EXPECT_EQ(plan->regencies.size(), 514u);
}

TEST(PlanTest, WorkersFollowPopulation) {
  GenerateOptions o = Basic({{C("17"), 2127957}});  // one worker per inhabitant
  auto plan = PlanDataset(RealRegions(), RealPopulation(), o);
  ASSERT_TRUE(plan.ok());
  for (const RegencyPlan& r : plan->regencies) {
    if (r.region == C("17.04")) {
      EXPECT_EQ(r.workers, 136533);
    }
    if (r.region == C("17.71")) {
      EXPECT_EQ(r.workers, 400533);
    }
  }
}

TEST(PlanTest, FixedProvinceAndNationalCoverageAreSolved) {
  GenerateOptions o = Basic({{RegionCode::National(), 50000}, {C("17"), 40000}});
  o.profile.fixed = {{C("17.04"), 0.75}, {C("17.07"), 0.17}, {C("32.01"), 0.2}};
  o.profile.province = {{C("17"), 0.37}, {C("11"), 0.3}};
  o.profile.national = 0.39;
  auto plan = PlanDataset(RealRegions(), RealPopulation(), o);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  std::map<int, std::pair<int64_t, int64_t>> province;
  int64_t a = 0, b = 0;
  for (const RegencyPlan& r : plan->regencies) {
    auto it = o.profile.fixed.find(r.region);
    if (it != o.profile.fixed.end()) {
      EXPECT_EQ(r.source, CoverageSource::kFixed);
      EXPECT_LE(std::abs(static_cast<double>(r.active) - it->second * static_cast<double>(r.employed)), 0.5);
    }
    EXPECT_GT(r.coverage, 0);
    EXPECT_LE(r.coverage, 0.95);
    province[r.region.province()].first += r.active;
    province[r.region.province()].second += r.employed;
    a += r.active;
    b += r.employed;
  }
  auto ratio = [](std::pair<int64_t, int64_t> p) { return static_cast<double>(p.first) / p.second; };
  EXPECT_NEAR(ratio(province[17]), 0.37, 0.5 / province[17].second);
  EXPECT_NEAR(ratio(province[11]), 0.30, 0.5 / province[11].second);
  EXPECT_NEAR(static_cast<double>(a) / b, 0.39, 0.5 / b);
}

struct BadProfileCase {
  const char* name;
  void (*setup)(GenerateOptions&);
};

class InfeasibleProfileTest : public ::testing::TestWithParam<BadProfileCase> {};

TEST_P(InfeasibleProfileTest, IsInvalidArgument) {
  GenerateOptions o = Basic({{C("17"), 1000}, {C("18"), 500}});
  GetParam().setup(o);
  auto plan = PlanDataset(SmallRegions(), {}, o);
  ASSERT_FALSE(plan.ok()) << GetParam().name;
  EXPECT_EQ(plan.status().code(), StatusCode::kInvalidArgument) << plan.status().ToString();
}

INSTANTIATE_TEST_SUITE_P(
    Table, InfeasibleProfileTest,
    ::testing::Values(
        // Fixed regencies already above the province target.
        BadProfileCase{"fixed_exceed_province",
                       [](GenerateOptions& o) {
                         o.profile.fixed = {{C("17.04"), 0.9}, {C("17.07"), 0.9}};
                         o.profile.province = {{C("17"), 0.3}};
                       }},
        // The one free regency would need more than 95%.
        BadProfileCase{"solved_above_95",
                       [](GenerateOptions& o) {
                         o.profile.fixed = {{C("17.04"), 0.1}, {C("17.07"), 0.1}};
                         o.profile.province = {{C("17"), 0.8}};
                       }},
        // Every regency fixed and the province value differs.
        BadProfileCase{"all_fixed_mismatch",
                       [](GenerateOptions& o) {
                         o.profile.fixed = {{C("17.04"), 0.5}, {C("17.07"), 0.5}, {C("17.71"), 0.5}};
                         o.profile.province = {{C("17"), 0.4}};
                       }},
        BadProfileCase{"national_unreachable",
                       [](GenerateOptions& o) {
                         o.profile.province = {{C("17"), 0.9}};
                         o.profile.national = 0.05;
                       }},
        BadProfileCase{"fixed_out_of_range", [](GenerateOptions& o) { o.profile.fixed = {{C("17.04"), 0.96}}; }},
        BadProfileCase{"fixed_zero", [](GenerateOptions& o) { o.profile.fixed = {{C("17.04"), 0.0}}; }},
        BadProfileCase{"fixed_not_regency", [](GenerateOptions& o) { o.profile.fixed = {{C("17"), 0.3}}; }},
        BadProfileCase{"default_too_high",
                       [](GenerateOptions& o) {
                         o.profile.default_coverage = 0.9;
                         o.profile.random_spread = 0;
                         o.profile.kota_factor = 1.2;
                       }},
        BadProfileCase{"unknown_scope", [](GenerateOptions& o) { o.scopes.push_back({C("19"), 10}); }},
        BadProfileCase{"zero_workers", [](GenerateOptions& o) { o.scopes[0].workers = 0; }},
        BadProfileCase{"district_scope", [](GenerateOptions& o) { o.scopes.push_back({C("17.04.01"), 10}); }},
        BadProfileCase{"duplicate_scope", [](GenerateOptions& o) { o.scopes.push_back({C("17"), 10}); }},
        BadProfileCase{"no_period", [](GenerateOptions& o) { o.period = Period(); }},
        BadProfileCase{"noise_rate_one", [](GenerateOptions& o) { o.noise.registry.name_typo = 1.0; }},
        BadProfileCase{"noise_rate_negative", [](GenerateOptions& o) { o.noise.extract.name_variant = -0.1; }},
        BadProfileCase{"extract_nik_noise", [](GenerateOptions& o) { o.noise.extract.nik_digit = 0.01; }},
        BadProfileCase{"nik_noise_sum", [](GenerateOptions& o) {
                         o.noise.registry.nik_digit = 0.6;
                         o.noise.registry.nik_missing = 0.5;
                       }},
        BadProfileCase{"province_without_workers",
                       [](GenerateOptions& o) {
                         o.scopes = {{C("17"), 100}};
                         o.profile.province = {{C("18"), 0.3}};
                       }}),
    [](const ::testing::TestParamInfo<BadProfileCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace cakupan
