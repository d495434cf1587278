// Planning use cases on top of planning/: what contributions cost
// (`cakupan cost`, GET /api/cost) and what closing coverage gaps costs per
// year (`cakupan gaps`, GET /api/gaps). The parameters arrive as text (CLI
// options or query parameters, the same names) and are checked here once for
// both, with messages naming the parameter. docs/planning.md has examples.
//
// PlanningService holds a reference to a RateTable (services/rate_service.h
// loads one) and a date for "today"; gaps read coverage through a
// CoverageSource, so the CLI (CoverageService, the database) and the API
// (DashboardService, the in-memory snapshot) give the same figures.
// Thread-safe for concurrent calls when the table and the source are.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "base/clock.h"
#include "base/date.h"
#include "base/status.h"
#include "engine/coverage.h"
#include "planning/contribution.h"
#include "planning/gaps.h"
#include "planning/package.h"
#include "planning/rate_table.h"
#include "services/coverage_service.h"

namespace cakupan {

// What to price, as the user wrote it; "" = not given.
struct CostParams {
  std::string segment;         // PU, BPU, Jakon (default: the package's, else BPU)
  std::string package;         // bpu-minimum, bpu-jht, pu-full, jakon (default: the segment's)
  std::string programmes;      // instead of a package: "JKK+JKM+JHT"
  std::string income;          // BPU declared income a month (default: the lowest in the rate table)
  std::string wage;            // PU / Jakon wage a month (same meaning as income; give one)
  std::string risk_class;      // JKK risk class 1..5 (PU)
  std::string contract_value;  // Jakon: the contract's value
  std::string months;          // default 1
  std::string workers;         // default 1
  std::string date;            // the day whose rates apply to the first month (default: today)
};

// A coverage-gap question, as the user wrote it; "" = not given.
struct GapParams {
  std::string region = "0";  // region code
  std::string level;         // level of the rows (default: one below the region)
  std::string basis;         // labour-force (default) or registry
  std::string period;        // YYYY-MM (default: the latest reconciled)
  std::string target;        // "" or "own": each region's target; "national"; "39", "39%", "39,5%"
  CostParams worker;         // the package per worker; months, workers and contract_value must be ""
};

struct GapQuery {
  CoverageQuery coverage;
  GapTarget target;                 // kNational: the ratio is filled in by Gaps()
  ContributionRequest worker_year;  // one worker, 12 months
};

class PlanningService {
 public:
  using CoverageSource = std::function<Result<CoverageReport>(const CoverageQuery&)>;

  // `rates` must outlive the service. `today` is the default date.
  PlanningService(const RateTable& rates, Date today);

  // Parses and checks `params` (kInvalidArgument naming the parameter;
  // kNotFound for an unknown package).
  Result<ContributionRequest> CostRequest(const CostParams& params) const;
  Result<GapQuery> ParseGapQuery(const GapParams& params) const;

  Result<ContributionResult> Cost(const ContributionRequest& request) const;
  Result<ContributionResult> Cost(const CostParams& params) const;

  // Coverage of the region and its rows from `coverage`, each row's gap to
  // the target and its yearly cost. kFailedPrecondition (reason "no_data")
  // when the target is the national reference and the data cannot give one;
  // the coverage source's errors otherwise (stale, unknown region...).
  Result<GapReport> Gaps(const GapQuery& query, const CoverageSource& coverage) const;
  Result<GapReport> Gaps(const GapParams& params, const CoverageSource& coverage) const;

 private:
  const RateTable& rates_;
  Date today_;
};

// `target` with a national target resolved: the exact ratio of the national
// root's active participants to its denominator in `report`'s period (read
// through `coverage` with `base`'s basis when `report` is not the national
// root). Other kinds are returned unchanged. FailedPrecondition ("no_data")
// when the data give no national reference.
Result<GapTarget> ResolveGapTarget(GapTarget target, const CoverageReport& report, const CoverageQuery& base,
                                   const PlanningService::CoverageSource& coverage);

}  // namespace cakupan
