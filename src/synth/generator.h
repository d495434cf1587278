// Synthetic but realistic data for demos, tests and benchmarks: a regional
// worker registry, BPJS Ketenagakerjaan membership extracts, labour-force
// denominators and targets, written as the CSV files cakupan imports
// (docs/data-formats.md). Deterministic: the same options and seed give
// byte-identical files.
//
// Coverage is steered, not typed: the generator chooses how many workers of
// each regency hold an active membership so that reconciling the files gives
// the profile's coverage; every figure a user later sees is computed by
// cakupan from these records.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/progress.h"
#include "base/status.h"
#include "domain/region_table.h"
#include "domain/tables.h"

namespace cakupan {

// A part of the country and how many registry workers to generate in it.
// Scopes may nest: a scope nested in an earlier one is carved out of it
// ({0: 1,000,000}, {17: 700,000} gives Bengkulu 700,000 and the other
// provinces 1,000,000 in proportion to population).
struct GenerateScope {
  RegionCode region;   // national root, a province or a regency
  int64_t workers = 0;
};

// Target coverage (labour-force basis, final period) per region.
struct CoverageProfile {
  // Fixed coverage for listed regencies (e.g. 17.04 -> 0.75).
  std::map<RegionCode, double> fixed;
  // Relative weights for other regencies (default 1.0, or a seeded random
  // spread when `random_spread` > 0); they are scaled so that each listed
  // province reaches its coverage here.
  std::map<RegionCode, double> weight;
  std::map<RegionCode, double> province;  // e.g. 17 -> 0.37
  std::optional<double> national;         // e.g. 0.39: scales the provinces not listed in `province`
  double default_coverage = 0.35;         // when nothing else applies
  double random_spread = 0.35;            // relative spread of unlisted regencies/provinces
  // Targets written to the targets file (year of the final period).
  std::map<RegionCode, double> targets;
};

struct GenerateOptions {
  std::vector<GenerateScope> scopes;  // at least one
  uint64_t seed = 1;
  Period period;                      // the final (most recent) period
  int periods = 1;                    // monthly extracts ending at `period`
  CoverageProfile profile;
  double unenumerated_share = 0.05;   // employed persons missing from the registry
  double unmatched_active_share = 0.05;  // of active members, those not in the registry
  double non_active_share = 0.08;     // registry workers holding only lapsed memberships
};

struct GeneratedFiles {
  std::string workers;                 // pekerja.csv
  std::vector<std::string> members;    // kepesertaan-YYYY-MM.csv, oldest first
  std::string labour_force;            // angkatan-kerja.csv
  std::string targets;                 // target.csv
};

struct GenerateSummary {
  GeneratedFiles files;
  int64_t workers = 0;
  int64_t memberships = 0;             // rows over all periods
  int64_t villages_with_workers = 0;
};

// `population` gives population per province and regency (penduduk.csv);
// a regency without an entry gets the average of its province's regencies.
// Writes the files into `out_dir` (created if missing). Fails with
// kInvalidArgument for an unknown scope region, non-positive worker counts or
// an infeasible profile (a coverage outside (0, 0.95]).
Result<GenerateSummary> GenerateDataset(const RegionTable& regions, const std::vector<PopulationRecord>& population,
                                        const GenerateOptions& options, const std::string& out_dir,
                                        Progress& progress);

// The November 2024 Monev scenario for Bengkulu: Bengkulu at full scale
// (`bengkulu_workers`, about 700,000) with province 37%, Kaur 75%, Lebong 17%,
// the rest of Indonesia sampled with `rest_workers` so that the national
// figure is 39%; six monthly extracts ending 2024-11; targets for 2024.
GenerateOptions BengkuluDemoOptions(int64_t bengkulu_workers = 700000, int64_t rest_workers = 1000000,
                                    uint64_t seed = 20241120);

}  // namespace cakupan
