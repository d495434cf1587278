// Coverage figures and breakdowns from stored reconciliation results
// (engine/coverage.h, engine/breakdown.h). Refuses to answer from a result
// that is stale or missing, naming the command that fixes it.
// Not thread-safe; one use at a time per Store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "engine/breakdown.h"
#include "engine/coverage.h"
#include "storage/store.h"

namespace cakupan {

struct CoverageQuery {
  std::string region = "0";                  // region code; "0" = Indonesia
  std::optional<RegionLevel> level;          // default: one level below the region
  Basis basis = Basis::kLabourForce;
  std::optional<Period> period;              // default: the latest reconciled period
};

class CoverageService {
 public:
  explicit CoverageService(Store& store);

  Result<CoverageReport> Coverage(const CoverageQuery& query);
  Result<Breakdown> BreakdownBy(const CoverageQuery& query, Dimension dimension);
  // Periods with a stored reconciliation, ascending.
  Result<std::vector<Period>> Periods();

 private:
  Result<Period> ResolvePeriod(std::optional<Period> period);

  Store& store_;
};

}  // namespace cakupan
