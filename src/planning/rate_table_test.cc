#include "planning/rate_table.h"

#include <gtest/gtest.h>

#include "base/i18n.h"
#include "planning/rates_for_tests.h"

namespace cakupan {
namespace {

Date D(int y, int m, int d) { return DateFromCivil(y, m, d); }

ContributionRate BpuJkk(Date from, Date to = kNoDate) {
  ContributionRate r;
  r.programmes = kJKK;
  r.segment = Segment::kBPU;
  r.basis = RateBasis::kPercent;
  r.rate_pcm = 1000;
  r.worker = 1000;
  r.base_min = 1000000;
  r.effective_from = from;
  r.effective_to = to;
  r.regulation = "PP 44/2015";
  return r;
}

ContributionRate Tranche(int64_t from, int64_t to, int64_t pcm) {
  ContributionRate r;
  r.programmes = kJKK | kJKM;
  r.segment = Segment::kJakon;
  r.basis = RateBasis::kContract;
  r.rate_pcm = pcm;
  r.employer = pcm;
  r.base_from = from;
  r.base_to = to;
  r.effective_from = D(2021, 3, 1);
  r.regulation = "Permenaker 5/2021";
  return r;
}

TEST(RateTableTest, ShippedTableIsValid) {
  auto table = testing_rates::ShippedRates();
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->size(), 17u);
}

TEST(RateTableTest, AdjacentPeriodsDoNotOverlap) {
  auto table = RateTable::Build({BpuJkk(D(2015, 7, 1), D(2024, 2, 29)), BpuJkk(D(2024, 3, 1))});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  // The boundary day belongs to the new row, the day before to the old one.
  EXPECT_EQ(table->FindMonthly(Segment::kBPU, kJKK, D(2024, 2, 29), 1000000, 0)->effective_from, D(2015, 7, 1));
  EXPECT_EQ(table->FindMonthly(Segment::kBPU, kJKK, D(2024, 3, 1), 1000000, 0)->effective_from, D(2024, 3, 1));
  EXPECT_EQ(table->FindMonthly(Segment::kBPU, kJKK, D(2015, 6, 30), 1000000, 0), nullptr);
}

TEST(RateTableTest, OverlappingPeriodsAreRejectedNamingBothRowsAndTheFirstSharedDay) {
  SetLanguage(Lang::kEn);
  // The old row still runs on the day the new one starts.
  auto table = RateTable::Build({BpuJkk(D(2015, 7, 1), D(2024, 3, 1)), BpuJkk(D(2024, 3, 1))},
                                {"iuran.csv line 2", "iuran.csv line 3"});
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(table.status().message().find("iuran.csv line 2 and iuran.csv line 3 overlap"), std::string::npos)
      << table.status().message();
  EXPECT_NE(table.status().message().find("2024-03-01"), std::string::npos);
  // Two open-ended rows overlap from the later start.
  table = RateTable::Build({BpuJkk(D(2015, 7, 1)), BpuJkk(D(2020, 1, 1))});
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("row 1 and row 2 overlap: both are in force on 2020-01-01"),
            std::string::npos)
      << table.status().message();
  SetLanguage(Lang::kId);
}

TEST(RateTableTest, RiskClassesAndSegmentsAndBracketsSeparateRows) {
  ContributionRate pu1 = BpuJkk(D(2015, 7, 1));
  pu1.segment = Segment::kPU;
  pu1.risk_class = 1;
  pu1.worker = 0;
  pu1.employer = 1000;
  pu1.base_min = 0;
  ContributionRate pu2 = pu1;
  pu2.risk_class = 2;
  ContributionRate any = pu1;
  any.risk_class = 0;
  EXPECT_TRUE(RateTable::Build({pu1, pu2, BpuJkk(D(2015, 7, 1))}).ok());
  EXPECT_FALSE(RateTable::Build({pu1, any}).ok());  // class 0 applies to class 1 too
  // Income brackets [0, 2 M) and [2 M, ...) do not overlap; [0, 2 M) and [1 M, ...) do.
  ContributionRate low = BpuJkk(D(2015, 7, 1)), high = low;
  low.base_to = 2000000;
  high.base_from = 2000000;
  EXPECT_TRUE(RateTable::Build({low, high}).ok());
  high.base_from = 1000000;
  EXPECT_FALSE(RateTable::Build({low, high}).ok());
}

TEST(RateTableTest, ContractTranchesMustNotOverlap) {
  EXPECT_TRUE(RateTable::Build({Tranche(0, 100000000, 210), Tranche(100000000, 0, 170)}).ok());
  EXPECT_FALSE(RateTable::Build({Tranche(0, 100000000, 210), Tranche(50000000, 500000000, 170)}).ok());
  // A contract row and a monthly row of the same programme are different
  // computations and may coexist.
  ContributionRate monthly = BpuJkk(D(2015, 7, 1));
  monthly.segment = Segment::kJakon;
  EXPECT_TRUE(RateTable::Build({Tranche(0, 0, 210), monthly}).ok());
}

TEST(RateTableTest, InvalidRowsAreReportedWithTheirField) {
  SetLanguage(Lang::kEn);
  ContributionRate r = BpuJkk(D(2015, 7, 1));
  r.worker = 900;  // shares do not add up to 1%
  auto table = RateTable::Build({r}, {"x.csv line 4"});
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("x.csv line 4: employer/worker/government"), std::string::npos)
      << table.status().message();
  r = BpuJkk(D(2015, 7, 1), D(2015, 6, 30));
  EXPECT_NE(RateTable::Build({r}).status().message().find("effective_to"), std::string::npos);
  r = BpuJkk(D(2015, 7, 1));
  r.regulation = " ";
  EXPECT_NE(RateTable::Build({r}).status().message().find("regulation"), std::string::npos);
  r = BpuJkk(D(2015, 7, 1));
  r.programmes = kJKK | kJKM;  // a percent row is for one programme
  EXPECT_NE(RateTable::Build({r}).status().message().find("programme"), std::string::npos);
  r = BpuJkk(D(2015, 7, 1));
  r.rate_pcm = 100001;
  EXPECT_NE(RateTable::Build({r}).status().message().find("rate_percent"), std::string::npos);
  SetLanguage(Lang::kId);
}

TEST(RateTableTest, RowsAreKeptInCanonicalOrder) {
  auto table = RateTable::Build({Tranche(100000000, 0, 170), BpuJkk(D(2024, 3, 1)), Tranche(0, 100000000, 210),
                                 BpuJkk(D(2015, 7, 1), D(2024, 2, 29))});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ASSERT_EQ(table->size(), 4u);
  EXPECT_EQ(table->rows()[0].effective_from, D(2015, 7, 1));  // BPU before Jakon, older first
  EXPECT_EQ(table->rows()[1].effective_from, D(2024, 3, 1));
  EXPECT_EQ(table->rows()[2].base_from, 0);
  EXPECT_EQ(table->rows()[3].base_from, 100000000);
  EXPECT_EQ(table->InForceOn(D(2020, 1, 1)).size(), 1u);  // the tranches start in 2021
  EXPECT_EQ(table->InForceOn(D(2022, 1, 1)).size(), 3u);
}

}  // namespace
}  // namespace cakupan
