#include "services/import_service.h"

#include <cmath>
#include <filesystem>
#include <map>
#include <utility>

#include "base/format_id.h"
#include "base/i18n.h"
#include "engine/segments.h"
#include "ingest/readers.h"
#include "services/region_catalog.h"

namespace cakupan {

namespace {

std::string BaseName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// Writes the rejects file, fills the record's counts and refuses a file with
// no data or too many rejections.
Status AfterRead(const ImportOptions& opt, const ReadReport& report, ImportOutcome* out) {
  auto rejects = WriteRejectsFile(opt.path, report);
  if (!rejects.ok()) return rejects.status();
  out->rejects_path = *rejects;
  out->report = report;
  ImportRecord& r = out->record;
  r.file_hash = report.file_hash;
  r.rows_read = report.rows_read;
  r.accepted = report.accepted;
  r.rejected = report.rejected;
  if (report.rows_read == 0) {
    return Status::DataError(BaseName(opt.path) + Tr(": the file has no data rows (only a header?)",
                                                     ": berkas tidak berisi baris data (hanya header?)"));
  }
  if (report.accepted == 0 ||
      static_cast<double>(report.rejected) > opt.max_reject_fraction * static_cast<double>(report.rows_read)) {
    return Status::DataError(
        BaseName(opt.path) + ": " + FormatCount(report.rejected) + Tr(" of ", " dari ") +
        FormatCount(report.rows_read) +
        Tr(" rows rejected, more than allowed (--max-reject-rate); nothing was stored. Reasons: ",
           " baris ditolak, melebihi batas (--max-reject-rate); tidak ada yang disimpan. Alasan: ") +
        out->rejects_path);
  }
  return Status::Ok();
}

// How a row of a small table compares with the stored row of the same key.
enum class Stored { kAbsent, kDifferent, kSame };

// The rows that are new or different, moved out of `rows`; counts every row
// into `record` (inserted, updated, unchanged).
template <typename Row, typename Compare>
std::vector<Row> ChangedRows(std::vector<Row>& rows, ImportRecord* record, Compare compare) {
  std::vector<Row> changed;
  for (Row& r : rows) {
    switch (compare(static_cast<const Row&>(r))) {
      case Stored::kAbsent: ++record->inserted; break;
      case Stored::kDifferent: ++record->updated; break;
      case Stored::kSame: ++record->unchanged; continue;
    }
    changed.push_back(std::move(r));
  }
  return changed;
}

// The two segmented tables seen through one interface, so that one
// algorithm stores either.
struct WorkerOps {
  using Table = WorkerTable;
  Store& store;
  const char* LoadLabel() const { return Tr("Loading the stored registry", "Memuat registri tersimpan"); }
  Result<std::vector<Table>> Load() { return store.LoadWorkerSegments(kWorkerAllColumns); }
  Status Write(const Table& t, bool replace, ImportRecord* r) { return store.WriteWorkers(t, replace, r); }
  Result<int> Count() { return store.CountWorkerSegments(); }
  Status Compact(const Table& t) { return store.CompactWorkers(t); }
  static Table Canonical(Table t) { return CanonicalWorkers(std::move(t)); }
  static Table Merge(std::vector<Table> s) { return MergeWorkerSegments(std::move(s)); }
  static UpsertDiff<Table> Diff(const Table& a, const Table& b) { return DiffWorkers(a, b); }
};

struct MemberOps {
  using Table = MembershipTable;
  Store& store;
  Period period;
  const char* LoadLabel() const { return Tr("Loading the stored extract", "Memuat data kepesertaan tersimpan"); }
  Result<std::vector<Table>> Load() { return store.LoadMemberSegments(period, kMemberAllColumns); }
  Status Write(const Table& t, bool replace, ImportRecord* r) { return store.WriteMembers(period, t, replace, r); }
  Result<int> Count() { return store.CountMemberSegments(period); }
  Status Compact(const Table& t) { return store.CompactMembers(period, t); }
  static Table Canonical(Table t) { return CanonicalMembers(std::move(t)); }
  static Table Merge(std::vector<Table> s) { return MergeMemberSegments(std::move(s)); }
  static UpsertDiff<Table> Diff(const Table& a, const Table& b) { return DiffMembers(a, b); }
};

}  // namespace

// Sorts the accepted rows, compares them with what is stored, writes only
// what is new or changed as one segment (or everything, replacing), and
// compacts when segments pile up.
template <typename Ops>
Status ImportService::StoreSegmented(Ops ops, typename Ops::Table rows, bool replace, ImportOutcome* out) {
  using Table = typename Ops::Table;
  ImportRecord& rec = out->record;
  progress_.Begin(Tr("Sorting by NIK", "Mengurutkan menurut NIK"), 0);
  Table incoming = Ops::Canonical(std::move(rows));
  progress_.End();
  progress_.Begin(ops.LoadLabel(), 0);
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<Table> segments, ops.Load());
  Table existing = Ops::Merge(std::move(segments));
  progress_.End();
  progress_.Begin(Tr("Saving", "Menyimpan"), 0);
  rec.finished_at = clock_.NowUtcIso();
  if (existing.size() == 0) {  // nothing stored: no comparison, no copy
    rec.inserted = static_cast<int64_t>(incoming.size());
    out->changed = true;
    CAKUPAN_RETURN_IF_ERROR(ops.Write(incoming, replace, &rec));
  } else {
    auto diff = Ops::Diff(existing, incoming);
    rec.inserted = diff.inserted;
    rec.updated = diff.updated;
    rec.unchanged = diff.unchanged;
    if (replace) out->removed = static_cast<int64_t>(existing.size()) - diff.updated - diff.unchanged;
    existing = Table();
    out->changed = diff.delta.size() > 0 || out->removed > 0;
    if (!out->changed) {
      CAKUPAN_RETURN_IF_ERROR(store_.LogImport(&rec));
    } else {
      CAKUPAN_RETURN_IF_ERROR(ops.Write(replace ? incoming : diff.delta, replace, &rec));
    }
  }
  progress_.End();
  CAKUPAN_ASSIGN_OR_RETURN(int segment_count, ops.Count());
  if (segment_count > kMaxSegments) {
    progress_.Begin(Tr("Compacting", "Memadatkan"), 0);
    CAKUPAN_ASSIGN_OR_RETURN(std::vector<Table> all, ops.Load());
    CAKUPAN_RETURN_IF_ERROR(ops.Compact(Ops::Merge(std::move(all))));
    progress_.End();
  }
  return Status::Ok();
}

