#include <gtest/gtest.h>

#include "ingest/readers.h"
#include "ingest/test_util.h"

namespace cakupan {
namespace {

using testing_util::TempDir;

RegionTable Regions() {
  std::vector<RegionRecord> r;
  for (const char* c : {"17", "17.04", "17.07", "17.71"}) r.push_back({*RegionCode::Parse(c), c});
  return std::move(RegionTable::Build(r)).value();
}

constexpr const char* kSquare = R"({"type":"Polygon","coordinates":[[[102,-4],[103,-4],[103,-3],[102,-4]]]})";

TEST(ReadBoundariesTest, AcceptsPolygonsAndMultiPolygonsByCodeProperty) {
  TempDir dir;
  const std::string path = dir.Write("batas.geojson", std::string(R"({"type":"FeatureCollection","features":[)") +
                                                          R"({"type":"Feature","properties":{"kode":"17.04","nama":"Kaur"},"geometry":)" +
                                                          kSquare + "}," +
                                                          R"({"type":"Feature","id":"17.07","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[[[102,-3],[103,-3],[103,-2],[102,-3]]]]}},)" +
                                                          R"({"type":"Feature","properties":{"KODE_WILAYAH":"1771"},"geometry":)" +
                                                          kSquare + "}]}");
  RegionTable regions = Regions();
  ReadOptions o;
  o.regions = &regions;
  auto b = ReadBoundariesGeoJson(path, o);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->report.rows_read, 3);
  EXPECT_EQ(b->report.accepted, 3);
  ASSERT_EQ(b->rows.size(), 3u);
  EXPECT_EQ(b->rows[0].region.ToString(), "17.04");
  EXPECT_EQ(b->rows[1].region.ToString(), "17.07");
  EXPECT_EQ(b->rows[2].region.ToString(), "17.71");
  EXPECT_NE(b->rows[0].geometry.find("Polygon"), std::string::npos);
  EXPECT_EQ(b->report.file_hash.size(), 16u);
}

TEST(ReadBoundariesTest, RejectsBadFeaturesWithTheirNumber) {
  TempDir dir;
  const std::string path = dir.Write(
      "batas.geojson",
      std::string(R"({"type":"FeatureCollection","features":[)") +
          R"({"type":"Feature","properties":{"kode":"17.04"},"geometry":)" + kSquare + "}," +   // 1 ok
          R"({"type":"Feature","properties":{},"geometry":)" + kSquare + "}," +                  // 2 no code
          R"({"type":"Feature","properties":{"kode":"99.01"},"geometry":)" + kSquare + "}," +    // 3 unknown
          R"({"type":"Feature","properties":{"kode":"17.07"},"geometry":{"type":"Point","coordinates":[1,2]}},)" +  // 4
          R"({"type":"Feature","properties":{"kode":"17.71"},"geometry":{"type":"Polygon","coordinates":[[[999,0],[1,1],[2,2],[999,0]]]}},)" +  // 5
          R"({"type":"Feature","properties":{"kode":"17.04"},"geometry":)" + kSquare + "}," +    // 6 repeated
          R"({"type":"Feature","properties":{"kode":"17.4"},"geometry":)" + kSquare + "}]}");   // 7 malformed
  RegionTable regions = Regions();
  ReadOptions o;
  o.regions = &regions;
  auto b = ReadBoundariesGeoJson(path, o);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->report.rows_read, 7);
  EXPECT_EQ(b->report.accepted, 1);
  EXPECT_EQ(b->report.rejected, 6);
  ASSERT_EQ(b->report.rejections.size(), 6u);
  std::vector<int64_t> lines;
  for (const auto& r : b->report.rejections) lines.push_back(r.line);
  EXPECT_EQ(lines, (std::vector<int64_t>{2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(b->report.rejections[2].column, "geometry");
}

TEST(ReadBoundariesTest, StructuralErrorsNameTheFile) {
  TempDir dir;
  RegionTable regions = Regions();
  ReadOptions o;
  o.regions = &regions;
  auto syntax = ReadBoundariesGeoJson(dir.Write("rusak.geojson", R"({"type":"FeatureCollection","features":[)"), o);
  EXPECT_EQ(syntax.status().code(), StatusCode::kDataError);
  EXPECT_NE(syntax.status().message().find("rusak.geojson"), std::string::npos);
  auto not_geojson = ReadBoundariesGeoJson(dir.Write("x.geojson", R"({"hello":1})"), o);
  EXPECT_EQ(not_geojson.status().code(), StatusCode::kDataError);
  auto missing = ReadBoundariesGeoJson(dir.Path("nope.geojson"), o);
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace cakupan
