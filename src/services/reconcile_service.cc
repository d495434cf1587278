#include "services/reconcile_service.h"

#include <algorithm>
#include <set>

#include "base/i18n.h"
#include "engine/reconcile.h"
#include "engine/segments.h"
#include "services/region_catalog.h"

namespace cakupan {

Result<SameWorkerRows> ConfirmedDuplicateRows(Store& store, const WorkerTable& workers, bool match_band) {
  auto row_of = [&](uint64_t key) -> int64_t {
    auto it = std::lower_bound(workers.nik.begin(), workers.nik.end(), key);
    return it != workers.nik.end() && *it == key ? it - workers.nik.begin() : -1;
  };
  std::set<std::pair<uint64_t, uint64_t>> same, rejected;
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<LinkDecision> decisions, store.LoadDecisions(PairKind::kDuplicate));
  for (const LinkDecision& d : decisions) {
    (d.decision == Decision::kAccept ? same : rejected).insert({d.left, d.right});
  }
  if (match_band) {
    CAKUPAN_ASSIGN_OR_RETURN(std::optional<DedupeRecord> dedupe, store.LoadDedupe());
    if (dedupe) {
      for (const ScoredLink& p : dedupe->pairs) {
        if (p.band == PairBand::kMatch && !rejected.count({p.left, p.right})) same.insert({p.left, p.right});
      }
    }
  }
  SameWorkerRows rows;
  for (const auto& [left, right] : same) {
    const int64_t a = row_of(left), b = row_of(right);
    if (a >= 0 && b >= 0 && a != b) rows.emplace_back(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
  }
  return rows;
}

ReconcileService::ReconcileService(Store& store, Clock& clock, Progress& progress, ReconcileOptions options)
    : options_(std::move(options)), store_(store), clock_(clock), progress_(progress) {}

Result<ReconciliationRecord> ReconcileService::Reconcile(std::optional<Period> period) {
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<Period> periods, store_.ListMemberPeriods());
  if (!period) {
    if (periods.empty()) {
      return Status::FailedPrecondition(Tr("no membership extract is loaded; import one first: cakupan import "
                                           "members FILE --period YYYY-MM",
                                           "belum ada data kepesertaan; impor dulu: cakupan import members BERKAS "
                                           "--period YYYY-MM"));
    }
    period = periods.back();
  } else if (std::find(periods.begin(), periods.end(), *period) == periods.end()) {
    return Status::NotFound(std::string(Tr("no membership extract for period ", "tidak ada data kepesertaan periode ")) +
                            period->ToString());
  }
  CAKUPAN_ASSIGN_OR_RETURN(RegionTable regions, LoadRegionTable(store_));
  CAKUPAN_RETURN_IF_ERROR(RequireRegions(regions));
  // Versions first: if an import lands meanwhile, the result is marked stale.
  CAKUPAN_ASSIGN_OR_RETURN(int64_t workers_version, store_.DataVersion(DataKind::kWorkers, std::nullopt));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t members_version, store_.DataVersion(DataKind::kMembers, *period));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t regions_version, store_.DataVersion(DataKind::kRegions, std::nullopt));

  progress_.Begin(Tr("Loading data", "Memuat data"), 0);
  const bool linkage = options_.probabilistic;
  uint32_t worker_columns = kWorkerNik | kWorkerVillage;
  if (linkage) worker_columns |= kWorkerName | kWorkerSex | kWorkerBirthDate;
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<WorkerTable> wseg, store_.LoadWorkerSegments(worker_columns));
  WorkerTable workers = MergeWorkerSegments(std::move(wseg));
  uint32_t member_columns = kMemberNik | kMemberSegment | kMemberStatus | kMemberRegion | kMemberBirthDate;
  if (linkage) member_columns |= kMemberName;
  CAKUPAN_ASSIGN_OR_RETURN(int member_segments, store_.CountMemberSegments(*period));
  // Merging segments needs the whole key, and so does re-sorting the extract
  // after linkage puts a linked person's memberships under the worker's key
  // (two memberships of one segment differ only by NPP).
  if (member_segments > 1 || linkage) member_columns |= kMemberNpp;
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<MembershipTable> mseg, store_.LoadMemberSegments(*period, member_columns));
  MembershipTable members = MergeMemberSegments(std::move(mseg));
  progress_.End();

  CAKUPAN_ASSIGN_OR_RETURN(const SameWorkerRows same_worker, ConfirmedDuplicateRows(store_, workers, linkage));
  progress_.Begin(Tr("Reconciling", "Merekonsiliasi"), 0);
  ReconciliationRecord rec = cakupan::Reconcile(regions, workers, members, *period, same_worker);
  progress_.End();
  last_linkage_ = LinkageStepStats();
  if (linkage) {
    CAKUPAN_ASSIGN_OR_RETURN(std::vector<LinkDecision> decisions, store_.LoadDecisions(PairKind::kLink));
    progress_.Begin(Tr("Linking records without a matching NIK", "Mencocokkan data tanpa NIK yang sama"), 0);
    Result<ReconciliationRecord> linked = ReconcileWithLinkage(regions, workers, members, *period, std::move(rec),
                                                               decisions, options_.linkage, &last_linkage_, same_worker);
    progress_.End();
    if (!linked.ok()) return linked.status();
    rec = std::move(linked).value();
  }
  rec.workers_version = workers_version;
  rec.members_version = members_version;
  rec.regions_version = regions_version;
  rec.computed_at = clock_.NowUtcIso();
  progress_.Begin(Tr("Saving", "Menyimpan"), 0);
  CAKUPAN_RETURN_IF_ERROR(store_.SaveReconciliation(rec));
  progress_.End();
  return rec;
}

Result<std::vector<ReconciliationRecord>> ReconcileService::ReconcileAll() {
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<Period> periods, store_.ListMemberPeriods());
  if (periods.empty()) return Reconcile(std::nullopt).status();
  std::vector<ReconciliationRecord> out;
  for (Period p : periods) {
    CAKUPAN_ASSIGN_OR_RETURN(ReconciliationRecord rec, Reconcile(p));
    rec.worker_results.clear();
    rec.worker_results.shrink_to_fit();
    rec.unmatched = UnmatchedMembers();
    out.push_back(std::move(rec));
  }
  return out;
}

Result<Freshness> ReconcileService::CheckFreshness(Period period) {
  CAKUPAN_ASSIGN_OR_RETURN(std::optional<ReconciliationRecord> rec, store_.LoadReconciliation(period, false));
  if (!rec) return Freshness::kNeverComputed;
  CAKUPAN_ASSIGN_OR_RETURN(int64_t w, store_.DataVersion(DataKind::kWorkers, std::nullopt));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t m, store_.DataVersion(DataKind::kMembers, period));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t r, store_.DataVersion(DataKind::kRegions, std::nullopt));
  if (w != rec->workers_version || m != rec->members_version || r != rec->regions_version) return Freshness::kStale;
  return Freshness::kCurrent;
}

}  // namespace cakupan
