// Coverage gaps and the yearly cost of closing them: per region, how many
// more active participants reach a target (the region's own, the national
// reference, or any coverage X), and what enrolling them costs per year with
// a package (planning/contribution.h). Definitions: docs/definitions.md,
// "Gaps and their cost"; examples: docs/planning.md.
//
//   needed = the smallest whole n >= 0 with (active + n) / workers >= target
//
// The denominator does not grow: the workers to enrol are already counted
// in it (employed persons or enumerated workers), they only become active.
// Targets are exact fractions (CoverageRatio), so the comparison is done in
// integers: 39% of 100,000 workers is 39,000, never 39,001.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "domain/region_code.h"
#include "domain/region_table.h"
#include "planning/contribution.h"

namespace cakupan {

// An exact coverage fraction numerator / denominator in [0, 1].
struct CoverageRatio {
  int64_t numerator = 0;
  int64_t denominator = 1;  // > 0
  double value() const { return static_cast<double>(numerator) / static_cast<double>(denominator); }
  bool operator==(const CoverageRatio&) const = default;
};

// X% written with up to three decimals, as pcm (39% = 39,000): pcm /
// 100,000. kInvalidArgument outside 0..100%.
Result<CoverageRatio> RatioFromPcm(int64_t pcm);
// A stored target fraction (0.40), rounded to the nearest 0.001 percentage
// point (targets are imported from text with at most that precision).
CoverageRatio RatioFromFraction(double fraction);

// The smallest n >= 0 with (active + n) / workers >= target; 0 when the
// target is met. `workers` must be > 0 and active >= 0.
int64_t WorkersNeeded(int64_t active, int64_t workers, const CoverageRatio& target);

enum class GapTargetKind : uint8_t {
  kOwn = 0,       // each region's own target for the year (cakupan import targets)
  kNational = 1,  // the national reference: national active / national denominator
  kFixed = 2,     // the same coverage X for every region
};
const char* GapTargetKindCode(GapTargetKind k);  // "own", "national", "fixed"

struct GapTarget {
  GapTargetKind kind = GapTargetKind::kOwn;
  CoverageRatio ratio;  // kNational / kFixed: the target; unused for kOwn
};

// A region's coverage figures, as the coverage model gives them.
struct GapInput {
  RegionCode code;
  std::string name;
  RegionLevel level = RegionLevel::kNational;
  std::optional<int64_t> workers;    // the denominator; absent when unknown on the basis
  int64_t active = 0;
  std::optional<double> own_target;  // the region's target fraction for the year, if imported
};

struct GapRow {
  RegionCode code;
  std::string name;
  RegionLevel level = RegionLevel::kNational;
  std::optional<int64_t> workers;
  int64_t active = 0;
  std::optional<double> coverage;       // active / workers (display only)
  std::optional<CoverageRatio> target;  // absent: no target for this region (kOwn without an import)
  std::optional<int64_t> needed;        // absent without workers or target; 0 = met
  std::optional<Rupiah> yearly_cost;    // needed x the package's cost per worker-year
};

struct GapReport {
  // The question.
  Period period;
  std::string basis;  // "labour-force" / "registry" (engine/coverage.h BasisName)
  RegionLevel level = RegionLevel::kNational;  // level of `rows`
  GapTarget target;
  std::optional<double> national_reference;  // for context, when known
  std::string national_reference_note;       // why it is absent
  // The price of one worker-year: the package priced for 12 months from
  // the rates' date, one worker.
  ContributionResult worker_year;
  // The answer.
  GapRow region;                // the region as a whole
  std::vector<GapRow> rows;     // the regions below it, code order
  int64_t rows_needed = 0;      // sum of `needed` over rows that have one
  Rupiah rows_cost = 0;         // sum of `yearly_cost` over rows that have one
  int rows_without_target = 0;  // rows with workers but no target
  int rows_without_workers = 0; // rows without a denominator
};

// Computes every row's gap and cost; `cost_per_worker_year` is
// worker_year.per_worker.total(). kInvalidArgument when an amount exceeds
// int64 (never for real figures).
Status FillGaps(const GapInput& region, const std::vector<GapInput>& rows, const GapTarget& target,
                Rupiah cost_per_worker_year, GapReport* report);

}  // namespace cakupan
