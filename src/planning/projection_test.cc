// Projection on hand-computed series: the pace as an exact least-squares
// slope, the month the target is reached (exactly at a month boundary, not a
// month later), "already reached", "not at the present pace", one period
// only, and the monthly enrolment needed by a date.
#include "planning/projection.h"

#include <gtest/gtest.h>

namespace cakupan {
namespace {

Period M(int year, int month) { return Period::FromYearMonth(year, month); }
CoverageRatio Pct(int64_t pcm) { return *RatioFromPcm(pcm); }

// Monthly points from `first`, one per value.
std::vector<ActivePoint> Monthly(Period first, std::initializer_list<int64_t> active) {
  std::vector<ActivePoint> out;
  int k = 0;
  for (int64_t a : active) out.push_back({first.Plus(k++), a});
  return out;
}

ProjectionInput Input(std::vector<ActivePoint> series, std::optional<int64_t> workers,
                      std::optional<CoverageRatio> target) {
  ProjectionInput in;
  in.code = *RegionCode::Parse("17.01");
  in.name = "Kabupaten Contoh";
  in.level = RegionLevel::kRegency;
  in.series = std::move(series);
  in.workers = workers;
  in.target = target;
  return in;
}

TEST(ProjectionTest, PaceIsTheLeastSquaresSlopeAsAnExactFraction) {
  // A straight line: +100 a month.
  auto line = Monthly(M(2024, 6), {1000, 1100, 1200, 1300, 1400, 1500});
  EXPECT_EQ(*LeastSquaresPace(line), (Pace{100, 1}));
  // Four points 100, 100, 100, 106 (x = 0..3): n = 4, Σx = 6, Σx² = 14,
  // Σy = 406, Σxy = 618; (4·618 − 6·406) / (4·14 − 36) = 36 / 20 = 9/5.
  // (First-to-last would say 6/3 = 2.)
  auto jump = Monthly(M(2024, 1), {100, 100, 100, 106});
  EXPECT_EQ(*LeastSquaresPace(jump), (Pace{9, 5}));
  EXPECT_DOUBLE_EQ(LeastSquaresPace(jump)->value(), 1.8);
  // Two points: the difference over the months between them; a missing
  // month counts (January 100, March 104: 4 in 2 months = 2 a month).
  std::vector<ActivePoint> gap = {{M(2024, 1), 100}, {M(2024, 3), 104}};
  EXPECT_EQ(*LeastSquaresPace(gap), (Pace{2, 1}));
  // Across a year boundary: November 10, December 11, January 13 ->
  // (3·(11 + 26) − 3·34) / (3·5 − 9) = 9/6 = 3/2.
  std::vector<ActivePoint> year = {{M(2024, 11), 10}, {M(2024, 12), 11}, {M(2025, 1), 13}};
  EXPECT_EQ(*LeastSquaresPace(year), (Pace{3, 2}));
  // Flat and declining.
  EXPECT_EQ(*LeastSquaresPace(Monthly(M(2024, 1), {500, 500, 500})), (Pace{0, 1}));
  EXPECT_EQ(*LeastSquaresPace(Monthly(M(2024, 1), {1500, 1400, 1300})), (Pace{-100, 1}));
}

TEST(ProjectionTest, PaceNeedsTwoAscendingPeriods) {
  auto one = LeastSquaresPace(Monthly(M(2024, 11), {1000}));
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(one.status().reason(), "too_few_periods");
  std::vector<ActivePoint> unordered = {{M(2024, 3), 1}, {M(2024, 2), 2}};
  EXPECT_EQ(LeastSquaresPace(unordered).status().code(), StatusCode::kInvalidArgument);
  std::vector<ActivePoint> twice = {{M(2024, 3), 1}, {M(2024, 3), 2}};
  EXPECT_EQ(LeastSquaresPace(twice).status().code(), StatusCode::kInvalidArgument);
}

TEST(ProjectionTest, LinearSeriesReachesTheTargetInTheMonthComputedByHand) {
  // 1.500 of 10.000 active in November 2024, +100 a month; target 20% =
  // 2.000 -> 500 more -> 5 months -> April 2025.
  auto in = Input(Monthly(M(2024, 6), {1000, 1100, 1200, 1300, 1400, 1500}), 10000, Pct(20000));
  auto row = ProjectRow(in, M(2025, 12));
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(row->status, ProjectionStatus::kProjected);
  EXPECT_EQ(row->active, 1500);
  EXPECT_DOUBLE_EQ(*row->coverage, 0.15);
  EXPECT_EQ(*row->needed, 500);
  EXPECT_EQ(*row->pace, (Pace{100, 1}));
  EXPECT_EQ(*row->months_to_target, 5);
  EXPECT_EQ(*row->reached_in, M(2025, 4));
  // By December 2025 (13 months): ceil(500 / 13) = 39 a month; on track.
  EXPECT_EQ(*row->needed_per_month, 39);
  EXPECT_TRUE(*row->on_track);
  // By December 2024 (1 month): all 500 in one month; not on track.
  row = ProjectRow(in, M(2024, 12));
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(*row->needed_per_month, 500);
  EXPECT_FALSE(*row->on_track);
  EXPECT_EQ(*row->reached_in, M(2025, 4));  // the projection does not depend on `by`
  // By February 2025 (3 months): ceil(500 / 3) = 167.
  EXPECT_EQ(*ProjectRow(in, M(2025, 2))->needed_per_month, 167);
}

TEST(ProjectionTest, TargetMetExactlyAtAMonthBoundaryIsThatMonth) {
  // Pace 3/2 a month (0, then 3 two months later); 3 needed -> exactly
  // 2 months, not 3.
  std::vector<ActivePoint> s = {{M(2024, 9), 0}, {M(2024, 11), 3}};
  // 10 workers, target 60% = 6 -> 3 more needed.
  auto row = ProjectRow(Input(s, 10, Pct(60000)), M(2025, 1));
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(*row->needed, 3);
  EXPECT_EQ(*row->pace, (Pace{3, 2}));
  EXPECT_EQ(*row->months_to_target, 2);
  EXPECT_EQ(*row->reached_in, M(2025, 1));
  // By January 2025 (2 months): ceil(3 / 2) = 2 a month; on track (reached
  // in January itself).
  EXPECT_EQ(*row->needed_per_month, 2);
  EXPECT_TRUE(*row->on_track);
  // One more needed (target 70% = 7): 4 / 1,5 = 2,67 -> 3 months.
  row = ProjectRow(Input(s, 10, Pct(70000)), M(2025, 1));
  EXPECT_EQ(*row->months_to_target, 3);
  EXPECT_EQ(*row->reached_in, M(2025, 2));
  EXPECT_FALSE(*row->on_track);
  // Linear, 500 needed at +100: 5 months exactly; by April 2025 is on track,
  // by March is not.
  auto line = Input(Monthly(M(2024, 6), {1000, 1100, 1200, 1300, 1400, 1500}), 10000, Pct(20000));
  EXPECT_TRUE(*ProjectRow(line, M(2025, 4))->on_track);
  EXPECT_EQ(*ProjectRow(line, M(2025, 4))->needed_per_month, 100);
  EXPECT_FALSE(*ProjectRow(line, M(2025, 3))->on_track);
  // An exact ratio target (1 of 3, the national reference's kind): 9 workers
  // need 3 active; 1 active, +1 a month -> 2 months.
  auto third = ProjectRow(Input(Monthly(M(2024, 10), {0, 1}), 9, CoverageRatio{1, 3}), M(2025, 12));
  EXPECT_EQ(*third->needed, 2);
  EXPECT_EQ(*third->reached_in, M(2025, 1));
}

TEST(ProjectionTest, FlatOrDecliningNeverReachesIt) {
  auto flat = ProjectRow(Input(Monthly(M(2024, 9), {1000, 1000, 1000}), 10000, Pct(20000)), M(2025, 12));
  ASSERT_TRUE(flat.ok());
  EXPECT_EQ(flat->status, ProjectionStatus::kNotAtPace);
  EXPECT_EQ(*flat->pace, (Pace{0, 1}));
  EXPECT_FALSE(flat->reached_in.has_value());
  EXPECT_FALSE(flat->months_to_target.has_value());
  EXPECT_FALSE(*flat->on_track);
  // What it would need: 1.000 by December 2025 (13 months) -> 77 a month.
  EXPECT_EQ(*flat->needed_per_month, 77);
  auto down = ProjectRow(Input(Monthly(M(2024, 9), {1200, 1100, 1000}), 10000, Pct(20000)), M(2025, 12));
  EXPECT_EQ(down->status, ProjectionStatus::kNotAtPace);
  EXPECT_EQ(*down->pace, (Pace{-100, 1}));
}

TEST(ProjectionTest, AlreadyReachedNeedsNothing) {
  // 2.500 of 10.000 against 20%, even while declining.
  auto row = ProjectRow(Input(Monthly(M(2024, 9), {2700, 2600, 2500}), 10000, Pct(20000)), M(2025, 12));
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(row->status, ProjectionStatus::kReached);
  EXPECT_EQ(*row->needed, 0);
  EXPECT_EQ(*row->months_to_target, 0);
  EXPECT_FALSE(row->reached_in.has_value());
  EXPECT_EQ(*row->needed_per_month, 0);
  EXPECT_TRUE(*row->on_track);
  // Exactly at the target counts as reached: 2.000 of 10.000.
  EXPECT_EQ(ProjectRow(Input(Monthly(M(2024, 11), {2000}), 10000, Pct(20000)), M(2025, 12))->status,
            ProjectionStatus::kReached);
}

TEST(ProjectionTest, OnePeriodOnlyHasNoPaceButStillANeed) {
  auto row = ProjectRow(Input(Monthly(M(2024, 11), {1500}), 10000, Pct(20000)), M(2025, 12));
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(row->status, ProjectionStatus::kTooFewPeriods);
  EXPECT_FALSE(row->pace.has_value());
  EXPECT_FALSE(row->reached_in.has_value());
  EXPECT_FALSE(row->on_track.has_value());
  EXPECT_EQ(*row->needed, 500);
  EXPECT_EQ(*row->needed_per_month, 39);  // ceil(500 / 13)
  EXPECT_STREQ(ProjectionStatusCode(row->status), "too_few_periods");
}

TEST(ProjectionTest, TooSlowIsBeyondTheHorizon) {
  // +1 in 1.000 months; 2 needed -> 2.000 months > 1.200.
  std::vector<ActivePoint> s = {{M(2024, 1), 0}, {M(2024, 1).Plus(1000), 1}};
  auto row = ProjectRow(Input(s, 100, Pct(3000)), M(2200, 1));
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(*row->pace, (Pace{1, 1000}));
  EXPECT_EQ(*row->needed, 2);
  EXPECT_EQ(row->status, ProjectionStatus::kBeyondHorizon);
  EXPECT_FALSE(row->reached_in.has_value());
  EXPECT_FALSE(*row->on_track);
  // Exactly at the horizon is still a month: 1 needed -> 1.000 months.
  auto near = ProjectRow(Input(s, 100, Pct(2000)), M(2200, 1));
  EXPECT_EQ(near->status, ProjectionStatus::kProjected);
  EXPECT_EQ(*near->months_to_target, 1000);
}

TEST(ProjectionTest, MissingDenominatorOrTargetAndBadInput) {
  auto line = Monthly(M(2024, 9), {100, 110, 120});
  auto none = ProjectRow(Input(line, std::nullopt, Pct(20000)), M(2025, 12));
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->status, ProjectionStatus::kNoDenominator);
  EXPECT_EQ(*none->pace, (Pace{10, 1}));  // the pace is still known
  EXPECT_FALSE(none->needed.has_value());
  EXPECT_FALSE(none->needed_per_month.has_value());
  auto untargeted = ProjectRow(Input(line, 1000, std::nullopt), M(2025, 12));
  EXPECT_EQ(untargeted->status, ProjectionStatus::kNoTarget);
  EXPECT_DOUBLE_EQ(*untargeted->coverage, 0.12);
  EXPECT_FALSE(untargeted->needed.has_value());
  // `by` must be after the latest period.
  auto same = ProjectRow(Input(line, 1000, Pct(20000)), M(2024, 11));
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(ProjectRow(Input({}, 1000, Pct(20000)), M(2025, 12)).ok());
}

TEST(ProjectionTest, LargeFiguresStayExact) {
  // 200 million workers; 60 million active in January 2000, +1.000 a month
  // for 600 months (December 2049: 60.599.000).
  std::vector<ActivePoint> s;
  for (int k = 0; k < 600; ++k) s.push_back({M(2000, 1).Plus(k), 60000000 + 1000 * int64_t{k}});
  EXPECT_EQ(*LeastSquaresPace(s), (Pace{1000, 1}));
  // 30,5% = 61.000.000 -> 401.000 needed -> 401 months -> May 2083.
  auto row = ProjectRow(Input(s, 200000000, Pct(30500)), M(2060, 1));
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(*row->needed, 401000);
  EXPECT_EQ(*row->months_to_target, 401);
  EXPECT_EQ(*row->reached_in, M(2083, 5));
  // 31% = 62.000.000 -> 1.401.000 needed -> 1.401 months: beyond the horizon.
  EXPECT_EQ(ProjectRow(Input(s, 200000000, Pct(31000)), M(2060, 1))->status, ProjectionStatus::kBeyondHorizon);
}

TEST(ProjectionTest, FillProjectionCountsTheStatuses) {
  std::vector<ProjectionInput> rows = {
      Input(Monthly(M(2024, 9), {1000, 1100, 1200}), 10000, Pct(20000)),  // projected, 8 months
      Input(Monthly(M(2024, 9), {1000, 1000, 1000}), 10000, Pct(20000)),  // not at pace
      Input(Monthly(M(2024, 9), {3000, 3000, 3000}), 10000, Pct(20000)),  // reached
      Input(Monthly(M(2024, 9), {1000, 1000, 1000}), std::nullopt, Pct(20000)),
  };
  ProjectionInput region = Input(Monthly(M(2024, 9), {6000, 6100, 6200}), 30000, Pct(20000));
  ProjectionReport rep;
  ASSERT_TRUE(FillProjection(region, rows, M(2025, 12), &rep).ok());
  ASSERT_EQ(rep.rows.size(), 4u);
  EXPECT_EQ(*rep.rows[0].reached_in, M(2025, 7));  // 800 needed / 100 = 8 months after November
  EXPECT_EQ(rep.status_counts[static_cast<int>(ProjectionStatus::kProjected)], 1);
  EXPECT_EQ(rep.status_counts[static_cast<int>(ProjectionStatus::kNotAtPace)], 1);
  EXPECT_EQ(rep.status_counts[static_cast<int>(ProjectionStatus::kReached)], 1);
  EXPECT_EQ(rep.status_counts[static_cast<int>(ProjectionStatus::kNoDenominator)], 1);
  EXPECT_EQ(rep.rows_on_track, 2);  // projected by July 2025 and reached
  EXPECT_EQ(rep.region.status, ProjectionStatus::kReached);  // 6.200 of 30.000 >= 6.000
}

}  // namespace
}  // namespace cakupan
