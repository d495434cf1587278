// PlanService with the shipped rates, a coverage source and a registry of a
// few hand-made workers: who is a candidate, cost, coverage after, funders,
// masking, reasons, paging, a village as the region, and parameters refused
// before anything is read.
#include "services/plan_service.h"

#include <gtest/gtest.h>

#include "domain/nik.h"
#include "services/rate_service.h"

namespace cakupan {
namespace {

constexpr Rupiah kBpuYear = 201600;

CoverageRow Row(const char* code, const char* name, int64_t denominator, int64_t active) {
  CoverageRow r;
  r.code = *RegionCode::Parse(code);
  r.name = name;
  r.level = r.code.level();
  r.denominator = denominator;
  r.active = active;
  r.coverage = static_cast<double>(active) / static_cast<double>(denominator);
  return r;
}

// Plan parameters: region, budget and at most one more field.
PlanParams P(std::string region, std::string budget, std::string PlanParams::*field = nullptr,
             std::string value = "") {
  PlanParams p;
  p.region = std::move(region);
  p.budget = std::move(budget);
  if (field) p.*field = std::move(value);
  return p;
}

struct Worker {
  uint64_t key;
  const char* village;
  WorkerStatus status;
  Formality formality;
  uint8_t decile;
  Vulnerability vulnerability;
  Date birth;
  const char* name;
  uint16_t occupation = 0;
};

// The registry as the plan reads it, owning its columns.
struct FakeRegistry {
  RegionTable regions;
  std::vector<uint64_t> key;
  std::vector<int32_t> region;
  std::vector<uint8_t> result, sex, formality, decile, vulnerability;
  std::vector<Date> birth;
  std::vector<uint16_t> occupation;
  std::vector<std::string> occupations{"", "nelayan", "karyawan bank"};
  StringColumn names;
};

Date D(int y, int m, int d) { return DateFromCivil(y, m, d); }

class PlanServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto table = ReadRateFile(ShippedRatesPath(std::string(CAKUPAN_SOURCE_DIR) + "/data"));
    ASSERT_TRUE(table.ok()) << table.status().ToString();
    rates_ = std::move(table).value();
    auto regions = RegionTable::Build({{*RegionCode::Parse("17"), "Bengkulu"},
                                       {*RegionCode::Parse("17.04"), "Kabupaten Kaur"},
                                       {*RegionCode::Parse("17.04.01"), "Nasal"},
                                       {*RegionCode::Parse("17.04.01.2001"), "Desa Satu"},
                                       {*RegionCode::Parse("17.04.01.2002"), "Desa Dua"},
                                       {*RegionCode::Parse("17.07"), "Kabupaten Lebong"},
                                       {*RegionCode::Parse("17.07.01"), "Rimbo"},
                                       {*RegionCode::Parse("17.07.01.2001"), "Desa Tiga"}});
    ASSERT_TRUE(regions.ok());
    reg_ = std::make_shared<FakeRegistry>();
    reg_->regions = std::move(regions).value();
    const std::vector<Worker> workers = {
        // Candidates (on 2025-01-01).
        {1704011005940001, "17.04.01.2001", WorkerStatus::kUnregistered, Formality::kInformal, 3,
         Vulnerability::kVulnerable, D(1994, 5, 10), "Siti Aminah", 1},
        {1704011105900002, "17.04.01.2002", WorkerStatus::kNonActive, Formality::kInformal, 1,
         Vulnerability::kUnknown, D(1990, 5, 11), "Budi Santoso"},
        {1707011203850003, "17.07.01.2001", WorkerStatus::kUnregistered, Formality::kUnknown, 0,
         Vulnerability::kUnknown, kNoDate, "Joko"},  // age from the NIK: 12 March 1985
        // Not candidates.
        {1704011306800004, "17.04.01.2001", WorkerStatus::kActive, Formality::kInformal, 1,
         Vulnerability::kVulnerable, D(1980, 6, 13), "Aktif"},
        {1704011407800005, "17.04.01.2001", WorkerStatus::kUnregistered, Formality::kFormal, 1,
         Vulnerability::kUnknown, D(1980, 7, 14), "Formal"},
        {1704010101540006, "17.04.01.2002", WorkerStatus::kUnregistered, Formality::kInformal, 1,
         Vulnerability::kUnknown, D(1954, 1, 1), "Tua"},  // 71
        {1707010201100007, "17.07.01.2001", WorkerStatus::kUnregistered, Formality::kInformal, 1,
         Vulnerability::kUnknown, D(2010, 1, 2), "Muda"},  // 14
        {kSyntheticKeyBit | 99, "17.07.01.2001", WorkerStatus::kUnregistered, Formality::kInformal, 1,
         Vulnerability::kUnknown, D(1990, 1, 1), "Tanpa NIK"},
    };
    for (const Worker& w : workers) {
      reg_->key.push_back(w.key);
      reg_->region.push_back(reg_->regions.Find(*RegionCode::Parse(w.village)));
      reg_->result.push_back(PackWorkerResult(w.status, w.status == WorkerStatus::kNonActive ? Segment::kBPU
                                                         : w.status == WorkerStatus::kActive      ? Segment::kBPU
                                                                                                  : Segment::kNone));
      reg_->sex.push_back(static_cast<uint8_t>(Sex::kUnknown));
      reg_->formality.push_back(static_cast<uint8_t>(w.formality));
      reg_->decile.push_back(w.decile);
      reg_->vulnerability.push_back(static_cast<uint8_t>(w.vulnerability));
      reg_->birth.push_back(w.birth);
      reg_->occupation.push_back(w.occupation);
      reg_->names.push_back(w.name);
    }
  }

