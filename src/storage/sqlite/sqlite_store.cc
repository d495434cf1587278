// Opening a SQLite store, and its small relational tables: regions, labour
// force, targets and the import log.
#include "storage/sqlite/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <initializer_list>

#include "storage/sqlite/chunks.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/sqlite_store_impl.h"

namespace cakupan {

namespace {

using sqlite::Connection;
using sqlite::Statement;
using sqlite::StatementRef;
using sqlite::Transaction;

constexpr int kBusyTimeoutMs = 5000;

// Per-connection settings (docs/storage.md, "Connection settings").
constexpr const char* kConnectionPragmas =
    "PRAGMA synchronous = NORMAL;"      // WAL: fsync at checkpoints, not at every commit
    "PRAGMA cache_size = -4096;"        // 4 MiB: large chunks stream through, never pile up
    "PRAGMA temp_store = MEMORY;"
    "PRAGMA secure_delete = FAST;"      // do not write zeros over freed pages (Debian builds default to ON)
    "PRAGMA journal_size_limit = 67108864;";  // truncate a grown WAL back to 64 MiB

Status SetJournalModeWal(Connection& conn) {
  CAKUPAN_ASSIGN_OR_RETURN(Statement stmt, Statement::Prepare(conn, "PRAGMA journal_mode = WAL"));
  CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt.Step());
  std::string mode = row ? stmt.ColumnText(0) : "";
  if (mode != "wal")
    return Status::FailedPrecondition("database file '" + conn.path() +
                                      "' cannot use write-ahead logging (journal mode '" + mode + "')");
  return Status::Ok();
}

// Checks the schema (applying migrations when writable) and configures the
// connection.
Status Prepare(Connection& conn, bool read_only) {
  sqlite3_busy_timeout(conn.handle(), kBusyTimeoutMs);
  if (read_only) {
    CAKUPAN_RETURN_IF_ERROR(sqlite::CheckSchemaIsCurrent(conn));
  } else {
    // Migrations run before foreign keys are enforced (table rebuilds need
    // that); ApplyMigrations checks the result with foreign_key_check.
    CAKUPAN_RETURN_IF_ERROR(sqlite::ApplyMigrations(conn));
    CAKUPAN_RETURN_IF_ERROR(SetJournalModeWal(conn));
  }
  CAKUPAN_RETURN_IF_ERROR(conn.Exec("PRAGMA foreign_keys = ON"));  // outside any transaction
  return conn.Exec(kConnectionPragmas);
}

// Names the file in a failure that does not already.
Status WithPath(const std::string& path, Status status) {
  if (status.ok() || status.message().find("'" + path + "'") != std::string::npos) return status;
  return Status(status.code(), "opening '" + path + "': " + status.message()).WithReason(status.reason());
}

std::optional<DataKind> DataKindFromName(std::string_view name) {
  for (DataKind k : {DataKind::kRegions, DataKind::kWorkers, DataKind::kMembers, DataKind::kLabourForce,
                     DataKind::kTargets, DataKind::kBoundaries, DataKind::kRates}) {
    if (name == DataKindName(k)) return k;
  }
  return std::nullopt;
}

std::string RowLabel(size_t i) { return "row " + std::to_string(i + 1); }

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const SqliteStoreOptions& options) {
  if (path.empty()) return Status::InvalidArgument("no database file given");
  if (options.rows_per_chunk <= 0) return Status::InvalidArgument("rows_per_chunk must be positive");
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists && (!options.create_if_missing || options.read_only))
    return Status::NotFound("database file '" + path + "' does not exist; import data first");

  int flags = SQLITE_OPEN_NOMUTEX;  // one thread at a time (store.h)
  flags |= options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create_if_missing && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  CAKUPAN_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, Connection::Open(path, flags));

  Status prepared = Prepare(*conn, options.read_only);
  if (!prepared.ok() && sqlite3_extended_errcode(conn->handle()) == SQLITE_READONLY_ROLLBACK) {
    // A write was interrupted (a crash, a killed import): its journal must be
    // rolled back, which a read-only connection may not do.
    return Status::FailedPrecondition("database file '" + path +
                                      "' holds an unfinished write (its -journal file); open it once without "
                                      "read-only to roll that write back");
  }
  CAKUPAN_RETURN_IF_ERROR(WithPath(path, std::move(prepared)));
  return std::unique_ptr<Store>(new sqlite::SqliteStore(std::move(conn), options));
}

