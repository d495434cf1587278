// SQLite-specific behaviour of the store: opening, migrations, file
// checks, the on-disk chunk layout, damage detection, read-only stores and
// rollback after a real SQLite failure half-way through a write. The
// backend-independent behaviour is in sqlite_store_contract_test.cc.
#include "storage/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "base/rng.h"

#include "storage/sqlite/chunk_checksum.h"
#include "storage/sqlite/column_codec.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/sqlite_store_impl.h"
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
  // The rows of a query returning (integer, integer, blob).
  struct BlobRow {
    int64_t a = 0, b = 0;
    std::string data;
  };
  std::vector<BlobRow> BlobRows(const std::string& sql) {
    std::vector<BlobRow> rows;
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(conn_->handle(), sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      const char* data = static_cast<const char*>(sqlite3_column_blob(stmt, 2));
      rows.push_back(BlobRow{sqlite3_column_int64(stmt, 0), sqlite3_column_int64(stmt, 1),
                             std::string(data == nullptr ? "" : data, static_cast<size_t>(sqlite3_column_bytes(stmt, 2)))});
    }
    sqlite3_finalize(stmt);
    return rows;
  }
  Connection& conn() { return *conn_; }
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

// Migration 6 inserts the NIK level nik.serial_differs at index 3: stored
// pairs of a version 4 database keep their meaning (different 3 -> 4,
// missing 4 -> 5; exact, one edit, two edits unchanged), and reconciliations
// get duplicate_rows = 0.
TEST_F(SqliteStoreTest, Version4LinkLevelsAreRenumbered) {
  ASSERT_NE(Open(), nullptr);
  {
    RawDb raw(path_);  // back to version 5, with pairs stored by version 4
    raw.Exec("DELETE FROM schema_migrations WHERE version >= 6");
    raw.Exec("ALTER TABLE reconciliations DROP COLUMN duplicate_rows");
    raw.Exec("INSERT INTO reconciliations (period, workers_version, members_version, regions_version, computed_at, "
             "workers, members, memberships, active, non_active, unregistered, unmatched, "
             "unmatched_by_extract_region, unmatched_by_nik_district, unmatched_unattributed, worker_result_rows, "
             "unmatched_rows) VALUES ('2024-11', 1, 1, 1, 'x', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)");
    // Levels packed 4 bits each, the NIK's lowest: 0x10210 + k = region 1,
    // sex 0, date 2, name 1 and NIK level k (0 exact .. 3 different, 4 missing).
    for (int nik = 0; nik <= 4; ++nik) {
      const std::string levels = std::to_string(0x10210 + nik);
      raw.Exec("INSERT INTO reconciliation_links VALUES ('2024-11', " + std::to_string(100 + nik) + ", 7, 2, 0, 0, "
               "1.0, 0.5, " + levels + ")");
      raw.Exec("INSERT INTO duplicate_pairs VALUES (" + std::to_string(100 + nik) + ", 900, 2, 1.0, 0.5, " + levels +
               ")");
    }
  }
  ASSERT_NE(Open(), nullptr);  // applies migration 6
  RawDb raw(path_);
  for (const char* table : {"reconciliation_links", "duplicate_pairs"}) {
    const std::string key = std::string(table) == "duplicate_pairs" ? "worker_a" : "worker_key";
    for (int nik = 0; nik <= 4; ++nik) {
      const int expected = nik < 3 ? nik : nik + 1;
      EXPECT_EQ(raw.Int("SELECT levels FROM " + std::string(table) + " WHERE " + key + " = " + std::to_string(100 + nik)),
                0x10210 + expected)
          << table << " nik level " << nik;
    }
  }
  EXPECT_EQ(raw.Int("SELECT duplicate_rows FROM reconciliations WHERE period = '2024-11'"), 0);
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
  EXPECT_EQ(raw.Int("SELECT count(*) FROM segment_chunks WHERE byte_size != length(data)"), 0);
  // Every chunk records its encoding: sorted NIKs as differences, the few
  // villages as a dictionary, small enums as bit-packed frames, strings as
  // lengths + bytes.
  EXPECT_EQ(raw.Int("SELECT count(*) FROM segment_chunks WHERE encoding = 0"), 0);
  EXPECT_EQ(raw.Text("SELECT group_concat(DISTINCT encoding) FROM segment_chunks WHERE column_name = 'nik'"), "4");
  EXPECT_EQ(raw.Text("SELECT group_concat(DISTINCT encoding) FROM segment_chunks WHERE column_name = 'village'"),
            "5");
  EXPECT_EQ(raw.Text("SELECT group_concat(DISTINCT encoding) FROM segment_chunks WHERE column_name = 'sex'"), "3");
  // The 8 sample names are words from a small dictionary.
  EXPECT_EQ(raw.Text("SELECT group_concat(DISTINCT encoding) FROM segment_chunks WHERE column_name = 'name.bytes'"),
            "18");
  EXPECT_EQ(raw.Int("SELECT count(*) FROM segment_chunks WHERE column_name = 'name.lengths'"), 3);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM segment_chunks WHERE column_name LIKE '%.offsets'"), 0);
  EXPECT_LT(raw.Int("SELECT sum(length(data)) FROM segment_chunks WHERE column_name = 'name.bytes'"),
            static_cast<int64_t>(workers.name.byte_size()) / 4);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM segment_chunks WHERE column_name = 'occupations.bytes'"), 1);
  EXPECT_LT(raw.Int("SELECT sum(length(data)) FROM segment_chunks WHERE column_name = 'nik'"), 2500 * 8 / 3);
  // The checksum is over the stored bytes.
  for (const RawDb::BlobRow& chunk : raw.BlobRows("SELECT checksum, id, data FROM segment_chunks"))
    EXPECT_EQ(static_cast<uint64_t>(chunk.a), ChunkChecksum(chunk.data.data(), chunk.data.size())) << chunk.b;
  // A stored chunk decodes to its rows.
  for (const RawDb::BlobRow& chunk : raw.BlobRows(
           "SELECT encoding, chunk_no, data FROM segment_chunks WHERE column_name = 'village' ORDER BY chunk_no")) {
    std::vector<uint64_t> villages(chunk.b == 2 ? 500 : 1000);
    std::string payload = chunk.data + std::string(kDecodePadding, '\0');
    ASSERT_TRUE(DecodeIntegers(static_cast<ChunkEncoding>(chunk.a), reinterpret_cast<const uint8_t*>(payload.data()),
                               chunk.data.size(), villages.size(), villages.data())
                    .ok());
    EXPECT_TRUE(std::equal(villages.begin(), villages.end(), workers.village.begin() + 1000 * chunk.b));
  }
  {
    // Names that share no words are stored as their bytes, checksum and all.
    WorkerTable distinct = MakeWorkers(1000, 2, 1771010101950001ULL);
    StringColumn names;
    for (int i = 0; i < 1000; ++i) names.push_back("N" + std::to_string(i * 7919 + 13));
    distinct.name = names;
    ASSERT_TRUE(store->WriteWorkers(distinct, false, &rec).ok());
    EXPECT_EQ(raw.Int("SELECT encoding FROM segment_chunks WHERE column_name = 'name.bytes' AND segment_id = "
                      "(SELECT max(id) FROM segments)"),
              16);
    EXPECT_EQ(raw.Int("SELECT checksum FROM segment_chunks WHERE column_name = 'name.bytes' AND segment_id = "
                      "(SELECT max(id) FROM segments)"),
              static_cast<int64_t>(ChunkChecksum(names.bytes().data(), names.byte_size())));
  }
  EXPECT_EQ(raw.Int("SELECT count(*) FROM imports WHERE changed = 1"), 2);
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
      "WHERE column_name = 'name.lengths' AND chunk_no = 0",
      // An encoding this build does not know, or the wrong one.
      "UPDATE segment_chunks SET encoding = 99 WHERE column_name = 'village' AND chunk_no = 1",
      "UPDATE segment_chunks SET encoding = 1 WHERE column_name = 'nik' AND chunk_no = 1",
      "UPDATE segment_chunks SET encoding = 3 WHERE column_name = 'name.bytes' AND chunk_no = 1",
      "UPDATE segment_chunks SET encoding = 0 WHERE column_name = 'sex' AND chunk_no = 1",
      // Lengths that do not add up to the bytes.
      "UPDATE segment_chunks SET data = substr(data, 1, length(data) - 1), byte_size = byte_size - 1 "
      "WHERE column_name = 'name.bytes' AND chunk_no = 2",
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

// --- Databases written before the chunk encodings (schema version 1) ------------

// Writes a database as cakupan did at schema version 1: raw little-endian
// chunks of 1,000 rows (encoding column absent), strings as uint32 end
// offsets relative to the chunk + bytes, counts only as coverage_counts rows.
class Version1Writer {
 public:
  explicit Version1Writer(Connection& conn) : conn_(conn) {}

  void CreateSchema() {
    Exec("PRAGMA page_size = 65536");
    Exec("BEGIN IMMEDIATE");
    Exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    Exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
         "applied_at TEXT NOT NULL)");
    Exec(Migrations()[0].sql);
    Exec("INSERT INTO schema_migrations VALUES (1, 'initial schema', '2024-11-01T00:00:00Z')");
    Exec("COMMIT");
    Exec("PRAGMA journal_mode = WAL");
  }
  void Exec(const std::string& sql) {
    Status st = conn_.Exec(sql);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  // `owner` is an SQL literal: a segment id or a quoted period.
  template <typename T>
  void Fixed(const std::string& table, const std::string& owner, const std::string& column, const std::vector<T>& v) {
    for (size_t row = 0, chunk = 0; row < v.size(); row += kRows, ++chunk)
      Put(table, owner, column, chunk, std::min(kRows, v.size() - row), v.data() + row,
          std::min(kRows, v.size() - row) * sizeof(T));
  }
  void Strings(const std::string& table, const std::string& owner, const std::string& column, const StringColumn& v) {
    for (size_t row = 0, chunk = 0; row < v.size(); row += kRows, ++chunk) {
      const size_t rows = std::min(kRows, v.size() - row);
      std::vector<uint32_t> offsets(rows);
      for (size_t i = 0; i < rows; ++i) offsets[i] = v.offsets()[row + i + 1] - v.offsets()[row];
      Put(table, owner, column + ".offsets", chunk, rows, offsets.data(), rows * 4);
      Put(table, owner, column + ".bytes", chunk, rows, v.bytes().data() + v.offsets()[row],
          v.offsets()[row + rows] - v.offsets()[row]);
    }
  }

 private:
  static constexpr size_t kRows = 1000;
  void Put(const std::string& table, const std::string& owner, const std::string& column, size_t chunk, size_t rows,
           const void* data, size_t size) {
    const std::string key = table == "segment_chunks" ? "segment_id" : "period";
    auto stmt = Statement::Prepare(conn_, "INSERT INTO " + table + " (" + key +
                                              ", column_name, chunk_no, row_count, byte_size, checksum, data) "
                                              "VALUES (" + owner + ", ?1, ?2, ?3, ?4, ?5, ?6)");
    ASSERT_TRUE(stmt.ok()) << stmt.status().ToString();
    stmt->BindText(1, column);
    stmt->BindInt64(2, static_cast<int64_t>(chunk));
    stmt->BindInt64(3, static_cast<int64_t>(rows));
    stmt->BindInt64(4, static_cast<int64_t>(size));
    stmt->BindInt64(5, static_cast<int64_t>(ChunkChecksum(data, size)));
    stmt->BindBlobStatic(6, data, size);
    ASSERT_TRUE(stmt->Run().ok());
  }
  Connection& conn_;
};

TEST_F(SqliteStoreTest, Version1DatabaseIsMigratedAndItsLegacyChunksStayReadable) {
  const WorkerTable workers = MakeWorkers(2500, 1);
  MembershipTable members = MakeMembers(1200, 2);
  // Version 1 had no birth_date_raw column: it loads as "" in every row.
  members.birth_date_raw = StringColumn(std::vector<uint32_t>(members.size() + 1, 0), std::string());
  ReconciliationRecord recon = MakeReconciliation(Month(2024, 11), 2500, 700, 3);
  recon.links.clear();  // version 1 had no linkage: migration 4 adds zeros
  recon.summary.linked_probabilistic = recon.summary.linked_accepted = recon.summary.review_pairs = 0;
  recon.summary.linkage_run = false;
  recon.summary.duplicate_rows = 0;  // migration 6 adds zeros
  {
    auto conn = Connection::Open(path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    ASSERT_TRUE(conn.ok());
    Version1Writer v1(**conn);
    v1.CreateSchema();
    v1.Exec("BEGIN");
    v1.Exec("INSERT INTO regions VALUES ('17', 'BENGKULU', 1), ('17.04', 'KAUR', 2)");
    v1.Exec("INSERT INTO imports (kind, changed) VALUES ('workers', 1), ('members', 1)");
    v1.Exec("INSERT INTO segments (id, kind, period, row_count, import_id, created_at) VALUES "
            "(1, 'workers', '', 2500, 1, 'x'), (2, 'members', '2024-11', " + std::to_string(members.size()) +
            ", 2, 'x')");
    v1.Fixed("segment_chunks", "1", "nik", workers.nik);
    v1.Strings("segment_chunks", "1", "name", workers.name);
    v1.Fixed("segment_chunks", "1", "sex", workers.sex);
    v1.Fixed("segment_chunks", "1", "birth_date", workers.birth_date);
    v1.Fixed("segment_chunks", "1", "village", workers.village);
    v1.Fixed("segment_chunks", "1", "formality", workers.formality);
    v1.Fixed("segment_chunks", "1", "occupation", workers.occupation);
    StringColumn occupations;
    for (const std::string& o : workers.occupations) occupations.push_back(o);
    v1.Strings("segment_chunks", "1", "occupations", occupations);
    v1.Fixed("segment_chunks", "1", "decile", workers.decile);
    v1.Fixed("segment_chunks", "1", "vulnerability", workers.vulnerability);
    v1.Fixed("segment_chunks", "2", "nik", members.nik);
    v1.Strings("segment_chunks", "2", "name", members.name);
    v1.Fixed("segment_chunks", "2", "birth_date", members.birth_date);
    v1.Fixed("segment_chunks", "2", "segment", members.segment);
    v1.Fixed("segment_chunks", "2", "status", members.status);
    v1.Fixed("segment_chunks", "2", "programmes", members.programmes);
    v1.Fixed("segment_chunks", "2", "last_paid", members.last_paid);
    v1.Strings("segment_chunks", "2", "npp", members.npp);
    v1.Fixed("segment_chunks", "2", "funding", members.funding);
    v1.Fixed("segment_chunks", "2", "region", members.region);
    const ReconciliationSummary& s = recon.summary;
    v1.Exec("INSERT INTO reconciliations VALUES ('2024-11', 3, 5, 1, '2024-12-01T08:00:00Z', " +
            std::to_string(s.workers) + ", 900, 1100, 400, 200, 300, 77, 11, 22, 44, 2500, 700)");
    for (const RegionCounts& c : recon.counts)
      v1.Exec("INSERT INTO coverage_counts VALUES ('2024-11', '" + c.region.ToString() + "', " +
              std::to_string(c.registry) + ", 1, 2, 3, 4, 5, 6, 7)");
    const std::string period = "'2024-11'";
    v1.Fixed("reconciliation_chunks", period, "worker_results", recon.worker_results);
    v1.Fixed("reconciliation_chunks", period, "unmatched.nik", recon.unmatched.nik);
    v1.Fixed("reconciliation_chunks", period, "unmatched.region", recon.unmatched.region);
    v1.Fixed("reconciliation_chunks", period, "unmatched.attribution", recon.unmatched.attribution);
    v1.Fixed("reconciliation_chunks", period, "unmatched.status", recon.unmatched.status);
    v1.Fixed("reconciliation_chunks", period, "unmatched.segment", recon.unmatched.segment);
    v1.Fixed("reconciliation_chunks", period, "unmatched.sex", recon.unmatched.sex);
    v1.Fixed("reconciliation_chunks", period, "unmatched.birth_date", recon.unmatched.birth_date);
    v1.Exec("COMMIT");
  }

  auto store = Open(SmallChunks());  // migrates
  ASSERT_NE(store, nullptr);
  {
    RawDb raw(path_);
    EXPECT_EQ(raw.Int("SELECT max(version) FROM schema_migrations"), LatestSchemaVersion());
    EXPECT_EQ(raw.Text("SELECT applied_at FROM schema_migrations WHERE version = 1"), "2024-11-01T00:00:00Z");
    EXPECT_EQ(raw.Int("SELECT count(*) FROM segment_chunks WHERE encoding != 0"), 0) << "old chunks are untouched";
    EXPECT_EQ(raw.Int("SELECT count(*) FROM reconciliation_chunks WHERE encoding != 0"), 0);
    // Migration 3 rebuilt the import log: same rows and ids, references intact.
    EXPECT_EQ(raw.Int("SELECT count(*) FROM imports"), 2);
    EXPECT_EQ(raw.Int("SELECT count(*) FROM segments JOIN imports ON imports.id = segments.import_id"), 2);
  }
  {
    auto wv = store->DataVersion(DataKind::kWorkers, std::nullopt);
    auto mv = store->DataVersion(DataKind::kMembers, std::nullopt);  // the v1 fixture logged no period
    ASSERT_TRUE(wv.ok() && mv.ok());
    EXPECT_EQ(*wv, 1);
    EXPECT_EQ(*mv, 2);
    ImportRecord next;
    next.kind = DataKind::kBoundaries;
    ASSERT_TRUE(store->UpsertBoundaries({{*RegionCode::Parse("17.04"), R"({"type":"Polygon","coordinates":[]})"}},
                                        &next).ok());
    EXPECT_EQ(next.id, 3) << "ids continue after the rebuilt log";
  }
  auto loaded_workers = store->LoadWorkerSegments(kWorkerAllColumns);
  ASSERT_TRUE(loaded_workers.ok()) << loaded_workers.status().ToString();
  ASSERT_EQ(loaded_workers->size(), 1u);
  store_contract::ExpectWorkersEqual(workers, (*loaded_workers)[0]);
  auto loaded_members = store->LoadMemberSegments(Month(2024, 11), kMemberAllColumns);
  ASSERT_TRUE(loaded_members.ok()) << loaded_members.status().ToString();
  ASSERT_EQ(loaded_members->size(), 1u);
  store_contract::ExpectMembersEqual(members, (*loaded_members)[0]);
  for (bool details : {false, true}) {
    auto loaded = store->LoadReconciliation(Month(2024, 11), details);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    ASSERT_TRUE(loaded->has_value());
    store_contract::ExpectReconciliationEqual(recon, **loaded, details);
  }
  auto regions = store->LoadRegions();
  ASSERT_TRUE(regions.ok()) << regions.status().ToString();
  ASSERT_EQ(regions->size(), 2u);
  EXPECT_EQ((*regions)[1].name, "KAUR");

  // New segments are encoded and load beside the legacy one.
  const WorkerTable more = MakeWorkers(1500, 4, 1771010101950001ULL);
  ImportRecord rec = MakeImport(DataKind::kWorkers, "w2.csv");
  ASSERT_TRUE(store->WriteWorkers(more, false, &rec).ok());
  loaded_workers = store->LoadWorkerSegments(kWorkerAllColumns);
  ASSERT_TRUE(loaded_workers.ok()) << loaded_workers.status().ToString();
  ASSERT_EQ(loaded_workers->size(), 2u);
  store_contract::ExpectWorkersEqual(workers, (*loaded_workers)[0]);
  store_contract::ExpectWorkersEqual(more, (*loaded_workers)[1]);

  // Damage to a legacy chunk is still found.
  {
    RawDb raw(path_);
    raw.DamageByte("segment_chunks",
                   raw.Int("SELECT id FROM segment_chunks WHERE segment_id = 1 AND column_name = 'village' "
                           "AND chunk_no = 1"),
                   3);
  }
  auto damaged = store->LoadWorkerSegments(kWorkerNik | kWorkerVillage);
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.status().code(), StatusCode::kCorruption);
  EXPECT_NE(damaged.status().message().find("'village', chunk 1: checksum mismatch"), std::string::npos)
      << damaged.status().ToString();
}

// --- Encodings at the edges ------------------------------------------------------

TEST_F(SqliteStoreTest, ExtremeValuesRoundTripAcrossChunkBoundaries) {
  auto store = Open(SmallChunks());
  ASSERT_NE(store, nullptr);
  WorkerTable t = MakeWorkers(3001, 5, 1000000000000000ULL - 1);
  t.nik.front() = 1000000000000000ULL;
  t.nik.back() = 9999999999999999ULL;
  StringColumn names;
  for (size_t i = 0; i < t.size(); ++i) {
    if (i < 1000) names.push_back("");                            // a chunk of empty strings
    else if (i % 97 == 0) names.push_back(std::string(250, 'n'));  // long ones
    else names.push_back("Siti");
  }
  t.name = names;
  for (size_t i = 0; i < t.size(); ++i) {
    t.sex[i] = 2;                                            // all equal
    t.birth_date[i] = i < 1500 ? kNoDate : static_cast<Date>(i);  // unknown, then known
    t.decile[i] = i == 1000 ? 10 : 0;                        // one odd value on a chunk boundary
  }
  ImportRecord rec = MakeImport(DataKind::kWorkers, "w.csv");
  ASSERT_TRUE(store->WriteWorkers(t, true, &rec).ok());
  auto loaded = store->LoadWorkerSegments(kWorkerAllColumns);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), 1u);
  store_contract::ExpectWorkersEqual(t, (*loaded)[0]);
  RawDb raw(path_);
  // All-equal chunks are constants (the last, one-row chunk is smaller plain).
  EXPECT_EQ(raw.Text("SELECT group_concat(DISTINCT encoding) FROM segment_chunks WHERE column_name = 'sex' "
                     "AND row_count = 1000"),
            "2");
  EXPECT_EQ(raw.Int("SELECT byte_size FROM segment_chunks WHERE column_name = 'name.bytes' AND chunk_no = 0"), 0);
}