  // Labour-force figures: Bengkulu 40 of 100; Kaur 30 of 60, Lebong 10 of 40.
  PlanService::CoverageSource Coverage() {
    return [](const CoverageQuery& q) -> Result<CoverageReport> {
      CoverageReport rep;
      rep.period = Period::FromYearMonth(2024, 11);
      rep.basis = q.basis;
      if (q.region == "17") {
        rep.level = RegionLevel::kRegency;
        rep.region = Row("17", "Bengkulu", 100, 40);
        rep.rows = {Row("17.04", "Kabupaten Kaur", 60, 30), Row("17.07", "Kabupaten Lebong", 40, 10)};
        return rep;
      }
      if (q.region == "17.04.01") {
        rep.level = RegionLevel::kVillage;
        rep.region = Row("17.04.01", "Nasal", 50, 25);
        rep.rows = {Row("17.04.01.2001", "Desa Satu", 30, 20), Row("17.04.01.2002", "Desa Dua", 20, 5)};
        return rep;
      }
      return Status::NotFound("wilayah tidak dikenal: " + q.region);
    };
  }

  PlanService::RegistrySource Registry() {
    auto reg = reg_;
    return [reg](Period period, RegionCode) -> Result<RegistryView> {
      RegistryView v;
      v.regions = &reg->regions;
      v.period = period;
      v.key = reg->key;
      v.region = reg->region;
      v.result = reg->result;
      v.sex = reg->sex;
      v.birth_date = reg->birth;
      v.formality = reg->formality;
      v.occupation = reg->occupation;
      v.decile = reg->decile;
      v.vulnerability = reg->vulnerability;
      v.occupations = &reg->occupations;
      v.names = &reg->names;
      v.owner = reg;
      return v;
    };
  }

  Result<PlanReport> Run(PlanParams p, PlanListing listing = {}) {
    if (p.date.empty()) p.date = "2025-01-01";
    auto q = PlanService::ParseQuery(p);
    if (!q.ok()) return q.status();
    PlanService service(rates_, D(2026, 11, 21));
    NullProgress progress;
    return service.Plan(*q, listing, Coverage(), Registry(), progress);
  }

  RateTable rates_;
  std::shared_ptr<FakeRegistry> reg_;
};

