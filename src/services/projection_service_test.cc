// ProjectionService with a coverage source that returns fixed figures per
// period: the series per row, stale periods left out, --periods, the
// national reference as an exact ratio, the default `by`, and errors naming
// the parameter.
#include "services/projection_service.h"

#include <gtest/gtest.h>

#include "base/i18n.h"

namespace cakupan {
namespace {

Period M(int year, int month) { return Period::FromYearMonth(year, month); }

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

class ProjectionServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { SetLanguage(Lang::kEn); }
  void TearDown() override { SetLanguage(Lang::kId); }

  // Periods September, October, November 2024 (August stale when
  // `stale_august_`). Province 17: 1.000 employed, +10 active a month from
  // 300; Kaur +5 from 200 of 400 (target 60%), Lebong flat at 50 of 600 (no
  // own target). Indonesia: 1 of 3 active in November.
  Result<CoverageReport> Source(const CoverageQuery& q) {
    ++calls_;
    if (!q.period) return Status::InvalidArgument("the projection always names the period");
    const Period p = *q.period;
    if (p == M(2024, 8)) {
      return Status::FailedPrecondition("the data changed since period 2024-08 was reconciled").WithReason("stale");
    }
    const int k = p.index() - M(2024, 9).index();
    if (k < 0 || k > 2) return Status::NotFound("no data for period " + p.ToString());
    CoverageReport rep;
    rep.period = p;
    rep.basis = q.basis;
    rep.national_reference = with_national_ ? std::optional<double>(1.0 / 3.0) : std::nullopt;
    if (!with_national_) rep.national_reference_note = "the data covers 1 of 38 provinces";
    if (q.region == "0") {
      rep.level = RegionLevel::kProvince;
      rep.region = Row("0", "Indonesia", RegionLevel::kNational, 3000, 1000);
      return rep;
    }
    if (q.region != "17") return Status::NotFound("unknown region: " + q.region);
    rep.level = RegionLevel::kRegency;
    rep.region = Row("17", "Bengkulu", RegionLevel::kProvince, 1000, 300 + 10 * k, 0.40);
    rep.rows = {Row("17.04", "Kaur", RegionLevel::kRegency, 400, 200 + 5 * k, 0.60),
                Row("17.07", "Lebong", RegionLevel::kRegency, 600, 50)};
    return rep;
  }
  ProjectionService::CoverageSource source() {
    return [this](const CoverageQuery& q) { return Source(q); };
  }
  ProjectionService::PeriodSource periods() {
    return [this]() -> Result<std::vector<Period>> {
      std::vector<Period> out = {M(2024, 11), M(2024, 9), M(2024, 10)};  // any order
      if (stale_august_) out.push_back(M(2024, 8));
      return out;
    };
  }

