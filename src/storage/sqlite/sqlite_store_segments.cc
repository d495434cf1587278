// The worker registry and membership extracts as columnar segments: one row
// in `segments` per segment, its columns as chunks in `segment_chunks`
// (chunks.h, docs/storage.md).
#include <algorithm>
#include <string>

#include "storage/sqlite/chunks.h"
#include "storage/sqlite/sqlite_store_impl.h"

namespace cakupan::sqlite {

namespace {

constexpr std::string_view kWorkers = "workers";
constexpr std::string_view kMembers = "members";

constexpr const char* kInsertChunk =
    "INSERT INTO segment_chunks (segment_id, column_name, chunk_no, row_count, byte_size, checksum, encoding, data) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr const char* kSelectChunks =
    "SELECT id, column_name, chunk_no, row_count, byte_size, checksum, encoding FROM segment_chunks "
    "WHERE segment_id = ?1 ORDER BY column_name, chunk_no";

// Validate() failures and order violations are the caller's mistake.
Status CheckTable(Status valid, std::string_view table) {
  if (valid.ok()) return valid;
  return Status::InvalidArgument(std::string(table) + " table is invalid: " + valid.message());
}

// Bytes a table holds in memory (for the bulk-write threshold).
uint64_t TableBytes(const WorkerTable& t) {
  return t.size() * (8 + 1 + 4 + 8 + 1 + 2 + 1 + 1 + 4) + t.name.byte_size() + t.nik_raw.byte_size() +
         t.birth_date_raw.byte_size();
}
uint64_t TableBytes(const MembershipTable& t) {
  return t.size() * (8 + 4 + 4 + 1 + 1 + 1 + 4 + 4 + 1 + 8 + 4) + t.name.byte_size() + t.npp.byte_size() +
         t.birth_date_raw.byte_size();
}

Status CheckCanonical(const WorkerTable& t) {
  for (size_t i = 1; i < t.size(); ++i) {
    if (t.nik[i - 1] >= t.nik[i])
      return Status::InvalidArgument("workers are not in canonical order (ascending unique NIK) at row " +
                                     std::to_string(i + 1));
  }
  return Status::Ok();
}

Status CheckCanonical(const MembershipTable& t) {
  const bool has_segment = !t.segment.empty(), has_npp = !t.npp.empty();
  for (size_t i = 1; i < t.size(); ++i) {
    int order = t.nik[i - 1] < t.nik[i] ? -1 : t.nik[i - 1] > t.nik[i] ? 1 : 0;
    if (order == 0 && has_segment) order = t.segment[i - 1] < t.segment[i] ? -1 : t.segment[i - 1] > t.segment[i];
    if (order == 0 && has_npp) {
      int c = t.npp[i - 1].compare(t.npp[i]);
      order = c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    if (order >= 0)
      return Status::InvalidArgument(
          "memberships are not in canonical order (ascending unique nik, segment, npp) at row " +
          std::to_string(i + 1));
  }
  return Status::Ok();
}

bool Has(const ChunkDirectory& dir, std::string_view column) { return dir.find(column) != dir.end(); }

// Loads a requested integer column, or fills it with `fallback` when the
// writer did not supply that column. Leaves it empty when not requested.
// The column is decoded later: see ChunkReader::Wait().
template <typename T>
Status LoadColumn(ChunkReader& reader, const ChunkDirectory& dir, std::string_view column, int64_t rows,
                  bool wanted, T fallback, std::vector<T>* out) {
  if (!wanted) return Status::Ok();
  if (!Has(dir, column)) {
    out->assign(static_cast<size_t>(rows), fallback);
    return Status::Ok();
  }
  return reader.ReadIntegersLater(dir, column, rows, out);
}

Status LoadStrings(ChunkReader& reader, const ChunkDirectory& dir, std::string_view column, int64_t rows,
                   bool wanted, StringColumn* out) {
  if (!wanted) return Status::Ok();
  if (!ChunkReader::HasStrings(dir, column)) {
    *out = StringColumn(std::vector<uint32_t>(static_cast<size_t>(rows) + 1, 0), std::string());
    return Status::Ok();
  }
  return reader.ReadStringsLater(dir, column, rows, out);
}

StringColumn ToStringColumn(const std::vector<std::string>& strings) {
  StringColumn column;
  for (const std::string& s : strings) column.push_back(s);
  return column;
}

// A text kept only for rows with a problem (birth_date_raw): written when
// some row has one; segments without it load as all "".
void AddRawTextIfAny(ChunkWriter& w, const char* column, const StringColumn& text) {
  if (text.byte_size() > 0) w.AddStrings(column, text);
}

// `occupations` holds the dictionary column while the writer runs.
void AddWorkerColumns(ChunkWriter& w, const WorkerTable& t, StringColumn* occupations) {
  w.AddIntegers("nik", t.nik);
  if (!t.name.empty()) w.AddStrings("name", t.name);
  w.AddIntegers("sex", t.sex);
  w.AddIntegers("birth_date", t.birth_date);
  w.AddIntegers("village", t.village);
  w.AddIntegers("formality", t.formality);
  if (!t.occupation.empty()) {
    w.AddIntegers("occupation", t.occupation);
    *occupations = ToStringColumn(t.occupations);
    w.AddStrings("occupations", *occupations);
  }
  w.AddIntegers("decile", t.decile);
  w.AddIntegers("vulnerability", t.vulnerability);
  // Written only when some NIK is missing or invalid; segments without them
  // load as all-valid (nik_issue 0, nik_raw "").
  if (!t.nik_issue.empty() && std::any_of(t.nik_issue.begin(), t.nik_issue.end(), [](uint8_t v) { return v != 0; })) {
    w.AddIntegers("nik_issue", t.nik_issue);
    w.AddStrings("nik_raw", t.nik_raw);
  }
  AddRawTextIfAny(w, "birth_date_raw", t.birth_date_raw);
}

void AddMemberColumns(ChunkWriter& w, const MembershipTable& t) {
  w.AddIntegers("nik", t.nik);
  if (!t.name.empty()) w.AddStrings("name", t.name);
  w.AddIntegers("birth_date", t.birth_date);
  w.AddIntegers("segment", t.segment);
  w.AddIntegers("status", t.status);
  w.AddIntegers("programmes", t.programmes);
  w.AddIntegers("last_paid", t.last_paid);
  if (!t.npp.empty()) w.AddStrings("npp", t.npp);
  w.AddIntegers("funding", t.funding);
  w.AddIntegers("region", t.region);
  AddRawTextIfAny(w, "birth_date_raw", t.birth_date_raw);
}

}  // namespace

// --- Segment bookkeeping -------------------------------------------------

Status SqliteStore::DeleteSegments(std::string_view kind, const std::string& period, int64_t keep_id) {
  // ON DELETE CASCADE removes the chunks; their pages go to the free list and
  // are reused by the next write.
  CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt,
                           Sql("DELETE FROM segments WHERE kind = ?1 AND period = ?2 AND id != ?3"));
  stmt->BindText(1, kind);
  stmt->BindText(2, period);
  stmt->BindInt64(3, keep_id);
  return stmt->Run();
}

Status SqliteStore::WriteSegmentChunks(int64_t segment_id, ChunkWriter& writer) {
  CAKUPAN_ASSIGN_OR_RETURN(StatementRef insert, Sql(kInsertChunk));
  return writer.Write(*insert, segment_id);
}

Result<int64_t> SqliteStore::InsertSegment(std::string_view kind, const std::string& period, int64_t rows,
                                           std::optional<int64_t> import_id) {
  CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt,
                           Sql("INSERT INTO segments (kind, period, row_count, import_id, created_at) "
                               "VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
  stmt->BindText(1, kind);
  stmt->BindText(2, period);
  stmt->BindInt64(3, rows);
  if (import_id) stmt->BindInt64(4, *import_id); else stmt->BindNull(4);
  CAKUPAN_RETURN_IF_ERROR(stmt->Run());
  return conn_->LastInsertRowid();
}

Result<std::vector<std::pair<int64_t, int64_t>>> SqliteStore::ListSegments(std::string_view kind,
                                                                           const std::string& period) {
  CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt,
                           Sql("SELECT id, row_count FROM segments WHERE kind = ?1 AND period = ?2 ORDER BY id"));
  stmt->BindText(1, kind);
  stmt->BindText(2, period);
  std::vector<std::pair<int64_t, int64_t>> out;
  while (true) {
    CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    out.emplace_back(stmt->ColumnInt64(0), stmt->ColumnInt64(1));
  }
  return out;
}

Result<int> SqliteStore::CountSegments(std::string_view kind, const std::string& period) {
  CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt, Sql("SELECT count(*) FROM segments WHERE kind = ?1 AND period = ?2"));
  stmt->BindText(1, kind);
  stmt->BindText(2, period);
  CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? static_cast<int>(stmt->ColumnInt64(0)) : 0;
}