TEST_F(PlanServiceTest, CandidatesAreUnprotectedInformalWorkersOfWorkingAgeWithANik) {
  auto r = Run(P("17", "1000000000"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->candidates, 3);
  EXPECT_EQ(r->candidates_unregistered, 2);
  EXPECT_EQ(r->candidates_non_active, 1);
  EXPECT_EQ(r->excluded.formal, 1);
  EXPECT_EQ(r->excluded.age, 2);
  EXPECT_EQ(r->excluded.invalid_nik, 1);
  EXPECT_EQ(r->cost_per_worker, kBpuYear);
  EXPECT_EQ(r->enrolled, 3);
  EXPECT_EQ(r->cost, 3 * kBpuYear);
  EXPECT_EQ(r->remaining, 1000000000 - 3 * kBpuYear);
  EXPECT_EQ(r->unfunded, 0);
  ASSERT_EQ(r->workers.size(), 3u);
  // Decile 1, then 3, then unknown.
  EXPECT_EQ(r->workers[0].decile, 1);
  EXPECT_EQ(r->workers[1].decile, 3);
  EXPECT_EQ(r->workers[2].decile, 0);
  EXPECT_EQ(r->workers[2].age, 39);  // from the NIK: born 12 March 1985
}

TEST_F(PlanServiceTest, BudgetOneRupiahShortOfTwoWorkersEnrolsOne) {
  auto r = Run(P("17", "Rp 403.199", &PlanParams::funders, "provinsi:30,kabupaten:70"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->budget, 403199);
  EXPECT_EQ(r->enrolled, 1);
  EXPECT_EQ(r->cost, 201600);
  EXPECT_EQ(r->remaining, 201599);
  EXPECT_EQ(r->unfunded, 2);
  EXPECT_EQ(r->unfunded_cost, 2 * kBpuYear);
  // 30% of 201.600 = 60.480, 70% = 141.120: exact.
  ASSERT_EQ(r->funders.size(), 2u);
  EXPECT_EQ(r->funders[0].amount, 60480);
  EXPECT_EQ(r->funders[1].amount, 141120);
  // The decile-1 worker lives in Kaur: Kaur 30 -> 31 of 60, Lebong unchanged.
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->rows[0].enrolled, 1);
  EXPECT_EQ(r->rows[0].active_after, 31);
  EXPECT_DOUBLE_EQ(*r->rows[0].coverage_before, 0.5);
  EXPECT_DOUBLE_EQ(*r->rows[0].coverage_after, 31.0 / 60.0);
  EXPECT_EQ(r->rows[0].candidates, 2);
  EXPECT_EQ(r->rows[0].unfunded, 1);
  EXPECT_EQ(r->rows[1].enrolled, 0);
  EXPECT_EQ(r->rows[1].active_after, 10);
  EXPECT_DOUBLE_EQ(*r->region.coverage_before, 0.40);
  EXPECT_DOUBLE_EQ(*r->region.coverage_after, 0.41);
  // Masked by default, with a reason.
  ASSERT_EQ(r->workers.size(), 1u);
  EXPECT_EQ(r->workers[0].nik, "1704************");
  EXPECT_EQ(r->workers[0].name, "B*** S******");
  EXPECT_EQ(r->workers[0].reason, "desil 1; kerentanan tidak diketahui; non-aktif (BPU)");
  EXPECT_EQ(r->workers[0].village_name, "Desa Dua");
  EXPECT_EQ(r->workers[0].row_name, "Kabupaten Kaur");
  EXPECT_FALSE(r->notes.empty());
  // Unmasked on request.
  PlanListing all;
  all.unmask = true;
  r = Run(P("17", "403199"), all);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->workers[0].nik, "1704011105900002");
  EXPECT_EQ(r->workers[0].name, "Budi Santoso");
}

