// Synthetic data sets (synth/) from the region and population reference files,
// and the Bengkulu demo: regions, a generated data set, its imports and the
// reconciliation of every period — the same path a real user's files take,
// so every figure the demo shows is computed from records.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/progress.h"
#include "base/status.h"
#include "domain/reconciliation.h"
#include "services/import_service.h"
#include "storage/store.h"
#include "synth/generator.h"

namespace cakupan {

// Reference files shipped in data/ (data/wilayah/wilayah.csv, penduduk.csv).
struct ReferenceFiles {
  std::string regions;     // kode,nama
  std::string population;  // kode,nama,pria,wanita,total
  std::string rates;       // tarif/iuran.csv: contribution rates (services/rate_service.h)
  static ReferenceFiles InDataDir(const std::string& data_dir);
};

// Reads the reference files and writes a generated data set into `out_dir`.
// When the profile names no targets, every province and regency in the
// scopes gets `default_target` (a fraction) for the year of the period.
Result<GenerateSummary> GenerateFromReference(const ReferenceFiles& reference, GenerateOptions options,
                                              const std::string& out_dir, Progress& progress,
                                              double default_target = 0.40);

struct DemoOptions {
  std::string data_dir;                 // holds wilayah/wilayah.csv and wilayah/penduduk.csv
  std::string work_dir;                 // where the generated CSV files go
  int64_t bengkulu_workers = 700000;    // about Bengkulu's 700,000 workers
  int64_t rest_workers = 1000000;       // sample of the other 37 provinces
  uint64_t seed = 20241120;
};

struct DemoOutcome {
  GenerateSummary generated;
  std::vector<ImportOutcome> imports;
  std::vector<ReconciliationRecord> reconciliations;  // summaries, oldest first
};

// Builds the demo into an empty store, with the shipped contribution rates.
Result<DemoOutcome> BuildDemo(Store& store, Clock& clock, Progress& progress, const DemoOptions& options);

}  // namespace cakupan