namespace sqlite {

namespace {

// The regions' copy in snapshot_chunks: columns `code` (RegionCode::packed(),
// ascending) and `name`.
constexpr const char* kRegionSnapshot = "regions";
constexpr const char* kSelectSnapshotChunks =
    "SELECT id, column_name, chunk_no, row_count, byte_size, checksum, encoding FROM snapshot_chunks "
    "WHERE snapshot = ?1 ORDER BY column_name, chunk_no";

}  // namespace

Status SqliteStore::Annotate(std::string_view operation, Status status) const {
  if (status.ok()) return status;
  return Status(status.code(), std::string(operation) + " on '" + conn_->path() + "': " + status.message());
}

std::unique_ptr<BulkWriteScope> SqliteStore::BeginBulkWrite(uint64_t bytes) {
  (void)BulkWriteScope::RestoreWal(*conn_);  // cheap when already in WAL mode
  const bool wanted = options_.bulk_write_min_bytes >= 0 &&
                      bytes >= static_cast<uint64_t>(options_.bulk_write_min_bytes);
  return std::make_unique<BulkWriteScope>(*conn_, wanted);
}

Status SqliteStore::CheckWritable(std::string_view operation) const {
  if (!options_.read_only) return Status::Ok();
  return Status::FailedPrecondition(std::string(operation) + " on '" + conn_->path() +
                                    "': the database was opened read-only");
}

// --- Import log ------------------------------------------------------------

Result<int64_t> SqliteStore::InsertImport(const ImportRecord& r, bool changed) {
  CAKUPAN_ASSIGN_OR_RETURN(
      StatementRef stmt,
      Sql("INSERT INTO imports (kind, period, file_name, file_hash, rows_read, accepted, rejected, inserted, "
          "updated, unchanged, replaced, started_at, finished_at, changed) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"));
  stmt->BindText(1, DataKindName(r.kind));
  stmt->BindText(2, r.period);
  stmt->BindText(3, r.file_name);
  stmt->BindText(4, r.file_hash);
  stmt->BindInt64(5, r.rows_read);
  stmt->BindInt64(6, r.accepted);
  stmt->BindInt64(7, r.rejected);
  stmt->BindInt64(8, r.inserted);
  stmt->BindInt64(9, r.updated);
  stmt->BindInt64(10, r.unchanged);
  stmt->BindInt64(11, r.replace ? 1 : 0);
  stmt->BindText(12, r.started_at);
  stmt->BindText(13, r.finished_at);
  stmt->BindInt64(14, changed ? 1 : 0);
  CAKUPAN_RETURN_IF_ERROR(stmt->Run());
  return conn_->LastInsertRowid();
}

Status SqliteStore::LogImport(ImportRecord* record) {
  if (record == nullptr) return Status::InvalidArgument("LogImport: no import record");
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("LogImport"));
  auto body = [&]() -> Result<int64_t> {
    CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kWrite));
    CAKUPAN_ASSIGN_OR_RETURN(int64_t id, InsertImport(*record, /*changed=*/false));
    CAKUPAN_RETURN_IF_ERROR(txn.Commit());
    return id;
  };
  Result<int64_t> id = Annotate("LogImport", body());
  if (!id.ok()) return id.status();
  record->id = *id;
  return Status::Ok();
}

Result<std::vector<ImportRecord>> SqliteStore::ListImports(int limit) {
  auto body = [&]() -> Result<std::vector<ImportRecord>> {
    CAKUPAN_ASSIGN_OR_RETURN(
        StatementRef stmt,
        Sql("SELECT id, kind, period, file_name, file_hash, rows_read, accepted, rejected, inserted, updated, "
            "unchanged, replaced, started_at, finished_at FROM imports ORDER BY id DESC LIMIT ?1"));
    stmt->BindInt64(1, limit > 0 ? limit : -1);
    std::vector<ImportRecord> out;
    while (true) {
      CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt->Step());
      if (!row) break;
      ImportRecord r;
      r.id = stmt->ColumnInt64(0);
      std::optional<DataKind> kind = DataKindFromName(stmt->ColumnText(1));
      if (!kind) return Status::Corruption("import " + std::to_string(r.id) + " has an unknown kind");
      r.kind = *kind;
      r.period = stmt->ColumnText(2);
      r.file_name = stmt->ColumnText(3);
      r.file_hash = stmt->ColumnText(4);
      r.rows_read = stmt->ColumnInt64(5);
      r.accepted = stmt->ColumnInt64(6);
      r.rejected = stmt->ColumnInt64(7);
      r.inserted = stmt->ColumnInt64(8);
      r.updated = stmt->ColumnInt64(9);
      r.unchanged = stmt->ColumnInt64(10);
      r.replace = stmt->ColumnInt64(11) != 0;
      r.started_at = stmt->ColumnText(12);
      r.finished_at = stmt->ColumnText(13);
      out.push_back(std::move(r));
    }
    return out;
  };
  return Annotate("ListImports", body());
}