TEST_F(PlanServiceTest, PoliciesExplainTheirChoice) {
  auto r = Run(P("17", "1000000000", &PlanParams::policy, "vulnerable"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->workers[0].reason, "rentan; pekerjaan rentan: nelayan; desil 3; belum terdaftar");
  r = Run(P("17", "201600", &PlanParams::policy, "lowest-coverage"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // Registry coverage of the villages: Desa Satu 1 of 3 (one active), Desa
  // Dua 0 of 2, Desa Tiga 0 of 3: Desa Dua and Desa Tiga tie at 0, the
  // decile-1 worker of Desa Dua comes first.
  EXPECT_EQ(r->workers[0].reason,
            "cakupan registri Desa Dua saat dipilih 0,0% (0 dari 2), terendah; desil 1; kerentanan tidak diketahui; "
            "non-aktif (BPU)");
  r = Run(P("17", "403200", &PlanParams::policy, "max-gain"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // Lebong's denominator (40) is smaller than Kaur's (60): its candidate first.
  EXPECT_EQ(r->workers[0].row_name, "Kabupaten Lebong");
  EXPECT_EQ(r->workers[0].reason.rfind("kenaikan cakupan terbesar: Kabupaten Lebong, penyebut 40 (+1/40 per pekerja); ",
                                       0),
            0u)
      << r->workers[0].reason;
  r = Run(P("17", "403200", &PlanParams::policy, "equal-share"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->first_share, 201600);
  EXPECT_EQ(r->rows[0].enrolled, 1);
  EXPECT_EQ(r->rows[1].enrolled, 1);
  EXPECT_EQ(r->rows[0].allotted, 201600);
  EXPECT_EQ(r->workers[0].reason.rfind("bagian sama rata Kabupaten Kaur, putaran 1; desil 1", 0), 0u)
      << r->workers[0].reason;
}

TEST_F(PlanServiceTest, PagesOfTheList) {
  PlanListing l;
  l.page = 2;
  l.page_size = 2;
  auto r = Run(P("17", "1000000000"), l);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->pages, 2);
  ASSERT_EQ(r->workers.size(), 1u);
  EXPECT_EQ(r->workers[0].rank, 3);
  l.page = 3;
  EXPECT_FALSE(Run(P("17", "1000000000"), l).ok());
  // Everything on one page, unless longer than a download may be.
  PlanListing all;
  all.page_size = 0;
  r = Run(P("17", "1000000000"), all);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->workers.size(), 3u);
  all.max_all = 2;
  r = Run(P("17", "1000000000"), all);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("daftar berisi 3 pekerja"), std::string::npos) << r.status().message();
}

TEST_F(PlanServiceTest, AVillageIsARegionWithoutRows) {
  auto r = Run(P("17.04.01.2002", "1000000000"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->rows.empty());
  EXPECT_EQ(r->region.name, "Desa Dua");
  EXPECT_EQ(r->candidates, 1);
  EXPECT_EQ(r->enrolled, 1);
  EXPECT_EQ(r->region.active_before, 5);
  EXPECT_EQ(r->region.active_after, 6);
  EXPECT_DOUBLE_EQ(*r->region.coverage_after, 6.0 / 20.0);
}

TEST_F(PlanServiceTest, BadParametersAreRefusedBeforeAnythingIsRead) {
  struct Case {
    PlanParams params;
    StatusCode code;
    const char* message;
  } cases[] = {
      {P("17", "-5"), StatusCode::kInvalidArgument, "budget: '-5' tidak boleh negatif"},
      {P("17", "Rp -5.000"), StatusCode::kInvalidArgument, "tidak boleh negatif"},
      {P("17", "satu miliar"), StatusCode::kInvalidArgument, "bukan jumlah rupiah bulat"},
      {P("17", "1,5"), StatusCode::kInvalidArgument, "budget"},
      {P("17", "10000000000000000"), StatusCode::kInvalidArgument, "terlalu besar"},
      {P("17", ""), StatusCode::kInvalidArgument, "budget: wajib"},
      {P("", "1000"), StatusCode::kInvalidArgument, "region: wajib"},
      {P("17.0x", "1000"), StatusCode::kInvalidArgument, "bukan kode wilayah"},
      {P("17", "1000", &PlanParams::policy, "richest"), StatusCode::kInvalidArgument, "policy: 'richest'"},
      {P("17", "1000", &PlanParams::package, "emas"), StatusCode::kNotFound, "emas"},
      {P("17", "1000", &PlanParams::package, "pu-full"), StatusCode::kInvalidArgument, "bukan paket BPU"},
      {P("17", "1000", &PlanParams::months, "0"), StatusCode::kInvalidArgument, "months: '0'"},
      {P("17", "1000", &PlanParams::months, "121"), StatusCode::kInvalidArgument, "months"},
      {P("17", "1000", &PlanParams::date, "2025-02-30"), StatusCode::kInvalidArgument, "date"},
      {P("17", "1000", &PlanParams::level, "province"), StatusCode::kInvalidArgument, "level"},
      {P("17", "1000", &PlanParams::funders, "provinsi:30,kabupaten:60"), StatusCode::kInvalidArgument,
       "90%"},
      {P("17", "1000", &PlanParams::income, "-1"), StatusCode::kInvalidArgument, "income"},
  };
  for (const Case& c : cases) {
    auto q = PlanService::ParseQuery(c.params);
    ASSERT_FALSE(q.ok()) << c.message;
    EXPECT_EQ(q.status().code(), c.code) << c.message;
    EXPECT_NE(q.status().message().find(c.message), std::string::npos) << q.status().message();
  }
  // Accepted forms.
  for (const char* budget : {"1000000000", "1.000.000.000", "Rp 1.000.000.000", "Rp1.000.000.000,-", "0"}) {
    auto q = PlanService::ParseQuery(P("17", budget));
    ASSERT_TRUE(q.ok()) << budget << ": " << q.status().ToString();
  }
  // An unknown region is the coverage source's 404.
  auto r = Run(P("99", "1000"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace cakupan
