// PlanningService with the shipped rates and a coverage source that returns
// fixed figures: parameters as text, the default package and income, the
// national reference as an exact ratio, and errors naming the parameter.
#include "services/planning_service.h"

#include <gtest/gtest.h>

#include "services/rate_service.h"

namespace cakupan {
namespace {

CoverageRow Row(const char* code, const char* name, RegionLevel level, int64_t denominator, int64_t active,
                std::optional<double> target = std::nullopt) {
  CoverageRow r;
  r.code = *RegionCode::Parse(code);
  r.name = name;
  r.level = level;
  r.denominator = denominator;
  r.active = active;
  r.coverage = static_cast<double>(active) / static_cast<double>(denominator);
  r.target = target;
  return r;
}

class PlanningServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SetLanguage(Lang::kEn);
    auto table = ReadRateFile(ShippedRatesPath(std::string(CAKUPAN_SOURCE_DIR) + "/data"));
    ASSERT_TRUE(table.ok()) << table.status().ToString();
    rates_ = std::move(table).value();
  }
  void TearDown() override { SetLanguage(Lang::kId); }

  // Indonesia: 39 of 100 active (test figures); province 17: 37 of 100, with
  // two regencies.
  Result<CoverageReport> Source(const CoverageQuery& q) {
    ++calls_;
    CoverageReport rep;
    rep.period = Period::FromYearMonth(2024, 11);
    rep.national_reference = with_national_ ? std::optional<double>(0.39) : std::nullopt;
    if (!with_national_) rep.national_reference_note = "national reference unavailable";
    if (q.region == "0") {
      rep.level = RegionLevel::kProvince;
      rep.region = Row("0", "Indonesia", RegionLevel::kNational, 1000000, 390000);
      return rep;
    }
    if (q.region != "17") return Status::NotFound("unknown region: " + q.region);
    rep.level = RegionLevel::kRegency;
    rep.region = Row("17", "Bengkulu", RegionLevel::kProvince, 100000, 37000, 0.40);
    rep.rows = {Row("17.04", "Kaur", RegionLevel::kRegency, 40000, 30000, 0.78),
                Row("17.07", "Lebong", RegionLevel::kRegency, 60000, 7000)};
    return rep;
  }
  PlanningService::CoverageSource source() {
    return [this](const CoverageQuery& q) { return Source(q); };
  }

  RateTable rates_;
  bool with_national_ = true;
  int calls_ = 0;
};

TEST_F(PlanningServiceTest, CostDefaultsToTheBpuMinimumPackageAtTheLowestIncome) {
  PlanningService planning(rates_, DateFromCivil(2026, 11, 21));
  CostParams p;
  p.months = "12";
  auto res = planning.Cost(p);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->request.package, "bpu-minimum");
  EXPECT_EQ(res->request.monthly_base, 1000000);
  EXPECT_EQ(res->request.start, DateFromCivil(2026, 11, 21));
  EXPECT_EQ(res->total.total(), 201600);
}

TEST_F(PlanningServiceTest, CostParamsAreCheckedWithTheirNames) {
  PlanningService planning(rates_, DateFromCivil(2026, 11, 21));
  using F = std::string CostParams::*;
  struct Case {
    std::vector<std::pair<F, const char*>> set;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {{{&CostParams::segment, "XYZ"}}, "segment: 'XYZ'"},
      {{{&CostParams::package, "gold"}}, "unknown package 'gold'"},
      {{{&CostParams::segment, "PU"}, {&CostParams::package, "bpu-minimum"}}, "package bpu-minimum is for BPU, not PU"},
      {{{&CostParams::income, "satu juta"}}, "income: 'satu juta'"},
      {{{&CostParams::income, "1000000"}, {&CostParams::wage, "1000000"}}, "income or wage, not both"},
      {{{&CostParams::segment, "PU"}, {&CostParams::wage, "5000000"}, {&CostParams::risk_class, "7"}}, "risk-class: '7'"},
      {{{&CostParams::months, "0"}}, "months: must be from 1 to 120"},
      {{{&CostParams::months, "1000"}}, "months: must be from 1 to 120"},
      {{{&CostParams::workers, "-3"}}, "workers: '-3'"},
      {{{&CostParams::date, "kemarin"}}, "date: 'kemarin'"},
      {{{&CostParams::income, "100000000000"}}, "income/wage: more than"},
      {{{&CostParams::programmes, "JKK+ABC"}}, "programmes: 'JKK+ABC'"},
  };
  for (const Case& c : cases) {
    CostParams params;
    for (const auto& [field, value] : c.set) params.*field = value;
    auto res = planning.Cost(params);
    ASSERT_FALSE(res.ok()) << c.expected;
    EXPECT_NE(res.status().message().find(c.expected), std::string::npos) << res.status().message();
  }
}