Result<int64_t> SqliteStore::DataVersion(DataKind kind, std::optional<Period> period) {
  auto body = [&]() -> Result<int64_t> {
    const bool by_period = kind == DataKind::kMembers && period.has_value();
    CAKUPAN_ASSIGN_OR_RETURN(
        StatementRef stmt,
        Sql(by_period ? "SELECT coalesce(max(id), 0) FROM imports WHERE kind = ?1 AND period = ?2 AND changed = 1"
                      : "SELECT coalesce(max(id), 0) FROM imports WHERE kind = ?1 AND changed = 1"));
    stmt->BindText(1, DataKindName(kind));
    if (by_period) stmt->BindText(2, period->ToString());
    CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt->Step());
    return row ? stmt->ColumnInt64(0) : int64_t{0};
  };
  return Annotate("DataVersion", body());
}

// --- Regions -------------------------------------------------------------

Result<std::vector<RegionRecord>> SqliteStore::LoadRegions() {
  auto body = [&]() -> Result<std::vector<RegionRecord>> {
    CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kRead));
    CAKUPAN_ASSIGN_OR_RETURN(std::optional<std::vector<RegionRecord>> snapshot, LoadRegionSnapshot());
    std::vector<RegionRecord> out;
    if (snapshot) {
      out = std::move(*snapshot);
    } else {
      CAKUPAN_ASSIGN_OR_RETURN(out, LoadRegionRows());
    }
    CAKUPAN_RETURN_IF_ERROR(txn.Commit());
    return out;
  };
  return Annotate("LoadRegions", body());
}

Result<std::vector<RegionRecord>> SqliteStore::LoadRegionRows() {
  CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt, Sql("SELECT code, name FROM regions ORDER BY code"));
  std::vector<RegionRecord> out;
  while (true) {
    CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    std::string code = stmt->ColumnText(0);
    std::optional<RegionCode> parsed = RegionCode::Parse(code);
    if (!parsed || parsed->level() == RegionLevel::kNational)
      return Status::Corruption("regions holds an invalid region code '" + code + "'");
    out.push_back(RegionRecord{*parsed, stmt->ColumnText(1)});
  }
  return out;
}

Result<std::optional<std::vector<RegionRecord>>> SqliteStore::LoadRegionSnapshot() {
  using Snapshot = std::optional<std::vector<RegionRecord>>;
  CAKUPAN_ASSIGN_OR_RETURN(StatementRef select, Sql(kSelectSnapshotChunks));
  select->BindText(1, kRegionSnapshot);
  CAKUPAN_ASSIGN_OR_RETURN(sqlite::ChunkDirectory dir, sqlite::ReadChunkDirectory(*select));
  if (dir.find("code") == dir.end()) return Snapshot();  // written before snapshots existed
  const int64_t rows = sqlite::ChunkReader::RowsOf(dir, "code");
  {
    // A row added or removed by hand since: the table is the truth.
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef count, Sql("SELECT count(*) FROM regions"));
    CAKUPAN_ASSIGN_OR_RETURN(bool row, count->Step());
    if (!row || count->ColumnInt64(0) != rows) return Snapshot();
  }
  sqlite::ChunkReader reader(*conn_, "snapshot_chunks", "regions snapshot");
  std::vector<uint64_t> codes;
  StringColumn names;
  CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegers(dir, "code", rows, &codes));
  CAKUPAN_RETURN_IF_ERROR(reader.ReadStrings(dir, "name", rows, &names));
  std::vector<RegionRecord> out(codes.size());
  for (size_t i = 0; i < codes.size(); ++i) {
    const RegionCode code = RegionCode::FromPacked(codes[i]);
    if (!sqlite::IsWellFormedRegion(code) || code.level() == RegionLevel::kNational ||
        (i > 0 && codes[i] <= codes[i - 1]))
      return Status::Corruption("regions snapshot holds an invalid region code");
    out[i].code = code;
    out[i].name.assign(names[i]);
  }
  return Snapshot(std::move(out));
}

