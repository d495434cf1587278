// The demo reproduces the November 2024 Monev in Bengkulu from generated
// records: province 37%, Kaur 75% (highest), Lebong 17% (lowest), national 39%,
// each within half a percentage point.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e_util.h"

namespace cakupan::e2e {
namespace {

TEST(DemoTest, ReproducesTheBengkuluMonev) {
  TempDir dir("demo");
  const std::string db = dir / "demo.db";
  RunResult demo = Cakupan({"--db", db, "demo"});
  ASSERT_EQ(demo.exit_code, 0) << demo.err << demo.out;
  RunResult cov = Cakupan({"--db", db, "coverage", "--region", "17", "--level", "regency", "--format", "json"});
  ASSERT_EQ(cov.exit_code, 0) << cov.err;
  auto j = nlohmann::json::parse(cov.out);
  EXPECT_EQ(j["period"], "2024-11");
  EXPECT_EQ(j["basis"], "labour-force");
  EXPECT_NEAR(j["region"]["coverage"].get<double>(), 0.37, 0.005);
  ASSERT_FALSE(j["national_reference"].is_null());
  EXPECT_NEAR(j["national_reference"].get<double>(), 0.39, 0.005);
  ASSERT_EQ(j["rows"].size(), 10u);
  int64_t registry = 0;
  for (const auto& row : j["rows"]) {
    registry += row["registry"].get<int64_t>();
    if (row["code"] == "17.04") {
      EXPECT_NEAR(row["coverage"].get<double>(), 0.75, 0.005);
      EXPECT_EQ(row["rank"], 1);
    } else if (row["code"] == "17.07") {
      EXPECT_NEAR(row["coverage"].get<double>(), 0.17, 0.005);
      EXPECT_EQ(row["rank"], 10);
    }
  }
  EXPECT_NEAR(static_cast<double>(registry), 700000, 1);
  // Every village of Bengkulu has enumerated workers.
  RunResult villages =
      Cakupan({"--db", db, "coverage", "--region", "17", "--level", "village", "--basis", "registry", "--format", "json"});
  ASSERT_EQ(villages.exit_code, 0) << villages.err;
  auto v = nlohmann::json::parse(villages.out);
  ASSERT_EQ(v["rows"].size(), 1513u);
  for (const auto& row : v["rows"]) EXPECT_GT(row["registry"].get<int64_t>(), 0) << row["code"];
  // Participants never exceed the employed in a sector (formal = PU + Jakon +
  // PMI against BPS formal employed; informal = BPU against BPS informal).
  for (const auto& row : j["rows"]) {
    RunResult f = Cakupan({"--db", db, "coverage", "--region", row["code"].get<std::string>(), "--breakdown",
                           "formality", "--format", "json"});
    ASSERT_EQ(f.exit_code, 0) << f.err;
    for (const auto& g : nlohmann::json::parse(f.out)["rows"]) {
      if (!g["coverage"].is_null()) {
        EXPECT_LE(g["coverage"].get<double>(), 1.0) << row["code"] << " " << g["key"];
      }
    }
  }
  // A second run refuses to overwrite without --force.
  RunResult again = Cakupan({"--db", db, "demo"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("--force"), std::string::npos);
}

}  // namespace
}  // namespace cakupan::e2e
