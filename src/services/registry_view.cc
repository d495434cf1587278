#include "services/registry_view.h"

#include "base/i18n.h"
#include "engine/region_order.h"
#include "engine/segments.h"
#include "services/region_catalog.h"

namespace cakupan {

namespace {

struct Owned {
  RegionTable regions;
  WorkerTable workers;
  std::vector<int32_t> region;
  std::vector<uint8_t> results;
};

}  // namespace

Result<RegistryView> LoadRegistryView(Store& store, Period period, bool with_names, Progress& progress) {
  auto owned = std::make_shared<Owned>();
  CAKUPAN_ASSIGN_OR_RETURN(owned->regions, LoadRegionTable(store));
  uint32_t columns = kWorkerNik | kWorkerVillage | kWorkerSex | kWorkerBirthDate | kWorkerFormality |
                     kWorkerOccupation | kWorkerDecile | kWorkerVulnerability;
  if (with_names) columns |= kWorkerName;
  progress.Begin(Tr("Loading the registry", "Memuat registri"), 0);
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<WorkerTable> segments, store.LoadWorkerSegments(columns));
  owned->workers = MergeWorkerSegments(std::move(segments));
  progress.End();
  {
    progress.Begin(Tr("Loading the reconciliation", "Memuat hasil rekonsiliasi"), 0);
    CAKUPAN_ASSIGN_OR_RETURN(std::optional<ReconciliationRecord> rec, store.LoadReconciliation(period, true));
    if (!rec) {
      return Status::NotFound(std::string(Tr("period ", "periode ")) + period.ToString() +
                              Tr(" has not been reconciled", " belum direkonsiliasi"));
    }
    if (rec->worker_results.size() != owned->workers.size()) {
      return Status::FailedPrecondition(std::string(Tr("the registry changed since period ",
                                                       "registri berubah sejak periode ")) +
                                        period.ToString() +
                                        Tr(" was reconciled; run: cakupan reconcile --period ",
                                           " direkonsiliasi; jalankan: cakupan reconcile --period ") +
                                        period.ToString())
          .WithReason("stale");
    }
    owned->results = std::move(rec->worker_results);
    progress.End();
  }
  progress.Begin(Tr("Locating villages", "Mencari desa"), 0);
  owned->region = WorkerRegions(owned->regions, owned->workers.village);
  progress.End();
  owned->workers.village = {};
  const WorkerTable& w = owned->workers;
  RegistryView v;
  v.regions = &owned->regions;
  v.period = period;
  v.key = w.nik;
  v.region = owned->region;
  v.result = owned->results;
  v.sex = w.sex;
  v.birth_date = w.birth_date;
  v.formality = w.formality;
  v.occupation = w.occupation;
  v.decile = w.decile;
  v.vulnerability = w.vulnerability;
  v.occupations = &w.occupations;
  v.names = with_names ? &w.name : nullptr;
  v.owner = std::move(owned);
  return v;
}

}  // namespace cakupan
