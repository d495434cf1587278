// Hand-computed examples on the shipped rate table (data/tarif/iuran.csv);
// every expected figure is worked out in the comment beside it.
#include "planning/contribution.h"

#include <gtest/gtest.h>

#include "planning/package.h"
#include "planning/rates_for_tests.h"

namespace cakupan {
namespace {

Date D(int y, int m, int d) { return DateFromCivil(y, m, d); }

class ContributionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto table = testing_rates::ShippedRates();
    ASSERT_TRUE(table.ok()) << table.status().ToString();
    rates_ = std::move(table).value();
  }

  ContributionRequest Bpu(int64_t income, int months, uint8_t programmes = kJKK | kJKM) {
    ContributionRequest r;
    r.segment = Segment::kBPU;
    r.programmes = programmes;
    r.monthly_base = income;
    r.months = months;
    r.start = D(2025, 1, 1);
    return r;
  }
  ContributionRequest Pu(int64_t wage, uint8_t risk_class) {
    ContributionRequest r;
    r.segment = Segment::kPU;
    r.programmes = kJKK | kJKM | kJHT | kJP | kJKP;
    r.monthly_base = wage;
    r.risk_class = risk_class;
    r.start = D(2025, 1, 1);
    return r;
  }
  const ContributionLine& Line(const ContributionResult& res, uint8_t programme) {
    for (const ContributionLine& l : res.lines)
      if (l.programmes == programme) return l;
    ADD_FAILURE() << "no line for " << FormatProgrammes(programme);
    return res.lines.front();
  }

  RateTable rates_;
};

TEST_F(ContributionTest, BpuMinimumPackageIs16800AMonthAnd201600AYear) {
  // JKK 1% x Rp 1.000.000 = 10.000; JKM flat 6.800; 16.800 x 12 = 201.600.
  auto res = ComputeContribution(rates_, Bpu(1000000, 12));
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->first_month.total(), 16800);
  EXPECT_EQ(res->per_worker.total(), 201600);
  EXPECT_EQ(res->total.total(), 201600);
  EXPECT_EQ(res->total.worker, 201600);  // BPU: the participant (or whoever pays for them)
  EXPECT_EQ(res->total.employer, 0);
  ASSERT_EQ(res->lines.size(), 2u);
  EXPECT_EQ(Line(*res, kJKK).per_worker_month.total(), 10000);
  EXPECT_EQ(Line(*res, kJKK).months, 12);
  EXPECT_EQ(Line(*res, kJKM).per_worker_month.total(), 6800);
  EXPECT_EQ(Line(*res, kJKM).rate.regulation, "PP 44/2015 jo. PP 82/2019");
}

TEST_F(ContributionTest, BpuWithJhtIs36800AMonth) {
  // + JHT 2% x 1.000.000 = 20.000.
  auto res = ComputeContribution(rates_, Bpu(1000000, 1, kJKK | kJKM | kJHT));
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->total.total(), 36800);
}

TEST_F(ContributionTest, GroupsMultiplyExactly) {
  // Bengkulu's 71.935 vulnerable workers for a year: 71.935 x 201.600 = 14.502.096.000.
  ContributionRequest r = Bpu(1000000, 12);
  r.workers = 71935;
  auto res = ComputeContribution(rates_, r);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->total.total(), 14502096000);
  EXPECT_EQ(res->per_worker.total(), 201600);
}

TEST_F(ContributionTest, BpuIncomeBelowTheLowestBracketCountsAsTheLowest) {
  // Declared Rp 500.000: JKK on Rp 1.000.000 = 10.000, + JKM 6.800.
  auto res = ComputeContribution(rates_, Bpu(500000, 1));
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->total.total(), 16800);
  EXPECT_EQ(Line(*res, kJKK).base, 1000000);
  ASSERT_EQ(res->notes.size(), 1u);
}