TEST(SqliteRegionTextTest, FormatAndWellFormednessMatchRegionCode) {
  Rng rng(6);
  for (int i = 0; i < 200000; ++i) {
    uint64_t packed;
    switch (i % 5) {
      case 0: packed = rng.Below(20000000000ULL); break;
      case 1: packed = rng.Below(100) * 100000000ULL; break;
      case 2: packed = rng.Below(100) * 100000000ULL + rng.Below(100) * 1000000ULL; break;
      case 3: packed = rng.Below(100) * 100000000ULL + rng.Below(100) * 1000000ULL + rng.Below(100) * 10000ULL; break;
      default: packed = rng.Below(100) * 100000000ULL + rng.Below(100) * 1000000ULL + rng.Below(3) * 10000ULL +
                        rng.Below(3) * 2001;
    }
    const RegionCode code = RegionCode::FromPacked(packed);
    std::optional<RegionCode> parsed = RegionCode::Parse(code.ToString());
    const bool well_formed = parsed.has_value() && *parsed == code;
    ASSERT_EQ(IsWellFormedRegion(code), well_formed) << packed;
    if (well_formed) {
      char buf[kRegionTextSize];
      ASSERT_EQ(std::string(buf, FormatRegion(code, buf)), code.ToString()) << packed;
    }
  }
  EXPECT_TRUE(IsWellFormedRegion(RegionCode::National()));
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

// --- Writing each byte once (bulk_write.h) ------------------------------------------

int64_t FileSize(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? -1 : static_cast<int64_t>(size);
}

SqliteStoreOptions BulkOptions() {
  SqliteStoreOptions options;
  options.rows_per_chunk = 1000;
  options.bulk_write_min_bytes = 0;
  return options;
}

// Workers whose names share no words, so that their chunks stay large.
WorkerTable LargeWorkers(size_t n, uint64_t seed) {
  WorkerTable t = MakeWorkers(n, seed);
  Rng rng(seed);
  StringColumn names;
  std::string name(40, ' ');
  for (size_t i = 0; i < n; ++i) {
    for (char& c : name) c = static_cast<char>('A' + rng.Below(26));
    names.push_back(name);
  }
  t.name = names;
  return t;
}

TEST_F(SqliteStoreTest, BulkWriteGoesStraightIntoTheFileAndBackToWal) {
  auto store = Open(BulkOptions());
  ASSERT_NE(store, nullptr);
  const int64_t before = FileSize(path_);
  const WorkerTable workers = LargeWorkers(20000, 1);
  ImportRecord rec = MakeImport(DataKind::kWorkers, "w.csv");
  ASSERT_TRUE(store->WriteWorkers(workers, false, &rec).ok());
  // The pages are in the database file, not in a WAL waiting for a checkpoint.
  EXPECT_GT(FileSize(path_) - before, 800000);
  EXPECT_LE(FileSize(path_ + "-wal"), 0);
  EXPECT_LE(FileSize(path_ + "-journal"), 0) << "no hot journal after the commit";
  RawDb raw(path_);
  EXPECT_EQ(raw.Text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw.Text("PRAGMA integrity_check"), "ok");
  auto loaded = store->LoadWorkerSegments(kWorkerAllColumns);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  store_contract::ExpectWorkersEqual(workers, (*loaded)[0]);
}

TEST_F(SqliteStoreTest, BulkWriteFallsBackToTheWalWhileAnotherConnectionIsOpen) {
  auto store = Open(BulkOptions());
  ASSERT_NE(store, nullptr);
  RawDb reader(path_);
  EXPECT_EQ(reader.Int("SELECT count(*) FROM segments"), 0);  // holds the file open, as a server would
  const int64_t before = FileSize(path_);
  const WorkerTable workers = LargeWorkers(20000, 2);
  ImportRecord rec = MakeImport(DataKind::kWorkers, "w.csv");
  ASSERT_TRUE(store->WriteWorkers(workers, false, &rec).ok());
  EXPECT_EQ(FileSize(path_), before) << "the pages wait in the WAL";
  EXPECT_GT(FileSize(path_ + "-wal"), 800000);
  EXPECT_EQ(reader.Text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(reader.Int("SELECT row_count FROM segments"), 20000);
}

TEST_F(SqliteStoreTest, FailureHalfWayThroughABulkWriteLeavesNoTrace) {
  auto store = Open(BulkOptions());
  ASSERT_NE(store, nullptr);
  ImportRecord rec = MakeImport(DataKind::kWorkers, "w.csv");
  ASSERT_TRUE(store->WriteWorkers(LargeWorkers(5000, 1), false, &rec).ok());
  ImportRecord members = MakeImport(DataKind::kMembers, "m.csv");
  ASSERT_TRUE(store->WriteMembers(Month(2024, 11), MakeMembers(4000, 2), false, &members).ok());
  ASSERT_TRUE(store->SaveReconciliation(MakeReconciliation(Month(2024, 11), 5000, 500, 3)).ok());
  store_contract::Snapshot before;
  ASSERT_NO_FATAL_FAILURE(TakeSnapshot(*store, &before));
  {
    RawDb raw(path_);  // closed again before the writes, so that they run in bulk mode
    raw.Exec(
        "CREATE TRIGGER fail_chunk BEFORE INSERT ON segment_chunks "
        "WHEN NEW.column_name = 'village' AND NEW.chunk_no = 3 BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
        "CREATE TRIGGER fail_recon BEFORE INSERT ON reconciliation_chunks "
        "WHEN NEW.column_name = 'counts.active' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
  }
  const int64_t size_before = FileSize(path_);
  ImportRecord w = MakeImport(DataKind::kWorkers, "w2.csv");
  for (bool replace : {false, true}) {
    Status st = store->WriteWorkers(LargeWorkers(8000, 4), replace, &w);
    EXPECT_NE(st.message().find("injected failure"), std::string::npos) << st.ToString();
  }
  Status st = store->SaveReconciliation(MakeReconciliation(Month(2024, 11), 9000, 800, 6));
  EXPECT_NE(st.message().find("injected failure"), std::string::npos) << st.ToString();
  EXPECT_EQ(w.id, 0);
  EXPECT_EQ(FileSize(path_), size_before) << "rolling back truncates what was appended";
  store_contract::Snapshot after;
  ASSERT_NO_FATAL_FAILURE(TakeSnapshot(*store, &after));
  store_contract::ExpectSameSnapshot(before, after);
  RawDb raw(path_);
  EXPECT_EQ(raw.Text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw.Text("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(raw.Int("PRAGMA foreign_keys"), 0) << "a raw connection's default";
}

// A process killed in the middle of a bulk write (as by a power cut, for
// the process): the next open rolls the hot journal back.
TEST_F(SqliteStoreTest, ImportKilledHalfWayLeavesThePreviousState) {
  {
    auto store = Open(BulkOptions());
    ASSERT_NE(store, nullptr);
    ImportRecord rec = MakeImport(DataKind::kWorkers, "w.csv");
    ASSERT_TRUE(store->WriteWorkers(LargeWorkers(5000, 1), false, &rec).ok());
    ImportRecord regions = MakeImport(DataKind::kRegions, "r.csv");
    ASSERT_TRUE(store->UpsertRegions({{store_contract::Code("17"), "BENGKULU"}}, &regions).ok());
  }
  store_contract::Snapshot before;
  {
    auto store = Open(BulkOptions());
    ASSERT_NE(store, nullptr);
    ASSERT_NO_FATAL_FAILURE(TakeSnapshot(*store, &before));
  }
  const WorkerTable big = LargeWorkers(400000, 9);  // ~20 MB of chunks
  int killed = 0;
  for (int64_t grown : {int64_t{0}, int64_t{2} << 20, int64_t{8} << 20}) {
    SCOPED_TRACE("killed after the file grew by " + std::to_string(grown));
    const int64_t size_before = FileSize(path_);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {  // the importer
      auto store = OpenSqliteStore(path_, BulkOptions());
      ImportRecord rec = MakeImport(DataKind::kWorkers, "big.csv");
      if (store.ok()) (void)(*store)->WriteWorkers(big, /*replace_all=*/true, &rec);
      _exit(0);
    }
    // Wait until the write is under way: a journal, and the file growing.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline &&
           !(FileSize(path_ + "-journal") > 0 && FileSize(path_) > size_before + grown)) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    kill(child, SIGKILL);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    if (WIFSIGNALED(status)) ++killed;
    if (!WIFSIGNALED(status)) continue;  // finished first: nothing to check this time
    EXPECT_GT(FileSize(path_ + "-journal"), 0) << "a hot journal is left behind";
    {
      // A read-only open may not roll it back itself, and says so.
      auto read_only = OpenSqliteStore(path_, ReadOnly());
      ASSERT_FALSE(read_only.ok());
      EXPECT_EQ(read_only.status().code(), StatusCode::kFailedPrecondition);
      EXPECT_NE(read_only.status().message().find("unfinished write"), std::string::npos)
          << read_only.status().ToString();
    }
    auto store = Open(BulkOptions());  // rolls it back
    ASSERT_NE(store, nullptr);
    store_contract::Snapshot after;
    ASSERT_NO_FATAL_FAILURE(TakeSnapshot(*store, &after));
    store_contract::ExpectSameSnapshot(before, after);
    RawDb raw(path_);
    EXPECT_EQ(raw.Text("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(raw.Text("PRAGMA journal_mode"), "wal");
  }
  EXPECT_GE(killed, 2) << "the importer should have been killed half-way";
}

// --- Snapshots ---------------------------------------------------------------------

TEST_F(SqliteStoreTest, RegionsSnapshotFollowsImportsAndYieldsToHandEdits) {
  auto store = Open(SmallChunks());
  ASSERT_NE(store, nullptr);
  std::vector<RegionRecord> regions;
  for (int p = 11; p <= 19; ++p) {
    regions.push_back({RegionCode::FromPacked(static_cast<uint64_t>(p) * 100000000ULL), "PROVINSI " + std::to_string(p)});
    for (int k = 1; k <= 30; ++k)
      regions.push_back({RegionCode::FromPacked(static_cast<uint64_t>(p) * 100000000ULL + k * 1000000ULL), "KAB"});
  }
  ImportRecord rec = MakeImport(DataKind::kRegions, "r.csv");
  ASSERT_TRUE(store->UpsertRegions(regions, &rec).ok());
  RawDb raw(path_);
  EXPECT_GT(raw.Int("SELECT count(*) FROM snapshot_chunks WHERE snapshot = 'regions'"), 0);
  auto loaded = store->LoadRegions();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), regions.size());
  EXPECT_EQ((*loaded)[0].name, "PROVINSI 11");

  // A rename through cakupan rewrites the snapshot.
  ASSERT_TRUE(store->UpsertRegions({{RegionCode::FromPacked(1100000000ULL), "ACEH"}}, &rec).ok());
  loaded = store->LoadRegions();
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ((*loaded)[0].name, "ACEH");

  // A row added by hand: the snapshot no longer has the table's row count,
  // so the table is read.
  raw.Exec("INSERT INTO regions VALUES ('20', 'BY HAND', 1)");
  loaded = store->LoadRegions();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), regions.size() + 1);
  EXPECT_EQ(loaded->back().name, "BY HAND");

  // A damaged snapshot is reported, as any damaged chunk.
  raw.Exec("DELETE FROM regions WHERE code = '20'");
  raw.DamageByte("snapshot_chunks", raw.Int("SELECT id FROM snapshot_chunks WHERE column_name = 'name.bytes'"), 2);
  loaded = store->LoadRegions();
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kCorruption) << loaded.status().ToString();
  // Deleting the snapshot is always safe: the next import writes it again.
  raw.Exec("DELETE FROM snapshot_chunks");
  loaded = store->LoadRegions();
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->size(), regions.size());
  ASSERT_TRUE(store->UpsertRegions({{RegionCode::FromPacked(1100000000ULL), "ACEH"}}, &rec).ok());
  EXPECT_GT(raw.Int("SELECT count(*) FROM snapshot_chunks WHERE snapshot = 'regions'"), 0);
}

