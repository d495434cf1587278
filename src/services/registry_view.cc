#include "services/registry_view.h"

#include <future>
#include <optional>
#include <system_error>

#include "base/i18n.h"
#include "engine/region_order.h"
#include "engine/segments.h"
#include "services/region_catalog.h"

namespace cakupan {

namespace {

Result<StringColumn> ReadNames(Store& store) {
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<WorkerTable> segments, store.LoadWorkerSegments(kWorkerNik | kWorkerName));
  WorkerTable merged = MergeWorkerSegments(std::move(segments));
  return std::move(merged.name);
}

struct Owned {
  RegionTable regions;
  WorkerTable workers;
  std::vector<int32_t> region;
  std::vector<uint8_t> results;
  // The names, read by a background thread.
  std::shared_ptr<Store> names_store;
  std::future<Result<StringColumn>> names_future;
  std::optional<StringColumn> names;
  Status names_status;
};

}  // namespace

Result<RegistryView> LoadRegistryView(Store& store, Period period, std::unique_ptr<Store> names_store,
                                      Progress& progress) {
  auto owned = std::make_shared<Owned>();
  if (names_store) {
    owned->names_store = std::move(names_store);
    try {
      owned->names_future = std::async(std::launch::async, [s = owned->names_store]() { return ReadNames(*s); });
    } catch (const std::system_error&) {
      // No thread: the names are read when first needed.
    }
  }
  CAKUPAN_ASSIGN_OR_RETURN(owned->regions, LoadRegionTable(store));
  const uint32_t columns = kWorkerNik | kWorkerVillage | kWorkerSex | kWorkerBirthDate | kWorkerFormality |
                           kWorkerOccupation | kWorkerDecile | kWorkerVulnerability;
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
  if (owned->names_store) {
    Owned* o = owned.get();
    v.await_names = [o]() -> Result<const StringColumn*> {
      if (!o->names && o->names_status.ok()) {
        Result<StringColumn> names = o->names_future.valid() ? o->names_future.get() : ReadNames(*o->names_store);
        if (!names.ok()) {
          o->names_status = names.status();
        } else if (names->size() != o->workers.size()) {
          o->names_status = Status::FailedPrecondition(Tr("the registry changed while it was read; try again",
                                                          "registri berubah saat dibaca; coba lagi"))
                                .WithReason("stale");
        } else {
          o->names = std::move(names).value();
        }
      }
      if (!o->names_status.ok()) return o->names_status;
      return &*o->names;
    };
  }
  v.owner = std::move(owned);
  return v;
}

}  // namespace cakupan