// --- Workers ---------------------------------------------------------------

Status SqliteStore::WriteWorkers(const WorkerTable& rows, bool replace_all, ImportRecord* record) {
  if (record == nullptr) return Status::InvalidArgument("WriteWorkers: no import record");
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("WriteWorkers"));
  return Annotate("WriteWorkers", DoWriteWorkers(rows, replace_all, record));
}

Status SqliteStore::CompactWorkers(const WorkerTable& merged) {
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("CompactWorkers"));
  return Annotate("CompactWorkers", DoWriteWorkers(merged, /*replace_all=*/true, nullptr));
}

Status SqliteStore::DoWriteWorkers(const WorkerTable& rows, bool replace_all, ImportRecord* record) {
  CAKUPAN_RETURN_IF_ERROR(CheckTable(rows.Validate(), "workers"));
  CAKUPAN_RETURN_IF_ERROR(CheckCanonical(rows));
  std::unique_ptr<BulkWriteScope> bulk = BeginBulkWrite(TableBytes(rows));  // outlives the transaction
  CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kWrite));
  std::optional<int64_t> import_id;
  ImportRecord logged;
  if (record != nullptr) {
    logged = *record;
    logged.kind = DataKind::kWorkers;
    logged.period.clear();
    logged.replace = replace_all;
    CAKUPAN_ASSIGN_OR_RETURN(import_id, InsertImport(logged, rows.size() > 0 || replace_all));
  }
  // The new segment is written before the old ones are deleted, so that it
  // does not take over their pages in the same transaction (docs/storage.md,
  // "Writing each byte once").
  int64_t segment_id = 0;
  if (rows.size() > 0) {
    CAKUPAN_ASSIGN_OR_RETURN(segment_id, InsertSegment(kWorkers, "", static_cast<int64_t>(rows.size()), import_id));
    ChunkWriter writer(options_.rows_per_chunk);
    StringColumn occupations;
    AddWorkerColumns(writer, rows, &occupations);
    CAKUPAN_RETURN_IF_ERROR(WriteSegmentChunks(segment_id, writer));
  }
  if (replace_all) CAKUPAN_RETURN_IF_ERROR(DeleteSegments(kWorkers, "", segment_id));
  CAKUPAN_RETURN_IF_ERROR(txn.Commit());
  if (record != nullptr) {
    *record = logged;
    record->id = *import_id;
  }
  return Status::Ok();
}