bool SqliteStore::HasRegionSnapshot() {
  Result<StatementRef> stmt = Sql("SELECT count(*) FROM snapshot_chunks WHERE snapshot = ?1");
  if (!stmt.ok()) return false;
  (*stmt)->BindText(1, kRegionSnapshot);
  Result<bool> row = (*stmt)->Step();
  return row.ok() && *row && (*stmt)->ColumnInt64(0) > 0;
}

Status SqliteStore::WriteRegionSnapshot() {
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<RegionRecord> regions, LoadRegionRows());
  {
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef del, Sql("DELETE FROM snapshot_chunks WHERE snapshot = ?1"));
    del->BindText(1, kRegionSnapshot);
    CAKUPAN_RETURN_IF_ERROR(del->Run());
  }
  if (regions.empty()) return Status::Ok();
  std::vector<uint64_t> codes;
  StringColumn names;
  codes.reserve(regions.size());
  for (const RegionRecord& r : regions) {
    codes.push_back(r.code.packed());
    names.push_back(r.name);
  }
  sqlite::ChunkWriter writer(options_.rows_per_chunk);
  writer.AddIntegers("code", codes);
  writer.AddStrings("name", names);
  CAKUPAN_ASSIGN_OR_RETURN(
      StatementRef insert,
      Sql("INSERT INTO snapshot_chunks (snapshot, column_name, chunk_no, row_count, byte_size, checksum, encoding, "
          "data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  return writer.Write(*insert, std::string(kRegionSnapshot));
}

Status SqliteStore::UpsertRegions(const std::vector<RegionRecord>& rows, ImportRecord* record) {
  if (record == nullptr) return Status::InvalidArgument("UpsertRegions: no import record");
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("UpsertRegions"));
  return Annotate("UpsertRegions", DoUpsertRegions(rows, record));
}

Status SqliteStore::DoUpsertRegions(const std::vector<RegionRecord>& rows, ImportRecord* record) {
  CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kWrite));
  CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt,
                           Sql("INSERT INTO regions (code, name, level) VALUES (?1, ?2, ?3) "
                               "ON CONFLICT (code) DO UPDATE SET name = excluded.name "
                               "WHERE name IS NOT excluded.name"));
  int64_t written = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const RegionRecord& r = rows[i];
    // Checked row by row, as the rows are written: a bad row rolls back the
    // rows before it.
    if (!sqlite::IsWellFormedRegion(r.code) || r.code.level() == RegionLevel::kNational)
      return Status::InvalidArgument(RowLabel(i) + ": not a province, regency, district or village code");
    stmt->BindText(1, r.code.ToString());
    stmt->BindText(2, r.name);
    stmt->BindInt64(3, static_cast<int64_t>(r.code.level()));
    CAKUPAN_RETURN_IF_ERROR(stmt->Run());
    written += conn_->Changes();
    stmt->Reset();
  }
  if (written > 0 || !HasRegionSnapshot()) CAKUPAN_RETURN_IF_ERROR(WriteRegionSnapshot());
  ImportRecord logged = *record;
  logged.kind = DataKind::kRegions;
  logged.period.clear();
  CAKUPAN_ASSIGN_OR_RETURN(int64_t id, InsertImport(logged, written > 0));
  CAKUPAN_RETURN_IF_ERROR(txn.Commit());
  *record = logged;
  record->id = id;
  return Status::Ok();
}

// --- Labour force ----------------------------------------------------------

Result<std::vector<LabourForceRecord>> SqliteStore::LoadLabourForce() {
  auto body = [&]() -> Result<std::vector<LabourForceRecord>> {
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt,
                             Sql("SELECT region_code, period, employed, formal, informal, source "
                                 "FROM labour_force ORDER BY region_code, period"));
    std::vector<LabourForceRecord> out;
    while (true) {
      CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt->Step());
      if (!row) break;
      std::optional<RegionCode> code = RegionCode::Parse(stmt->ColumnText(0));
      std::optional<Period> period = Period::Parse(stmt->ColumnText(1));
      if (!code || !period) return Status::Corruption("labour_force holds an invalid region code or period");
      LabourForceRecord r;
      r.region = *code;
      r.period = *period;
      r.employed = stmt->ColumnInt64(2);
      r.formal = stmt->ColumnIsNull(3) ? -1 : stmt->ColumnInt64(3);
      r.informal = stmt->ColumnIsNull(4) ? -1 : stmt->ColumnInt64(4);
      r.source = stmt->ColumnText(5);
      out.push_back(std::move(r));
    }
    return out;
  };
  return Annotate("LoadLabourForce", body());
}

