// SqliteStore: the Store implementation behind OpenSqliteStore(). Private to
// storage/sqlite/; its methods are split by subject over sqlite_store.cc
// (opening, regions, labour force, targets, import log),
// sqlite_store_segments.cc (workers and memberships),
// sqlite_store_reconciliation.cc, sqlite_store_linkage.cc and
// sqlite_store_rates.cc (contribution rates). Not thread-safe (store.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/sqlite/bulk_write.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/store.h"

namespace cakupan::sqlite {

class ChunkWriter;

// A region code that survives ToString() / Parse(): a real code (the
// national root included). Arithmetic on the packed value: PP.KK.CC.DDDD
// with a non-zero province and no non-zero part below a zero one.
inline bool IsWellFormedRegion(RegionCode code) {
  const uint64_t p = code.packed();
  if (p == 0) return true;
  if (p >= 10'000'000'000ULL || p < 100'000'000ULL) return false;
  const uint64_t regency = p / 1'000'000 % 100, district = p / 10'000 % 100, village = p % 10'000;
  if (regency == 0) return district == 0 && village == 0;
  if (district == 0) return village == 0;
  return true;
}

// Room for a region code's text ("17.04.07.2010") in FormatRegion().
inline constexpr size_t kRegionTextSize = 16;

// Writes RegionCode::ToString() of a well-formed code into `buf` without
// allocating; returns its length.
inline size_t FormatRegion(RegionCode code, char* buf) {
  if (code.packed() == 0) {
    buf[0] = '0';
    return 1;
  }
  auto digits = [](char* p, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) p[i] = static_cast<char>('0' + value % 10);
  };
  size_t n = 0;
  digits(buf, code.province(), 2);
  n = 2;
  const int parts[3] = {code.regency(), code.district(), code.village()};
  const int widths[3] = {2, 2, 4};
  for (int i = 0; i < 3 && parts[i] != 0; ++i) {
    buf[n++] = '.';
    digits(buf + n, parts[i], widths[i]);
    n += static_cast<size_t>(widths[i]);
  }
  return n;
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<Connection> conn, const SqliteStoreOptions& options)
      : conn_(std::move(conn)), stmts_(*conn_), options_(options) {}

  Result<std::vector<RegionRecord>> LoadRegions() override;
  Status UpsertRegions(const std::vector<RegionRecord>& rows, ImportRecord* record) override;

  Result<std::vector<WorkerTable>> LoadWorkerSegments(uint32_t columns) override;
  Status WriteWorkers(const WorkerTable& rows, bool replace_all, ImportRecord* record) override;
  Status CompactWorkers(const WorkerTable& merged) override;
  Result<int> CountWorkerSegments() override;

  Result<std::vector<Period>> ListMemberPeriods() override;
  Result<std::vector<MembershipTable>> LoadMemberSegments(Period period, uint32_t columns) override;
  Status WriteMembers(Period period, const MembershipTable& rows, bool replace_period, ImportRecord* record) override;
  Status CompactMembers(Period period, const MembershipTable& merged) override;
  Result<int> CountMemberSegments(Period period) override;

  Result<std::vector<LabourForceRecord>> LoadLabourForce() override;
  Status UpsertLabourForce(const std::vector<LabourForceRecord>& rows, ImportRecord* record) override;
  Result<std::vector<TargetRecord>> LoadTargets() override;
  Status UpsertBoundaries(const std::vector<BoundaryRecord>& rows, ImportRecord* record) override;
  Result<std::vector<BoundaryRecord>> LoadBoundaries(const std::vector<RegionCode>& regions) override;
  Result<int64_t> CountBoundaries() override;
  Result<int64_t> ChangeStamp() override;
  Status UpsertTargets(const std::vector<TargetRecord>& rows, ImportRecord* record) override;

  Status LogImport(ImportRecord* record) override;
  Result<std::vector<ImportRecord>> ListImports(int limit) override;
  Result<int64_t> DataVersion(DataKind kind, std::optional<Period> period) override;

  Status SaveReconciliation(const ReconciliationRecord& record) override;
  Result<std::optional<ReconciliationRecord>> LoadReconciliation(Period period, bool with_details) override;
  Result<std::vector<Period>> ListReconciledPeriods() override;
  Result<std::vector<ContributionRate>> LoadRates() override;
  Status ReplaceRates(const std::vector<ContributionRate>& rows, int64_t expected_version,
                      ImportRecord* record) override;

