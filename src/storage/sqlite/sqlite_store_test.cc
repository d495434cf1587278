// SQLite-specific behaviour of the store: opening, migrations, file
// checks, the on-disk chunk layout, damage detection, read-only stores and
// rollback after a real SQLite failure half-way through a write. The
// backend-independent behaviour is in sqlite_store_contract_test.cc.
#include "storage/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <fstream>

#include "storage/sqlite/chunk_checksum.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/temp_dir.h"
#include "storage/store_contract_test.h"

namespace cakupan::sqlite {
namespace {

using store_contract::MakeImport;
using store_contract::MakeMembers;
using store_contract::MakeReconciliation;
using store_contract::MakeWorkers;
using store_contract::Month;

// A second, raw connection to the same file, to look at or tamper with what
// the store wrote.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    auto conn = Connection::Open(path, SQLITE_OPEN_READWRITE);
    EXPECT_TRUE(conn.ok()) << conn.status().ToString();
    if (conn.ok()) conn_ = std::move(conn).value();
    if (conn_) sqlite3_busy_timeout(conn_->handle(), 5000);
  }
  void Exec(const std::string& sql) {
    Status st = conn_->Exec(sql);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  int64_t Int(const std::string& sql) {
    auto stmt = Statement::Prepare(*conn_, sql);
    EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
    if (!stmt.ok()) return -1;
    auto row = stmt->Step();
    EXPECT_TRUE(row.ok() && *row) << sql;
    return row.ok() && *row ? stmt->ColumnInt64(0) : -1;
  }
  std::string Text(const std::string& sql) {
    auto stmt = Statement::Prepare(*conn_, sql);
    EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
    if (!stmt.ok()) return "";
    auto row = stmt->Step();
    return row.ok() && *row ? stmt->ColumnText(0) : "";
  }
  // Overwrites one byte of a stored chunk in place, as bit rot would.
  void DamageByte(const std::string& table, int64_t rowid, int offset) {
    sqlite3_blob* blob = nullptr;
    ASSERT_EQ(sqlite3_blob_open(conn_->handle(), "main", table.c_str(), "data", rowid, 1, &blob), SQLITE_OK);
    unsigned char byte = 0;
    ASSERT_EQ(sqlite3_blob_read(blob, &byte, 1, offset), SQLITE_OK);
    byte ^= 0x10;
    ASSERT_EQ(sqlite3_blob_write(blob, &byte, 1, offset), SQLITE_OK);
    sqlite3_blob_close(blob);
  }

 private:
  std::unique_ptr<Connection> conn_;
};

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(dir_.path().empty()); }

  std::unique_ptr<Store> Open(SqliteStoreOptions options = {}) {
    auto store = OpenSqliteStore(path_, options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }
  static SqliteStoreOptions SmallChunks() {
    SqliteStoreOptions options;
    options.rows_per_chunk = 1000;
    return options;
  }
  static SqliteStoreOptions ReadOnly() {
    SqliteStoreOptions options;
    options.read_only = true;
    return options;
  }

  TempDir dir_;
  std::string path_ = dir_.File("cakupan.db");
};

// --- Opening ---------------------------------------------------------------

TEST_F(SqliteStoreTest, MigrationsAreAppliedOnceAndRecorded) {
  ASSERT_NE(Open(), nullptr);
  RawDb raw(path_);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM schema_migrations"), static_cast<int64_t>(Migrations().size()));
  EXPECT_EQ(raw.Int("SELECT max(version) FROM schema_migrations"), LatestSchemaVersion());
  const std::string applied = raw.Text("SELECT applied_at FROM schema_migrations WHERE version = 1");
  EXPECT_EQ(applied.size(), 20u) << applied;  // 2024-11-30T01:02:03Z
  EXPECT_EQ(raw.Int("PRAGMA application_id"), kApplicationId);
  ASSERT_NE(Open(), nullptr);
  ASSERT_NE(Open(), nullptr);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM schema_migrations"), static_cast<int64_t>(Migrations().size()));
  EXPECT_EQ(raw.Text("SELECT applied_at FROM schema_migrations WHERE version = 1"), applied);
}

TEST_F(SqliteStoreTest, MigrationsAreNumberedInOrder) {
  int expected = 1;
  for (const Migration& m : Migrations()) EXPECT_EQ(m.version, expected++);
}