TEST_F(ContributionTest, RoundsHalfUpPerWorkerPerMonthPerProgramme) {
  // Income 1.000.050: JKK 1% = 10.000,5 -> 10.001 (half up), every month:
  // 12 x (10.001 + 6.800) = 201.612, not 12 x 10.000,5 + 81.600 = 201.606.
  auto res = ComputeContribution(rates_, Bpu(1000050, 12));
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(Line(*res, kJKK).per_worker_month.total(), 10001);
  EXPECT_EQ(res->per_worker.total(), 201612);
  // Income 2.345.678: JKK 23.456,78 -> 23.457; JHT 2% 46.913,56 -> 46.914.
  res = ComputeContribution(rates_, Bpu(2345678, 1, kJKK | kJKM | kJHT));
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(Line(*res, kJKK).per_worker_month.total(), 23457);
  EXPECT_EQ(Line(*res, kJHT).per_worker_month.total(), 46914);
  EXPECT_EQ(res->total.total(), 23457 + 6800 + 46914);
}

TEST_F(ContributionTest, PayersSplitTheRoundedAmountAndAddUp) {
  // Wage 3.333.333, JHT 5,7% = 189.999,98 -> 190.000. The worker's 2% =
  // 66.666,66 -> 66.667; the employer (the larger share, 3,7%) takes the rest:
  // 190.000 - 66.667 = 123.333 (exactly 123.333,32).
  auto res = ComputeContribution(rates_, Pu(3333333, 1));
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  const ContributionLine& jht = Line(*res, kJHT);
  EXPECT_EQ(jht.per_worker_month.total(), 190000);
  EXPECT_EQ(jht.per_worker_month.worker, 66667);
  EXPECT_EQ(jht.per_worker_month.employer, 123333);
  // Wage 1.000.050, JP 3% = 30.001,5 -> 30.002; worker 1% = 10.000,5 ->
  // 10.001; employer 30.002 - 10.001 = 20.001.
  res = ComputeContribution(rates_, Pu(1000050, 1));
  ASSERT_TRUE(res.ok());
  const ContributionLine& jp = Line(*res, kJP);
  EXPECT_EQ(jp.per_worker_month.total(), 30002);
  EXPECT_EQ(jp.per_worker_month.worker, 10001);
  EXPECT_EQ(jp.per_worker_month.employer, 20001);
}

TEST_F(ContributionTest, SplitNeverGoesNegative) {
  // Three equal halves: 0,5 + 0,5 + 0,5 = 1,5 -> 2; the others 1 + 1; the
  // principal (employer, first on ties) 0.
  EXPECT_EQ(SplitBetweenPayers(50000, 50000, 50000), (PayerAmounts{0, 1, 1}));
  EXPECT_EQ(SplitBetweenPayers(40000, 40000, 40000), (PayerAmounts{1, 0, 0}));
  EXPECT_EQ(SplitBetweenPayers(0, 0, 0), (PayerAmounts{0, 0, 0}));
}

TEST_F(ContributionTest, PuPerRiskClass) {
  // Wage Rp 5.000.000 (risk class 1..5):
  //   JKK 0,24/0,54/0,89/1,27/1,74% = 12.000 / 27.000 / 44.500 / 63.500 / 87.000 (employer)
  //   JKM 0,30% = 15.000 (employer)
  //   JHT 5,7% = 285.000 = 185.000 employer + 100.000 worker
  //   JP 3% = 150.000 = 100.000 employer + 50.000 worker (below the cap)
  //   JKP 0,46% on at most 5.000.000: government 0,22% = 11.000; 0,24% = 12.000 recomposed, not paid on top
  const int64_t jkk[] = {12000, 27000, 44500, 63500, 87000};
  for (uint8_t k = 1; k <= 5; ++k) {
    auto res = ComputeContribution(rates_, Pu(5000000, k));
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    EXPECT_EQ(Line(*res, kJKK).per_worker_month.employer, jkk[k - 1]) << int(k);
    EXPECT_EQ(res->total.employer, jkk[k - 1] + 15000 + 185000 + 100000) << int(k);
    EXPECT_EQ(res->total.worker, 100000 + 50000);
    EXPECT_EQ(res->total.government, 11000);
    EXPECT_EQ(Line(*res, kJKP).recomposed_per_worker_month, 12000);
  }
}

