// `cakupan projection` end to end with the real binary and real SQLite
// files: a generated province with four monthly periods, imported and
// reconciled; the JSON checked against `cakupan coverage` of every period
// and against a pace, month and monthly need computed here independently;
// one period only; a stale period left out; and GET /api/projection giving
// the same object as the CLI.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "e2e_util.h"
#include "present/zip_reader_for_tests.h"

namespace cakupan::e2e {
namespace {

nlohmann::json Json(const RunResult& r) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out, nullptr, false);
}

// "2024-11" -> months since year 0.
int MonthIndex(const std::string& period) {
  return std::stoi(period.substr(0, 4)) * 12 + std::stoi(period.substr(5, 2)) - 1;
}
std::string PeriodOf(int index) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", index / 12, index % 12 + 1);
  return buf;
}

class ProjectionE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("projection");
    db_ = *dir_ / "p.db";
    gen_ = *dir_ / "gen";
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"generate", "--region", "17", "--workers", "3000", "--seed", "7", "--periods", "4", "--out", gen_},
             {"--db", db_, "import", "regions", SourceDir() + "/data/wilayah/wilayah.csv"},
             {"--db", db_, "import", "workers", gen_ + "/pekerja.csv"},
             {"--db", db_, "import", "labour-force", gen_ + "/angkatan-kerja.csv"},
             {"--db", db_, "import", "targets", gen_ + "/target.csv"},
             {"--db", db_, "import", "members", gen_ + "/kepesertaan-2024-08.csv"},
             {"--db", db_, "import", "members", gen_ + "/kepesertaan-2024-09.csv"},
             {"--db", db_, "import", "members", gen_ + "/kepesertaan-2024-10.csv"},
             {"--db", db_, "import", "members", gen_ + "/kepesertaan-2024-11.csv"},
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
  static std::string gen_;
};
TempDir* ProjectionE2eTest::dir_ = nullptr;
std::string ProjectionE2eTest::db_;
std::string ProjectionE2eTest::gen_;

// The independent computation: least squares in integers, the smallest
// month, the monthly need.
struct Expected {
  int64_t pace_num = 0, pace_den = 1;
  int64_t needed = 0;
  std::string status;
  std::optional<std::string> reached_in;
  int64_t per_month = 0;
};

Expected Compute(const std::vector<int>& x, const std::vector<int64_t>& y, int64_t workers, int64_t target_pcm,
                 int latest, int by) {
  Expected e;
  const int64_t n = static_cast<int64_t>(x.size());
  int64_t sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const int64_t xi = x[i] - x[0];
    sx += xi;
    sy += y[i];
    sxx += xi * xi;
    sxy += xi * y[i];
  }
  e.pace_num = n * sxy - sx * sy;
  e.pace_den = n * sxx - sx * sx;
  const int64_t required = (target_pcm * workers + 99999) / 100000;
  e.needed = std::max<int64_t>(0, required - y.back());
  e.per_month = (e.needed + (by - latest) - 1) / (by - latest);
  if (e.needed == 0) {
    e.status = "reached";
  } else if (e.pace_num <= 0) {
    e.status = "not_at_pace";
  } else {
    // The smallest k with y + num/den * k >= y + needed.
    int64_t k = (e.needed * e.pace_den + e.pace_num - 1) / e.pace_num;
    e.status = k > 1200 ? "beyond_horizon" : "projected";
    if (k <= 1200) e.reached_in = PeriodOf(latest + static_cast<int>(k));
  }
  return e;
}