TEST_F(SqliteStoreTest, NewDatabaseUsesWalAndLargePages) {
  ASSERT_NE(Open(), nullptr);
  RawDb raw(path_);
  EXPECT_EQ(raw.Text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw.Int("PRAGMA page_size"), 65536);
}

TEST_F(SqliteStoreTest, RefusesASchemaNewerThanThisBuild) {
  ASSERT_NE(Open(), nullptr);
  {
    RawDb raw(path_);
    raw.Exec("INSERT INTO schema_migrations VALUES (999, 'from the future', '2030-01-01T00:00:00Z')");
  }
  for (SqliteStoreOptions options : {SqliteStoreOptions(), ReadOnly()}) {
    auto store = OpenSqliteStore(path_, options);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
    EXPECT_NE(store.status().message().find("999"), std::string::npos) << store.status().ToString();
    EXPECT_NE(store.status().message().find("newer"), std::string::npos) << store.status().ToString();
  }
}

TEST_F(SqliteStoreTest, ReadOnlyOpenRefusesAnOutdatedSchema) {
  ASSERT_NE(Open(), nullptr);
  {
    RawDb raw(path_);  // pretend no migration was recorded yet
    raw.Exec("DELETE FROM schema_migrations");
  }
  auto store = OpenSqliteStore(path_, ReadOnly());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("needs an upgrade"), std::string::npos) << store.status().ToString();
}

TEST_F(SqliteStoreTest, MissingFileIsNotFoundWithoutCreate) {
  SqliteStoreOptions options;
  options.create_if_missing = false;
  for (SqliteStoreOptions o : {options, ReadOnly()}) {
    auto store = OpenSqliteStore(path_, o);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
    EXPECT_EQ(store.status().message(), "database file '" + path_ + "' does not exist; import data first");
  }
  EXPECT_FALSE(std::filesystem::exists(path_));
  ASSERT_NE(Open(), nullptr);  // created by default
  EXPECT_NE(Open(options), nullptr);
}

TEST_F(SqliteStoreTest, RefusesAFileThatIsNotAnSqliteDatabase) {
  {
    std::ofstream out(path_);
    out << "kode,nama\n17,BENGKULU\n" << std::string(200, 'x');
  }
  auto store = OpenSqliteStore(path_, SqliteStoreOptions());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorruption) << store.status().ToString();
  EXPECT_NE(store.status().message().find("not an SQLite database"), std::string::npos) << store.status().ToString();
}

