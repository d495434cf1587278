// Coverage figures for a region and the regions below it, for one period, on
// one denominator basis (definitions: docs/definitions.md):
//   labour-force: denominator = employed persons (imported BPS figures; a
//                 region without its own figure sums its children when all
//                 of them have one); numerator = active participants
//                 attributed to the region, matched or not;
//   registry:     denominator = enumerated registry workers; numerator =
//                 registry workers with an active membership.
// CoverageModel is built once from the stored counts and then answers any
// region/level query from dense arrays. Immutable after construction; safe to
// share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "domain/reconciliation.h"
#include "domain/region_table.h"
#include "domain/tables.h"

namespace cakupan {

enum class Basis : uint8_t { kLabourForce = 0, kRegistry = 1 };
const char* BasisName(Basis b);  // "labour-force" / "registry"
// Accepts "labour-force", "labour_force", "labor-force", "angkatan-kerja",
// "bps", "registry", "registri", "pendataan".
std::optional<Basis> ParseBasis(std::string_view text);

struct CoverageRow {
  int32_t index = -1;  // RegionTable index
  RegionCode code;
  std::string name;
  RegionLevel level = RegionLevel::kNational;
  std::optional<int64_t> denominator;        // absent when unknown on this basis
  std::optional<Period> denominator_period;  // labour-force basis: latest figure used
  int64_t active = 0;        // numerator on this basis
  int64_t non_active = 0;    // lapsed participants on this basis
  int64_t unregistered = 0;  // registry workers with no membership
  int64_t registry = 0;      // registry workers
  int64_t unmatched_active = 0;  // active members with no registry worker (part of `active` on labour-force)
  std::optional<double> coverage;  // active / denominator, a fraction
  std::optional<int> rank;         // 1 = highest coverage among siblings with a coverage
  int rank_of = 0;                 // number of ranked siblings
  std::optional<double> target;    // fraction, for the period's year
  std::optional<double> gap_points;      // (target - coverage) * 100; > 0 = behind
  std::optional<int64_t> gap_workers;    // ceil(target * denominator) - active; > 0 = short
  std::optional<double> gap_national_points;    // (national reference - coverage) * 100
  std::optional<int64_t> gap_national_workers;  // ceil(national * denominator) - active
};

struct CoverageReport {
  Period period;
  Basis basis = Basis::kLabourForce;
  RegionLevel level = RegionLevel::kProvince;  // level of `rows`
  std::optional<double> national_reference;
  std::string national_reference_note;  // why it is absent, when it is
  CoverageRow region;
  std::vector<CoverageRow> rows;        // code order
  // Numerator of `region` not attributed to any row (unmatched members
  // attributed above `level`, e.g. to the regency itself).
  int64_t active_not_in_rows = 0;
};

class CoverageModel {
 public:
  // `counts` are the rolled-up counts of one reconciliation (any order).
  CoverageModel(const RegionTable& regions, const std::vector<RegionCounts>& counts,
                const std::vector<LabourForceRecord>& labour_force, const std::vector<TargetRecord>& targets,
                Period period, Basis basis);

  Basis basis() const { return basis_; }
  Period period() const { return period_; }
  const RegionTable& regions() const { return regions_; }

  // One region's figures (rank and national gaps filled).
  CoverageRow Row(int32_t index) const;
  // The region's own row and its descendants at `level` (which must be below
  // the region's level; kInvalidArgument otherwise).
  Result<CoverageReport> Report(int32_t region, RegionLevel level) const;

  std::optional<double> national_reference() const { return national_; }
  const std::string& national_reference_note() const { return national_note_; }

  // Labour-force figures resolved for the period (-1 = unknown), by region
  // index: employed, formal, informal. Exposed for breakdowns.
  int64_t LabourForce(int32_t index, int field) const { return lf_[field][index]; }

 private:
  std::optional<double> CoverageOf(int32_t i) const;
  std::optional<int64_t> DenominatorOf(int32_t i) const;
  int64_t NumeratorOf(int32_t i) const;
  void FillRank(CoverageRow& row) const;

  const RegionTable& regions_;
  Period period_;
  Basis basis_;
  std::vector<RegionCounts> by_index_;         // dense, zero where absent
  std::vector<int64_t> lf_[3];                 // employed, formal, informal; -1 = unknown
  std::vector<int32_t> lf_period_;             // Period index of the latest figure used; 0 = none
  std::vector<double> target_;                 // NaN = none
  std::optional<double> national_;
  std::string national_note_;
};

// Smallest whole number of workers w with w >= fraction * denominator,
// robust to binary rounding (0.4 * 1000 is 400, not 401).
int64_t CeilWorkers(double fraction, int64_t denominator);

}  // namespace cakupan