TEST_F(ProjectionE2eTest, JsonAgreesWithCoverageOfEveryPeriodAndTheHandComputation) {
  nlohmann::json proj = Json(Cakupan({"--db", db_, "projection", "--region", "17", "--target", "39", "--by", "2025-12",
                                      "--format", "json"}));
  ASSERT_EQ(proj["periods"], nlohmann::json({"2024-08", "2024-09", "2024-10", "2024-11"}));
  EXPECT_EQ(proj["latest_period"], "2024-11");
  EXPECT_EQ(proj["by"], "2025-12");
  EXPECT_EQ(proj["months_to_by"], 13);
  EXPECT_EQ(proj["method"], "least_squares");
  EXPECT_EQ(proj["denominator_grows"], false);
  EXPECT_EQ(proj["target"]["numerator"], 39000);
  EXPECT_TRUE(proj["stale_periods"].empty());
  ASSERT_EQ(proj["rows"].size(), 10u);

  // The coverage of every period, as `cakupan coverage` gives it.
  std::vector<nlohmann::json> cov;
  std::vector<int> x;
  for (const auto& p : proj["periods"]) {
    cov.push_back(Json(Cakupan({"--db", db_, "coverage", "--region", "17", "--period", p.get<std::string>(),
                                "--format", "json"})));
    x.push_back(MonthIndex(p.get<std::string>()));
  }
  const int latest = x.back(), by = MonthIndex("2025-12");
  auto check = [&](const nlohmann::json& row, auto coverage_row_of) {
    const std::string code = row["code"];
    std::vector<int64_t> y;
    ASSERT_EQ(row["series"].size(), cov.size()) << code;
    for (size_t i = 0; i < cov.size(); ++i) {
      const nlohmann::json& c = coverage_row_of(cov[i]);
      ASSERT_EQ(c["code"], row["code"]);
      EXPECT_EQ(row["series"][i]["period"], proj["periods"][i]);
      EXPECT_EQ(row["series"][i]["active"], c["active"]) << code << " " << proj["periods"][i];
      y.push_back(c["active"].get<int64_t>());
    }
    const nlohmann::json& now = coverage_row_of(cov.back());
    ASSERT_FALSE(now["denominator"].is_null()) << code;
    EXPECT_EQ(row["workers"], now["denominator"]) << code;
    EXPECT_EQ(row["active"], now["active"]) << code;
    const Expected e = Compute(x, y, now["denominator"].get<int64_t>(), 39000, latest, by);
    // The pace as a fraction: equal as rationals (the JSON one is reduced).
    EXPECT_EQ(static_cast<__int128>(row["pace"]["numerator"].get<int64_t>()) * e.pace_den,
              static_cast<__int128>(e.pace_num) * row["pace"]["denominator"].get<int64_t>())
        << code;
    EXPECT_EQ(row["needed"].get<int64_t>(), e.needed) << code;
    EXPECT_EQ(row["status"], e.status) << code;
    EXPECT_EQ(row["needed_per_month"].get<int64_t>(), e.per_month) << code;
    if (e.reached_in) EXPECT_EQ(row["reached_in"], *e.reached_in) << code;
    else EXPECT_TRUE(row["reached_in"].is_null()) << code;
  };
  for (size_t r = 0; r < proj["rows"].size(); ++r) {
    check(proj["rows"][r], [r](const nlohmann::json& c) -> const nlohmann::json& { return c["rows"][r]; });
  }
  check(proj["region"], [](const nlohmann::json& c) -> const nlohmann::json& { return c["region"]; });

  // The generated province grows towards November and is below 39%: a month.
  EXPECT_EQ(proj["region"]["status"], "projected");
  // The last 2 periods only: the pace is November minus October.
  nlohmann::json two = Json(Cakupan({"--db", db_, "projection", "--region", "17", "--target", "39", "--by", "2025-12",
                                     "--periods", "2", "--format", "json"}));
  ASSERT_EQ(two["periods"], nlohmann::json({"2024-10", "2024-11"}));
  EXPECT_EQ(two["periods_requested"], 2);
  const int64_t diff = cov[3]["region"]["active"].get<int64_t>() - cov[2]["region"]["active"].get<int64_t>();
  EXPECT_EQ(two["region"]["pace"]["numerator"].get<int64_t>(), diff);
  EXPECT_EQ(two["region"]["pace"]["denominator"], 1);
}

