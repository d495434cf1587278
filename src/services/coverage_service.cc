#include "services/coverage_service.h"

#include <algorithm>

#include "base/i18n.h"
#include "engine/segments.h"
#include "services/region_catalog.h"

namespace cakupan {

namespace {

Status StaleError(Period p, bool never) {
  std::string cmd = "cakupan reconcile --period " + p.ToString();
  return Status(StatusCode::kFailedPrecondition,
      std::string(never ? Tr("period ", "periode ") : Tr("the data changed since period ", "data berubah sejak periode ")) +
      p.ToString() +
      (never ? Tr(" has not been reconciled yet; run: ", " belum direkonsiliasi; jalankan: ")
             : Tr(" was reconciled; run again: ", " direkonsiliasi; jalankan lagi: ")) +
      cmd).WithReason("stale");
}

}  // namespace

CoverageService::CoverageService(Store& store) : store_(store) {}

Result<std::vector<Period>> CoverageService::Periods() { return store_.ListReconciledPeriods(); }

Result<Period> CoverageService::ResolvePeriod(std::optional<Period> period) {
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<Period> reconciled, store_.ListReconciledPeriods());
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<Period> extracts, store_.ListMemberPeriods());
  if (!period) {
    if (!extracts.empty() && (reconciled.empty() || extracts.back() > reconciled.back()))
      return StaleError(extracts.back(), true);
    if (reconciled.empty()) {
      return Status::FailedPrecondition(
          Tr("nothing has been reconciled yet: import workers and a membership extract, then run cakupan reconcile",
             "belum ada hasil rekonsiliasi: impor pekerja dan data kepesertaan, lalu jalankan cakupan reconcile"));
    }
    period = reconciled.back();
  }
  if (std::find(reconciled.begin(), reconciled.end(), *period) == reconciled.end()) {
    if (std::find(extracts.begin(), extracts.end(), *period) != extracts.end()) return StaleError(*period, true);
    return Status::NotFound(std::string(Tr("no data for period ", "tidak ada data untuk periode ")) +
                            period->ToString());
  }
  // Stale results are refused: the figures would not match the data.
  CAKUPAN_ASSIGN_OR_RETURN(std::optional<ReconciliationRecord> rec, store_.LoadReconciliation(*period, false));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t w, store_.DataVersion(DataKind::kWorkers, std::nullopt));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t m, store_.DataVersion(DataKind::kMembers, *period));
  CAKUPAN_ASSIGN_OR_RETURN(int64_t r, store_.DataVersion(DataKind::kRegions, std::nullopt));
  if (!rec || w != rec->workers_version || m != rec->members_version || r != rec->regions_version)
    return StaleError(*period, false);
  return *period;
}

Result<CoverageReport> CoverageService::Coverage(const CoverageQuery& q) {
  CAKUPAN_ASSIGN_OR_RETURN(RegionTable regions, LoadRegionTable(store_));
  CAKUPAN_RETURN_IF_ERROR(RequireRegions(regions));
  CAKUPAN_ASSIGN_OR_RETURN(int32_t region, ResolveRegion(regions, q.region));
  RegionLevel level = q.level ? *q.level
                              : (regions.level(region) == RegionLevel::kVillage
                                     ? RegionLevel::kVillage
                                     : static_cast<RegionLevel>(static_cast<int>(regions.level(region)) + 1));
  if (regions.level(region) == RegionLevel::kVillage) {
    return Status::InvalidArgument(
        Tr("a village has no regions below it; ask for its district (e.g. --region 17.04.07) or its workers",
           "desa tidak memiliki wilayah di bawahnya; tampilkan kecamatannya (mis. --region 17.04.07)"));
  }
  CAKUPAN_ASSIGN_OR_RETURN(Period period, ResolvePeriod(q.period));
  CAKUPAN_ASSIGN_OR_RETURN(std::optional<ReconciliationRecord> rec, store_.LoadReconciliation(period, false));
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<LabourForceRecord> lf, store_.LoadLabourForce());
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<TargetRecord> targets, store_.LoadTargets());
  CoverageModel model(regions, rec->counts, lf, targets, period, q.basis);
  return model.Report(region, level);
}

Result<Breakdown> CoverageService::BreakdownBy(const CoverageQuery& q, Dimension dim) {
  CAKUPAN_ASSIGN_OR_RETURN(RegionTable regions, LoadRegionTable(store_));
  CAKUPAN_RETURN_IF_ERROR(RequireRegions(regions));
  CAKUPAN_ASSIGN_OR_RETURN(int32_t region, ResolveRegion(regions, q.region));
  CAKUPAN_ASSIGN_OR_RETURN(Period period, ResolvePeriod(q.period));
  CAKUPAN_ASSIGN_OR_RETURN(std::optional<ReconciliationRecord> rec, store_.LoadReconciliation(period, true));
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<LabourForceRecord> lf, store_.LoadLabourForce());
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<TargetRecord> targets, store_.LoadTargets());
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<WorkerTable> segments,
                           store_.LoadWorkerSegments(kWorkerNik | kWorkerVillage | kWorkerSex | kWorkerBirthDate |
                                                     kWorkerFormality | kWorkerVulnerability | kWorkerDecile));
  WorkerTable workers = MergeWorkerSegments(std::move(segments));
  CoverageModel model(regions, rec->counts, lf, targets, period, q.basis);
  return ComputeBreakdown(model, workers, *rec, region, dim);
}

}  // namespace cakupan