  bool with_national_ = true;
  bool stale_august_ = false;
  int calls_ = 0;
};

TEST_F(ProjectionServiceTest, ProjectsEachRowFromItsSeries) {
  ProjectionService service(DateFromCivil(2024, 11, 21));
  ProjectionParams p;
  p.region = "17";
  auto rep = service.Project(p, periods(), source());
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_EQ(rep->basis, "labour-force");
  EXPECT_EQ(rep->level, RegionLevel::kRegency);
  ASSERT_EQ(rep->periods.size(), 3u);
  EXPECT_EQ(rep->periods.front(), M(2024, 9));
  EXPECT_EQ(rep->latest(), M(2024, 11));
  // Default by: December 2024 (today's year), 1 month after November.
  EXPECT_EQ(rep->by, M(2024, 12));
  EXPECT_EQ(rep->months_to_by, 1);
  // Bengkulu: 320 of 1.000, target 40% -> 80 needed; +10 a month -> 8 months
  // -> July 2025.
  EXPECT_EQ(rep->region.active, 320);
  EXPECT_EQ(*rep->region.needed, 80);
  EXPECT_EQ(*rep->region.pace, (Pace{10, 1}));
  EXPECT_EQ(*rep->region.reached_in, M(2025, 7));
  EXPECT_EQ(*rep->region.needed_per_month, 80);
  ASSERT_EQ(rep->rows.size(), 2u);
  // Kaur: 210 of 400, 60% = 240 -> 30 needed at +5 -> 6 months -> May 2025.
  const ProjectionRow& kaur = rep->rows[0];
  EXPECT_EQ(kaur.name, "Kaur");
  ASSERT_EQ(kaur.series.size(), 3u);
  EXPECT_EQ(kaur.series[0].active, 200);
  EXPECT_EQ(kaur.series[2].active, 210);
  EXPECT_EQ(*kaur.reached_in, M(2025, 5));
  // Lebong: no own target.
  EXPECT_EQ(rep->rows[1].status, ProjectionStatus::kNoTarget);
  EXPECT_EQ(*rep->rows[1].pace, (Pace{0, 1}));
  EXPECT_TRUE(rep->stale_periods.empty());
}

TEST_F(ProjectionServiceTest, FixedAndNationalTargets) {
  ProjectionService service(DateFromCivil(2024, 11, 21));
  ProjectionParams p;
  p.region = "17";
  p.target = "25%";
  p.by = "2025-06";
  auto rep = service.Project(p, periods(), source());
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_EQ(rep->target.kind, GapTargetKind::kFixed);
  EXPECT_EQ(rep->months_to_by, 7);
  // Lebong: 50 of 600 at 25% = 150 -> 100 needed, flat: not at this pace;
  // by June 2025 it needs ceil(100 / 7) = 15 a month.
  EXPECT_EQ(rep->rows[1].status, ProjectionStatus::kNotAtPace);
  EXPECT_EQ(*rep->rows[1].needed_per_month, 15);
  // Kaur and Bengkulu are above 25%.
  EXPECT_EQ(rep->rows[0].status, ProjectionStatus::kReached);
  EXPECT_EQ(rep->region.status, ProjectionStatus::kReached);
  EXPECT_EQ(rep->status_counts[static_cast<int>(ProjectionStatus::kReached)], 1);
  EXPECT_EQ(rep->status_counts[static_cast<int>(ProjectionStatus::kNotAtPace)], 1);

  // National: 1.000 of 3.000 exactly; Bengkulu needs ceil(1000/3) = 334 - 320 = 14.
  p.target = "national";
  rep = service.Project(p, periods(), source());
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_EQ(rep->target.ratio, (CoverageRatio{1000, 3000}));
  EXPECT_EQ(*rep->region.needed, 14);
  EXPECT_EQ(*rep->region.reached_in, M(2025, 1));  // 14 / 10 -> 2 months
  with_national_ = false;
  rep = service.Project(p, periods(), source());
  ASSERT_FALSE(rep.ok());
  EXPECT_EQ(rep.status().reason(), "no_data");
  EXPECT_NE(rep.status().message().find("1 of 38 provinces"), std::string::npos);
}

TEST_F(ProjectionServiceTest, StalePeriodsAreLeftOutAndPeriodsLimitsTheSeries) {
  stale_august_ = true;
  ProjectionService service(DateFromCivil(2026, 3, 1));
  ProjectionParams p;
  p.region = "17";
  auto rep = service.Project(p, periods(), source());
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  ASSERT_EQ(rep->stale_periods.size(), 1u);
  EXPECT_EQ(rep->stale_periods[0], M(2024, 8));
  EXPECT_EQ(rep->periods.size(), 3u);
  // Default by: December 2026 (today's year) -> 25 months.
  EXPECT_EQ(rep->by, M(2026, 12));
  EXPECT_EQ(rep->months_to_by, 25);
  // The last 2 periods only: October and November are read, nothing else.
  calls_ = 0;
  p.periods = "2";
  rep = service.Project(p, periods(), source());
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  ASSERT_EQ(rep->periods.size(), 2u);
  EXPECT_EQ(rep->periods[0], M(2024, 10));
  EXPECT_EQ(rep->periods_requested, 2);
  EXPECT_EQ(calls_, 2);
  EXPECT_EQ(rep->rows[0].series.size(), 2u);
  EXPECT_TRUE(rep->stale_periods.empty());
}

TEST_F(ProjectionServiceTest, OnePeriodGivesNoPaceButAReport) {
  ProjectionService service(DateFromCivil(2024, 11, 21));
  auto one = [](){ return Result<std::vector<Period>>(std::vector<Period>{M(2024, 11)}); };
  ProjectionParams p;
  p.region = "17";
  auto rep = service.Project(p, one, source());
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_EQ(rep->periods.size(), 1u);
  EXPECT_EQ(rep->region.status, ProjectionStatus::kTooFewPeriods);
  EXPECT_FALSE(rep->region.pace.has_value());
  EXPECT_EQ(*rep->region.needed_per_month, 80);  // 80 needed by December 2024
}

TEST_F(ProjectionServiceTest, DefaultByIsDecemberOrTheNextOne) {
  EXPECT_EQ(DefaultProjectionBy(DateFromCivil(2026, 11, 21), M(2024, 11)), M(2026, 12));
  EXPECT_EQ(DefaultProjectionBy(DateFromCivil(2024, 11, 21), M(2024, 11)), M(2024, 12));
  EXPECT_EQ(DefaultProjectionBy(DateFromCivil(2025, 1, 5), M(2024, 12)), M(2025, 12));
  // Data ending in December of today's year: next December.
  EXPECT_EQ(DefaultProjectionBy(DateFromCivil(2024, 12, 31), M(2024, 12)), M(2025, 12));
}

TEST_F(ProjectionServiceTest, BadParametersAreNamed) {
  ProjectionService service(DateFromCivil(2024, 11, 21));
  struct Case {
    std::string ProjectionParams::*field;
    const char* value;
    const char* message;
  } cases[] = {
      {&ProjectionParams::target, "120", "target: '120'"},
      {&ProjectionParams::by, "Desember", "by: 'Desember' is not a month"},
      {&ProjectionParams::by, "2024-11", "by: '2024-11' must be after the latest reconciled period 2024-11"},
      {&ProjectionParams::periods, "1", "periods: '1' must be a whole number from 2"},
      {&ProjectionParams::periods, "dua", "periods: 'dua'"},
      {&ProjectionParams::level, "dusun", "level: 'dusun'"},
      {&ProjectionParams::basis, "bpjs", "basis: 'bpjs'"},
  };
  for (const Case& c : cases) {
    ProjectionParams p;
    p.region = "17";
    p.*c.field = c.value;
    auto rep = service.Project(p, periods(), source());
    ASSERT_FALSE(rep.ok()) << c.message;
    EXPECT_EQ(rep.status().code(), StatusCode::kInvalidArgument) << c.message;
    EXPECT_NE(rep.status().message().find(c.message), std::string::npos) << rep.status().message();
  }
  // The source's errors pass through.
  ProjectionParams p;
  p.region = "99";
  EXPECT_EQ(service.Project(p, periods(), source()).status().code(), StatusCode::kNotFound);
  // Nothing reconciled; everything stale.
  auto none = []() { return Result<std::vector<Period>>(std::vector<Period>{}); };
  p.region = "17";
  EXPECT_EQ(service.Project(p, none, source()).status().reason(), "no_data");
  auto only_stale = []() { return Result<std::vector<Period>>(std::vector<Period>{M(2024, 8)}); };
  EXPECT_EQ(service.Project(p, only_stale, source()).status().reason(), "stale");
}

}  // namespace
}  // namespace cakupan
