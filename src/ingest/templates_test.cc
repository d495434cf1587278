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

// Every ```csv example in docs/data-formats.md loads without rejections
// (the rejects-file example is checked for its header only).
TEST_F(TemplatesTest, DocumentationExamplesLoadCleanly) {
  const std::string doc = testing_util::ReadFileText(std::string(CAKUPAN_SOURCE_DIR) + "/docs/data-formats.md");
  testing_util::TempDir dir;
  int examples = 0;
  for (size_t at = doc.find("```csv\n"); at != std::string::npos; at = doc.find("```csv\n", at)) {
    at += 7;
    const size_t end = doc.find("```", at);
    ASSERT_NE(end, std::string::npos);
    const std::string block = doc.substr(at, end - at);
    const std::string header = block.substr(0, block.find('\n'));
    const std::string path = dir.Write("example" + std::to_string(examples++) + ".csv", block);
    SCOPED_TRACE(header);
    if (header == CanonicalHeader(RegionColumns())) {
      auto b = ReadRegionsCsv(path, Options(), progress_);
      ASSERT_TRUE(b.ok()) << b.status().ToString();
      ExpectClean(b->report, 3);
    } else if (header == CanonicalHeader(WorkerColumns())) {
      auto b = ReadWorkersCsv(path, Options(), progress_);
      ASSERT_TRUE(b.ok()) << b.status().ToString();
      ExpectClean(b->report, 3);
    } else if (header == CanonicalHeader(MemberColumns())) {
      auto b = ReadMembersCsv(path, Options(), progress_);
      ASSERT_TRUE(b.ok()) << b.status().ToString();
      ExpectClean(b->report, 3);
      EXPECT_EQ(b->rows.status[2], static_cast<uint8_t>(MembershipStatus::kNonActive));
    } else if (header == CanonicalHeader(LabourForceColumns())) {
      auto b = ReadLabourForceCsv(path, Options(), progress_);
      ASSERT_TRUE(b.ok()) << b.status().ToString();
      ExpectClean(b->report, 3);
      EXPECT_EQ(b->rows[0].employed, 1045210);
    } else if (header == CanonicalHeader(TargetColumns())) {
      auto b = ReadTargetsCsv(path, Options(), progress_);
      ASSERT_TRUE(b.ok()) << b.status().ToString();
      ExpectClean(b->report, 3);
      EXPECT_DOUBLE_EQ(b->rows[1].target, 0.78);
    } else {
      EXPECT_EQ(header, "baris,kolom,alasan,nilai");
    }
  }
  EXPECT_EQ(examples, 6);
}

}  // namespace
}  // namespace cakupan