TEST_F(SqliteStoreTest, RefusesAnSqliteDatabaseOfAnotherApplication) {
  {
    auto conn = Connection::Open(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE((*conn)->Exec("CREATE TABLE schema_migrations (version TEXT); CREATE TABLE users (id INTEGER)").ok());
  }
  for (SqliteStoreOptions options : {SqliteStoreOptions(), ReadOnly()}) {
    auto store = OpenSqliteStore(path_, options);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
    EXPECT_NE(store.status().message().find("not a cakupan database"), std::string::npos)
        << store.status().ToString();
  }
  RawDb raw(path_);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM sqlite_schema"), 2);  // left alone
}

TEST_F(SqliteStoreTest, RejectsBadOptions) {
  SqliteStoreOptions options;
  options.rows_per_chunk = 0;
  EXPECT_EQ(OpenSqliteStore(path_, options).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(OpenSqliteStore("", SqliteStoreOptions()).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SqliteStoreTest, OpeningDoesNotWaitForAWriterInAnotherConnection) {
  ASSERT_NE(Open(), nullptr);
  RawDb writer(path_);
  writer.Exec("BEGIN IMMEDIATE");  // as a long import would
  const auto start = std::chrono::steady_clock::now();
  auto store = Open();
  ASSERT_NE(store, nullptr);
  auto imports = store->ListImports(0);
  EXPECT_TRUE(imports.ok()) << imports.status().ToString();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  writer.Exec("COMMIT");
}

// --- On-disk layout -------------------------------------------------------------

TEST_F(SqliteStoreTest, ChunksHoldRowRangesWithChecksums) {
  auto store = Open(SmallChunks());
  ASSERT_NE(store, nullptr);
  const WorkerTable workers = MakeWorkers(2500, 1);
  ImportRecord rec = MakeImport(DataKind::kWorkers, "w.csv");
  ASSERT_TRUE(store->WriteWorkers(workers, false, &rec).ok());
  RawDb raw(path_);
  EXPECT_EQ(raw.Int("SELECT row_count FROM segments WHERE kind = 'workers'"), 2500);
  EXPECT_EQ(raw.Int("SELECT import_id FROM segments WHERE kind = 'workers'"), rec.id);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM segment_chunks WHERE column_name = 'nik'"), 3);
  EXPECT_EQ(raw.Int("SELECT group_concat(row_count) = '1000,1000,500' FROM "
                    "(SELECT row_count FROM segment_chunks WHERE column_name = 'nik' ORDER BY chunk_no)"),
            1);
  EXPECT_EQ(raw.Int("SELECT sum(byte_size = length(data) AND byte_size = 8 * row_count) FROM segment_chunks "
                    "WHERE column_name IN ('nik', 'village')"),
            6);
  EXPECT_EQ(raw.Int("SELECT sum(length(data)) FROM segment_chunks WHERE column_name = 'name.bytes'"),
            static_cast<int64_t>(workers.name.byte_size()));
  EXPECT_EQ(raw.Int("SELECT count(*) FROM segment_chunks WHERE column_name = 'occupations.bytes'"), 1);
  // The first nik chunk is the first 1,000 NIKs as little-endian uint64.
  EXPECT_EQ(raw.Int("SELECT checksum FROM segment_chunks WHERE column_name = 'nik' AND chunk_no = 0"),
            static_cast<int64_t>(ChunkChecksum(workers.nik.data(), 8000)));
  EXPECT_EQ(raw.Int("SELECT count(*) FROM imports WHERE changed = 1"), 1);
}

TEST_F(SqliteStoreTest, ReplacingDeletesTheOldChunks) {
  auto store = Open(SmallChunks());
  ASSERT_NE(store, nullptr);
  ImportRecord rec = MakeImport(DataKind::kWorkers, "w.csv");
  ASSERT_TRUE(store->WriteWorkers(MakeWorkers(2500, 1), false, &rec).ok());
  ASSERT_TRUE(store->WriteWorkers(MakeWorkers(1500, 2), false, &rec).ok());
  ASSERT_TRUE(store->WriteWorkers(MakeWorkers(10, 3), true, &rec).ok());
  RawDb raw(path_);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM segments"), 1);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM segment_chunks WHERE segment_id NOT IN (SELECT id FROM segments)"), 0);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM segment_chunks WHERE column_name = 'nik'"), 1);
}

// --- Damage -------------------------------------------------------------------

TEST_F(SqliteStoreTest, DamagedChunkIsCorruptionAndOnlyRequestedColumnsAreRead) {
  auto store = Open(SmallChunks());
  ASSERT_NE(store, nullptr);
  ImportRecord rec = MakeImport(DataKind::kWorkers, "w.csv");
  ASSERT_TRUE(store->WriteWorkers(MakeWorkers(2500, 1), false, &rec).ok());
  {
    RawDb raw(path_);
    raw.DamageByte("segment_chunks",
                   raw.Int("SELECT id FROM segment_chunks WHERE column_name = 'name.bytes' AND chunk_no = 1"), 5);
  }
  auto partial = store->LoadWorkerSegments(kWorkerNik | kWorkerVillage | kWorkerOccupation);
  EXPECT_TRUE(partial.ok()) << partial.status().ToString();
  auto full = store->LoadWorkerSegments(kWorkerAllColumns);
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.status().code(), StatusCode::kCorruption);
  EXPECT_NE(full.status().message().find("'name.bytes', chunk 1: checksum mismatch"), std::string::npos)
      << full.status().ToString();
}

