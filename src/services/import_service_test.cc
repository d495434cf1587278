// ImportService on a real SQLite file: upsert, idempotence, replace, the
// rejection threshold, compaction of many small imports.
#include "services/import_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/segments.h"
#include "storage/sqlite/sqlite_store.h"

namespace cakupan {
namespace {

class FixedClock final : public Clock {
 public:
  std::string NowUtcIso() override { return "2026-11-21T00:00:00Z"; }
  int CurrentYear() override { return 2026; }
};

class ImportServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cakupan-import-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = std::move(OpenSqliteStore((dir_ / "t.db").string(), SqliteStoreOptions{})).value();
    service_ = std::make_unique<ImportService>(*store_, clock_, progress_);
    Write("wilayah.csv", "kode,nama\n17,Bengkulu\n17.04,Kaur\n17.04.07,Nasal\n17.04.07.2010,Batu Lungun\n");
    ASSERT_TRUE(Import(DataKind::kRegions, "wilayah.csv").ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  Result<ImportOutcome> Import(DataKind kind, const std::string& name, bool replace = false) {
    ImportOptions o;
    o.kind = kind;
    o.path = (dir_ / name).string();
    o.replace = replace;
    return service_->Import(o);
  }
  size_t StoredWorkers() { return MergeWorkerSegments(std::move(store_->LoadWorkerSegments(kWorkerNik)).value()).size(); }

  std::filesystem::path dir_;
  FixedClock clock_;
  NullProgress progress_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<ImportService> service_;
};

// A valid NIK for district 17.04.07 with the given serial.
std::string Nik(int serial) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "1704071505920%03d", serial);
  return buf;
}

TEST_F(ImportServiceTest, SameFileTwiceChangesNothing) {
  Write("p.csv", "nik,kode_desa\n" + Nik(1) + ",17.04.07.2010\n" + Nik(2) + ",17.04.07.2010\n");
  auto first = Import(DataKind::kWorkers, "p.csv");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->record.inserted, 2);
  EXPECT_TRUE(first->changed);
  const int64_t version = *store_->DataVersion(DataKind::kWorkers, std::nullopt);
  auto second = Import(DataKind::kWorkers, "p.csv");
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->changed);
  EXPECT_EQ(second->record.unchanged, 2);
  EXPECT_EQ(*store_->DataVersion(DataKind::kWorkers, std::nullopt), version);
  EXPECT_EQ(*store_->CountWorkerSegments(), 1);
  // Both imports are logged, stamped from start to finish.
  auto log = store_->ListImports(2);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 2u);
  for (const ImportRecord& r : *log) {
    EXPECT_EQ(r.kind, DataKind::kWorkers);
    EXPECT_EQ(r.file_name, "p.csv");
    EXPECT_EQ(r.started_at, "2026-11-21T00:00:00Z");
    EXPECT_EQ(r.finished_at, "2026-11-21T00:00:00Z");
    EXPECT_EQ(r.rows_read, 2);
  }
}

TEST_F(ImportServiceTest, SmallTablesLogTheirImport) {
  Write("t.csv", "kode,tahun,target\n17,2024,40%\n17.04,2024,0.7\n");
  auto t = Import(DataKind::kTargets, "t.csv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->record.inserted, 2);
  auto again = Import(DataKind::kTargets, "t.csv");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->changed);
  EXPECT_EQ(again->record.unchanged, 2);
  auto log = store_->ListImports(1);
  ASSERT_TRUE(log.ok());
  EXPECT_EQ((*log)[0].finished_at, "2026-11-21T00:00:00Z");
  EXPECT_EQ((*log)[0].unchanged, 2);
}

TEST_F(ImportServiceTest, UpsertUpdatesAndReplaceRemoves) {
  Write("a.csv", "nik,kode_desa,sektor\n" + Nik(1) + ",17.04.07.2010,formal\n" + Nik(2) + ",17.04.07.2010,formal\n");
  ASSERT_TRUE(Import(DataKind::kWorkers, "a.csv").ok());
  Write("b.csv", "nik,kode_desa,sektor\n" + Nik(2) + ",17.04.07.2010,informal\n" + Nik(3) + ",17.04.07.2010,\n");
  auto b = Import(DataKind::kWorkers, "b.csv");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->record.inserted, 1);
  EXPECT_EQ(b->record.updated, 1);
  EXPECT_EQ(StoredWorkers(), 3u);
  auto r = Import(DataKind::kWorkers, "b.csv", /*replace=*/true);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->removed, 1);  // Nik(1) is not in b.csv
  EXPECT_EQ(StoredWorkers(), 2u);
}

TEST_F(ImportServiceTest, TooManyRejectionsStoreNothing) {
  Write("bad.csv", "nik,kode_desa\n123,17.04.07.2010\n" + Nik(1) + ",99.99.99.9999\n" + Nik(2) + ",17.04.07.2010\n");
  auto out = Import(DataKind::kWorkers, "bad.csv");
  EXPECT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kDataError);
  EXPECT_EQ(StoredWorkers(), 0u);
  EXPECT_EQ(*store_->DataVersion(DataKind::kWorkers, std::nullopt), 0);
  EXPECT_TRUE(std::filesystem::exists(dir_ / "bad.rejects.csv"));
}

TEST_F(ImportServiceTest, ManySmallImportsAreCompacted) {
  for (int i = 1; i <= ImportService::kMaxSegments + 3; ++i) {
    const std::string name = "w" + std::to_string(i) + ".csv";
    Write(name, "nik,kode_desa\n" + Nik(i) + ",17.04.07.2010\n");
    ASSERT_TRUE(Import(DataKind::kWorkers, name).ok()) << i;
    EXPECT_LE(*store_->CountWorkerSegments(), ImportService::kMaxSegments);
  }
  EXPECT_EQ(StoredWorkers(), static_cast<size_t>(ImportService::kMaxSegments + 3));
}

TEST_F(ImportServiceTest, ReplaceOnlyForLargeTables) {
  auto out = Import(DataKind::kRegions, "wilayah.csv", /*replace=*/true);
  EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ImportServiceTest, NoRegionsMeansImportRegionsFirst) {
  store_.reset();
  std::filesystem::remove(dir_ / "t.db");
  store_ = std::move(OpenSqliteStore((dir_ / "t2.db").string(), SqliteStoreOptions{})).value();
  ImportService fresh(*store_, clock_, progress_);
  Write("p.csv", "nik,kode_desa\n" + Nik(1) + ",17.04.07.2010\n");
  ImportOptions o;
  o.kind = DataKind::kWorkers;
  o.path = (dir_ / "p.csv").string();
  auto r = fresh.Import(o);
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(r.status().message().find("import regions"), std::string::npos);
}

}  // namespace
}  // namespace cakupan
