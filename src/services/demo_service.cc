#include "services/demo_service.h"

#include <filesystem>

#include "base/i18n.h"
#include "ingest/readers.h"
#include "services/rate_service.h"
#include "services/reconcile_service.h"
#include "services/region_catalog.h"

namespace cakupan {

ReferenceFiles ReferenceFiles::InDataDir(const std::string& data_dir) {
  const std::filesystem::path d(data_dir);
  return ReferenceFiles{(d / "wilayah" / "wilayah.csv").string(), (d / "wilayah" / "penduduk.csv").string(),
                        (d / "tarif" / "iuran.csv").string()};
}

Result<GenerateSummary> GenerateFromReference(const ReferenceFiles& reference, GenerateOptions options,
                                              const std::string& out_dir, Progress& progress, double default_target) {
  RegionTable none;
  ReadOptions ro;
  ro.regions = &none;
  CAKUPAN_ASSIGN_OR_RETURN(RegionBatch batch, ReadRegionsCsv(reference.regions, ro, progress));
  if (batch.report.rejected > 0) {
    return Status::DataError(reference.regions + Tr(": the reference region list has rejected rows",
                                                    ": daftar wilayah rujukan memiliki baris yang ditolak"));
  }
  CAKUPAN_ASSIGN_OR_RETURN(RegionTable regions, RegionTable::Build(std::move(batch.rows)));
  ro.regions = &regions;
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<PopulationRecord> population, ReadPopulationCsv(reference.population, ro));
  if (options.profile.targets.empty()) {
    for (const GenerateScope& scope : options.scopes) {
      const int32_t s = regions.Find(scope.region);
      if (s == RegionTable::kNotFound) continue;  // the generator reports it
      for (RegionLevel level : {RegionLevel::kProvince, RegionLevel::kRegency})
        for (int32_t i : regions.DescendantsAtLevel(s, level)) options.profile.targets[regions.code(i)] = default_target;
    }
  }
  return GenerateDataset(regions, population, options, out_dir, progress);
}

Result<DemoOutcome> BuildDemo(Store& store, Clock& clock, Progress& progress, const DemoOptions& options) {
  DemoOutcome out;
  const ReferenceFiles ref = ReferenceFiles::InDataDir(options.data_dir);
  ImportService importer(store, clock, progress);
  auto import = [&](DataKind kind, const std::string& path) -> Status {
    ImportOptions io;
    io.kind = kind;
    io.path = path;
    io.max_reject_fraction = 0.0;  // generated data must import cleanly
    CAKUPAN_ASSIGN_OR_RETURN(ImportOutcome o, importer.Import(io));
    out.imports.push_back(std::move(o));
    return Status::Ok();
  };
  CAKUPAN_RETURN_IF_ERROR(import(DataKind::kRegions, ref.regions));
  {
    RateService rates(store, clock);
    CAKUPAN_RETURN_IF_ERROR(rates.Import(RateImportOptions{ref.rates, false}).status());
  }
  CAKUPAN_ASSIGN_OR_RETURN(RegionTable regions, LoadRegionTable(store));
  ReadOptions ro;
  ro.regions = &regions;
  CAKUPAN_ASSIGN_OR_RETURN(std::vector<PopulationRecord> population, ReadPopulationCsv(ref.population, ro));
  GenerateOptions gen = BengkuluDemoOptions(options.bengkulu_workers, options.rest_workers, options.seed);
  CAKUPAN_ASSIGN_OR_RETURN(out.generated, GenerateDataset(regions, population, gen, options.work_dir, progress));
  const GeneratedFiles& f = out.generated.files;
  CAKUPAN_RETURN_IF_ERROR(import(DataKind::kWorkers, f.workers));
  CAKUPAN_RETURN_IF_ERROR(import(DataKind::kLabourForce, f.labour_force));
  CAKUPAN_RETURN_IF_ERROR(import(DataKind::kTargets, f.targets));
  for (const std::string& members : f.members) CAKUPAN_RETURN_IF_ERROR(import(DataKind::kMembers, members));
  ReconcileService reconciler(store, clock, progress);
  CAKUPAN_ASSIGN_OR_RETURN(out.reconciliations, reconciler.ReconcileAll());
  return out;
}

}  // namespace cakupan
