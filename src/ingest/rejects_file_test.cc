#include <gtest/gtest.h>

#include <filesystem>

#include "ingest/readers.h"
#include "ingest/test_util.h"

namespace cakupan {
namespace {

using testing_util::ReadFileText;
using testing_util::TempDir;

TEST(RejectsFileTest, PathSitsBesideTheInput) {
  EXPECT_EQ(RejectsPathFor("data/pekerja.csv"), "data/pekerja.rejects.csv");
  EXPECT_EQ(RejectsPathFor("/tmp/kepesertaan-2024-11.csv"), "/tmp/kepesertaan-2024-11.rejects.csv");
  EXPECT_EQ(RejectsPathFor("pekerja"), "pekerja.rejects.csv");
}

TEST(RejectsFileTest, WritesSortedQuotedRows) {
  TempDir dir;
  const std::string input = dir.Write("pekerja.csv", "x");
  ReadReport report;
  report.rejections = {
      {7, "Kode Desa", "kode desa tidak dikenal (tidak ada di daftar wilayah)", "17.04.07.2999"},
      {3, "nik", "NIK harus 16 digit", "1704**"},
      {5, "", "kolom lebih banyak dari header (10 > 9)", ""},
      {9, "pekerjaan", "teks \"aneh\"", "a,b\nc"},
  };
  auto written = WriteRejectsFile(input, report);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_EQ(*written, dir.Path("pekerja.rejects.csv"));
  EXPECT_EQ(ReadFileText(*written),
            "baris,kolom,alasan,nilai\n"
            "3,nik,NIK harus 16 digit,1704**\n"
            "5,,kolom lebih banyak dari header (10 > 9),\n"
            "7,Kode Desa,kode desa tidak dikenal (tidak ada di daftar wilayah),17.04.07.2999\n"
            "9,pekerjaan,\"teks \"\"aneh\"\"\",\"a,b\nc\"\n");
  EXPECT_FALSE(std::filesystem::exists(*written + ".tmp"));
}

TEST(RejectsFileTest, MirrorsAnExcelSemicolonInputWithBom) {
  TempDir dir;
  ReadReport report;
  report.delimiter = ';';
  report.had_bom = true;
  report.rejections = {{4, "Kode Desa", "kode desa; tidak dikenal", "17.04.07.2999"}};
  auto written = WriteRejectsFile(dir.Write("pekerja.csv", "x"), report);
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(ReadFileText(*written),
            "\xEF\xBB\xBF"
            "baris;kolom;alasan;nilai\n"
            "4;Kode Desa;\"kode desa; tidak dikenal\";17.04.07.2999\n");
}

TEST(RejectsFileTest, EnglishHeader) {
  testing_util::ScopedLanguage en(Lang::kEn);
  TempDir dir;
  ReadReport report;
  report.rejections = {{2, "nik", "NIK is empty", ""}};
  auto written = WriteRejectsFile(dir.Write("w.csv", "x"), report);
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(ReadFileText(*written), "line,column,reason,value\n2,nik,NIK is empty,\n");
}

TEST(RejectsFileTest, RemovesAStaleFileWhenNothingWasRejected) {
  TempDir dir;
  const std::string input = dir.Write("pekerja.csv", "x");
  const std::string stale = dir.Write("pekerja.rejects.csv", "baris,kolom,alasan,nilai\n2,nik,x,\n");
  auto written = WriteRejectsFile(input, ReadReport{});
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(*written, "");
  EXPECT_FALSE(std::filesystem::exists(stale));
  // And nothing to remove is fine too.
  EXPECT_TRUE(WriteRejectsFile(input, ReadReport{}).ok());
}

TEST(RejectsFileTest, RoundTripsThroughTheReader) {
  TempDir dir;
  RegionTable regions = testing_util::SmallRegions();
  ReadOptions options;
  options.regions = &regions;
  options.reference_year = 2024;
  NullProgress progress;
  const std::string input = dir.Write("pekerja.csv",
                                      "nik,nama,kode_desa\n"
                                      "1704074105920001,Siti,17.04.07.2010\n"
                                      "17040741,,17.04.07.2010\n"
                                      "1704071505920003,Rahasia Nama,17.04.07\n");
  auto b = ReadWorkersCsv(input, options, progress);
  ASSERT_TRUE(b.ok());
  auto written = WriteRejectsFile(input, b->report);
  ASSERT_TRUE(written.ok());
  const std::string text = ReadFileText(*written);
  EXPECT_EQ(text,
            "baris,kolom,alasan,nilai\n"
            "3,nik,\"NIK harus 16 digit, dan tidak ada nama untuk mengenali pekerja\",1704****\n"
            "4,kode_desa,bukan kode desa/kelurahan melainkan kode kecamatan (format PP.KK.CC.DDDD),17.04.07\n");
  EXPECT_EQ(text.find("Rahasia"), std::string::npos);  // names never copied
}

}  // namespace
}  // namespace cakupan