Status SqliteStore::UpsertLabourForce(const std::vector<LabourForceRecord>& rows, ImportRecord* record) {
  if (record == nullptr) return Status::InvalidArgument("UpsertLabourForce: no import record");
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("UpsertLabourForce"));
  return Annotate("UpsertLabourForce", DoUpsertLabourForce(rows, record));
}

Status SqliteStore::DoUpsertLabourForce(const std::vector<LabourForceRecord>& rows, ImportRecord* record) {
  CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kWrite));
  CAKUPAN_ASSIGN_OR_RETURN(
      StatementRef stmt,
      Sql("INSERT INTO labour_force (region_code, period, employed, formal, informal, source) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
          "ON CONFLICT (region_code, period) DO UPDATE SET employed = excluded.employed, "
          "formal = excluded.formal, informal = excluded.informal, source = excluded.source "
          "WHERE employed IS NOT excluded.employed OR formal IS NOT excluded.formal "
          "OR informal IS NOT excluded.informal OR source IS NOT excluded.source"));
  int64_t written = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const LabourForceRecord& r = rows[i];
    if (!sqlite::IsWellFormedRegion(r.region)) return Status::InvalidArgument(RowLabel(i) + ": invalid region code");
    if (!r.period.valid()) return Status::InvalidArgument(RowLabel(i) + ": invalid period");
    if (r.employed < 0 || r.formal < -1 || r.informal < -1)
      return Status::InvalidArgument(RowLabel(i) + ": negative count");
    stmt->BindText(1, r.region.ToString());
    stmt->BindText(2, r.period.ToString());
    stmt->BindInt64(3, r.employed);
    if (r.formal >= 0) stmt->BindInt64(4, r.formal); else stmt->BindNull(4);
    if (r.informal >= 0) stmt->BindInt64(5, r.informal); else stmt->BindNull(5);
    stmt->BindText(6, r.source);
    CAKUPAN_RETURN_IF_ERROR(stmt->Run());
    written += conn_->Changes();
    stmt->Reset();
  }
  ImportRecord logged = *record;
  logged.kind = DataKind::kLabourForce;
  logged.period.clear();
  CAKUPAN_ASSIGN_OR_RETURN(int64_t id, InsertImport(logged, written > 0));
  CAKUPAN_RETURN_IF_ERROR(txn.Commit());
  *record = logged;
  record->id = id;
  return Status::Ok();
}

// --- Targets ---------------------------------------------------------------

Result<std::vector<TargetRecord>> SqliteStore::LoadTargets() {
  auto body = [&]() -> Result<std::vector<TargetRecord>> {
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt,
                             Sql("SELECT region_code, year, target FROM targets ORDER BY region_code, year"));
    std::vector<TargetRecord> out;
    while (true) {
      CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt->Step());
      if (!row) break;
      std::optional<RegionCode> code = RegionCode::Parse(stmt->ColumnText(0));
      if (!code) return Status::Corruption("targets holds an invalid region code");
      out.push_back(TargetRecord{*code, static_cast<int>(stmt->ColumnInt64(1)), stmt->ColumnDouble(2)});
    }
    return out;
  };
  return Annotate("LoadTargets", body());
}

Status SqliteStore::UpsertTargets(const std::vector<TargetRecord>& rows, ImportRecord* record) {
  if (record == nullptr) return Status::InvalidArgument("UpsertTargets: no import record");
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("UpsertTargets"));
  return Annotate("UpsertTargets", DoUpsertTargets(rows, record));
}

