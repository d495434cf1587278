// Probabilistic linkage end to end through the `cakupan` binary: a registry
// whose NIKs and names were mistyped, matched against an extract; how each
// link was made and why; review decisions that survive re-runs and
// re-imports; and deduplication of the registry.
//
// The data set is linkage_fixture.h's (1,500 background persons and three
// hand cases); the hand cases are checked one by one.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "e2e_util.h"
#include "linkage_fixture.h"

namespace cakupan::e2e {
namespace {

class LinkageE2e : public ::testing::Test {
 protected:
  // The data set of linkage_fixture.h: 1,500 background persons and the
  // three hand cases, imported.
  void SetUp() override {
    db_ = dir_ / "cakupan.db";
    ASSERT_EQ(BuildLinkageDatabase(dir_.path(), db_), "");
  }

  RunResult Ok(const std::vector<std::string>& args) {
    RunResult r = Cakupan(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  }

  nlohmann::json List(const std::string& filter, const std::string& kind = "link") {
    RunResult r = Ok({"--db", db_, "review", "list", "--kind", kind, "--filter", filter, "--format", "json", "--unmask",
                      "--page-size", "1000"});
    return nlohmann::json::parse(r.out);
  }

  // The pair whose registry side has this name, or null.
  static nlohmann::json Find(const nlohmann::json& list, const std::string& name) {
    for (const auto& item : list["items"])
      if (item["left"]["name"] == name) return item;
    return nullptr;
  }

  TempDir dir_{"linkage"};
  std::string db_;
};

TEST_F(LinkageE2e, LinksMistypedRecordsAndSaysHowAndWhy) {
  RunResult r = Ok({"--db", db_, "reconcile"});
  EXPECT_NE(r.out.find("dicocokkan tanpa NIK yang sama"), std::string::npos) << r.out;
  const nlohmann::json linked = List("linked");
  const nlohmann::json soekarno = Find(linked, "H. Moch. Soekarno");
  ASSERT_FALSE(soekarno.is_null()) << linked.dump(1);
  EXPECT_EQ(soekarno["method"], "probabilistic");
  EXPECT_EQ(soekarno["band"], "match");
  EXPECT_EQ(soekarno["right"]["nik"], "1704011505880021");
  EXPECT_GT(soekarno["probability"].get<double>(), 0.95);
  // Why: the NIKs differ only in the serial (two digits swapped), the names
  // are the same after normalising.
  EXPECT_EQ(soekarno["why"][0]["level"], "nik.serial_differs");
  EXPECT_EQ(soekarno["why"][1]["level"], "name.exact");
  const nlohmann::json dewi = Find(linked, "Dewi Anggraini Lestari");
  ASSERT_FALSE(dewi.is_null()) << linked.dump(1);
  EXPECT_EQ(dewi["right"]["nik"], "1704016007950031");
  EXPECT_EQ(dewi["left"]["nik_issue"], "empty");
  EXPECT_TRUE(Find(List("all"), "Rahmat Hidayat").is_null()) << "a different man with the same birth date";

  // Counted as active; the extract persons are no longer unmatched.
  RunResult exact = Ok({"--db", db_, "reconcile", "--exact-only"});
  RunResult cov_exact = Ok({"--db", db_, "coverage", "--region", "17.04", "--basis", "registry", "--format", "json"});
  Ok({"--db", db_, "reconcile"});
  RunResult cov = Ok({"--db", db_, "coverage", "--region", "17.04", "--basis", "registry", "--format", "json"});
  const auto a = nlohmann::json::parse(cov_exact.out), b = nlohmann::json::parse(cov.out);
  const int64_t linked_count = static_cast<int64_t>(linked["total"].get<int64_t>());
  EXPECT_EQ(b["region"]["active"].get<int64_t>() - a["region"]["active"].get<int64_t>(), linked_count);
}

TEST_F(LinkageE2e, TheApiListsTheSamePairsAsTheCliMasked) {
  Ok({"--db", db_, "reconcile"});
  RunResult cli = Ok({"--db", db_, "review", "list", "--filter", "all", "--format", "json"});
  ServerProcess server({"--db", db_, "serve", "--port", "0"});
  ASSERT_TRUE(server.ok()) << server.output();
  HttpResult api = HttpGet(server.port(), "/api/review?filter=all");
  ASSERT_EQ(api.status, 200) << api.body;
  EXPECT_EQ(nlohmann::json::parse(api.body), nlohmann::json::parse(cli.out));
  EXPECT_EQ(api.body.find("Soekarno"), std::string::npos) << "masked";
  EXPECT_EQ(HttpGet(server.port(), "/api/review?kind=cousin").status, 400);
  EXPECT_EQ(HttpGet(server.port(), "/api/review?kind=duplicate").status, 409) << "dedupe never ran";
}

TEST_F(LinkageE2e, DecisionsSurviveReRunsAndReImports) {
  Ok({"--db", db_, "reconcile"});
  const nlohmann::json dewi = Find(List("linked"), "Dewi Anggraini Lestari");
  ASSERT_FALSE(dewi.is_null());
  const std::string id = dewi["id"];
  Ok({"--db", db_, "review", "reject", id, "--note", "orang lain menurut kepala desa"});
  Ok({"--db", db_, "reconcile"});
  EXPECT_TRUE(Find(List("linked"), "Dewi Anggraini Lestari").is_null());
  nlohmann::json decided = Find(List("decided"), "Dewi Anggraini Lestari");
  ASSERT_FALSE(decided.is_null());
  EXPECT_EQ(decided["decision"], "reject");
  EXPECT_EQ(decided["note"], "orang lain menurut kepala desa");

  // Re-importing the registry (replacing it) keeps the decision: it is keyed
  // by the records, not by an import.
  Ok({"--db", db_, "import", "workers", dir_ / "pekerja.csv", "--replace"});
  Ok({"--db", db_, "reconcile"});
  EXPECT_TRUE(Find(List("linked"), "Dewi Anggraini Lestari").is_null());

  Ok({"--db", db_, "review", "undo", id});
  Ok({"--db", db_, "reconcile"});
  EXPECT_FALSE(Find(List("linked"), "Dewi Anggraini Lestari").is_null());

  RunResult unknown = Cakupan({"--db", db_, "review", "accept", "000000000000"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("000000000000"), std::string::npos) << unknown.err;
}

TEST_F(LinkageE2e, DedupeFindsTheSameWorkerInTwoVillagesAndMasksByDefault) {
  // The same woman enumerated again in another district's village with a
  // mistyped NIK (one digit).
  WriteFile(dir_ / "tambahan.csv", "nik,nama,jenis_kelamin,tanggal_lahir,kode_desa\n"
                                   "1704016007950032,Dewi Anggraini Lestari,P,1995-07-20,17.04.02.2001\n");
  Ok({"--db", db_, "import", "workers", dir_ / "tambahan.csv"});
  RunResult r = Ok({"--db", db_, "dedupe", "--format", "json"});
  const auto summary = nlohmann::json::parse(r.out);
  EXPECT_GE(summary["match"].get<int64_t>() + summary["review"].get<int64_t>(), 1);
  const nlohmann::json all = List("all", "duplicate");
  bool found = false;
  for (const auto& item : all["items"]) {
    if (item["left"]["name"] == "Dewi Anggraini Lestari" && item["right"]["name"] == "Dewi Anggraini Lestari") found = true;
  }
  EXPECT_TRUE(found) << all.dump(1);
  // Without --unmask, no NIK or name appears in full.
  RunResult masked = Ok({"--db", db_, "review", "list", "--kind", "duplicate", "--filter", "all", "--format", "json"});
  EXPECT_EQ(masked.out.find("Dewi Anggraini"), std::string::npos);
  EXPECT_EQ(masked.out.find("1704016007950032"), std::string::npos);
}

// A duplicate accepted in review makes coverage count the worker once, in
// every count: workers (the denominator), the districts and the sex
// breakdown; where either record is covered, the worker is covered
// (docs/definitions.md, "Duplicates").
TEST_F(LinkageE2e, AnAcceptedDuplicateCountsOnceInCoverage) {
  // Dewi Anggraini Lestari is in the registry without a NIK (Desa A2, Kec A);
  // the same woman again with a NIK mistyped in the serial (Desa B1, Kec B).
  WriteFile(dir_ / "tambahan.csv", "nik,nama,jenis_kelamin,tanggal_lahir,kode_desa\n"
                                   "1704016007950032,Dewi Anggraini Lestari,P,1995-07-20,17.04.02.2001\n");
  Ok({"--db", db_, "import", "workers", dir_ / "tambahan.csv"});
  auto coverage = [&](const std::string& region, const std::string& breakdown = "") {
    std::vector<std::string> args = {"--db", db_, "coverage", "--region", region, "--basis", "registry", "--format", "json"};
    if (!breakdown.empty()) {
      args.push_back("--breakdown");
      args.push_back(breakdown);
    }
    return nlohmann::json::parse(Ok(args).out);
  };
  auto women = [](const nlohmann::json& by_sex) {
    for (const auto& row : by_sex["rows"])
      if (row["key"] == "P") return row["denominator"].get<int64_t>();
    return int64_t{-1};
  };
  Ok({"--db", db_, "reconcile", "--exact-only"});
  const nlohmann::json before = coverage("17.04"), before_a = coverage("17.04.01"), before_b = coverage("17.04.02");
  const int64_t women_before = women(coverage("17.04", "sex"));
  const int64_t workers = before["region"]["registry"].get<int64_t>();

  RunResult dedupe = Ok({"--db", db_, "dedupe"});
  std::string id;
  const nlohmann::json duplicates = List("all", "duplicate");
  for (const auto& item : duplicates["items"]) {
    if (item["left"]["name"] == "Dewi Anggraini Lestari" && item["right"]["name"] == "Dewi Anggraini Lestari")
      id = item["id"].get<std::string>();
  }
  ASSERT_FALSE(id.empty()) << dedupe.out;
  Ok({"--db", db_, "review", "accept", id, "--kind", "duplicate", "--note", "orang yang sama"});

  // Exact NIK only: neither row has a membership; the row with a valid NIK
  // (Kec B) stays, the row without one (Kec A) counts there.
  RunResult exact = Ok({"--db", db_, "reconcile", "--exact-only"});
  EXPECT_NE(exact.out.find("data ganda: 1 baris"), std::string::npos) << exact.out;
  const nlohmann::json after = coverage("17.04");
  EXPECT_EQ(after["region"]["registry"].get<int64_t>(), workers - 1);
  EXPECT_EQ(after["region"]["unregistered"], before["region"]["unregistered"].get<int64_t>() - 1);
  EXPECT_EQ(after["region"]["active"], before["region"]["active"]);
  EXPECT_EQ(coverage("17.04.01")["region"]["registry"].get<int64_t>(),
            before_a["region"]["registry"].get<int64_t>() - 1);
  EXPECT_EQ(coverage("17.04.02")["region"]["registry"], before_b["region"]["registry"]);
  EXPECT_EQ(women(coverage("17.04", "sex")), women_before - 1);

  // With linkage the row without a NIK is linked to her membership (active):
  // she counts once, active, in Kec A; Kec B loses the other row.
  Ok({"--db", db_, "reconcile"});
  const nlohmann::json linked = coverage("17.04");
  EXPECT_EQ(linked["region"]["registry"].get<int64_t>(), workers - 1);
  EXPECT_EQ(coverage("17.04.01")["region"]["registry"], before_a["region"]["registry"]);
  EXPECT_EQ(coverage("17.04.02")["region"]["registry"].get<int64_t>(),
            before_b["region"]["registry"].get<int64_t>() - 1);
  EXPECT_EQ(women(coverage("17.04", "sex")), women_before - 1);
  EXPECT_FALSE(Find(List("linked"), "Dewi Anggraini Lestari").is_null());

  // Undoing the decision counts both rows again.
  Ok({"--db", db_, "review", "undo", id, "--kind", "duplicate"});
  Ok({"--db", db_, "reconcile", "--exact-only"});
  EXPECT_EQ(coverage("17.04")["region"]["registry"].get<int64_t>(), workers);
}

}  // namespace
}  // namespace cakupan::e2e