Result<WorkerTable> SqliteStore::ReadWorkerSegment(int64_t segment_id, int64_t rows, uint32_t columns) {
  CAKUPAN_ASSIGN_OR_RETURN(StatementRef select, Sql(kSelectChunks));
  select->BindInt64(1, segment_id);
  CAKUPAN_ASSIGN_OR_RETURN(ChunkDirectory dir, ReadChunkDirectory(*select));
  WorkerTable t;  // before the reader, whose destructor waits for its decoding into t
  ChunkReader reader(*conn_, "segment_chunks", "workers segment " + std::to_string(segment_id));
  CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegersLater(dir, "nik", rows, &t.nik));
  CAKUPAN_RETURN_IF_ERROR(LoadStrings(reader, dir, "name", rows, columns & kWorkerName, &t.name));
  CAKUPAN_RETURN_IF_ERROR(LoadColumn<uint8_t>(reader, dir, "sex", rows, columns & kWorkerSex, 0, &t.sex));
  CAKUPAN_RETURN_IF_ERROR(
      LoadColumn<Date>(reader, dir, "birth_date", rows, columns & kWorkerBirthDate, kNoDate, &t.birth_date));
  CAKUPAN_RETURN_IF_ERROR(
      LoadColumn<uint64_t>(reader, dir, "village", rows, columns & kWorkerVillage, 0, &t.village));
  CAKUPAN_RETURN_IF_ERROR(
      LoadColumn<uint8_t>(reader, dir, "formality", rows, columns & kWorkerFormality, 0, &t.formality));
  if ((columns & kWorkerOccupation) && Has(dir, "occupation")) {
    CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegersLater(dir, "occupation", rows, &t.occupation));
    if (!ChunkReader::HasStrings(dir, "occupations"))
      return Status::Corruption("workers segment " + std::to_string(segment_id) +
                                " has occupations but no occupation dictionary");
    const int64_t dict_rows =
        std::max(ChunkReader::RowsOf(dir, "occupations.lengths"), ChunkReader::RowsOf(dir, "occupations.offsets"));
    StringColumn dict;
    CAKUPAN_RETURN_IF_ERROR(reader.ReadStrings(dir, "occupations", dict_rows, &dict));
    t.occupations.clear();
    for (size_t i = 0; i < dict.size(); ++i) t.occupations.emplace_back(dict[i]);
  } else {
    CAKUPAN_RETURN_IF_ERROR(
        LoadColumn<uint16_t>(reader, dir, "occupation", rows, columns & kWorkerOccupation, 0, &t.occupation));
  }
  CAKUPAN_RETURN_IF_ERROR(LoadColumn<uint8_t>(reader, dir, "decile", rows, columns & kWorkerDecile, 0, &t.decile));
  CAKUPAN_RETURN_IF_ERROR(
      LoadColumn<uint8_t>(reader, dir, "vulnerability", rows, columns & kWorkerVulnerability, 0, &t.vulnerability));
  CAKUPAN_RETURN_IF_ERROR(
      LoadColumn<uint8_t>(reader, dir, "nik_issue", rows, columns & kWorkerNikIssue, 0, &t.nik_issue));
  CAKUPAN_RETURN_IF_ERROR(LoadStrings(reader, dir, "nik_raw", rows, columns & kWorkerNikIssue, &t.nik_raw));
  CAKUPAN_RETURN_IF_ERROR(
      LoadStrings(reader, dir, "birth_date_raw", rows, columns & kWorkerBirthDateRaw, &t.birth_date_raw));
  CAKUPAN_RETURN_IF_ERROR(reader.Wait());
  Status valid = t.Validate();
  if (!valid.ok())
    return Status::Corruption("workers segment " + std::to_string(segment_id) + ": " + valid.message());
  return t;
}

