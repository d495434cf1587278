// The JSON API against a running `cakupan serve` on a generated province:
// the same figures as the CLI, every resource, the documented errors,
// downloads, boundaries, and reloading when the data changes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "e2e_util.h"
#include "present/zip_reader_for_tests.h"

namespace cakupan::e2e {
namespace {

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>("api");
    db_ = *dir_ / "api.db";
    const std::string gen = *dir_ / "gen";
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"generate", "--region", "17", "--workers", "6000", "--seed", "3", "--periods", "2", "--out", gen},
             {"--db", db_, "import", "regions", SourceDir() + "/data/wilayah/wilayah.csv"},
             {"--db", db_, "import", "workers", gen + "/pekerja.csv"},
             {"--db", db_, "import", "labour-force", gen + "/angkatan-kerja.csv"},
             {"--db", db_, "import", "targets", gen + "/target.csv"},
             {"--db", db_, "import", "members", gen + "/kepesertaan-2024-10.csv"},
             {"--db", db_, "import", "members", gen + "/kepesertaan-2024-11.csv"},
             {"--db", db_, "import", "boundaries", SourceDir() + "/tests/fixtures/bengkulu-kabupaten-skematis.geojson"},
             {"--db", db_, "reconcile", "--all"}}) {
      RunResult r = Cakupan(args);
      ASSERT_EQ(r.exit_code, 0) << args[0] << " " << args[2] << ": " << r.err;
    }
    server_ = std::make_unique<ServerProcess>(
        std::vector<std::string>{"--db", db_, "serve", "--port", "0", "--reload-seconds", "1"});
    ASSERT_TRUE(server_->ok()) << server_->output();
  }

  HttpResult Get(const std::string& target) { return HttpGet(server_->port(), target); }
  nlohmann::json GetJson(const std::string& target, int status = 200) {
    HttpResult r = Get(target);
    EXPECT_EQ(r.status, status) << target << ": " << r.body.substr(0, 300);
    EXPECT_NE(r.Header("content-type").find("application/json"), std::string::npos) << target;
    return nlohmann::json::parse(r.body, nullptr, false);
  }

  std::unique_ptr<TempDir> dir_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ApiTest, CoverageIsTheSameObjectAsTheCli) {
  RunResult cli = Cakupan({"--db", db_, "coverage", "--region", "17", "--level", "regency", "--format", "json"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  auto from_cli = nlohmann::json::parse(cli.out);
  auto from_api = GetJson("/api/coverage?region=17&level=regency");
  EXPECT_EQ(from_api, from_cli);
  EXPECT_EQ(from_api["rows"].size(), 10u);
  // And on the registry basis, for another period.
  cli = Cakupan({"--db", db_, "coverage", "--region", "17.07", "--level", "district", "--basis", "registry", "--period",
                 "2024-10", "--format", "json"});
  EXPECT_EQ(GetJson("/api/coverage?region=17.07&level=district&basis=registry&period=2024-10"),
            nlohmann::json::parse(cli.out));
}

TEST_F(ApiTest, StatusRegionsAndSearch) {
  auto st = GetJson("/api/status");
  EXPECT_EQ(st["periods"], nlohmann::json::array({"2024-10", "2024-11"}));
  EXPECT_EQ(st["latest_period"], "2024-11");
  EXPECT_EQ(st["workers"], 6000);
  EXPECT_EQ(st["has_boundaries"], true);
  EXPECT_EQ(st["regions"]["village"], 83762);
  auto regions = GetJson("/api/regions?parent=17.07");
  EXPECT_EQ(regions["parent"]["name"], "Kabupaten Lebong");
  ASSERT_EQ(regions["path"].size(), 3u);  // Indonesia, Bengkulu, Lebong
  EXPECT_EQ(regions["path"][1]["code"], "17");
  EXPECT_EQ(regions["children"].size(), 12u);  // Lebong's districts
  auto root = GetJson("/api/regions");
  EXPECT_EQ(root["children"].size(), 38u);
  auto search = GetJson("/api/regions/search?q=lebong&limit=5");
  ASSERT_FALSE(search["results"].empty());
  EXPECT_EQ(search["results"][0]["code"], "17.07") << "the exact name first: " << search.dump();
  EXPECT_EQ(search["results"][1]["code"], "17.02") << "then the other regency: " << search.dump();
  EXPECT_EQ(search["results"][2]["level"], "district") << search.dump();
  EXPECT_EQ(GetJson("/api/regions/search?q=17.04")["results"][0]["name"], "Kabupaten Kaur");
}

TEST_F(ApiTest, BreakdownSeriesAndWorkers) {
  auto b = GetJson("/api/breakdown?region=17&dimension=sex&basis=registry");
  int64_t denominators = 0;
  for (const auto& r : b["rows"]) denominators += r["denominator"].is_null() ? 0 : r["denominator"].get<int64_t>();
  EXPECT_EQ(denominators, 6000);
  EXPECT_EQ(b["dimension"], "sex");
  // A village's own figures, with nothing below it.
  auto village_only = GetJson("/api/coverage?region=17.04.07.2010&basis=registry");
  EXPECT_EQ(village_only["region"]["code"], "17.04.07.2010");
  EXPECT_EQ(village_only["rows"].size(), 0u);
  EXPECT_EQ(village_only["level"], "village");
  auto series = GetJson("/api/series?region=17");
  ASSERT_EQ(series["points"].size(), 2u);
  EXPECT_EQ(series["points"][1]["period"], "2024-11");
  EXPECT_EQ(series["points"][1]["coverage"], GetJson("/api/coverage?region=17")["region"]["coverage"]);
  // The unprotected workers of one village: as many as its non-active and
  // unregistered workers, NIKs masked, paged.
  auto villages = GetJson("/api/coverage?region=17.07&level=village&basis=registry");
  std::string village;
  int64_t unprotected = 0;
  for (const auto& row : villages["rows"]) {
    const int64_t u = row["non_active"].get<int64_t>() + row["unregistered"].get<int64_t>();
    if (u > unprotected) {
      unprotected = u;
      village = row["code"];
    }
  }
  ASSERT_GT(unprotected, 3);
  auto page1 = GetJson("/api/workers?village=" + village + "&page_size=3");
  EXPECT_EQ(page1["total"], unprotected);
  EXPECT_EQ(page1["workers"].size(), 3u);
  EXPECT_EQ(page1["pages"], (unprotected + 2) / 3);
  const std::regex masked(R"(^17[0-9]{2}\*{12}$|^[0-9]{4}\*{12}$)");
  for (const auto& w : page1["workers"]) {
    EXPECT_TRUE(std::regex_match(w["nik"].get<std::string>(), masked)) << w["nik"];
    EXPECT_NE(w["status"], "active");
    EXPECT_EQ(w["name"].get<std::string>().find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz* '.-"),
              std::string::npos);
  }
  auto last = GetJson("/api/workers?village=" + village + "&page_size=3&page=" + std::to_string(page1["pages"].get<int>()));
  EXPECT_GE(last["workers"].size(), 1u);
}

TEST_F(ApiTest, DownloadsAsCsvAndXlsx) {
  HttpResult csv = Get("/api/coverage?region=17&format=csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.Header("content-type").find("text/csv"), std::string::npos);
  EXPECT_NE(csv.Header("content-disposition").find("cakupan-17-regency-2024-11.csv"), std::string::npos);
  EXPECT_EQ(csv.body.substr(0, 18), "period,basis,code,");
  HttpResult xlsx = Get("/api/coverage?region=17&format=xlsx");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_NE(xlsx.Header("content-type").find("spreadsheetml"), std::string::npos);
  auto entries = testing_zip::ReadZip(xlsx.body);
  ASSERT_TRUE(entries.count("xl/sharedStrings.xml")) << "not a workbook";
  EXPECT_NE(entries["xl/sharedStrings.xml"].find("Kabupaten Kaur"), std::string::npos);
  HttpResult workers = Get("/api/workers?village=17.04.07.2010&format=csv&status=all");
  EXPECT_EQ(workers.status, 200);
  EXPECT_EQ(workers.body.find("1704075"), std::string::npos) << "exports mask NIKs";
  for (const char* url : {"/api/breakdown?region=17&dimension=age_band&format=xlsx", "/api/series?region=17&format=xlsx",
                          "/api/workers?village=17.04.07.2010&format=xlsx"}) {
    HttpResult r = Get(url);
    EXPECT_EQ(r.status, 200) << url;
    EXPECT_FALSE(testing_zip::ReadZip(r.body).empty()) << url;
  }
}

TEST_F(ApiTest, BoundariesOrNoBoundaries) {
  HttpResult r = Get("/api/boundaries?parent=17");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.Header("content-type").find("geo+json"), std::string::npos);
  auto fc = nlohmann::json::parse(r.body);
  EXPECT_EQ(fc["type"], "FeatureCollection");
  ASSERT_EQ(fc["features"].size(), 10u);
  EXPECT_EQ(fc["features"][3]["properties"]["code"], "17.04");
  EXPECT_EQ(fc["features"][3]["properties"]["name"], "Kabupaten Kaur");
  auto none = GetJson("/api/boundaries?parent=17.04", 404);
  EXPECT_EQ(none["error"]["code"], "no_boundaries");
}

TEST_F(ApiTest, DocumentedErrors) {
  EXPECT_EQ(GetJson("/api/coverage?region=99", 404)["error"]["code"], "not_found");
  EXPECT_EQ(GetJson("/api/coverage?region=17.4", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(GetJson("/api/coverage?region=17&level=xyz", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(GetJson("/api/coverage?region=17&period=2024-13", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(GetJson("/api/coverage?region=17&period=2019-01", 404)["error"]["code"], "not_found");
  EXPECT_EQ(GetJson("/api/coverage?region=17&basis=xyz", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(GetJson("/api/breakdown?region=17", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(GetJson("/api/workers?village=17.04", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(GetJson("/api/workers?village=17.04.07.2010&page=0", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(GetJson("/api/workers?village=17.04.07.2010&page_size=9999", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(GetJson("/api/coverage?region=%zz", 400)["error"]["code"], "bad_request");
  EXPECT_EQ(GetJson("/api/nope", 404)["error"]["code"], "not_found");
  HttpResult post = HttpGet(server_->port(), "/api/coverage", "POST");
  EXPECT_EQ(post.status, 405);
  auto en = GetJson("/api/coverage?region=99&lang=en", 404);
  EXPECT_NE(en["error"]["message"].get<std::string>().find("unknown region"), std::string::npos);
}

TEST_F(ApiTest, OpenApiAndDashboard) {
  auto doc = GetJson("/api/openapi.json");
  EXPECT_EQ(doc["openapi"], "3.0.3");
  for (const char* path : {"/api/coverage", "/api/breakdown", "/api/series", "/api/workers", "/api/regions",
                           "/api/boundaries", "/api/status"})
    EXPECT_TRUE(doc["paths"].contains(path)) << path;
  HttpResult index = Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.Header("content-type").find("text/html"), std::string::npos);
  HttpResult traversal = Get("/../../../../etc/passwd");
  EXPECT_NE(traversal.status, 200);
  EXPECT_EQ(traversal.body.find("root:"), std::string::npos);
}

TEST_F(ApiTest, ReloadsWhenTheDataChanges) {
  ASSERT_EQ(Get("/api/coverage?region=17").status, 200);
  const std::string file = *dir_ / "tambah.csv";
  WriteFile(file, "nik,kode_desa\n1704075505920001,17.04.07.2010\n");
  ASSERT_EQ(Cakupan({"--db", db_, "import", "workers", file}).exit_code, 0);
  // Within a few seconds the server notices: the figures are stale now.
  std::string code;
  for (int i = 0; i < 100 && code != "stale"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    HttpResult r = Get("/api/coverage?region=17");
    if (r.status == 409) code = nlohmann::json::parse(r.body)["error"]["code"];
  }
  EXPECT_EQ(code, "stale");
  ASSERT_EQ(Cakupan({"--db", db_, "reconcile", "--all"}).exit_code, 0);
  int64_t registry = 0;
  for (int i = 0; i < 100 && registry != 6001; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    HttpResult r = Get("/api/coverage?region=17&basis=registry");
    if (r.status == 200) registry = nlohmann::json::parse(r.body)["region"]["denominator"].get<int64_t>();
  }
  EXPECT_EQ(registry, 6001);
}

}  // namespace
}  // namespace cakupan::e2e
