// Synthetic but realistic data for demos, tests and benchmarks: a regional
// worker registry, BPJS Ketenagakerjaan membership extracts, labour-force
// denominators and targets, written as the CSV files cakupan imports
// (docs/data-formats.md). The model is documented in docs/synthetic-data.md.
// Deterministic: the same options and seed give byte-identical files (on the
// same platform and build).
//
// Thread-safety: GenerateDataset is re-entrant (each call owns its state);
// two calls must not write into the same directory.
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
// Scopes may nest: a scope nested in another is carved out of it ({0:
// 1,000,000}, {17: 700,000} gives Bengkulu 700,000 and the other provinces
// 1,000,000 in proportion to population); each regency belongs to the
// deepest scope containing it, whatever the order.
struct GenerateScope {
  RegionCode region;   // national root, a province or a regency
  int64_t workers = 0;
};

// Target coverage (labour-force basis, final period) per region. Solving it
// is described in docs/synthetic-data.md ("Coverage").
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
  // Relative spread of unlisted regencies/provinces: a regency without an
  // explicit weight gets (1 + spread*u_province) * (1 + spread/2*u_regency)
  // with u uniform in [-1, 1], times `kota_factor` for a kota. 0 = all 1.
  double random_spread = 0.35;
  double kota_factor = 1.25;              // cities are better covered (more wage earners)
  // Targets written to the targets file (year of the final period); keys are
  // the national root (0), provinces or regencies.
  std::map<RegionCode, double> targets;
};

// Errors one source makes when it records a person (docs/synthetic-data.md,
// "Noise model"). Each rate is the probability, per written record, that the
// error is applied; kinds are drawn independently, so one record may carry
// several. A rate marked "of eligible records" applies only where the error
// can be made (a day/month swap needs a day <= 12 that differs from the
// month); elsewhere the record is left alone. All rates lie in [0, 1).
struct SourceNoise {
  // Names.
  double name_typo = 0;       // one edit: substitution, deletion, insertion or adjacent transposition of a letter
  double name_variant = 0;    // a spelling variant (oe/u, dj/j, tj/c, ch/kh, sj/sy, j/y; MUHAMMAD/MUHAMAD/MOH./M./
                              // MOCH.; a doubled letter), of eligible records (nearly all)
  double name_title = 0;      // a title or degree added: H., HJ., DRS., DRA., S.PD., S.E., A.MD., S.H.
  double name_case = 0;       // written in title case ("Budi Santoso") instead of the KTP's capitals
  double name_stray = 0;      // a stray character: a trailing '.', or a double space between words
  double name_token_dropped = 0;  // a middle or last word left out, of names with two or more words
  // NIK (registry only: BPJS checks NIKs with Dukcapil, so extract NIKs are correct).
  double nik_digit = 0;       // one digit wrong
  double nik_transposed = 0;  // two adjacent (different) digits swapped
  double nik_missing = 0;     // the cell left empty
  double nik_excel = 0;       // mangled by a spreadsheet into scientific notation ("1.70407E+15")
  // Birth date.
  double date_swapped = 0;    // day and month swapped, of eligible records (day <= 12, day != month)
  // Records (registry only).
  double duplicate = 0;       // the person enumerated a second time, in another village of the regency
};

// Errors to inject into the files so that record linkage has something to
// find. All zero (the default) = no noise: the files are exactly those of a
// build without noise and reconciling them gives RegencyPlan's counts. With
// noise on, every person is still drawn once (the truth); each source's
// record is derived from it with errors drawn from a separate random stream,
// so the noisy data set differs from the clean one with the same seed only
// where errors were made, and kebenaran.csv (the ground truth) is written.
struct NoiseOptions {
  SourceNoise registry;  // pekerja.csv: field enumeration, the noisy source
  SourceNoise extract;   // kepesertaan-*.csv: cleaner; NIK errors and duplicates must be 0
  // The documented default model (docs/synthetic-data.md, "Noise model").
  static NoiseOptions Default();
  // Every rate multiplied by `factor` (rates at or above 1 are then rejected
  // by GenerateDataset).
  NoiseOptions Scaled(double factor) const;
  bool any() const;
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
  double formal_share_kota = 0.58;       // sektor formal among workers of a kota (+-0.06 per regency)
  double formal_share_kabupaten = 0.34;  // ... of a kabupaten
  // Of the persons active in `period`, the share who enrolled in each earlier
  // month of the window (periods > 1): coverage grows towards `period`.
  double monthly_enrolment = 0.02;
  // Active wage earners holding a second membership (another employer, or a
  // BPU membership beside PU); they still count once.
  double second_membership_share = 0.04;
  NoiseOptions noise;                 // all zero = no noise (the default)
};

