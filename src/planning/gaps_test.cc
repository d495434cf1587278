#include "planning/gaps.h"

#include <gtest/gtest.h>

namespace cakupan {
namespace {

CoverageRatio Pct(int64_t pcm) { return *RatioFromPcm(pcm); }

TEST(GapsTest, WorkersNeededIsTheSmallestWholeNumberThatReachesTheTarget) {
  // 37.000 of 100.000 active, target 39%: 39.000 - 37.000 = 2.000 (not 2.001).
  EXPECT_EQ(WorkersNeeded(37000, 100000, Pct(39000)), 2000);
  // 700.001 workers at 39%: 273.000,39 -> 273.001 must be active.
  EXPECT_EQ(WorkersNeeded(0, 700001, Pct(39000)), 273001);
  // (273.000 / 700.001 = 38,99994...% < 39%; 273.001 / 700.001 >= 39%.)
  EXPECT_EQ(WorkersNeeded(273000, 700001, Pct(39000)), 1);
  EXPECT_EQ(WorkersNeeded(273001, 700001, Pct(39000)), 0);
  // Met or exceeded: 0.
  EXPECT_EQ(WorkersNeeded(80, 100, Pct(75000)), 0);
  // 37,5% of 10 workers = 3,75 -> 4.
  EXPECT_EQ(WorkersNeeded(0, 10, Pct(37500)), 4);
  // 100% needs everyone; 0% nobody.
  EXPECT_EQ(WorkersNeeded(5, 10, Pct(100000)), 5);
  EXPECT_EQ(WorkersNeeded(0, 10, Pct(0)), 0);
  // A national reference as an exact ratio: 39 of 100 active nationally;
  // a region with 37 of 100 needs 2.
  EXPECT_EQ(WorkersNeeded(37, 100, CoverageRatio{39, 100}), 2);
  // 1 of 3 nationally (33,33...%): 10 workers need ceil(3,33...) = 4.
  EXPECT_EQ(WorkersNeeded(0, 10, CoverageRatio{1, 3}), 4);
}

TEST(GapsTest, TargetsAreExact) {
  EXPECT_FALSE(RatioFromPcm(-1).ok());
  EXPECT_FALSE(RatioFromPcm(100001).ok());
  // A stored fraction keeps 0,001-point precision: 0.4 is 40.000 pcm, not 39.999.
  EXPECT_EQ(RatioFromFraction(0.4), (CoverageRatio{40000, 100000}));
  EXPECT_EQ(RatioFromFraction(0.3215), (CoverageRatio{32150, 100000}));
  EXPECT_EQ(WorkersNeeded(0, 1000, RatioFromFraction(0.4)), 400);
}

TEST(GapsTest, FillGapsPricesEachRowAndSumsTheRows) {
  GapInput region{RegionCode(), "Provinsi", RegionLevel::kProvince, 1000, 370, 0.40};
  std::vector<GapInput> rows = {
      {RegionCode(), "A", RegionLevel::kRegency, 600, 150, 0.30},          // needs 180 - 150 = 30
      {RegionCode(), "B", RegionLevel::kRegency, 400, 220, std::nullopt},  // no own target
      {RegionCode(), "C", RegionLevel::kRegency, std::nullopt, 0, 0.5},    // no denominator
  };
  GapReport own;
  ASSERT_TRUE(FillGaps(region, rows, GapTarget{}, 201600, &own).ok());
  EXPECT_EQ(*own.region.needed, 30);  // 400 - 370
  EXPECT_EQ(*own.region.yearly_cost, 30 * 201600);
  EXPECT_EQ(*own.rows[0].needed, 30);
  EXPECT_EQ(*own.rows[0].yearly_cost, 6048000);
  EXPECT_FALSE(own.rows[1].needed.has_value());
  EXPECT_FALSE(own.rows[2].needed.has_value());
  EXPECT_EQ(own.rows_needed, 30);
  EXPECT_EQ(own.rows_cost, 6048000);
  EXPECT_EQ(own.rows_without_target, 1);
  EXPECT_EQ(own.rows_without_workers, 1);

  // The same coverage X for everyone: 39%.
  GapReport fixed;
  ASSERT_TRUE(FillGaps(region, rows, GapTarget{GapTargetKind::kFixed, Pct(39000)}, 201600, &fixed).ok());
  EXPECT_EQ(*fixed.region.needed, 20);   // 390 - 370
  EXPECT_EQ(*fixed.rows[0].needed, 84);  // 234 - 150
  EXPECT_EQ(*fixed.rows[1].needed, 0);   // 156 <= 220: met
  EXPECT_EQ(fixed.rows_needed, 84);
  EXPECT_EQ(fixed.rows_cost, 84 * 201600);
  EXPECT_EQ(fixed.rows_without_target, 0);
  // Bringing every row up costs more than the region's own gap: the rows
  // above the target do not lend their surplus.
  EXPECT_GT(fixed.rows_needed, *fixed.region.needed);
}

}  // namespace
}  // namespace cakupan
