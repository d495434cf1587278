#include <gtest/gtest.h>

#include "base/i18n.h"
#include "present/coverage_json.h"
#include "present/coverage_table.h"
#include "present/text_table.h"

namespace cakupan {
namespace {

CoverageReport SampleReport() {
  CoverageReport rep;
  rep.period = *Period::Parse("2024-11");
  rep.basis = Basis::kLabourForce;
  rep.level = RegionLevel::kRegency;
  rep.national_reference = 0.39;
  rep.region.code = *RegionCode::Parse("17");
  rep.region.name = "Bengkulu";
  rep.region.level = RegionLevel::kProvince;
  rep.region.denominator = 1000;
  rep.region.active = 370;
  rep.region.coverage = 0.37;
  rep.region.gap_national_workers = 20;
  rep.region.gap_national_points = 2.0;
  CoverageRow kaur;
  kaur.code = *RegionCode::Parse("17.04");
  kaur.name = "Kabupaten Kaur";
  kaur.level = RegionLevel::kRegency;
  kaur.denominator = 1234567;
  kaur.active = 925925;
  kaur.coverage = 0.75;
  kaur.rank = 1;
  kaur.rank_of = 10;
  rep.rows.push_back(kaur);
  return rep;
}

TEST(PresentTest, JsonHasTheDocumentedFields) {
  auto j = CoverageReportJson(SampleReport());
  EXPECT_EQ(j["period"], "2024-11");
  EXPECT_EQ(j["basis"], "labour-force");
  EXPECT_DOUBLE_EQ(j["national_reference"].get<double>(), 0.39);
  for (const char* f : {"code", "name", "level", "denominator", "active", "non_active", "coverage", "rank", "target",
                        "gap_points", "gap_workers"}) {
    EXPECT_TRUE(j["region"].contains(f)) << f;
    EXPECT_TRUE(j["rows"][0].contains(f)) << f;
  }
  EXPECT_EQ(j["rows"][0]["code"], "17.04");
  EXPECT_TRUE(j["region"]["target"].is_null());
  EXPECT_EQ(j["rows"][0]["rank"], 1);
}

TEST(PresentTest, TableUsesIndonesianFormats) {
  SetLanguage(Lang::kId);
  std::string s = RenderCoverageTable(SampleReport());
  EXPECT_NE(s.find("37,0%"), std::string::npos) << s;
  EXPECT_NE(s.find("75,0%"), std::string::npos);
  EXPECT_NE(s.find("1.234.567"), std::string::npos);
  EXPECT_NE(s.find("November 2024"), std::string::npos);
  EXPECT_NE(s.find("Rujukan nasional: 39,0%"), std::string::npos);
  EXPECT_NE(s.find("+20"), std::string::npos);
  SetLanguage(Lang::kEn);
  std::string en = RenderCoverageTable(SampleReport());
  EXPECT_NE(en.find("37.0%"), std::string::npos);
  EXPECT_NE(en.find("1,234,567"), std::string::npos);
  SetLanguage(Lang::kId);
}

TEST(PresentTest, CsvHasHeaderRowsAndTotal) {
  std::string csv = CoverageReportCsv(SampleReport());
  EXPECT_EQ(csv.substr(0, 18), "period,basis,code,");
  EXPECT_NE(csv.find("\n2024-11,labour-force,17.04,Kabupaten Kaur,regency,1234567,"), std::string::npos);
  EXPECT_NE(csv.find(",1\n"), std::string::npos);
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
}

TEST(TextTableTest, AlignsByCodePoints) {
  TextTable t;
  t.AddColumn("A", TextTable::Align::kLeft);
  t.AddColumn("N", TextTable::Align::kRight);
  t.AddRow({"\xC3\xA9t\xC3\xA9", "1"});
  t.AddRow({"x", "100"});
  std::string s = t.Render();
  EXPECT_NE(s.find("\xC3\xA9t\xC3\xA9    1\n"), std::string::npos) << s;
  EXPECT_NE(s.find("x    100\n"), std::string::npos) << s;
}

}  // namespace
}  // namespace cakupan

#include "present/xlsx.h"
#include "present/zip_reader_for_tests.h"

namespace cakupan {
namespace {

TEST(XlsxTest, CoverageWorkbookHoldsTheTableAndDefinitions) {
  SetLanguage(Lang::kId);
  auto bytes = CoverageReportXlsx(SampleReport());
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  ASSERT_EQ(bytes->substr(0, 2), "PK");
  const auto entries = testing_zip::ReadZip(*bytes);
  ASSERT_TRUE(entries.count("xl/worksheets/sheet1.xml")) << "not a workbook";
  ASSERT_TRUE(entries.count("xl/worksheets/sheet2.xml")) << "no definitions sheet";
  const std::string& strings = entries.at("xl/sharedStrings.xml");
  EXPECT_NE(strings.find("Kabupaten Kaur"), std::string::npos);
  EXPECT_NE(strings.find("Jumlah Bengkulu"), std::string::npos);
  EXPECT_NE(strings.find("Rujukan nasional: 39,0%"), std::string::npos);
  EXPECT_NE(entries.at("xl/workbook.xml").find("name=\"Definisi\""), std::string::npos);
  // Coverage is stored as the number 0.75 with a percentage format.
  const std::string& sheet = entries.at("xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<v>0.75</v>"), std::string::npos) << sheet.substr(0, 2000);
  EXPECT_NE(sheet.find("<v>1234567</v>"), std::string::npos);
  EXPECT_NE(entries.at("xl/styles.xml").find("0.0%"), std::string::npos);
}

}  // namespace
}  // namespace cakupan
