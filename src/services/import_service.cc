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

}  // namespace

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
  ro.regions = &regions;
  ro.period = opt.period;

  auto finish = [&](int64_t inserted, int64_t updated, int64_t unchanged) {
    rec.inserted = inserted;
    rec.updated = updated;
    rec.unchanged = unchanged;
    rec.finished_at = clock_.NowUtcIso();
  };

  switch (opt.kind) {
    case DataKind::kRegions: {
      CAKUPAN_ASSIGN_OR_RETURN(RegionBatch batch, ReadRegionsCsv(opt.path, ro, progress_));
      CAKUPAN_RETURN_IF_ERROR(AfterRead(opt, batch.report, &out));
      std::vector<RegionRecord> changed;
      int64_t inserted = 0, updated = 0, unchanged = 0;
      for (RegionRecord& r : batch.rows) {
        const int32_t i = regions.Find(r.code);
        if (i == RegionTable::kNotFound) ++inserted;
        else if (regions.name(i) != r.name) ++updated;
        else {
          ++unchanged;
          continue;
        }
        changed.push_back(std::move(r));
      }
      finish(inserted, updated, unchanged);
      out.changed = !changed.empty();
      CAKUPAN_RETURN_IF_ERROR(out.changed ? store_.UpsertRegions(changed, &rec) : store_.LogImport(&rec));
      return out;
    }
    case DataKind::kWorkers: {
      CAKUPAN_ASSIGN_OR_RETURN(WorkerBatch batch, ReadWorkersCsv(opt.path, ro, progress_));
      CAKUPAN_RETURN_IF_ERROR(AfterRead(opt, batch.report, &out));
      progress_.Begin(Tr("Sorting by NIK", "Mengurutkan menurut NIK"), 0);
      WorkerTable incoming = CanonicalWorkers(std::move(batch.rows));
      progress_.End();
      progress_.Begin(Tr("Loading the stored registry", "Memuat registri tersimpan"), 0);
      CAKUPAN_ASSIGN_OR_RETURN(std::vector<WorkerTable> segments, store_.LoadWorkerSegments(kWorkerAllColumns));
      WorkerTable existing = MergeWorkerSegments(std::move(segments));
      progress_.End();
      progress_.Begin(Tr("Saving", "Menyimpan"), 0);
      if (existing.size() == 0) {
        finish(static_cast<int64_t>(incoming.size()), 0, 0);
        out.changed = true;
        CAKUPAN_RETURN_IF_ERROR(store_.WriteWorkers(incoming, opt.replace, &rec));
      } else {
        auto diff = DiffWorkers(existing, incoming);
        finish(diff.inserted, diff.updated, diff.unchanged);
        if (opt.replace) out.removed = static_cast<int64_t>(existing.size()) - diff.updated - diff.unchanged;
        existing = WorkerTable();
        out.changed = diff.delta.size() > 0 || out.removed > 0;
        if (!out.changed) {
          CAKUPAN_RETURN_IF_ERROR(store_.LogImport(&rec));
        } else if (opt.replace) {
          CAKUPAN_RETURN_IF_ERROR(store_.WriteWorkers(incoming, true, &rec));
        } else {
          CAKUPAN_RETURN_IF_ERROR(store_.WriteWorkers(diff.delta, false, &rec));
        }
      }
      progress_.End();
      CAKUPAN_ASSIGN_OR_RETURN(int segment_count, store_.CountWorkerSegments());
      if (segment_count > kMaxSegments) {
        CAKUPAN_ASSIGN_OR_RETURN(std::vector<WorkerTable> all, store_.LoadWorkerSegments(kWorkerAllColumns));
        CAKUPAN_RETURN_IF_ERROR(store_.CompactWorkers(MergeWorkerSegments(std::move(all))));
      }
      return out;
    }
    case DataKind::kMembers: {
      CAKUPAN_ASSIGN_OR_RETURN(MemberBatch batch, ReadMembersCsv(opt.path, ro, progress_));
      CAKUPAN_RETURN_IF_ERROR(AfterRead(opt, batch.report, &out));
      const Period period = batch.period;
      rec.period = period.ToString();
      progress_.Begin(Tr("Sorting by NIK", "Mengurutkan menurut NIK"), 0);
      MembershipTable incoming = CanonicalMembers(std::move(batch.rows));
      progress_.End();
      progress_.Begin(Tr("Loading the stored extract", "Memuat data kepesertaan tersimpan"), 0);
      CAKUPAN_ASSIGN_OR_RETURN(std::vector<MembershipTable> segments,
                               store_.LoadMemberSegments(period, kMemberAllColumns));
      MembershipTable existing = MergeMemberSegments(std::move(segments));
      progress_.End();
      progress_.Begin(Tr("Saving", "Menyimpan"), 0);
      if (existing.size() == 0) {
        finish(static_cast<int64_t>(incoming.size()), 0, 0);
        out.changed = true;
        CAKUPAN_RETURN_IF_ERROR(store_.WriteMembers(period, incoming, opt.replace, &rec));
      } else {
        auto diff = DiffMembers(existing, incoming);
        finish(diff.inserted, diff.updated, diff.unchanged);
        if (opt.replace) out.removed = static_cast<int64_t>(existing.size()) - diff.updated - diff.unchanged;
        existing = MembershipTable();
        out.changed = diff.delta.size() > 0 || out.removed > 0;
        if (!out.changed) {
          CAKUPAN_RETURN_IF_ERROR(store_.LogImport(&rec));
        } else if (opt.replace) {
          CAKUPAN_RETURN_IF_ERROR(store_.WriteMembers(period, incoming, true, &rec));
        } else {
          CAKUPAN_RETURN_IF_ERROR(store_.WriteMembers(period, diff.delta, false, &rec));
        }
      }
      progress_.End();
      CAKUPAN_ASSIGN_OR_RETURN(int segment_count, store_.CountMemberSegments(period));
      if (segment_count > kMaxSegments) {
        CAKUPAN_ASSIGN_OR_RETURN(std::vector<MembershipTable> all, store_.LoadMemberSegments(period, kMemberAllColumns));
        CAKUPAN_RETURN_IF_ERROR(store_.CompactMembers(period, MergeMemberSegments(std::move(all))));
      }
      return out;
    }
    case DataKind::kLabourForce: {
      CAKUPAN_ASSIGN_OR_RETURN(LabourForceBatch batch, ReadLabourForceCsv(opt.path, ro, progress_));
      CAKUPAN_RETURN_IF_ERROR(AfterRead(opt, batch.report, &out));
      CAKUPAN_ASSIGN_OR_RETURN(std::vector<LabourForceRecord> stored, store_.LoadLabourForce());
      std::map<std::pair<uint64_t, int32_t>, const LabourForceRecord*> by_key;
      for (const auto& r : stored) by_key[{r.region.packed(), r.period.index()}] = &r;
      std::vector<LabourForceRecord> changed;
      int64_t inserted = 0, updated = 0, unchanged = 0;
      for (LabourForceRecord& r : batch.rows) {
        auto it = by_key.find({r.region.packed(), r.period.index()});
        if (it == by_key.end()) ++inserted;
        else if (it->second->employed != r.employed || it->second->formal != r.formal ||
                 it->second->informal != r.informal || it->second->source != r.source)
          ++updated;
        else {
          ++unchanged;
          continue;
        }
        changed.push_back(std::move(r));
      }
      finish(inserted, updated, unchanged);
      out.changed = !changed.empty();
      CAKUPAN_RETURN_IF_ERROR(out.changed ? store_.UpsertLabourForce(changed, &rec) : store_.LogImport(&rec));
      return out;
    }
    case DataKind::kTargets: {
      CAKUPAN_ASSIGN_OR_RETURN(TargetBatch batch, ReadTargetsCsv(opt.path, ro, progress_));
      CAKUPAN_RETURN_IF_ERROR(AfterRead(opt, batch.report, &out));
      CAKUPAN_ASSIGN_OR_RETURN(std::vector<TargetRecord> stored, store_.LoadTargets());
      std::map<std::pair<uint64_t, int>, double> by_key;
      for (const auto& r : stored) by_key[{r.region.packed(), r.year}] = r.target;
      std::vector<TargetRecord> changed;
      int64_t inserted = 0, updated = 0, unchanged = 0;
      for (const TargetRecord& r : batch.rows) {
        auto it = by_key.find({r.region.packed(), r.year});
        if (it == by_key.end()) ++inserted;
        else if (std::fabs(it->second - r.target) > 1e-12) ++updated;
        else {
          ++unchanged;
          continue;
        }
        changed.push_back(r);
      }
      finish(inserted, updated, unchanged);
      out.changed = !changed.empty();
      CAKUPAN_RETURN_IF_ERROR(out.changed ? store_.UpsertTargets(changed, &rec) : store_.LogImport(&rec));
      return out;
    }
  }
  return Status::Internal("unknown import kind");
}

}  // namespace cakupan
