// The projection's wire and display forms on a report built with
// FillProjection: the documented JSON fields, the Indonesian month names and
// words of the table for every status, and the sentence.
#include <gtest/gtest.h>

#include "base/i18n.h"
#include "present/projection_json.h"
#include "present/projection_table.h"

namespace cakupan {
namespace {

Period M(int year, int month) { return Period::FromYearMonth(year, month); }

ProjectionInput In(const char* code, const char* name, RegionLevel level, std::vector<int64_t> active,
                   std::optional<int64_t> workers, std::optional<CoverageRatio> target) {
  ProjectionInput in;
  in.code = *RegionCode::Parse(code);
  in.name = name;
  in.level = level;
  // The series ends in November 2024.
  const Period first = M(2024, 11).Plus(1 - static_cast<int>(active.size()));
  for (size_t k = 0; k < active.size(); ++k) in.series.push_back({first.Plus(static_cast<int>(k)), active[k]});
  in.workers = workers;
  in.target = target;
  return in;
}

ProjectionReport Sample(std::vector<int64_t> region_active) {
  const CoverageRatio t{20000, 100000};  // 20%
  ProjectionReport rep;
  rep.basis = "labour-force";
  rep.level = RegionLevel::kRegency;
  rep.target = GapTarget{GapTargetKind::kFixed, t};
  for (size_t k = region_active.size(); k > 0; --k) rep.periods.push_back(M(2024, 11).Plus(1 - static_cast<int>(k)));
  rep.by = M(2025, 12);
  rep.months_to_by = 13;
  std::vector<ProjectionInput> rows = {
      In("17.01", "Kabupaten Naik", RegionLevel::kRegency, {1000, 1100, 1200}, 10000, t),    // May 2025
      In("17.02", "Kabupaten Datar", RegionLevel::kRegency, {1000, 1000, 1000}, 10000, t),   // not at pace
      In("17.03", "Kabupaten Lambat", RegionLevel::kRegency, {0, 0, 1}, 10000, t),           // 1/2 a month
      In("17.04", "Kabupaten Tinggi", RegionLevel::kRegency, {3000, 3000, 3000}, 10000, t),  // reached
  };
  if (region_active.size() == 1)
    for (auto& r : rows) r.series.erase(r.series.begin(), r.series.end() - 1);
  EXPECT_TRUE(FillProjection(In("17", "Bengkulu", RegionLevel::kProvince, region_active, 40000, t), rows, rep.by, &rep)
                  .ok());
  return rep;
}

TEST(ProjectionPresentTest, JsonHasTheDocumentedFields) {
  const nlohmann::json j = ProjectionReportJson(Sample({7000, 7100, 7200}));
  for (const char* key : {"basis", "level", "method", "min_periods", "horizon_months", "periods", "periods_requested",
                          "stale_periods", "latest_period", "by", "months_to_by", "denominator_grows", "target",
                          "national_reference", "national_reference_note", "region", "rows", "status_counts",
                          "rows_on_track"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j.size(), 19u);
  EXPECT_EQ(j["latest_period"], "2024-11");
  EXPECT_EQ(j["periods_requested"], nullptr);
  const nlohmann::json& row = j["rows"][0];
  for (const char* key : {"code", "name", "level", "workers", "active", "coverage", "target", "needed", "series",
                          "pace_per_month", "pace", "status", "months_to_target", "reached_in", "needed_per_month",
                          "on_track"}) {
    EXPECT_TRUE(row.contains(key)) << key;
  }
  EXPECT_EQ(row.size(), 16u);
  EXPECT_EQ(row["status"], "projected");
  EXPECT_EQ(row["reached_in"], "2025-07");  // 800 needed at +100 -> 8 months after November
  EXPECT_EQ(row["pace"]["numerator"], 100);
  EXPECT_EQ(row["series"][2]["period"], "2024-11");
  EXPECT_EQ(row["series"][2]["active"], 1200);
  EXPECT_EQ(j["rows"][1]["status"], "not_at_pace");
  EXPECT_EQ(j["rows"][1]["reached_in"], nullptr);
  EXPECT_EQ(j["rows"][2]["status"], "beyond_horizon");  // 2.000 needed at 1/2 a month: 4.000 months
  EXPECT_EQ(j["rows"][3]["status"], "reached");
  EXPECT_EQ(j["status_counts"]["projected"], 1);
  EXPECT_EQ(j["target"]["kind"], "fixed");
}

TEST(ProjectionPresentTest, TableSpeaksIndonesian) {
  SetLanguage(Lang::kId);
  const std::string t = RenderProjectionTable(Sample({7000, 7100, 7200}));
  EXPECT_NE(t.find("Juli 2025"), std::string::npos) << t;
  EXPECT_NE(t.find("tidak pada laju ini"), std::string::npos);
  EXPECT_NE(t.find("> 100 tahun"), std::string::npos);
  EXPECT_NE(t.find("sudah tercapai"), std::string::npos);
  EXPECT_NE(t.find("+100,0"), std::string::npos);
  // Bengkulu: 7.200 of 40.000, 20% = 8.000 -> 800 at +100 -> Juli 2025;
  // by Desember 2025 (13 months): ceil(800 / 13) = 62.
  EXPECT_NE(t.find("Bengkulu: dengan laju sekarang (+100,0 peserta aktif per bulan) target 20% tercapai pada Juli "
                   "2025 (8 bulan lagi); untuk mencapainya pada Desember 2025 perlu +62 per bulan."),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("Dengan laju sekarang 2 dari 4 wilayah mencapai targetnya pada Desember 2025."), std::string::npos);
}

TEST(ProjectionPresentTest, SentencesForEveryStatus) {
  SetLanguage(Lang::kId);
  EXPECT_NE(ProjectionSentence(Sample({7400, 7300, 7200})).find("tidak tercapai"), std::string::npos);
  EXPECT_EQ(ProjectionSentence(Sample({8000, 8000, 8000})), "Bengkulu: sudah mencapai 20%.");
  const ProjectionReport one = Sample({7200});
  EXPECT_EQ(ProjectionSentence(one),
            "Bengkulu: laju belum dapat dihitung (satu periode); untuk mencapai target 20% pada Desember 2025 perlu "
            "+62 per bulan.");
  EXPECT_NE(RenderProjectionTable(one).find("hanya ada 1 (November 2024)"), std::string::npos);
  // Without a pace no row can be said to be on track.
  EXPECT_EQ(RenderProjectionTable(one).find("Dengan laju sekarang"), std::string::npos);
}

}  // namespace
}  // namespace cakupan