TEST_F(PlanningServiceTest, GapsAgainstAFixedTarget) {
  PlanningService planning(rates_, DateFromCivil(2026, 11, 21));
  GapParams p;
  p.region = "17";
  p.target = "39%";
  auto rep = planning.Gaps(p, source());
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  // Bengkulu: 39% of 100.000 = 39.000, 2.000 more; 2.000 x 201.600.
  EXPECT_EQ(*rep->region.needed, 2000);
  EXPECT_EQ(*rep->region.yearly_cost, 403200000);
  EXPECT_EQ(*rep->rows[0].needed, 0);       // Kaur 75% >= 39%
  EXPECT_EQ(*rep->rows[1].needed, 16400);   // Lebong: 23.400 - 7.000
  EXPECT_EQ(rep->rows_cost, int64_t{16400} * 201600);
  EXPECT_EQ(rep->worker_year.per_worker.total(), 201600);
  EXPECT_EQ(rep->basis, "labour-force");
}

TEST_F(PlanningServiceTest, GapsAgainstEachRegionsOwnTarget) {
  PlanningService planning(rates_, DateFromCivil(2026, 11, 21));
  GapParams p;
  p.region = "17";
  auto rep = planning.Gaps(p, source());
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_EQ(*rep->region.needed, 3000);  // 40.000 - 37.000
  EXPECT_EQ(*rep->rows[0].needed, 1200);  // Kaur 78% of 40.000 = 31.200
  EXPECT_FALSE(rep->rows[1].needed.has_value());  // Lebong has no target
  EXPECT_EQ(rep->rows_without_target, 1);
}

TEST_F(PlanningServiceTest, GapsAgainstTheNationalReferenceUseItsExactRatio) {
  PlanningService planning(rates_, DateFromCivil(2026, 11, 21));
  GapParams p;
  p.region = "17";
  p.target = "national";
  auto rep = planning.Gaps(p, source());
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_EQ(rep->target.ratio, (CoverageRatio{390000, 1000000}));
  EXPECT_EQ(*rep->region.needed, 2000);
  EXPECT_EQ(calls_, 2);  // the region, then the nation for the ratio
  with_national_ = false;
  auto none = planning.Gaps(p, source());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(none.status().reason(), "no_data");
}

TEST_F(PlanningServiceTest, GapsPriceOtherPackagesAndRefuseContracts) {
  PlanningService planning(rates_, DateFromCivil(2026, 11, 21));
  GapParams p;
  p.region = "17";
  p.target = "39";
  p.worker.package = "bpu-jht";
  auto rep = planning.Gaps(p, source());
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_EQ(rep->worker_year.per_worker.total(), 441600);  // 36.800 x 12
  EXPECT_EQ(*rep->region.yearly_cost, int64_t{2000} * 441600);
  p.worker.package = "jakon";
  EXPECT_FALSE(planning.Gaps(p, source()).ok());
  p.worker.package = "";
  p.worker.months = "6";
  EXPECT_FALSE(planning.Gaps(p, source()).ok());
  p.worker.months = "";
  p.region = "99";
  auto unknown = planning.Gaps(p, source());
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  p.region = "17";
  p.target = "abc";
  EXPECT_NE(planning.Gaps(p, source()).status().message().find("target: 'abc'"), std::string::npos);
}

}  // namespace
}  // namespace cakupan
