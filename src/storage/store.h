// Store: everything cakupan keeps, behind one interface free of any database
// specifics. storage/sqlite/ implements it on an embedded SQLite file; a
// PostgreSQL implementation follows the same contract (and the same test
// suite, storage/store_contract_test.h).
//
// Contract for every implementation (storage/store_contract_test.h checks it):
//  - Each write method is atomic: it stores all of its effect, including its
//    import log entry, or nothing (on failure the store is unchanged and
//    record->id is left as it was).
//  - Methods taking `ImportRecord* record` require it (null is
//    kInvalidArgument); the store assigns record->id and sets record->kind
//    (and, for WriteMembers, record->period; for WriteWorkers / WriteMembers,
//    record->replace) to what the method did.
//  - Invalid input is kInvalidArgument: a table whose Validate() fails or
//    that is not canonical, an invalid period, a malformed region code (see
//    each method). A store opened read-only refuses every write with
//    kFailedPrecondition.
//  - Large tables (workers, memberships) are kept as sorted "segments": an
//    import writes the rows it adds or changes as one new segment; a reader
//    merges segments, the newest winning for a key (engine/segments.h).
//    Compaction rewrites them as one segment without changing any data
//    version.
//  - A data version is the id of the last import that changed that data
//    (0 when never imported); results computed from data record the versions
//    they used, so staleness is detectable. An import "changed" data when it
//    wrote at least one new or different row, or replaced a set (even with
//    nothing); upserting rows identical to the stored ones, appending an
//    empty table and LogImport change nothing.
//  - Methods return a non-OK Status on I/O errors or corrupt data; they never
//    throw.
// Thread-safety: a Store object is used by one thread at a time; open one per
// thread (SQLite in WAL mode allows concurrent readers and one writer).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "domain/contribution_rate.h"
#include "domain/import_record.h"
#include "domain/links.h"
#include "domain/reconciliation.h"
#include "domain/region_table.h"
#include "domain/tables.h"

namespace cakupan {

class Store {
 public:
  virtual ~Store() = default;

  // --- Regions -------------------------------------------------------------
  // All stored regions (without the national root), in code order.
  virtual Result<std::vector<RegionRecord>> LoadRegions() = 0;
  // Inserts new codes and renames existing ones; logs `record` (its id,
  // kind, counts must be filled by the caller except id, which is assigned).
  // The national root is implicit: passing it (or a malformed code) is
  // kInvalidArgument.
  virtual Status UpsertRegions(const std::vector<RegionRecord>& rows, ImportRecord* record) = 0;

  // --- Worker registry -----------------------------------------------------
  // Segments oldest first, each canonical (sorted by nik, unique), with only
  // the requested WorkerColumn bits loaded (kWorkerNik always); columns not
  // requested are not read. A requested column that the writer did not
  // supply is loaded with its "unknown" value (0, kNoDate, empty string).
  virtual Result<std::vector<WorkerTable>> LoadWorkerSegments(uint32_t columns) = 0;
  // Appends `rows` (canonical) as a new segment, or, with `replace_all`,
  // replaces the whole registry with it. Logs `record`. An empty table adds
  // no segment (with `replace_all` it empties the registry).
  virtual Status WriteWorkers(const WorkerTable& rows, bool replace_all, ImportRecord* record) = 0;
  // Replaces all segments with `merged` (canonical, complete) without
  // changing the data version or logging an import.
  virtual Status CompactWorkers(const WorkerTable& merged) = 0;
  virtual Result<int> CountWorkerSegments() = 0;

  // --- Membership extracts, one set per period -----------------------------
  // Periods with at least one stored segment, ascending.
  virtual Result<std::vector<Period>> ListMemberPeriods() = 0;
  virtual Result<std::vector<MembershipTable>> LoadMemberSegments(Period period, uint32_t columns) = 0;
  // Oldest first; empty when the period has no extract. Columns as for
  // LoadWorkerSegments (kMemberNik always).
  // WriteMembers: as WriteWorkers, for one period (`replace_period` replaces
  // only that period). Canonical order is (nik, segment, npp bytes), unique.
  virtual Status WriteMembers(Period period, const MembershipTable& rows, bool replace_period,
                              ImportRecord* record) = 0;
  virtual Status CompactMembers(Period period, const MembershipTable& merged) = 0;
  virtual Result<int> CountMemberSegments(Period period) = 0;

