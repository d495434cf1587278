// The templates in templates/ are what users copy: each must load with every
// row accepted and no warning, against the real national region list.
#include <gtest/gtest.h>

#include "ingest/column_map.h"
#include "ingest/readers.h"
#include "ingest/test_util.h"

namespace cakupan {
namespace {

using testing_util::ExpectConsistent;

std::string Template(const std::string& name) { return std::string(CAKUPAN_SOURCE_DIR) + "/templates/" + name; }

std::string FirstLine(const std::string& path) {
  const std::string text = testing_util::ReadFileText(path);
  return text.substr(0, text.find('\n'));
}

class TemplatesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ReadOptions o;
    NullProgress progress;
    auto regions = ReadRegionsCsv(std::string(CAKUPAN_SOURCE_DIR) + "/data/wilayah/wilayah.csv", o, progress);
    ASSERT_TRUE(regions.ok());
    table_ = new RegionTable(RegionTable::Build(regions->rows).value());
  }
  static void TearDownTestSuite() {
    delete table_;
    table_ = nullptr;
  }
  ReadOptions Options() const {
    ReadOptions o;
    o.regions = table_;
    o.reference_year = 2024;
    return o;
  }
  void ExpectClean(const ReadReport& r, int64_t rows) {
    ExpectConsistent(r);
    EXPECT_EQ(r.rows_read, rows) << r.file_name;
    EXPECT_EQ(r.rejected, 0) << r.file_name << ": " << (r.rejections.empty() ? "" : r.rejections[0].reason);
    EXPECT_EQ(r.warning_count, 0) << r.file_name << ": " << (r.warnings.empty() ? "" : r.warnings[0].message);
  }

  static RegionTable* table_;
  NullProgress progress_;
};
RegionTable* TemplatesTest::table_ = nullptr;

TEST_F(TemplatesTest, EveryTemplateLoadsCleanly) {
  auto regions = ReadRegionsCsv(Template("wilayah.csv"), Options(), progress_);
  ASSERT_TRUE(regions.ok()) << regions.status().ToString();
  ExpectClean(regions->report, 4);
  EXPECT_EQ(FirstLine(Template("wilayah.csv")), CanonicalHeader(RegionColumns()));

  auto workers = ReadWorkersCsv(Template("pekerja.csv"), Options(), progress_);
  ASSERT_TRUE(workers.ok()) << workers.status().ToString();
  ExpectClean(workers->report, 3);
  EXPECT_EQ(FirstLine(Template("pekerja.csv")), CanonicalHeader(WorkerColumns()));

  auto members = ReadMembersCsv(Template("kepesertaan.csv"), Options(), progress_);
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  ExpectClean(members->report, 3);
  EXPECT_EQ(members->period, Period::FromYearMonth(2024, 11));
  EXPECT_EQ(FirstLine(Template("kepesertaan.csv")), CanonicalHeader(MemberColumns()));

  auto labour = ReadLabourForceCsv(Template("angkatan-kerja.csv"), Options(), progress_);
  ASSERT_TRUE(labour.ok()) << labour.status().ToString();
  ExpectClean(labour->report, 3);
  EXPECT_EQ(FirstLine(Template("angkatan-kerja.csv")), CanonicalHeader(LabourForceColumns()));

  auto targets = ReadTargetsCsv(Template("target.csv"), Options(), progress_);
  ASSERT_TRUE(targets.ok()) << targets.status().ToString();
  ExpectClean(targets->report, 3);
  EXPECT_EQ(FirstLine(Template("target.csv")), CanonicalHeader(TargetColumns()));
}

}  // namespace
}  // namespace cakupan