  Status SaveDedupe(const DedupeRecord& record) override;
  Result<std::optional<DedupeRecord>> LoadDedupe() override;
  Status SaveDecision(const LinkDecision& decision) override;
  Status DeleteDecision(PairKind kind, uint64_t left, uint64_t right) override;
  Result<std::vector<LinkDecision>> LoadDecisions(PairKind kind) override;

 private:
  // `status` with the operation and the database path prepended.
  Status Annotate(std::string_view operation, Status status) const;
  template <typename T>
  Result<T> Annotate(std::string_view operation, Result<T> result) const {
    if (result.ok()) return result;
    return Annotate(operation, result.status());
  }

  // Starts a bulk write scope for a write of about `bytes`, after putting the
  // connection back into WAL mode if an earlier scope could not.
  std::unique_ptr<BulkWriteScope> BeginBulkWrite(uint64_t bytes);

  // kFailedPrecondition when the store was opened read-only. (A file that
  // the operating system does not let us write fails later, with SQLite's
  // "attempt to write a readonly database".)
  Status CheckWritable(std::string_view operation) const;
  Result<StatementRef> Sql(std::string_view sql) { return stmts_.Get(sql); }
  // Adds `record` to the import log; returns its id.
  Result<int64_t> InsertImport(const ImportRecord& record, bool changed);

  // Segments of `kind` ("workers" / "members") for `period` ("" for
  // workers): the write half replaces or appends one segment; the read half
  // returns (id, row_count) oldest first.
  // DeleteSegments keeps segment `keep_id` (0: none).
  Status DeleteSegments(std::string_view kind, const std::string& period, int64_t keep_id);
  Result<int64_t> InsertSegment(std::string_view kind, const std::string& period, int64_t rows,
                                std::optional<int64_t> import_id);
  Result<std::vector<std::pair<int64_t, int64_t>>> ListSegments(std::string_view kind, const std::string& period);
  Result<int> CountSegments(std::string_view kind, const std::string& period);
  // Inserts the writer's chunks as segment `segment_id`'s.
  Status WriteSegmentChunks(int64_t segment_id, ChunkWriter& writer);

  // The bodies of Write* and Compact*: `record` null means a compaction
  // (replaces everything, logs no import, changes no version).
  Status DoWriteWorkers(const WorkerTable& rows, bool replace_all, ImportRecord* record);
  Status DoWriteMembers(Period period, const MembershipTable& rows, bool replace_period, ImportRecord* record);
  Result<WorkerTable> ReadWorkerSegment(int64_t segment_id, int64_t rows, uint32_t columns);
  Result<MembershipTable> ReadMemberSegment(int64_t segment_id, int64_t rows, uint32_t columns);

  Status DoUpsertRegions(const std::vector<RegionRecord>& rows, ImportRecord* record);
  // The regions from the table, or from their snapshot (nullopt when there
  // is none, or it does not have as many rows as the table: the table was
  // changed by hand).
  Result<std::vector<RegionRecord>> LoadRegionRows();
  Result<std::optional<std::vector<RegionRecord>>> LoadRegionSnapshot();
  // Rewrites the snapshot from the table (inside the caller's transaction).
  Status WriteRegionSnapshot();
  bool HasRegionSnapshot();
  Status DoUpsertLabourForce(const std::vector<LabourForceRecord>& rows, ImportRecord* record);
  Status DoUpsertTargets(const std::vector<TargetRecord>& rows, ImportRecord* record);
  Status DoReplaceRates(const std::vector<ContributionRate>& rows, int64_t expected_version, ImportRecord* record);
  Status DoSaveReconciliation(const ReconciliationRecord& record);
  Status InsertLinkRows(const std::string& period, const std::vector<ScoredLink>& links);
  Status LoadLinkRows(const std::string& period, std::vector<ScoredLink>* out);
  Status InsertCountRows(const std::string& period, const std::vector<RegionCounts>& counts);
  // The coverage_counts rows of `period`, for results saved before their
  // counts were also kept as chunks.
  Status LoadCountRows(const std::string& period, std::vector<RegionCounts>* out);
  Result<std::optional<ReconciliationRecord>> DoLoadReconciliation(Period period, bool with_details);

  std::unique_ptr<Connection> conn_;
  StatementCache stmts_;  // declared after conn_: finalized before it closes
  SqliteStoreOptions options_;
};

}  // namespace cakupan::sqlite