  // --- Labour-force denominators and targets -------------------------------
  virtual Result<std::vector<LabourForceRecord>> LoadLabourForce() = 0;
  // Upserts by (region, period); the national root is allowed. formal and
  // informal are -1 when not given; other negative counts and invalid
  // periods are kInvalidArgument. Logs `record`.
  virtual Status UpsertLabourForce(const std::vector<LabourForceRecord>& rows, ImportRecord* record) = 0;
  virtual Result<std::vector<TargetRecord>> LoadTargets() = 0;
  // Upserts by (region, year); the national root is allowed. A target must
  // be a finite fraction in [0, 1] and the year in 1900-2200, else
  // kInvalidArgument. Logs `record`.
  virtual Status UpsertTargets(const std::vector<TargetRecord>& rows, ImportRecord* record) = 0;

  // --- Region boundaries (maps) --------------------------------------------
  // Upserts by region. Logs `record`.
  virtual Status UpsertBoundaries(const std::vector<BoundaryRecord>& rows, ImportRecord* record) = 0;
  // The stored boundaries of the given regions (those that have one), in
  // code order.
  virtual Result<std::vector<BoundaryRecord>> LoadBoundaries(const std::vector<RegionCode>& regions) = 0;
  virtual Result<int64_t> CountBoundaries() = 0;

  // --- Import log and data versions ----------------------------------------
  // Logs an import that stored nothing new (all rows unchanged); does not
  // change any data version. Stores `record` as given (kind and period
  // included) and assigns its id.
  virtual Status LogImport(ImportRecord* record) = 0;
  // Most recent first; at most `limit` entries (all when limit <= 0).
  virtual Result<std::vector<ImportRecord>> ListImports(int limit) = 0;
  // Id of the last import that changed `kind` (for kMembers: of `period`;
  // of any period when `period` is nullopt); 0 when none did. `period` is
  // ignored for other kinds.
  virtual Result<int64_t> DataVersion(DataKind kind, std::optional<Period> period) = 0;
  // An opaque value that differs between two calls on this Store whenever
  // another connection committed anything in between (imports,
  // reconciliations). Cheap: a long-running reader polls it.
  virtual Result<int64_t> ChangeStamp() = 0;

  // --- Reconciliation results ----------------------------------------------
  // Replaces the stored result for record.period. Logs no import. The
  // unmatched columns must all have the same length and every counts region
  // must be a well-formed code (the national root included), else
  // kInvalidArgument.
  virtual Status SaveReconciliation(const ReconciliationRecord& record) = 0;
  // nullopt when the period was never reconciled. Without `with_details`
  // only the header, summary and counts are loaded (worker_results and
  // unmatched stay empty).
  virtual Result<std::optional<ReconciliationRecord>> LoadReconciliation(Period period, bool with_details) = 0;
  virtual Result<std::vector<Period>> ListReconciledPeriods() = 0;  // ascending

  // --- Contribution rates (docs/planning.md) -------------------------------
  // The stored rate table in the order it was written (empty when none).
  virtual Result<std::vector<ContributionRate>> LoadRates() = 0;
  // Replaces the whole rate table with `rows` and logs `record` (kind set to
  // kRates). The rates' data version moves only when the stored rows change
  // (the same rows in the same order change nothing; the import is still
  // logged). Fails, storing nothing, with kFailedPrecondition when the
  // rates' data version is no longer `expected_version` (another import came
  // in between: load, merge and try again), and with kInvalidArgument when a
  // row fails ValidateContributionRate. Whether rows overlap is the caller's
  // check (planning/rate_table.h).
  virtual Status ReplaceRates(const std::vector<ContributionRate>& rows, int64_t expected_version,
                              ImportRecord* record) = 0;

  // --- Linkage: deduplication and review decisions (docs/linkage.md) -------
  // Replaces the stored deduplication result. Pairs must have left < right
  // and distinct (left, right), else kInvalidArgument.
  virtual Status SaveDedupe(const DedupeRecord& record) = 0;
  // nullopt when `cakupan dedupe` never ran.
  virtual Result<std::optional<DedupeRecord>> LoadDedupe() = 0;
  // Inserts or replaces the decision for (kind, left, right). A note longer
  // than 500 bytes or a decision of kNone is kInvalidArgument.
  virtual Status SaveDecision(const LinkDecision& decision) = 0;
  // Removes the decision for the pair; kNotFound when there is none.
  virtual Status DeleteDecision(PairKind kind, uint64_t left, uint64_t right) = 0;
  // Every decision of `kind`, ordered by (left, right).
  virtual Result<std::vector<LinkDecision>> LoadDecisions(PairKind kind) = 0;
};

}  // namespace cakupan
