#include <gtest/gtest.h>

#include <chrono>

#include "ingest/readers.h"
#include "ingest/test_util.h"

namespace cakupan {
namespace {

using testing_util::ExpectConsistent;
using testing_util::TempDir;

class ReadRegionsTest : public ::testing::Test {
 protected:
  Result<RegionBatch> Read(const std::string& content) {
    return ReadRegionsCsv(dir_.Write("wilayah.csv", content), options_, progress_);
  }
  TempDir dir_;
  ReadOptions options_;
  NullProgress progress_;
};

TEST_F(ReadRegionsTest, LoadsTheNationalListWithoutRejections) {
  const std::string path = std::string(CAKUPAN_SOURCE_DIR) + "/data/wilayah/wilayah.csv";
  RegionTable none;
  options_.regions = &none;
  const auto start = std::chrono::steady_clock::now();
  auto b = ReadRegionsCsv(path, options_, progress_);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  EXPECT_EQ(b->report.rows_read, 91599);
  EXPECT_EQ(b->report.accepted, 91599);
  EXPECT_EQ(b->report.rejected, 0);
  EXPECT_EQ(b->report.warning_count, 0);
  EXPECT_LT(seconds, 1.0);
  std::cout << "wilayah.csv: 91,599 regions in " << seconds << " s\n";

  // Names with commas were quoted.
  bool found = false;
  for (const RegionRecord& r : b->rows) {
    if (r.code.ToString() == "12.07.28.1007") {
      EXPECT_EQ(r.name, "Lubuk Pakam I,II");
      found = true;
    }
  }
  EXPECT_TRUE(found);
  auto table = RegionTable::Build(b->rows);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->CountAtLevel(RegionLevel::kProvince), 38);
  EXPECT_EQ(table->CountAtLevel(RegionLevel::kVillage), 83762);
}

TEST_F(ReadRegionsTest, ReadsAliasesAndKeepsFileOrder) {
  auto b = Read("Kode Wilayah;Nama Wilayah\n17.04;Kabupaten  Kaur\n17;Bengkulu\n17.04.07;\"Nasal\"\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  ASSERT_EQ(b->rows.size(), 3u);
  EXPECT_EQ(b->rows[0].code.ToString(), "17.04");
  EXPECT_EQ(b->rows[0].name, "Kabupaten Kaur");
  EXPECT_EQ(b->rows[1].name, "Bengkulu");  // a parent may come after its child
}

TEST_F(ReadRegionsTest, ParentsMayAlreadyBeKnown) {
  RegionTable known = testing_util::SmallRegions();
  options_.regions = &known;
  auto b = Read("kode,nama\n17.04.07.2011,Sumber Harapan\n17.04.08,Kecamatan Baru\n17.04.08.2001,Desa Baru\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->report.accepted, 3);
}

struct RejectCase {
  const char* label;
  std::string rows;
  int64_t line;
  std::string column;
  std::string reason;
  std::string value;
};

TEST_F(ReadRegionsTest, RejectsBadRows) {
  const std::vector<RejectCase> cases = {
      {"malformed", "17.4,Kaur\n", 3, "kode", "bukan kode wilayah", "17.4"},
      {"empty code", ",Kaur\n", 3, "kode", "kode wilayah kosong", ""},
      {"national", "0,Indonesia\n", 3, "kode", "akar nasional", "0"},
      {"empty name", "17.04,\n", 3, "nama", "nama wilayah kosong", ""},
      {"bad utf8", "17.04,Ka\xffur\n", 3, "nama", "CSV UTF-8", "Ka?ur"},
      {"duplicate", "17.71,Kota Bengkulu\n17.71,Kota Bengkulu lagi\n", 4, "kode", "kode wilayah ganda: sudah ada di baris 3",
       "17.71"},
      {"no parent", "17.04.07,Nasal\n", 3, "kode", "wilayah induk 17.04 tidak ada", "17.04.07"},
  };
  for (const RejectCase& c : cases) {
    SCOPED_TRACE(c.label);
    auto b = Read("kode,nama\n17,Bengkulu\n" + c.rows);
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    ExpectConsistent(b->report);
    ASSERT_EQ(b->report.rejections.size(), 1u);
    const Rejection& r = b->report.rejections[0];
    EXPECT_EQ(r.line, c.line);
    EXPECT_EQ(r.column, c.column);
    EXPECT_NE(r.reason.find(c.reason), std::string::npos) << r.reason;
    EXPECT_EQ(r.value, c.value);
  }
}

TEST_F(ReadRegionsTest, ARejectedParentTakesItsChildren) {
  auto b = Read("kode,nama\n17.04.07.2010,Batu Lungun\n17.04,\n17.04.07,Nasal\n17,Bengkulu\n");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ExpectConsistent(b->report);
  EXPECT_EQ(b->report.accepted, 1);
  ASSERT_EQ(b->report.rejections.size(), 3u);
  EXPECT_EQ(b->report.rejections[0].line, 2);
  EXPECT_EQ(b->report.rejections[0].reason, "wilayah induk 17.04.07 tidak ada");
  EXPECT_EQ(b->report.rejections[1].line, 3);
  EXPECT_EQ(b->report.rejections[2].line, 4);
  EXPECT_EQ(b->report.rejections[2].reason, "wilayah induk 17.04 tidak ada");
}

TEST_F(ReadRegionsTest, StructuralErrors) {
  EXPECT_EQ(Read("kode\n17\n").status().code(), StatusCode::kDataError);
  EXPECT_EQ(Read("kode,nama\n").status().code(), StatusCode::kDataError);
  EXPECT_EQ(Read("kode,nama,kode_wilayah\n17,Bengkulu,17\n").status().code(), StatusCode::kDataError);
}

}  // namespace
}  // namespace cakupan
