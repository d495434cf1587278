// Labour force, targets and population: the small reference files.
#include <gtest/gtest.h>

#include "ingest/readers.h"
#include "ingest/test_util.h"

namespace cakupan {
namespace {

using testing_util::ExpectConsistent;
using testing_util::TempDir;

class SmallFilesTest : public ::testing::Test {
 protected:
  SmallFilesTest() : regions_(testing_util::SmallRegions()) { options_.regions = &regions_; }
  std::string Write(const std::string& content) { return dir_.Write("f.csv", content); }

  TempDir dir_;
  RegionTable regions_;
  ReadOptions options_;
  NullProgress progress_;
};

struct RejectCase {
  const char* label;
  std::string row;
  std::string column;
  std::string reason;
  std::string value;
};

TEST_F(SmallFilesTest, ReadsLabourForce) {
  auto b = ReadLabourForceCsv(Write("kode,periode,bekerja,formal,informal,sumber\n"
                                    "17,2024-08,\"1.034.567\",400000,634.567,BPS Sakernas Agustus 2024\n"
                                    "17.04;;;;;\n"  // a stray ';' line: one field, rejected below
                                    "17.04,Agustus 2024,\"61,234\",,,\n"),
                              options_, progress_);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  ASSERT_EQ(b->rows.size(), 2u);
  EXPECT_EQ(b->rows[0].region.ToString(), "17");
  EXPECT_EQ(b->rows[0].period, Period::FromYearMonth(2024, 8));
  EXPECT_EQ(b->rows[0].employed, 1034567);
  EXPECT_EQ(b->rows[0].formal, 400000);
  EXPECT_EQ(b->rows[0].informal, 634567);
  EXPECT_EQ(b->rows[0].source, "BPS Sakernas Agustus 2024");
  EXPECT_EQ(b->rows[1].employed, 61234);
  EXPECT_EQ(b->rows[1].formal, -1);
  EXPECT_EQ(b->report.rejected, 1);
}

TEST_F(SmallFilesTest, RejectsBadLabourForceRows) {
  const std::vector<RejectCase> cases = {
      {"unknown region", "17.05,2024-08,100,,,", "kode", "kode wilayah 17.05 tidak dikenal", "17.05"},
      {"bad region", "17.5,2024-08,100,,,", "kode", "bukan kode wilayah", "17.5"},
      {"period", "17.04,Agt,100,,,", "periode", "bukan bulan", "Agt"},
      {"employed text", "17.04,2024-08,seratus,,,", "bekerja", "bukan bilangan bulat", "seratus"},
      {"employed zero", "17.04,2024-08,0,,,", "bekerja", "harus lebih dari 0", "0"},
      {"employed fraction", "17.04,2024-08,\"12,5\",,,", "bekerja", "bukan bilangan bulat", "12,5"},
      {"formal too big", "17.04,2024-08,100,101,,", "formal", "lebih dari jumlah bekerja (100)", "101"},
      {"sum", "17.04,2024-08,100,60,30,", "informal", "formal + informal = 90 padahal bekerja = 100", "30"},
      {"duplicate", "17.71,2024-08,100,,,", "kode", "wilayah dan periode ganda: sudah ada di baris 2",
       "17.71 2024-08"},
  };
  for (const RejectCase& c : cases) {
    SCOPED_TRACE(c.label);
    auto b = ReadLabourForceCsv(Write("kode,periode,bekerja,formal,informal,sumber\n17.71,2024-08,5,,,\n" + c.row + "\n"),
                                options_, progress_);
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    ExpectConsistent(b->report);
    ASSERT_EQ(b->report.rejections.size(), 1u);
    const Rejection& r = b->report.rejections[0];
    EXPECT_EQ(r.line, 3);
    EXPECT_EQ(r.column, c.column);
    EXPECT_NE(r.reason.find(c.reason), std::string::npos) << r.reason;
    EXPECT_EQ(r.value, c.value);
  }
}

TEST_F(SmallFilesTest, LabourForceAliasesAndRequiredColumns) {
  auto b = ReadLabourForceCsv(Write("Kode Wilayah;Periode;Penduduk Bekerja\n17.04;2024-08;61.234\n"), options_,
                              progress_);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->rows[0].employed, 61234);
  auto missing = ReadLabourForceCsv(Write("kode,periode\n17,2024-08\n"), options_, progress_);
  EXPECT_EQ(missing.status().code(), StatusCode::kDataError);
  EXPECT_NE(missing.status().message().find("'bekerja'"), std::string::npos);
}

TEST_F(SmallFilesTest, ReadsTargets) {
  auto b = ReadTargetsCsv(Write("kode,tahun,target\n17,2024,40%\n17.04,2024,\"40,5%\"\n17.71,2024,0.35\n"
                                "17.04.07,2025,45\n"),
                          options_, progress_);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  ASSERT_EQ(b->rows.size(), 4u);
  EXPECT_DOUBLE_EQ(b->rows[0].target, 0.40);
  EXPECT_DOUBLE_EQ(b->rows[1].target, 0.405);
  EXPECT_DOUBLE_EQ(b->rows[2].target, 0.35);
  EXPECT_DOUBLE_EQ(b->rows[3].target, 0.45);
  EXPECT_EQ(b->rows[3].year, 2025);
}

TEST_F(SmallFilesTest, RejectsBadTargetRows) {
  const std::vector<RejectCase> cases = {
      {"unknown region", "17.09,2024,40%", "kode", "tidak dikenal", "17.09"},
      {"year low", "17.04,1999,40%", "tahun", "tahun harus 2000-2100", "1999"},
      {"year high", "17.04,2101,40%", "tahun", "tahun harus 2000-2100", "2101"},
      {"year text", "17.04,dua ribu,40%", "tahun", "tahun harus", "dua ribu"},
      {"target text", "17.04,2024,tinggi", "target", "bukan persentase", "tinggi"},
      {"target zero", "17.04,2024,0", "target", "lebih dari 0%", "0"},
      {"target above 100", "17.04,2024,150%", "target", "paling tinggi 100%", "150%"},
      {"target negative", "17.04,2024,-0.2", "target", "lebih dari 0%", "-0.2"},
      {"duplicate", "17,2024,41%", "kode", "wilayah dan tahun ganda: sudah ada di baris 2", "17 2024"},
  };
  for (const RejectCase& c : cases) {
    SCOPED_TRACE(c.label);
    auto b = ReadTargetsCsv(Write("kode,tahun,target\n17,2024,40%\n" + c.row + "\n"), options_, progress_);
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    ExpectConsistent(b->report);
    ASSERT_EQ(b->report.rejections.size(), 1u);
    const Rejection& r = b->report.rejections[0];
    EXPECT_EQ(r.line, 3);
    EXPECT_EQ(r.column, c.column);
    EXPECT_NE(r.reason.find(c.reason), std::string::npos) << r.reason;
    EXPECT_EQ(r.value, c.value);
  }
}

TEST_F(SmallFilesTest, TargetsRequireEveryColumn) {
  auto b = ReadTargetsCsv(Write("kode,target\n17,40%\n"), options_, progress_);
  EXPECT_EQ(b.status().code(), StatusCode::kDataError);
  EXPECT_NE(b.status().message().find("'tahun'"), std::string::npos);
}

TEST_F(SmallFilesTest, ReadsPopulationReference) {
  auto p = ReadPopulationCsv(Write("kode,nama,pria,wanita,total\n0,INDONESIA,10,20,30\n17,Bengkulu,1.000,1.100,2.100\n"
                                   "17.05,Kabupaten Seluma,5,5,10\n17.04,Kaur,60,70,\n"),
                             options_);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->size(), 3u);  // 17.05 is not a known region
  EXPECT_EQ((*p)[0].region, RegionCode::National());
  EXPECT_EQ((*p)[1].male, 1000);
  EXPECT_EQ((*p)[1].total, 2100);
  EXPECT_EQ((*p)[2].total, 130);  // computed