ImportService::ImportService(Store& store, Clock& clock, Progress& progress)
    : store_(store), clock_(clock), progress_(progress) {}

Result<ImportOutcome> ImportService::Import(const ImportOptions& opt) {
  ImportOutcome out;
  ImportRecord& rec = out.record;
  rec.kind = opt.kind;
  rec.file_name = BaseName(opt.path);
  rec.replace = opt.replace;
  rec.started_at = clock_.NowUtcIso();
  if (opt.replace && opt.kind != DataKind::kWorkers && opt.kind != DataKind::kMembers) {
    return Status::InvalidArgument(Tr("--replace applies to workers and members only",
                                      "--replace hanya berlaku untuk workers dan members"));
  }
  if (!std::filesystem::exists(opt.path)) {
    return Status::IoError(opt.path + Tr(": file not found", ": berkas tidak ditemukan"));
  }
  CAKUPAN_ASSIGN_OR_RETURN(RegionTable regions, LoadRegionTable(store_));
  if (opt.kind != DataKind::kRegions) CAKUPAN_RETURN_IF_ERROR(RequireRegions(regions));
  ReadOptions ro;
  ro.reference_year = opt.reference_year != 0 ? opt.reference_year : clock_.CurrentYear();
  ro.today = TodayUtc(clock_);
  ro.regions = &regions;
  ro.period = opt.period;

  // Small tables: stamps the record, then writes the changed rows with
  // `write`, or logs an import that changed nothing.
  auto Finish = [&](bool changed, const auto& write) -> Result<ImportOutcome> {
    rec.finished_at = clock_.NowUtcIso();
    out.changed = changed;
    CAKUPAN_RETURN_IF_ERROR(changed ? write() : store_.LogImport(&rec));
    return out;
  };

  switch (opt.kind) {
    case DataKind::kRegions: {
      CAKUPAN_ASSIGN_OR_RETURN(RegionBatch batch, ReadRegionsCsv(opt.path, ro, progress_));
      CAKUPAN_RETURN_IF_ERROR(AfterRead(opt, batch.report, &out));
      auto changed = ChangedRows(batch.rows, &rec, [&](const RegionRecord& r) {
        const int32_t i = regions.Find(r.code);
        return i == RegionTable::kNotFound ? Stored::kAbsent
               : regions.name(i) != r.name ? Stored::kDifferent
                                           : Stored::kSame;
      });
      return Finish(!changed.empty(), [&] { return store_.UpsertRegions(changed, &rec); });
    }
    case DataKind::kWorkers: {
      CAKUPAN_ASSIGN_OR_RETURN(WorkerBatch batch, ReadWorkersCsv(opt.path, ro, progress_));
      CAKUPAN_RETURN_IF_ERROR(AfterRead(opt, batch.report, &out));
      CAKUPAN_RETURN_IF_ERROR(StoreSegmented(WorkerOps{store_}, std::move(batch.rows), opt.replace, &out));
      return out;
    }
    case DataKind::kMembers: {
      CAKUPAN_ASSIGN_OR_RETURN(MemberBatch batch, ReadMembersCsv(opt.path, ro, progress_));
      CAKUPAN_RETURN_IF_ERROR(AfterRead(opt, batch.report, &out));
      rec.period = batch.period.ToString();
      CAKUPAN_RETURN_IF_ERROR(
          StoreSegmented(MemberOps{store_, batch.period}, std::move(batch.rows), opt.replace, &out));
      return out;
    }
    case DataKind::kBoundaries: {
      CAKUPAN_ASSIGN_OR_RETURN(BoundaryBatch batch, ReadBoundariesGeoJson(opt.path, ro));
      CAKUPAN_RETURN_IF_ERROR(AfterRead(opt, batch.report, &out));
      std::vector<RegionCode> codes;
      for (const BoundaryRecord& b : batch.rows) codes.push_back(b.region);
      CAKUPAN_ASSIGN_OR_RETURN(std::vector<BoundaryRecord> stored, store_.LoadBoundaries(codes));
      std::map<uint64_t, const BoundaryRecord*> by_key;
      for (const auto& b : stored) by_key[b.region.packed()] = &b;
      auto changed = ChangedRows(batch.rows, &rec, [&](const BoundaryRecord& b) {
        auto it = by_key.find(b.region.packed());
        return it == by_key.end() ? Stored::kAbsent : it->second->geometry != b.geometry ? Stored::kDifferent : Stored::kSame;
      });
      return Finish(!changed.empty(), [&] { return store_.UpsertBoundaries(changed, &rec); });
    }
    case DataKind::kLabourForce: {
      CAKUPAN_ASSIGN_OR_RETURN(LabourForceBatch batch, ReadLabourForceCsv(opt.path, ro, progress_));
      CAKUPAN_RETURN_IF_ERROR(AfterRead(opt, batch.report, &out));
      CAKUPAN_ASSIGN_OR_RETURN(std::vector<LabourForceRecord> stored, store_.LoadLabourForce());
      std::map<std::pair<uint64_t, int32_t>, const LabourForceRecord*> by_key;
      for (const auto& r : stored) by_key[{r.region.packed(), r.period.index()}] = &r;
      auto changed = ChangedRows(batch.rows, &rec, [&](const LabourForceRecord& r) {
        auto it = by_key.find({r.region.packed(), r.period.index()});
        if (it == by_key.end()) return Stored::kAbsent;
        const LabourForceRecord& s = *it->second;
        return s.employed != r.employed || s.formal != r.formal || s.informal != r.informal || s.source != r.source
                   ? Stored::kDifferent
                   : Stored::kSame;
      });
      return Finish(!changed.empty(), [&] { return store_.UpsertLabourForce(changed, &rec); });
    }
    case DataKind::kTargets: {
      CAKUPAN_ASSIGN_OR_RETURN(TargetBatch batch, ReadTargetsCsv(opt.path, ro, progress_));
      CAKUPAN_RETURN_IF_ERROR(AfterRead(opt, batch.report, &out));
      CAKUPAN_ASSIGN_OR_RETURN(std::vector<TargetRecord> stored, store_.LoadTargets());
      std::map<std::pair<uint64_t, int>, double> by_key;
      for (const auto& r : stored) by_key[{r.region.packed(), r.year}] = r.target;
      auto changed = ChangedRows(batch.rows, &rec, [&](const TargetRecord& r) {
        auto it = by_key.find({r.region.packed(), r.year});
        return it == by_key.end() ? Stored::kAbsent
               : std::fabs(it->second - r.target) > 1e-12 ? Stored::kDifferent
                                                           : Stored::kSame;
      });
      return Finish(!changed.empty(), [&] { return store_.UpsertTargets(changed, &rec); });
    }
    case DataKind::kRates:
      return Status::InvalidArgument(Tr("contribution rates are imported with: cakupan rates import FILE",
                                        "tarif iuran diimpor dengan: cakupan rates import BERKAS"));
  }
  return Status::Internal("unknown import kind");
}

}  // namespace cakupan