TEST_F(ProjectionE2eTest, TableCsvAndWorkbookInIndonesian) {
  RunResult table = Cakupan({"--db", db_, "projection", "--region", "17", "--by", "2025-12"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Proyeksi cakupan \u2014 Bengkulu (17), data Agustus 2024 \u2013 November 2024"),
            std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("Batas waktu: Desember 2025 (13 bulan setelah November 2024)"), std::string::npos);
  EXPECT_NE(table.out.find("Laju/bulan"), std::string::npos);
  EXPECT_NE(table.out.find("Perlu/bulan s.d. Desember 2025"), std::string::npos);
  EXPECT_NE(table.out.find("kuadrat terkecil"), std::string::npos);
  EXPECT_NE(table.out.find("Jumlah Bengkulu"), std::string::npos);
  // The region's month, in Indonesian, as the JSON gives it.
  nlohmann::json j = Json(Cakupan({"--db", db_, "projection", "--region", "17", "--by", "2025-12", "--format", "json"}));
  if (j["region"]["status"] == "projected") {
    static const char* kMonths[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                    "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
    const std::string p = j["region"]["reached_in"];
    const std::string month = std::string(kMonths[std::stoi(p.substr(5, 2)) - 1]) + " " + p.substr(0, 4);
    EXPECT_NE(table.out.find("tercapai pada " + month), std::string::npos) << table.out;
  }
  RunResult csv = Cakupan({"--db", db_, "projection", "--region", "17", "--by", "2025-12", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  WriteFile(*dir_ / "p.csv", csv.out);
  auto rows = ReadCsv(*dir_ / "p.csv");
  ASSERT_EQ(rows.size(), 12u);  // header, 10 regencies, the province
  EXPECT_EQ(rows[0][4], "code");
  EXPECT_EQ(rows.back()[4], "17");
  EXPECT_EQ(rows.back().back(), "1");
  const std::string xlsx = *dir_ / "p.xlsx";
  RunResult x = Cakupan({"--db", db_, "projection", "--region", "17", "--format", "xlsx", "-o", xlsx});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  const auto entries = testing_zip::ReadZip(ReadFile(xlsx));
  ASSERT_TRUE(entries.count("xl/worksheets/sheet2.xml"));  // the series
  EXPECT_NE(entries.at("xl/sharedStrings.xml").find("Laju per bulan"), std::string::npos);
}

TEST_F(ProjectionE2eTest, BadInputIsRefusedWithTheParameter) {
  struct Case {
    std::vector<std::string> args;
    const char* message;
  } cases[] = {
      {{"--region", "99"}, "99"},
      {{"--region", "17", "--by", "2024-11"}, "by: '2024-11' harus sesudah periode terbaru yang direkonsiliasi 2024-11"},
      {{"--region", "17", "--by", "besok"}, "by: 'besok' bukan bulan"},
      {{"--region", "17", "--periods", "1"}, "periods: '1' harus bilangan bulat dari 2"},
      {{"--region", "17", "--target", "120"}, "target: '120'"},
      {{"--region", "17", "--target", "national"}, "1 dari 38 provinsi"},
      {{"--region", "17", "--format", "xlsx"}, "--output"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"--db", db_, "projection"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    RunResult r = Cakupan(args);
    EXPECT_EQ(r.exit_code, 1) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
}

TEST_F(ProjectionE2eTest, OnePeriodOnlySaysSoAndStillGivesTheMonthlyNeed) {
  TempDir dir("projection-one");
  const std::string db = dir / "one.db";
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--db", db, "import", "regions", SourceDir() + "/data/wilayah/wilayah.csv"},
           {"--db", db, "import", "workers", gen_ + "/pekerja.csv"},
           {"--db", db, "import", "labour-force", gen_ + "/angkatan-kerja.csv"},
           {"--db", db, "import", "members", gen_ + "/kepesertaan-2024-11.csv"},
           {"--db", db, "reconcile", "--all"}}) {
    RunResult r = Cakupan(args);
    ASSERT_EQ(r.exit_code, 0) << args[2] << ": " << r.err;
  }
  nlohmann::json j = Json(Cakupan({"--db", db, "projection", "--region", "17", "--target", "39", "--by", "2025-12",
                                   "--format", "json"}));
  EXPECT_EQ(j["periods"], nlohmann::json({"2024-11"}));
  EXPECT_EQ(j["region"]["status"], "too_few_periods");
  EXPECT_TRUE(j["region"]["pace"].is_null());
  EXPECT_TRUE(j["region"]["reached_in"].is_null());
  const int64_t needed = j["region"]["needed"].get<int64_t>();
  ASSERT_GT(needed, 0);
  EXPECT_EQ(j["region"]["needed_per_month"].get<int64_t>(), (needed + 12) / 13);
  RunResult table = Cakupan({"--db", db, "projection", "--region", "17", "--target", "39", "--by", "2025-12"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Laju memerlukan paling sedikit 2 periode yang direkonsiliasi; hanya ada 1 (November 2024)"),
            std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("perlu 2 periode"), std::string::npos);
  // No own targets imported: every row says so.
  nlohmann::json own = Json(Cakupan({"--db", db, "projection", "--region", "17", "--by", "2025-12", "--format", "json"}));
  EXPECT_EQ(own["status_counts"]["no_target"], 10);
}

TEST_F(ProjectionE2eTest, ApiAnswersTheSameObjectAsTheCliAndLeavesOutStalePeriods) {
  // A copy in which August changed after it was reconciled (one membership
  // lapsed).
  const std::string api_db = *dir_ / "api.db";
  std::filesystem::copy_file(db_, api_db, std::filesystem::copy_options::overwrite_existing);
  std::string august = ReadFile(gen_ + "/kepesertaan-2024-08.csv");
  const size_t at = august.find(",aktif,");
  ASSERT_NE(at, std::string::npos);
  august.replace(at, 7, ",non-aktif,");
  WriteFile(*dir_ / "agustus.csv", august);
  RunResult imp = Cakupan({"--db", api_db, "import", "members", "--period", "2024-08", *dir_ / "agustus.csv"});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;

  ServerProcess server({"--db", api_db, "serve", "--port", "0", "--reload-seconds", "0"});
  ASSERT_TRUE(server.ok()) << server.output();
  auto get = [&](const std::string& target, int status) {
    HttpResult r = HttpGet(server.port(), target);
    EXPECT_EQ(r.status, status) << target << ": " << r.body.substr(0, 300);
    return nlohmann::json::parse(r.body, nullptr, false);
  };
  nlohmann::json api = get("/api/projection?region=17&target=39&by=2025-12", 200);
  nlohmann::json cli = Json(Cakupan({"--db", api_db, "projection", "--region", "17", "--target", "39", "--by",
                                     "2025-12", "--format", "json"}));
  EXPECT_EQ(api, cli);
  EXPECT_EQ(api["stale_periods"], nlohmann::json({"2024-08"}));
  EXPECT_EQ(api["periods"], nlohmann::json({"2024-09", "2024-10", "2024-11"}));
  // Defaults (own target, December of this year) and other parameters agree too.
  EXPECT_EQ(get("/api/projection?region=17", 200),
            Json(Cakupan({"--db", api_db, "projection", "--region", "17", "--format", "json"})));
  EXPECT_EQ(get("/api/projection?region=17.07&level=district&periods=2&basis=registry&by=2025-06", 200),
            Json(Cakupan({"--db", api_db, "projection", "--region", "17.07", "--level", "district", "--periods", "2",
                          "--basis", "registry", "--by", "2025-06", "--format", "json"})));
  // Errors, as documented.
  EXPECT_EQ(get("/api/projection?region=17&by=2024-11", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(get("/api/projection?region=17&periods=1", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(get("/api/projection?region=17&target=national", 409)["error"]["code"], "no_data");
  EXPECT_EQ(get("/api/projection?region=99", 404)["error"]["code"], "not_found");
  nlohmann::json en = get("/api/projection?region=17&periods=1&lang=en", 400);
  EXPECT_NE(en["error"]["message"].get<std::string>().find("periods: '1' must be a whole number from 2"),
            std::string::npos);
  // Downloads.
  HttpResult csv = HttpGet(server.port(), "/api/projection?region=17&by=2025-12&format=csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.Header("content-disposition").find("cakupan-proyeksi-17-regency-2025-12.csv"), std::string::npos);
  EXPECT_EQ(csv.body, Cakupan({"--db", api_db, "projection", "--region", "17", "--by", "2025-12", "--format", "csv"}).out);
  HttpResult xlsx = HttpGet(server.port(), "/api/projection?region=17&format=xlsx");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  // Only GET: no write route.
  EXPECT_EQ(HttpSend(server.port(), "POST", "/api/projection?region=17", "{}", {"Content-Type: application/json"}).status,
            405);
  nlohmann::json openapi = get("/api/openapi.json", 200);
  EXPECT_TRUE(openapi["paths"].contains("/api/projection"));
}

}  // namespace
}  // namespace cakupan::e2e