  auto bad = ReadPopulationCsv(Write("kode,nama,pria,wanita,total\n17,Bengkulu,x,1,2\n"), options_);
  EXPECT_EQ(bad.status().code(), StatusCode::kDataError);
  EXPECT_NE(bad.status().message().find("baris 2, pria"), std::string::npos) << bad.status().message();
  auto malformed = ReadPopulationCsv(Write("kode,total\n1.7,5\n"), options_);
  EXPECT_EQ(malformed.status().code(), StatusCode::kDataError);
}

TEST_F(SmallFilesTest, ReadsTheRealPopulationFile) {
  auto regions = ReadRegionsCsv(std::string(CAKUPAN_SOURCE_DIR) + "/data/wilayah/wilayah.csv", options_, progress_);
  ASSERT_TRUE(regions.ok());
  auto table = RegionTable::Build(regions->rows);
  ASSERT_TRUE(table.ok());
  options_.regions = &*table;
  auto p = ReadPopulationCsv(std::string(CAKUPAN_SOURCE_DIR) + "/data/wilayah/penduduk.csv", options_);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->size(), 553u);
  int64_t bengkulu = 0;
  for (const PopulationRecord& r : *p)
    if (r.region.ToString() == "17") bengkulu = r.total;
  EXPECT_GT(bengkulu, 2000000);
}

}  // namespace
}  // namespace cakupan