TEST_F(SqliteStoreTest, ChunkOfTheWrongSizeOrMissingIsCorruption) {
  const char* damage[] = {
      "UPDATE segment_chunks SET data = zeroblob(8) WHERE column_name = 'village' AND chunk_no = 2",
      "UPDATE segment_chunks SET byte_size = 8, data = zeroblob(8) WHERE column_name = 'village' AND chunk_no = 2",
      "DELETE FROM segment_chunks WHERE column_name = 'village' AND chunk_no = 1",
      "DELETE FROM segment_chunks WHERE column_name = 'nik' AND chunk_no = 2",
      "UPDATE segments SET row_count = 2600",
      "UPDATE segment_chunks SET data = zeroblob(length(data)), checksum = 0 "
      "WHERE column_name = 'name.offsets' AND chunk_no = 0",
  };
  for (const char* sql : damage) {
    SCOPED_TRACE(sql);
    std::filesystem::remove(path_);
    std::filesystem::remove(path_ + "-wal");
    std::filesystem::remove(path_ + "-shm");
    auto store = Open(SmallChunks());
    ASSERT_NE(store, nullptr);
    ImportRecord rec = MakeImport(DataKind::kWorkers, "w.csv");
    ASSERT_TRUE(store->WriteWorkers(MakeWorkers(2500, 1), false, &rec).ok());
    {
      RawDb raw(path_);
      raw.Exec(sql);
    }
    auto loaded = store->LoadWorkerSegments(kWorkerAllColumns);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.status().code(), StatusCode::kCorruption) << loaded.status().ToString();
  }
}

TEST_F(SqliteStoreTest, DamagedReconciliationDetailIsCorruption) {
  auto store = Open(SmallChunks());
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->SaveReconciliation(MakeReconciliation(Month(2024, 11), 3000, 500, 1)).ok());
  {
    RawDb raw(path_);
    raw.DamageByte("reconciliation_chunks",
                   raw.Int("SELECT id FROM reconciliation_chunks WHERE column_name = 'worker_results' "
                           "AND chunk_no = 2"),
                   0);
  }
  EXPECT_TRUE(store->LoadReconciliation(Month(2024, 11), false).ok());
  auto loaded = store->LoadReconciliation(Month(2024, 11), true);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kCorruption) << loaded.status().ToString();
}

// --- Read-only stores ------------------------------------------------------------

TEST_F(SqliteStoreTest, ReadOnlyStoreReadsButRefusesEveryWrite) {
  {
    auto store = Open(SmallChunks());
    ASSERT_NE(store, nullptr);
    ImportRecord rec = MakeImport(DataKind::kWorkers, "w.csv");
    ASSERT_TRUE(store->WriteWorkers(MakeWorkers(1500, 1), false, &rec).ok());
  }
  auto store = Open(ReadOnly());
  ASSERT_NE(store, nullptr);
  auto workers = store->LoadWorkerSegments(kWorkerAllColumns);
  ASSERT_TRUE(workers.ok()) << workers.status().ToString();
  EXPECT_EQ(workers->size(), 1u);

  ImportRecord rec = MakeImport(DataKind::kRegions, "r.csv");
  std::vector<Status> refused = {
      store->UpsertRegions({{store_contract::Code("17"), "BENGKULU"}}, &rec),
      store->WriteWorkers(MakeWorkers(10, 2), false, &rec),
      store->CompactWorkers(MakeWorkers(10, 2)),
      store->WriteMembers(Month(2024, 11), MakeMembers(10, 3), false, &rec),
      store->CompactMembers(Month(2024, 11), MakeMembers(10, 3)),
      store->UpsertLabourForce({{store_contract::Code("17"), Month(2024, 8), 10, -1, -1, ""}}, &rec),
      store->UpsertTargets({{store_contract::Code("17"), 2025, 0.4}}, &rec),
      store->LogImport(&rec),
      store->SaveReconciliation(MakeReconciliation(Month(2024, 11), 10, 10, 4)),
  };
  for (const Status& st : refused) {
    EXPECT_EQ(st.code(), StatusCode::kFailedPrecondition) << st.ToString();
    EXPECT_NE(st.message().find("opened read-only"), std::string::npos) << st.ToString();
    EXPECT_NE(st.message().find(path_), std::string::npos) << st.ToString();
  }
  EXPECT_EQ(rec.id, 0);
  auto imports = store->ListImports(0);
  ASSERT_TRUE(imports.ok());
  EXPECT_EQ(imports->size(), 1u);
}

// --- Rollback after a real SQLite failure -------------------------------------------