Status SqliteStore::DoUpsertTargets(const std::vector<TargetRecord>& rows, ImportRecord* record) {
  CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kWrite));
  CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt,
                           Sql("INSERT INTO targets (region_code, year, target) VALUES (?1, ?2, ?3) "
                               "ON CONFLICT (region_code, year) DO UPDATE SET target = excluded.target "
                               "WHERE target IS NOT excluded.target"));
  int64_t written = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const TargetRecord& r = rows[i];
    if (!sqlite::IsWellFormedRegion(r.region)) return Status::InvalidArgument(RowLabel(i) + ": invalid region code");
    if (r.year < 1900 || r.year > 2200) return Status::InvalidArgument(RowLabel(i) + ": invalid year");
    if (!std::isfinite(r.target) || r.target < 0 || r.target > 1)
      return Status::InvalidArgument(RowLabel(i) + ": target must be a fraction between 0 and 1");
    stmt->BindText(1, r.region.ToString());
    stmt->BindInt64(2, r.year);
    stmt->BindDouble(3, r.target);
    CAKUPAN_RETURN_IF_ERROR(stmt->Run());
    written += conn_->Changes();
    stmt->Reset();
  }
  ImportRecord logged = *record;
  logged.kind = DataKind::kTargets;
  logged.period.clear();
  CAKUPAN_ASSIGN_OR_RETURN(int64_t id, InsertImport(logged, written > 0));
  CAKUPAN_RETURN_IF_ERROR(txn.Commit());
  *record = logged;
  record->id = id;
  return Status::Ok();
}

// --- Change detection ------------------------------------------------------

Result<int64_t> SqliteStore::ChangeStamp() {
  auto body = [&]() -> Result<int64_t> {
    // data_version changes when another connection commits (SQLite docs).
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt, Sql("PRAGMA data_version"));
    CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt->Step());
    const int64_t v = row ? stmt->ColumnInt64(0) : 0;
    stmt->Reset();
    return v;
  };
  return Annotate("ChangeStamp", body());
}

// --- Boundaries ------------------------------------------------------------

Status SqliteStore::UpsertBoundaries(const std::vector<BoundaryRecord>& rows, ImportRecord* record) {
  if (record == nullptr) return Status::InvalidArgument("UpsertBoundaries: no import record");
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("UpsertBoundaries"));
  auto body = [&]() -> Status {
    CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kWrite));
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt,
                             Sql("INSERT INTO boundaries (region_code, geometry) VALUES (?1, ?2) "
                                 "ON CONFLICT (region_code) DO UPDATE SET geometry = excluded.geometry "
                                 "WHERE geometry IS NOT excluded.geometry"));
    int64_t written = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      const BoundaryRecord& r = rows[i];
      if (!sqlite::IsWellFormedRegion(r.region) || r.region == RegionCode::National())
        return Status::InvalidArgument(RowLabel(i) + ": invalid region code");
      if (r.geometry.empty()) return Status::InvalidArgument(RowLabel(i) + ": empty geometry");
      stmt->BindText(1, r.region.ToString());
      stmt->BindText(2, r.geometry);
      CAKUPAN_RETURN_IF_ERROR(stmt->Run());
      written += conn_->Changes();
      stmt->Reset();
    }
    ImportRecord logged = *record;
    logged.kind = DataKind::kBoundaries;
    logged.period.clear();
    CAKUPAN_ASSIGN_OR_RETURN(int64_t id, InsertImport(logged, written > 0));
    CAKUPAN_RETURN_IF_ERROR(txn.Commit());
    *record = logged;
    record->id = id;
    return Status::Ok();
  };
  return Annotate("UpsertBoundaries", body());
}

Result<std::vector<BoundaryRecord>> SqliteStore::LoadBoundaries(const std::vector<RegionCode>& regions) {
  auto body = [&]() -> Result<std::vector<BoundaryRecord>> {
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt, Sql("SELECT geometry FROM boundaries WHERE region_code = ?1"));
    std::vector<RegionCode> sorted = regions;
    std::sort(sorted.begin(), sorted.end());
    std::vector<BoundaryRecord> out;
    for (const RegionCode& code : sorted) {
      stmt->BindText(1, code.ToString());
      CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt->Step());
      if (row) out.push_back(BoundaryRecord{code, stmt->ColumnText(0)});
      stmt->Reset();
    }
    return out;
  };
  return Annotate("LoadBoundaries", body());
}

Result<int64_t> SqliteStore::CountBoundaries() {
  auto body = [&]() -> Result<int64_t> {
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt, Sql("SELECT count(*) FROM boundaries"));
    CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt->Step());
    const int64_t n = row ? stmt->ColumnInt64(0) : 0;
    stmt->Reset();
    return n;
  };
  return Annotate("CountBoundaries", body());
}

}  // namespace sqlite
}  // namespace cakupan
