#include "present/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include <nlohmann/json.hpp>

#include "engine/quality.h"
#include "present/quality_json.h"

namespace cakupan {
namespace {

std::string Dbl(double v) {
  std::string s;
  AppendJsonDouble(s, v);
  return s;
}

TEST(JsonWriterTest, DoublesAreLaidOutAsNlohmannDoes) {
  // Values whose shortest digits Grisu2 (nlohmann) also finds: the texts
  // must be identical, whichever layout (fixed, 0.000ddd, exponent) applies.
  const double cases[] = {0.0,    -0.0,   1.0,     -1.0,  0.5,     0.25,   0.1,      1.0 / 3,  2.0 / 3,
                          3.5,    100.0,  1e15,    1e16,  1.5e16,  1e-4,   1.2e-4,   1e-5,     1.25e-7,
                          123.456, 65.0 / 200, 0.6, 1e300, -2.5e-300, 123456789012345.0, 5e-324};
  for (double v : cases) EXPECT_EQ(Dbl(v), nlohmann::json(v).dump()) << v;
  EXPECT_EQ(Dbl(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(Dbl(std::numeric_limits<double>::infinity()), "null");
}

TEST(JsonWriterTest, DoublesReadBackExactly) {
  std::mt19937_64 rng(42);
  for (int i = 0; i < 20000; ++i) {
    uint64_t bits = rng();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (!std::isfinite(v)) continue;
    const std::string text = Dbl(v);
    EXPECT_EQ(nlohmann::json::parse(text).get<double>(), v) << text;
    const double share = static_cast<double>(rng() % 100000) / static_cast<double>(rng() % 100000 + 1);
    EXPECT_EQ(nlohmann::json::parse(Dbl(share)).get<double>(), share);
  }
}

TEST(JsonWriterTest, StringsAreEscapedAsNlohmannDoes) {
  const std::string cases[] = {"", "Kabupaten Kaur", "say \"hi\"", "back\\slash", "tab\there", "line\nbreak",
                               std::string("nul\0byte", 8), "\x01\x1f\x7f", "Sumatera Utara — Nias Selatan", "é😀"};
  for (const std::string& s : cases) {
    std::string out;
    AppendJsonString(out, s);
    EXPECT_EQ(out, nlohmann::json(s).dump()) << s;
  }
}

// A document written with keys in ascending order is the text of
// nlohmann::json::dump, compact and indented, empty containers included.
TEST(JsonWriterTest, StructureMatchesNlohmannDump) {
  for (int indent : {-1, 0, 2, 4}) {
    std::string out;
    JsonWriter w(&out, indent);
    w.BeginObject();
    w.Key("a");
    w.BeginArray();
    w.Int(1);
    w.Double(2.5);
    w.Null();
    w.Bool(true);
    w.BeginObject();
    w.EndObject();
    w.BeginArray();
    w.EndArray();
    w.EndArray();
    w.Key("b");
    w.BeginObject();
    w.Key("c");
    w.String("d");
    w.Key("e");
    w.Optional(std::optional<int64_t>());
    w.Key("f");
    w.Optional(std::optional<double>(0.5));
    w.EndObject();
    w.Key("g");
    w.Int(-9007199254740993);
    w.EndObject();
    const nlohmann::json parsed = nlohmann::json::parse(out);
    EXPECT_EQ(out, parsed.dump(indent)) << "indent " << indent;
  }
}

TEST(QualityJsonTest, ReportTextIsNlohmannsLayout) {
  QualityReport rep;
  rep.period = Period::FromYearMonth(2024, 11);
  rep.reference_date = DateFromCivil(2024, 11, 30);
  rep.level = RegionLevel::kVillage;
  rep.region.code = *RegionCode::Parse("17.04");
  rep.region.name = "Kabupaten \"Kaur\"";
  rep.region.level = RegionLevel::kRegency;
  rep.region.registry = 65;
  rep.region.flagged = 9;
  rep.region.flagged_share = 9.0 / 65;
  for (int c = 0; c < kQualityFindingCount; ++c) {
    if (c % 3) rep.region.count[c] = c;
    if (c % 2) rep.region.share[c] = c / 65.0;
  }
  QualityRow village = rep.region;
  village.code = *RegionCode::Parse("17.04.01.2001");
  village.name = "Desa A1";
  village.level = RegionLevel::kVillage;
  village.village_z = -3.75;
  rep.rows = {village, village};
  rep.coverage_anomalies.push_back({*RegionCode::Parse("17.04.01"), "Kec A", Basis::kRegistry, 6, 3});
  for (int indent : {-1, 2}) {
    const std::string text = QualityReportJson(rep, indent);
    const nlohmann::json parsed = nlohmann::json::parse(text);
    EXPECT_EQ(text, parsed.dump(indent));
    EXPECT_EQ(parsed["rows"].size(), 2u);
    EXPECT_EQ(parsed["region"]["findings"]["nik_wrong_length"]["count"], 1);
    // In pieces: the same text.
    std::string pieces;
    int calls = 0;
    WriteQualityReportJson(rep, indent, [&](std::string_view p) {
      pieces.append(p);
      ++calls;
    });
    EXPECT_EQ(pieces, text);
    EXPECT_GE(calls, 1);
  }
}

}  // namespace
}  // namespace cakupan