Result<std::vector<WorkerTable>> SqliteStore::LoadWorkerSegments(uint32_t columns) {
  auto body = [&]() -> Result<std::vector<WorkerTable>> {
    CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kRead));
    CAKUPAN_ASSIGN_OR_RETURN(auto segments, ListSegments(kWorkers, ""));
    std::vector<WorkerTable> out;
    out.reserve(segments.size());
    for (const auto& [id, rows] : segments) {
      CAKUPAN_ASSIGN_OR_RETURN(WorkerTable t, ReadWorkerSegment(id, rows, columns | kWorkerNik));
      out.push_back(std::move(t));
    }
    CAKUPAN_RETURN_IF_ERROR(txn.Commit());
    return out;
  };
  return Annotate("LoadWorkerSegments", body());
}

Result<int> SqliteStore::CountWorkerSegments() { return Annotate("CountWorkerSegments", CountSegments(kWorkers, "")); }

// --- Memberships -----------------------------------------------------------

Status SqliteStore::WriteMembers(Period period, const MembershipTable& rows, bool replace_period,
                                 ImportRecord* record) {
  if (record == nullptr) return Status::InvalidArgument("WriteMembers: no import record");
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("WriteMembers"));
  return Annotate("WriteMembers", DoWriteMembers(period, rows, replace_period, record));
}

Status SqliteStore::CompactMembers(Period period, const MembershipTable& merged) {
  CAKUPAN_RETURN_IF_ERROR(CheckWritable("CompactMembers"));
  return Annotate("CompactMembers", DoWriteMembers(period, merged, /*replace_period=*/true, nullptr));
}

Status SqliteStore::DoWriteMembers(Period period, const MembershipTable& rows, bool replace_period,
                                   ImportRecord* record) {
  if (!period.valid()) return Status::InvalidArgument("invalid period");
  CAKUPAN_RETURN_IF_ERROR(CheckTable(rows.Validate(), "memberships"));
  CAKUPAN_RETURN_IF_ERROR(CheckCanonical(rows));
  const std::string period_text = period.ToString();
  std::unique_ptr<BulkWriteScope> bulk = BeginBulkWrite(TableBytes(rows));  // outlives the transaction
  CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kWrite));
  std::optional<int64_t> import_id;
  ImportRecord logged;
  if (record != nullptr) {
    logged = *record;
    logged.kind = DataKind::kMembers;
    logged.period = period_text;
    logged.replace = replace_period;
    CAKUPAN_ASSIGN_OR_RETURN(import_id, InsertImport(logged, rows.size() > 0 || replace_period));
  }
  int64_t segment_id = 0;
  if (rows.size() > 0) {
    CAKUPAN_ASSIGN_OR_RETURN(segment_id,
                             InsertSegment(kMembers, period_text, static_cast<int64_t>(rows.size()), import_id));
    ChunkWriter writer(options_.rows_per_chunk);
    AddMemberColumns(writer, rows);
    CAKUPAN_RETURN_IF_ERROR(WriteSegmentChunks(segment_id, writer));
  }
  if (replace_period) CAKUPAN_RETURN_IF_ERROR(DeleteSegments(kMembers, period_text, segment_id));
  CAKUPAN_RETURN_IF_ERROR(txn.Commit());
  if (record != nullptr) {
    *record = logged;
    record->id = *import_id;
  }
  return Status::Ok();
}