// How a regency's coverage was decided.
enum class CoverageSource : uint8_t {
  kFixed = 0,     // CoverageProfile::fixed
  kProvince = 1,  // solved for a province in CoverageProfile::province
  kNational = 2,  // solved for CoverageProfile::national
  kDefault = 3,   // default_coverage times the regency's weight
};

// The generator's plan for one regency in the final period. Reconciling the
// written files reproduces these counts exactly (noise off).
struct RegencyPlan {
  RegionCode region;
  int64_t workers = 0;               // registry workers domiciled here
  int64_t formal_workers = 0;        // of them, sektor formal
  int64_t unenumerated = 0;          // employed persons missing from the registry
  int64_t employed = 0;              // bekerja = workers + unenumerated
  int64_t employed_formal = 0;       // the labour-force file's `formal`
  double coverage = 0;               // c_r as fixed or solved (before rounding)
  int64_t active = 0;                // A_r = registry_active + unmatched_active = round(c_r * employed)
  int64_t registry_active = 0;       // registry workers with an active membership
  int64_t unmatched_active = 0;      // active members not in the registry, attributed here
  int64_t non_active = 0;            // registry workers with only lapsed memberships
  int64_t unmatched_non_active = 0;  // lapsed members not in the registry, attributed here
  CoverageSource source = CoverageSource::kDefault;
};

// Paths of the files written (out_dir joined with the file name).
struct GeneratedFiles {
  std::string workers;                 // pekerja.csv
  std::vector<std::string> members;    // kepesertaan-YYYY-MM.csv, oldest first
  std::string labour_force;            // angkatan-kerja.csv
  std::string targets;                 // target.csv
  std::string truth;                   // kebenaran.csv; empty when noise is off
};

struct GenerateSummary {
  GeneratedFiles files;
  int64_t workers = 0;
  int64_t memberships = 0;             // rows over all periods
  int64_t villages_with_workers = 0;
  std::vector<Period> periods;         // of `files.members`, oldest first
  std::vector<RegencyPlan> regencies;  // every regency with workers, code order
  int64_t registry_rows = 0;           // data rows of pekerja.csv (workers + duplicate enumerations)
};

// `population` gives population per province and regency (penduduk.csv);
// a regency without an entry gets the average of its province's regencies.
// Regencies without villages in `regions` get no workers.
//
// Writes pekerja.csv, kepesertaan-YYYY-MM.csv (one per period),
// angkatan-kerja.csv, target.csv and, with noise on, kebenaran.csv into
// `out_dir` (created if missing), overwriting files of those names. Reports
// progress in registry workers written (one Update per regency). Memory: 8-16
// bytes per person for the NIK set plus the largest regency's records; about
// 170 MB for 10 million workers (twice the NIK set with registry NIK errors
// on: a first pass issues every NIK so that no NIK typo yields an issued NIK).
//
// Fails, before writing anything, with kInvalidArgument for an unknown or
// too deep scope region, non-positive worker counts, a share or noise rate
// outside [0, 1), a non-zero NIK-error or duplicate rate for the extract, a
// profile region that is not listed or has no
// workers, or an infeasible profile (a solved coverage outside (0, 0.95], or
// fixed values that make a province or the national target unreachable); the
// message names the region. Fails with kIoError when a file cannot be
// written (files written so far are left behind) and kInternal if the NIK
// serials of one district and birth date run out.
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