TEST_F(SqliteStoreTest, CountsAreKeptAsRowsAndAsChunks) {
  auto store = Open(SmallChunks());
  ASSERT_NE(store, nullptr);
  const ReconciliationRecord recon = MakeReconciliation(Month(2024, 11), 3000, 500, 1);
  ASSERT_TRUE(store->SaveReconciliation(recon).ok());
  RawDb raw(path_);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM coverage_counts WHERE period = '2024-11'"),
            static_cast<int64_t>(recon.counts.size()));
  EXPECT_EQ(raw.Text("SELECT group_concat(region_code, ' ') FROM coverage_counts ORDER BY region_code"),
            "0 17 17.04 17.04.07 17.04.07.2010");
  EXPECT_EQ(raw.Int("SELECT count(DISTINCT column_name) FROM reconciliation_chunks WHERE column_name LIKE 'counts.%'"),
            9);
  // The chunks are what LoadReconciliation reads; damage to them is found.
  raw.DamageByte("reconciliation_chunks",
                 raw.Int("SELECT id FROM reconciliation_chunks WHERE column_name = 'counts.registry'"), 1);
  auto loaded = store->LoadReconciliation(Month(2024, 11), false);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kCorruption);
  // Saving again replaces both.
  ASSERT_TRUE(store->SaveReconciliation(recon).ok());
  loaded = store->LoadReconciliation(Month(2024, 11), false);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  store_contract::ExpectReconciliationEqual(recon, **loaded, false);
  EXPECT_EQ(raw.Int("SELECT count(*) FROM coverage_counts"), static_cast<int64_t>(recon.counts.size()));
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
