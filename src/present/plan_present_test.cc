// The wire forms of a budget allocation: the contract's JSON fields
// (docs/api.md, shared with the dashboard's "Perencanaan" page), the CSV
// header, the table in Indonesian formats, and the workbook's sheets.
#include <gtest/gtest.h>

#include "base/i18n.h"
#include "present/plan_json.h"
#include "present/plan_table.h"
#include "present/zip_reader_for_tests.h"

namespace cakupan {
namespace {

PlanReport Sample() {
  PlanReport r;
  r.period = *Period::Parse("2024-11");
  r.basis = "labour-force";
  r.level = RegionLevel::kRegency;
  r.policy = PlanPolicy::kDecile;
  r.worker.request.segment = Segment::kBPU;
  r.worker.request.programmes = kJKK | kJKM;
  r.worker.request.package = "bpu-minimum";
  r.worker.request.monthly_base = 1000000;
  r.worker.request.months = 12;
  r.worker.request.start = DateFromCivil(2025, 1, 1);
  r.cost_per_worker = 201600;
  r.budget = 1000000000;
  r.cost = 999936000;
  r.remaining = 64000;
  r.candidates = 12345;
  r.enrolled = 4960;
  r.unfunded = 7385;
  r.unfunded_cost = 7385LL * 201600;
  r.region.code = *RegionCode::Parse("17");
  r.region.name = "Bengkulu";
  r.region.level = RegionLevel::kProvince;
  r.region.workers = 736842;
  r.region.active_before = 272632;
  r.region.active_after = 272632 + 4960;
  r.region.coverage_before = 272632.0 / 736842;
  r.region.coverage_after = (272632.0 + 4960) / 736842;
  PlanRow row = r.region;
  row.code = *RegionCode::Parse("17.07");
  row.name = "Kabupaten Lebong";
  row.level = RegionLevel::kRegency;
  row.workers = std::nullopt;
  row.coverage_before = row.coverage_after = std::nullopt;
  r.rows.push_back(row);
  r.funders = {Funder{"provinsi", 30000, 299980800}, Funder{"kabupaten", 70000, 699955200}};
  PlanWorker w;
  w.rank = 1;
  w.nik = "1707************";
  w.name = "S*** A*****";
  w.village = *RegionCode::Parse("17.07.01.2001");
  w.village_name = "Desa Tiga";
  w.decile = 1;
  w.vulnerability = Vulnerability::kVulnerable;
  w.occupation = "petani";
  w.cost = 201600;
  w.reason = "desil 1; rentan; pekerjaan rentan: petani; belum terdaftar";
  r.workers.push_back(w);
  r.page_size = 50;
  r.pages = 100;
  return r;
}

TEST(PlanPresentTest, JsonHasTheContractsFields) {
  SetLanguage(Lang::kId);
  auto j = PlanReportJson(Sample());
  for (const char* f : {"region", "period", "basis", "policy", "policy_label", "package", "programmes", "months", "date",
                        "cost_per_worker", "budget", "cost", "remaining", "candidates", "enrolled", "unfunded",
                        "unfunded_cost", "coverage_before", "coverage_after", "funders", "rows", "workers"})
    EXPECT_TRUE(j.contains(f)) << f;
  EXPECT_EQ(j["region"]["code"], "17");
  EXPECT_EQ(j["region"]["level"], "province");
  EXPECT_EQ(j["policy_label"], "Desil kesejahteraan terendah dahulu");
  EXPECT_EQ(j["date"], "2025-01-01");
  EXPECT_EQ(j["budget"], 1000000000);
  EXPECT_EQ(j["cost"], 999936000);
  EXPECT_EQ(j["funders"][0]["share_percent"], 30);
  EXPECT_EQ(j["funders"][1]["amount"], 699955200);
  for (const char* f : {"code", "name", "level", "workers", "active_before", "active_after", "coverage_before",
                        "coverage_after", "candidates", "enrolled", "cost", "unfunded"})
    EXPECT_TRUE(j["rows"][0].contains(f)) << f;
  EXPECT_TRUE(j["rows"][0]["coverage_after"].is_null());
  for (const char* f : {"total", "page", "pages", "page_size", "items"}) EXPECT_TRUE(j["workers"].contains(f)) << f;
  const auto& item = j["workers"]["items"][0];
  for (const char* f : {"rank", "nik", "name", "village", "village_name", "decile", "vulnerability", "occupation", "cost",
                        "reason"})
    EXPECT_TRUE(item.contains(f)) << f;
  EXPECT_EQ(item["nik"], "1707************");
  EXPECT_EQ(item["vulnerability"], "rentan");
}

TEST(PlanPresentTest, CsvTableAndWorkbook) {
  SetLanguage(Lang::kId);
  const PlanReport r = Sample();
  const std::string csv = PlanWorkersCsv(r);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "rank,nik,name,village,village_name,row,row_name,sex,age,formality,decile,vulnerability,occupation,status,"
            "lapsed_segment,cost,reason");
  EXPECT_NE(csv.find("\"desil 1; rentan; pekerjaan rentan: petani; belum terdaftar\""), std::string::npos) << csv;
  const std::string table = RenderPlan(r);
  EXPECT_NE(table.find("Rp 999.936.000 (4.960 pekerja)"), std::string::npos) << table;
  EXPECT_NE(table.find("37,0% \u2192 37,7%"), std::string::npos) << table;
  EXPECT_NE(table.find("provinsi 30%: Rp 299.980.800"), std::string::npos) << table;
  auto bytes = PlanReportXlsx(r);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  const auto entries = testing_zip::ReadZip(*bytes);
  EXPECT_TRUE(entries.count("xl/worksheets/sheet4.xml"));
  EXPECT_NE(entries.at("xl/sharedStrings.xml").find("Penyandang dana: provinsi"), std::string::npos);
}

}  // namespace
}  // namespace cakupan