TEST_F(ContributionTest, JpAndJkpWagesAreCapped) {
  // Wage Rp 15.000.000, risk class 3:
  //   JKK 0,89% = 133.500; JKM 0,30% = 45.000; JHT 5,7% = 855.000 (555.000 + 300.000)
  //   JP on the cap 10.042.300: 3% = 301.269 (worker 1% = 100.423, employer 200.846)
  //   JKP on the cap 5.000.000: government 11.000
  auto res = ComputeContribution(rates_, Pu(15000000, 3));
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  const ContributionLine& jp = Line(*res, kJP);
  EXPECT_EQ(jp.base, 10042300);
  EXPECT_EQ(jp.per_worker_month.total(), 301269);
  EXPECT_EQ(jp.per_worker_month.worker, 100423);
  EXPECT_EQ(jp.per_worker_month.employer, 200846);
  EXPECT_EQ(Line(*res, kJKP).base, 5000000);
  EXPECT_EQ(res->total.employer, 133500 + 45000 + 555000 + 200846);
  EXPECT_EQ(res->total.worker, 300000 + 100423);
  EXPECT_EQ(res->total.government, 11000);
  EXPECT_EQ(res->notes.size(), 2u);  // JP and JKP capped
}

TEST_F(ContributionTest, PuWithoutRiskClassIsRefused) {
  auto res = ComputeContribution(rates_, Pu(5000000, 0));
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ContributionTest, JakonTranchesAreMarginal) {
  struct Case {
    int64_t value;
    int64_t expected;
  } cases[] = {
      {100000000, 210000},     // 0,21% x 100 M
      {100000001, 210000},     // + 0,17% x Rp 1 = 0,0017 -> rounds away
      {100000300, 210001},     // + 0,17% x Rp 300 = 0,51 -> 210.000,51 -> 210.001
      {150000000, 295000},     // 210.000 + 0,17% x 50 M = 85.000
      {500000000, 890000},     // 210.000 + 0,17% x 400 M = 680.000
      {1000000000, 1540000},   // 890.000 + 0,13% x 500 M = 650.000
      {5000000000, 5940000},   // 1.540.000 + 0,11% x 4 B = 4.400.000
      {6000000000, 6840000},   // 5.940.000 + 0,09% x 1 B = 900.000
      {1, 0},                  // 0,0021 -> 0
  };
  for (const Case& c : cases) {
    ContributionRequest r;
    r.segment = Segment::kJakon;
    r.programmes = kJKK | kJKM;
    r.contract_value = c.value;
    r.start = D(2025, 6, 1);
    auto res = ComputeContribution(rates_, r);
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    EXPECT_EQ(res->total.total(), c.expected) << c.value;
    EXPECT_EQ(res->total.employer, c.expected) << c.value;
    ASSERT_EQ(res->lines.size(), 1u);
    EXPECT_EQ(res->lines[0].programmes, kJKK | kJKM);
  }
}

TEST_F(ContributionTest, JakonNeedsBothProgrammesAndAContractValue) {
  ContributionRequest r;
  r.segment = Segment::kJakon;
  r.programmes = kJKK;
  r.contract_value = 100000000;
  r.start = D(2025, 6, 1);
  EXPECT_FALSE(ComputeContribution(rates_, r).ok());  // the tranches price JKK+JKM together
  r.programmes = kJKK | kJKM;
  r.months = 12;
  EXPECT_FALSE(ComputeContribution(rates_, r).ok());  // charged once per contract
  r.months = 1;
  r.contract_value = 0;
  r.monthly_base = 4000000;
  EXPECT_FALSE(ComputeContribution(rates_, r).ok());  // no wage-based Jakon rows shipped
}

TEST_F(ContributionTest, BadRequestsAreRefused) {
  ContributionRequest r = Bpu(1000000, 12);
  r.months = 0;
  EXPECT_FALSE(ComputeContribution(rates_, r).ok());
  r = Bpu(-1, 12);
  EXPECT_FALSE(ComputeContribution(rates_, r).ok());
  r = Bpu(kMaxMonthlyBase + 1, 12);
  EXPECT_FALSE(ComputeContribution(rates_, r).ok());
  r = Bpu(1000000, 12);
  r.workers = 0;
  EXPECT_FALSE(ComputeContribution(rates_, r).ok());
  r.workers = kMaxWorkers + 1;
  EXPECT_FALSE(ComputeContribution(rates_, r).ok());
  r = Bpu(1000000, 12);
  r.start = kNoDate;
  EXPECT_FALSE(ComputeContribution(rates_, r).ok());
  // Before the table's first day there is no rate: refused, not guessed.
  r = Bpu(1000000, 1);
  r.start = D(2015, 6, 30);
  auto res = ComputeContribution(rates_, r);
  ASSERT_FALSE(res.ok());
  EXPECT_NE(res.status().message().find("2015-06-30"), std::string::npos) << res.status().message();
}

