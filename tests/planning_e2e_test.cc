// Planning end to end with the real binary and real SQLite files: the rate
// table (import, list, idempotence, overlaps refused with nothing stored),
// `cakupan cost` (201.600 for the BPU minimum package), `cakupan gaps` on a
// generated province checked against `cakupan coverage`, and the API giving
// the same objects as the CLI.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

#include "e2e_util.h"
#include "present/zip_reader_for_tests.h"

namespace cakupan::e2e {
namespace {

std::string Shipped() { return SourceDir() + "/data/tarif/iuran.csv"; }

nlohmann::json Json(const RunResult& r) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out, nullptr, false);
}

TEST(PlanningCliTest, CostOfTheBpuMinimumPackageIs201600AYear) {
  TempDir dir("cost");
  const std::string db = dir / "cost.db";
  // With a database (created by importing the rates).
  RunResult imp = Cakupan({"--db", db, "rates", "import", Shipped()});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  nlohmann::json j = Json(Cakupan({"--db", db, "cost", "--segment", "BPU", "--income", "1000000", "--months", "12",
                                   "--format", "json"}));
  EXPECT_EQ(j["total"], 201600);
  EXPECT_EQ(j["first_month"]["total"], 16800);
  EXPECT_EQ(j["by_payer"]["worker"], 201600);
  EXPECT_EQ(j["by_programme"]["JKK"], 120000);
  EXPECT_EQ(j["by_programme"]["JKM"], 81600);
  EXPECT_EQ(j["package"], "bpu-minimum");
  // Without a database the shipped file prices it, and no file is created.
  const std::string none = dir / "none.db";
  j = Json(Cakupan({"--db", none, "cost", "--segment", "BPU", "--income", "Rp 1.000.000", "--months", "12",
                    "--format", "json"}));
  EXPECT_EQ(j["total"], 201600);
  EXPECT_FALSE(std::filesystem::exists(none));
  // A group, the table form in Indonesian, and CSV.
  RunResult table = Cakupan({"--db", db, "cost", "--workers", "71935", "--months", "12", "--date", "2025-01-01"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Rp 14.502.096.000"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("Rp 16.800"), std::string::npos);
  RunResult csv = Cakupan({"--db", db, "cost", "--months", "12", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("\ntotal,"), std::string::npos);
  EXPECT_NE(csv.out.find(",201600,"), std::string::npos) << csv.out;
}

TEST(PlanningCliTest, CostRefusesBadInputWithAClearMessage) {
  TempDir dir("cost-bad");
  const std::string db = dir / "c.db";
  struct Case {
    std::vector<std::string> args;
    const char* message;
  } cases[] = {
      {{"--income", "-1000000"}, "income: '-1000000'"},
      {{"--income", "100000000000"}, "income/wage"},
      {{"--package", "emas"}, "paket tidak dikenal 'emas'"},
      {{"--segment", "PU", "--wage", "5000000"}, "kelas risiko"},
      {{"--months", "0"}, "months: harus dari 1 sampai 120"},
      {{"--date", "2015-06-30"}, "2015-06-30"},
      {{"--segment", "Jakon", "--contract-value", "1000000000", "--months", "12"}, "sekali untuk seluruh kontrak"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"--db", db, "cost"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    RunResult r = Cakupan(args);
    EXPECT_EQ(r.exit_code, 1) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST(PlanningCliTest, RatesImportIsIdempotentAndOverlapsChangeNothing) {
  TempDir dir("rates");
  const std::string db = dir / "r.db";
  ASSERT_EQ(Cakupan({"--db", db, "rates", "import", Shipped()}).exit_code, 0);
  RunResult again = Cakupan({"--db", db, "rates", "import", Shipped()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("17 tidak berubah"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("tidak ada perubahan"), std::string::npos) << again.out;
  // The CSV listing is the import format: it reads back to the same table.
  RunResult list = Cakupan({"--db", db, "rates", "list", "--format", "csv"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  WriteFile(dir / "listed.csv", list.out);
  RunResult round = Cakupan({"--db", db, "rates", "import", dir / "listed.csv"});
  ASSERT_EQ(round.exit_code, 0) << round.err;
  EXPECT_NE(round.out.find("tidak ada perubahan"), std::string::npos) << round.out;
  // A new JP cap that forgets to close the stored row: refused, nothing stored.
  WriteFile(dir / "jp.csv",
            "programme,segment,basis,rate_percent,employer,worker,base_cap,effective_from,regulation\n"
            "JP,PU,percent,3,2,1,11000000,2025-03-01,PP 45/2015\n");
  RunResult bad = Cakupan({"--db", db, "rates", "import", dir / "jp.csv"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("jp.csv baris 2"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("tumpang tindih"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("Tidak ada yang disimpan"), std::string::npos) << bad.err;
  EXPECT_EQ(Cakupan({"--db", db, "rates", "list", "--format", "csv"}).out, list.out);
  // Closing the old row in the same file makes it valid.
  WriteFile(dir / "jp.csv",
            "programme,segment,basis,rate_percent,employer,worker,base_cap,effective_from,effective_to,regulation\n"
            "JP,PU,percent,3,2,1,10042300,2024-03-01,2025-02-28,PP 45/2015\n"
            "JP,PU,percent,3,2,1,11000000,2025-03-01,,PP 45/2015\n");
  RunResult good = Cakupan({"--db", db, "rates", "import", dir / "jp.csv"});
  ASSERT_EQ(good.exit_code, 0) << good.err;
  EXPECT_NE(good.out.find("1 baru, 1 diperbarui"), std::string::npos) << good.out;
  // The effective-date boundary: 28 February old cap, 1 March new.
  auto jp = [&](const char* date) {
    nlohmann::json j = Json(Cakupan({"--db", db, "cost", "--segment", "PU", "--programmes", "JP", "--wage", "20000000",
                                     "--date", date, "--format", "json"}));
    return j["total"].get<int64_t>();
  };
  EXPECT_EQ(jp("2025-02-28"), 301269);  // 3% x 10.042.300
  EXPECT_EQ(jp("2025-03-01"), 330000);  // 3% x 11.000.000
  // In force on a day, as JSON.
  nlohmann::json in_force = Json(Cakupan({"--db", db, "rates", "list", "--date", "2025-03-01", "--format", "json"}));
  EXPECT_EQ(in_force["rows"].size(), 17u);
  // The import log has the rate imports.
  RunResult status = Cakupan({"--db", db, "status"});
  EXPECT_NE(status.out.find("rates"), std::string::npos) << status.out;
}

// A generated province with its targets, shared by the gap and API tests.
class PlanningGapsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("gaps");
    db_ = *dir_ / "gaps.db";
    const std::string gen = *dir_ / "gen";
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"generate", "--region", "17", "--workers", "3000", "--seed", "5", "--periods", "1", "--out", gen},
             {"--db", db_, "import", "regions", SourceDir() + "/data/wilayah/wilayah.csv"},
             {"--db", db_, "import", "workers", gen + "/pekerja.csv"},
             {"--db", db_, "import", "labour-force", gen + "/angkatan-kerja.csv"},
             {"--db", db_, "import", "targets", gen + "/target.csv"},
             {"--db", db_, "import", "members", gen + "/kepesertaan-2024-11.csv"},
             {"--db", db_, "reconcile", "--all"}}) {
      RunResult r = Cakupan(args);
      ASSERT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    }
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static TempDir* dir_;
  static std::string db_;
};
TempDir* PlanningGapsTest::dir_ = nullptr;
std::string PlanningGapsTest::db_;

int64_t Needed(int64_t active, int64_t workers, int64_t target_pcm) {
  const int64_t required = (target_pcm * workers + 99999) / 100000;  // ceil
  return std::max<int64_t>(0, required - active);
}

TEST_F(PlanningGapsTest, GapsAgreeWithCoverageAndCostTheBpuMinimumPackage) {
  nlohmann::json cov = Json(Cakupan({"--db", db_, "coverage", "--region", "17", "--format", "json"}));
  nlohmann::json gaps = Json(Cakupan({"--db", db_, "gaps", "--region", "17", "--target", "39", "--date", "2025-01-01",
                                      "--format", "json"}));
  ASSERT_EQ(gaps["rows"].size(), 10u);
  EXPECT_EQ(gaps["cost_per_worker_year"], 201600);
  EXPECT_EQ(gaps["denominator_grows"], false);
  EXPECT_EQ(gaps["target"]["kind"], "fixed");
  EXPECT_EQ(gaps["target"]["numerator"], 39000);
  int64_t sum_needed = 0, sum_cost = 0;
  for (size_t i = 0; i < gaps["rows"].size(); ++i) {
    const auto& g = gaps["rows"][i];
    const auto& c = cov["rows"][i];
    ASSERT_EQ(g["code"], c["code"]);
    ASSERT_FALSE(c["denominator"].is_null());
    EXPECT_EQ(g["workers"], c["denominator"]);
    EXPECT_EQ(g["active"], c["active"]);
    const int64_t needed = Needed(c["active"].get<int64_t>(), c["denominator"].get<int64_t>(), 39000);
    EXPECT_EQ(g["needed"].get<int64_t>(), needed) << g["code"];
    EXPECT_EQ(g["yearly_cost"].get<int64_t>(), needed * 201600) << g["code"];
    sum_needed += needed;
    sum_cost += needed * 201600;
  }
  EXPECT_EQ(gaps["rows_needed"], sum_needed);
  EXPECT_EQ(gaps["rows_cost"], sum_cost);
  const int64_t region_needed =
      Needed(cov["region"]["active"].get<int64_t>(), cov["region"]["denominator"].get<int64_t>(), 39000);
  EXPECT_EQ(gaps["region"]["needed"], region_needed);
  EXPECT_EQ(gaps["region"]["yearly_cost"], region_needed * 201600);
  ASSERT_GT(region_needed, 0);  // the generated province is below 39%

  // Each region's own target: the coverage table's "workers to target" when
  // positive, else met.
  nlohmann::json own = Json(Cakupan({"--db", db_, "gaps", "--region", "17", "--format", "json"}));
  for (size_t i = 0; i < own["rows"].size(); ++i) {
    const auto& c = cov["rows"][i];
    ASSERT_FALSE(c["gap_workers"].is_null()) << c["code"];
    EXPECT_EQ(own["rows"][i]["needed"].get<int64_t>(), std::max<int64_t>(0, c["gap_workers"].get<int64_t>()))
        << c["code"];
  }

  // The table in Indonesian: the sentence for the province.
  RunResult table = Cakupan({"--db", db_, "gaps", "--region", "17", "--target", "39", "--date", "2025-01-01"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Bengkulu: +"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find(" pekerja untuk mencapai 39%, Rp "), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("Rp 201.600 per pekerja per tahun"), std::string::npos);
  EXPECT_NE(table.out.find("penyebut tidak bertambah"), std::string::npos);

  // CSV: the region last; XLSX: a workbook with the rupiah column.
  RunResult csv = Cakupan({"--db", db_, "gaps", "--region", "17", "--target", "39", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  const std::string csv_path = *dir_ / "gaps.csv";
  WriteFile(csv_path, csv.out);
  auto rows = ReadCsv(csv_path);
  ASSERT_EQ(rows.size(), 12u);  // header, 10 regencies, the province
  EXPECT_EQ(rows.back()[2], "17");
  EXPECT_EQ(rows.back().back(), "1");
  const std::string xlsx = *dir_ / "gaps.xlsx";
  RunResult x = Cakupan({"--db", db_, "gaps", "--region", "17", "--target", "39", "--format", "xlsx", "-o", xlsx});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  const auto entries = testing_zip::ReadZip(ReadFile(xlsx));
  ASSERT_TRUE(entries.count("xl/worksheets/sheet1.xml")) << "not a workbook";
  EXPECT_TRUE(entries.count("xl/worksheets/sheet2.xml"));  // the cost of one worker-year
  const std::string& strings = entries.at("xl/sharedStrings.xml");
  EXPECT_NE(strings.find("Biaya per tahun"), std::string::npos);
}

TEST_F(PlanningGapsTest, GapsRefuseBadInputAndTheNationalReferenceOfOneProvince) {
  struct Case {
    std::vector<std::string> args;
    const char* message;
  } cases[] = {
      {{"--region", "99"}, "99"},
      {{"--region", "17", "--target", "120"}, "target: '120'"},
      {{"--region", "17", "--target", "national"}, "1 dari 38 provinsi"},
      {{"--region", "17", "--package", "emas"}, "paket tidak dikenal 'emas'"},
      {{"--region", "17", "--package", "jakon"}, "per kontrak"},
      {{"--region", "17", "--format", "xlsx"}, "--output"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"--db", db_, "gaps"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    RunResult r = Cakupan(args);
    EXPECT_EQ(r.exit_code, 1) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
}

TEST_F(PlanningGapsTest, ApiAnswersTheSameObjectsAsTheCli) {
  // A copy of the database that has never held rates: serve seeds them.
  const std::string api_db = *dir_ / "api.db";
  std::filesystem::copy_file(db_, api_db, std::filesystem::copy_options::overwrite_existing);
  ServerProcess server({"--db", api_db, "serve", "--port", "0", "--reload-seconds", "0"});
  ASSERT_TRUE(server.ok()) << server.output();
  auto get = [&](const std::string& target, int status) {
    HttpResult r = HttpGet(server.port(), target);
    EXPECT_EQ(r.status, status) << target << ": " << r.body.substr(0, 300);
    return nlohmann::json::parse(r.body, nullptr, false);
  };
  nlohmann::json cost = get("/api/cost?segment=BPU&income=1000000&months=12&date=2025-01-01", 200);
  EXPECT_EQ(cost["total"], 201600);
  EXPECT_EQ(cost, Json(Cakupan({"--db", api_db, "cost", "--segment", "BPU", "--income", "1000000", "--months", "12",
                                "--date", "2025-01-01", "--format", "json"})));
  nlohmann::json gaps = get("/api/gaps?region=17&target=39&date=2025-01-01", 200);
  EXPECT_EQ(gaps, Json(Cakupan({"--db", api_db, "gaps", "--region", "17", "--target", "39", "--date", "2025-01-01",
                                "--format", "json"})));
  EXPECT_EQ(gaps["rows"].size(), 10u);
  // Errors, as documented.
  EXPECT_EQ(get("/api/cost?package=emas", 404)["error"]["code"], "not_found");
  EXPECT_EQ(get("/api/cost?months=0", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(get("/api/cost?income=-5", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(get("/api/gaps?region=17&target=national", 409)["error"]["code"], "no_data");
  EXPECT_EQ(get("/api/gaps?region=99", 404)["error"]["code"], "not_found");
  // English messages on request.
  nlohmann::json en = get("/api/cost?months=0&lang=en", 400);
  EXPECT_NE(en["error"]["message"].get<std::string>().find("months: must be from 1 to 120"), std::string::npos);
  // Downloads.
  HttpResult csv = HttpGet(server.port(), "/api/gaps?region=17&target=39&format=csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.Header("content-disposition").find("cakupan-selisih-17-regency-2024-11.csv"), std::string::npos);
  HttpResult xlsx = HttpGet(server.port(), "/api/gaps?region=17&target=39&format=xlsx");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  HttpResult cost_csv = HttpGet(server.port(), "/api/cost?months=12&format=csv");
  EXPECT_EQ(cost_csv.status, 200);
  EXPECT_NE(cost_csv.body.find(",201600,"), std::string::npos);
  // The OpenAPI document names both.
  nlohmann::json openapi = get("/api/openapi.json", 200);
  EXPECT_TRUE(openapi["paths"].contains("/api/cost"));
  EXPECT_TRUE(openapi["paths"].contains("/api/gaps"));
}

}  // namespace
}  // namespace cakupan::e2e