Result<MembershipTable> SqliteStore::ReadMemberSegment(int64_t segment_id, int64_t rows, uint32_t columns) {
  CAKUPAN_ASSIGN_OR_RETURN(StatementRef select, Sql(kSelectChunks));
  select->BindInt64(1, segment_id);
  CAKUPAN_ASSIGN_OR_RETURN(ChunkDirectory dir, ReadChunkDirectory(*select));
  MembershipTable t;  // before the reader, whose destructor waits for its decoding into t
  ChunkReader reader(*conn_, "segment_chunks", "members segment " + std::to_string(segment_id));
  CAKUPAN_RETURN_IF_ERROR(reader.ReadIntegersLater(dir, "nik", rows, &t.nik));
  CAKUPAN_RETURN_IF_ERROR(LoadStrings(reader, dir, "name", rows, columns & kMemberName, &t.name));
  CAKUPAN_RETURN_IF_ERROR(
      LoadColumn<Date>(reader, dir, "birth_date", rows, columns & kMemberBirthDate, kNoDate, &t.birth_date));
  CAKUPAN_RETURN_IF_ERROR(
      LoadColumn<uint8_t>(reader, dir, "segment", rows, columns & kMemberSegment, 0, &t.segment));
  CAKUPAN_RETURN_IF_ERROR(LoadColumn<uint8_t>(reader, dir, "status", rows, columns & kMemberStatus, 0, &t.status));
  CAKUPAN_RETURN_IF_ERROR(
      LoadColumn<uint8_t>(reader, dir, "programmes", rows, columns & kMemberProgrammes, 0, &t.programmes));
  CAKUPAN_RETURN_IF_ERROR(
      LoadColumn<int32_t>(reader, dir, "last_paid", rows, columns & kMemberLastPaid, 0, &t.last_paid));
  CAKUPAN_RETURN_IF_ERROR(LoadStrings(reader, dir, "npp", rows, columns & kMemberNpp, &t.npp));
  CAKUPAN_RETURN_IF_ERROR(
      LoadColumn<uint8_t>(reader, dir, "funding", rows, columns & kMemberFunding, 0, &t.funding));
  CAKUPAN_RETURN_IF_ERROR(LoadColumn<uint64_t>(reader, dir, "region", rows, columns & kMemberRegion, 0, &t.region));
  CAKUPAN_RETURN_IF_ERROR(
      LoadStrings(reader, dir, "birth_date_raw", rows, columns & kMemberBirthDateRaw, &t.birth_date_raw));
  CAKUPAN_RETURN_IF_ERROR(reader.Wait());
  Status valid = t.Validate();
  if (!valid.ok())
    return Status::Corruption("members segment " + std::to_string(segment_id) + ": " + valid.message());
  return t;
}

Result<std::vector<MembershipTable>> SqliteStore::LoadMemberSegments(Period period, uint32_t columns) {
  auto body = [&]() -> Result<std::vector<MembershipTable>> {
    CAKUPAN_ASSIGN_OR_RETURN(Transaction txn, Transaction::Begin(*conn_, Transaction::Mode::kRead));
    CAKUPAN_ASSIGN_OR_RETURN(auto segments, ListSegments(kMembers, period.ToString()));
    std::vector<MembershipTable> out;
    out.reserve(segments.size());
    for (const auto& [id, rows] : segments) {
      CAKUPAN_ASSIGN_OR_RETURN(MembershipTable t, ReadMemberSegment(id, rows, columns | kMemberNik));
      out.push_back(std::move(t));
    }
    CAKUPAN_RETURN_IF_ERROR(txn.Commit());
    return out;
  };
  return Annotate("LoadMemberSegments", body());
}

Result<int> SqliteStore::CountMemberSegments(Period period) {
  return Annotate("CountMemberSegments", CountSegments(kMembers, period.ToString()));
}

Result<std::vector<Period>> SqliteStore::ListMemberPeriods() {
  auto body = [&]() -> Result<std::vector<Period>> {
    CAKUPAN_ASSIGN_OR_RETURN(StatementRef stmt,
                             Sql("SELECT DISTINCT period FROM segments WHERE kind = 'members' ORDER BY period"));
    std::vector<Period> out;
    while (true) {
      CAKUPAN_ASSIGN_OR_RETURN(bool row, stmt->Step());
      if (!row) break;
      std::optional<Period> p = Period::Parse(stmt->ColumnText(0));
      if (!p) return Status::Corruption("segments holds an invalid period");
      out.push_back(*p);
    }
    return out;
  };
  return Annotate("ListMemberPeriods", body());
}

}  // namespace cakupan::sqlite