TEST_F(ContributionTest, HugeGroupsOverflowIntoAnErrorNotAWrappedNumber) {
  ContributionRequest r = Pu(kMaxMonthlyBase, 5);
  r.months = kMaxMonths;
  r.workers = kMaxWorkers;
  auto res = ComputeContribution(rates_, r);
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.status().code(), StatusCode::kInvalidArgument);
}

TEST(ContributionDatesTest, AddMonthsClampsToTheMonthsLastDay) {
  EXPECT_EQ(AddMonths(D(2024, 1, 31), 1), D(2024, 2, 29));
  EXPECT_EQ(AddMonths(D(2023, 1, 31), 1), D(2023, 2, 28));
  EXPECT_EQ(AddMonths(D(2024, 1, 31), 2), D(2024, 3, 31));
  EXPECT_EQ(AddMonths(D(2024, 11, 15), 3), D(2025, 2, 15));
  EXPECT_EQ(AddMonths(D(2024, 3, 1), 0), D(2024, 3, 1));
}

// A JP cap that changes on 2024-03-01 (test values): the month dated on the
// boundary day takes the new row, the day before the old one.
TEST(ContributionDatesTest, RatesChangeOnTheirEffectiveDay) {
  const std::string csv =
      "programme,segment,basis,rate_percent,employer,worker,base_cap,effective_from,effective_to,regulation\n"
      "JP,PU,percent,3,2,1,9000000,2023-03-01,2024-02-29,test\n"
      "JP,PU,percent,3,2,1,10000000,2024-03-01,,test\n";
  auto rates = testing_rates::TableFromCsvText("jp.csv", csv);
  ASSERT_TRUE(rates.ok()) << rates.status().ToString();
  ContributionRequest r;
  r.segment = Segment::kPU;
  r.programmes = kJP;
  r.monthly_base = 20000000;
  r.start = D(2024, 2, 29);
  auto res = ComputeContribution(*rates, r);
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->total.total(), 270000);  // 3% x 9.000.000
  r.start = D(2024, 3, 1);
  res = ComputeContribution(*rates, r);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->total.total(), 300000);  // 3% x 10.000.000
  // Three months from 15 January: January and February old, March new.
  r.start = D(2024, 1, 15);
  r.months = 3;
  res = ComputeContribution(*rates, r);
  ASSERT_TRUE(res.ok());
  ASSERT_EQ(res->lines.size(), 2u);
  EXPECT_EQ(res->lines[0].months, 2);
  EXPECT_EQ(res->lines[0].first_day, D(2024, 1, 15));
  EXPECT_EQ(res->lines[1].months, 1);
  EXPECT_EQ(res->lines[1].first_day, D(2024, 3, 15));
  EXPECT_EQ(res->per_worker.total(), 2 * 270000 + 300000);
  EXPECT_EQ(res->first_month.total(), 270000);
  // From 31 January: 29 February is still old, 31 March new.
  r.start = D(2024, 1, 31);
  res = ComputeContribution(*rates, r);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->lines[1].first_day, D(2024, 3, 31));
  // Before the first row: refused.
  r.start = D(2023, 2, 28);
  r.months = 1;
  EXPECT_FALSE(ComputeContribution(*rates, r).ok());
}

TEST(PackageTest, KnownPackagesAndErrors) {
  auto p = FindPackage("bpu-minimum");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->programmes, kJKK | kJKM);
  EXPECT_EQ(p->segment, Segment::kBPU);
  EXPECT_TRUE(FindPackage("BPU_JHT").ok());
  auto bad = FindPackage("gold");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kNotFound);
  EXPECT_NE(bad.status().message().find("bpu-minimum"), std::string::npos);
  EXPECT_EQ(DefaultPackage(Segment::kPU)->id, std::string("pu-full"));
  EXPECT_FALSE(DefaultPackage(Segment::kPMI).ok());
}

}  // namespace
}  // namespace cakupan