// A trigger makes SQLite itself fail on a chosen row, half-way through a
// write; nothing of that write may remain.
TEST_F(SqliteStoreTest, FailureHalfWayThroughAWriteLeavesNoTrace) {
  auto store = Open(SmallChunks());
  ASSERT_NE(store, nullptr);
  ImportRecord regions = MakeImport(DataKind::kRegions, "r.csv");
  ASSERT_TRUE(store->UpsertRegions({{store_contract::Code("17"), "BENGKULU"}}, &regions).ok());
  ImportRecord rec = MakeImport(DataKind::kWorkers, "w.csv");
  ASSERT_TRUE(store->WriteWorkers(MakeWorkers(2500, 1), false, &rec).ok());
  ImportRecord members = MakeImport(DataKind::kMembers, "m.csv");
  ASSERT_TRUE(store->WriteMembers(Month(2024, 11), MakeMembers(2000, 2), false, &members).ok());
  ASSERT_TRUE(store->SaveReconciliation(MakeReconciliation(Month(2024, 11), 3000, 500, 3)).ok());
  store_contract::Snapshot before;
  ASSERT_NO_FATAL_FAILURE(TakeSnapshot(*store, &before));
  RawDb raw(path_);
  const int64_t chunks_before = raw.Int("SELECT count(*) FROM segment_chunks");
  raw.Exec(
      "CREATE TRIGGER fail_chunk BEFORE INSERT ON segment_chunks "
      "WHEN NEW.column_name = 'village' AND NEW.chunk_no = 2 BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
      "CREATE TRIGGER fail_member_chunk BEFORE INSERT ON segment_chunks "
      "WHEN NEW.column_name = 'region' AND NEW.chunk_no = 1 BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
      "CREATE TRIGGER fail_recon BEFORE INSERT ON reconciliation_chunks "
      "WHEN NEW.column_name = 'unmatched.sex' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
      "CREATE TRIGGER fail_region_import BEFORE INSERT ON imports "
      "WHEN NEW.kind = 'regions' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");

  ImportRecord w = MakeImport(DataKind::kWorkers, "w2.csv");
  for (bool replace : {false, true}) {
    Status st = store->WriteWorkers(MakeWorkers(3000, 4), replace, &w);
    EXPECT_NE(st.message().find("injected failure"), std::string::npos) << st.ToString();
  }
  EXPECT_FALSE(store->CompactWorkers(MakeWorkers(3000, 4)).ok());
  Status st = store->WriteMembers(Month(2024, 11), MakeMembers(2000, 5), true, &w);
  EXPECT_NE(st.message().find("injected failure"), std::string::npos) << st.ToString();
  st = store->SaveReconciliation(MakeReconciliation(Month(2024, 11), 100, 100, 6));
  EXPECT_NE(st.message().find("injected failure"), std::string::npos) << st.ToString();
  // The import row comes last for an upsert: the rows before it go too.
  ImportRecord r = MakeImport(DataKind::kRegions, "r2.csv");
  st = store->UpsertRegions({{store_contract::Code("17"), "Provinsi Bengkulu"}, {store_contract::Code("18"), "LAMPUNG"}},
                            &r);
  EXPECT_NE(st.message().find("injected failure"), std::string::npos) << st.ToString();
  EXPECT_EQ(w.id, 0);
  EXPECT_EQ(r.id, 0);

  store_contract::Snapshot after;
  ASSERT_NO_FATAL_FAILURE(TakeSnapshot(*store, &after));
  store_contract::ExpectSameSnapshot(before, after);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM segment_chunks"), chunks_before);
}

// --- Several handles on one file --------------------------------------------------

TEST_F(SqliteStoreTest, AnotherHandleSeesCommittedWrites) {
  auto writer = Open(SmallChunks());
  ASSERT_NE(writer, nullptr);
  auto reader = Open(ReadOnly());
  ASSERT_NE(reader, nullptr);
  const WorkerTable workers = MakeWorkers(1200, 1);
  ImportRecord rec = MakeImport(DataKind::kWorkers, "w.csv");
  ASSERT_TRUE(writer->WriteWorkers(workers, false, &rec).ok());
  auto loaded = reader->LoadWorkerSegments(kWorkerAllColumns);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), 1u);
  store_contract::ExpectWorkersEqual(workers, (*loaded)[0]);
  auto version = reader->DataVersion(DataKind::kWorkers, std::nullopt);
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, rec.id);
}

}  // namespace
}  // namespace cakupan::sqlite
